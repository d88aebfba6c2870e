import type { DisclosurePeriod } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';

/**
 * Periods of 定期公开 entries (pure): a key, its first and last day. Keys sort in time order within
 * one kind of period: '2026-M09' (month), '2026-Q3' (quarter), '2026-H2' (half year), '2026-Y' (year).
 * Dates are 'YYYY-MM-DD' strings; string comparison is date comparison.
 */
export interface Period {
  key: string;
  start: string;
  end: string;
}

/** Months per period. */
const SPAN: Record<DisclosurePeriod, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };
const KEY_RE = /^(\d{4})-(?:M(0[1-9]|1[0-2])|Q([1-4])|H([12])|(Y))$/;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function keyOf(period: DisclosurePeriod, year: number, index: number): string {
  switch (period) {
    case 'monthly':
      return `${year}-M${pad(index + 1)}`;
    case 'quarterly':
      return `${year}-Q${index + 1}`;
    case 'half_yearly':
      return `${year}-H${index + 1}`;
    default:
      return `${year}-Y`;
  }
}

/** The period number `index` (0-based) of `year`. */
function build(period: DisclosurePeriod, year: number, index: number): Period {
  const span = SPAN[period];
  const m1 = index * span + 1;
  const m2 = m1 + span - 1;
  return {
    key: keyOf(period, year, index),
    start: `${year}-${pad(m1)}-01`,
    end: `${year}-${pad(m2)}-${pad(lastDay(year, m2))}`,
  };
}

/** The period of the given kind that contains date. */
export function periodOf(period: DisclosurePeriod, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return build(period, year, Math.floor((month - 1) / SPAN[period]));
}

/** The period after p. */
export function nextPeriod(period: DisclosurePeriod, p: Period): Period {
  const year = Number(p.start.slice(0, 4));
  const index = Math.floor((Number(p.start.slice(5, 7)) - 1) / SPAN[period]) + 1;
  return index * SPAN[period] >= 12 ? build(period, year + 1, 0) : build(period, year, index);
}

/** Every period of the kind that overlaps [from, to] (both inclusive), in time order; [] if to < from. */
export function periodsOverlapping(period: DisclosurePeriod, from: string, to: string): Period[] {
  const out: Period[] = [];
  if (to < from) return out;
  for (let p = periodOf(period, from); p.start <= to; p = nextPeriod(period, p)) out.push(p);
  return out;
}

/** Parses a period key back into its kind and bounds; throws obligation.bad_period for anything else. */
export function parsePeriodKey(key: string): Period & { period: DisclosurePeriod } {
  const m = KEY_RE.exec(key);
  if (!m) throw new AppError('obligation.bad_period', { params: { value: key } });
  const year = Number(m[1]);
  if (m[2]) return { period: 'monthly', ...build('monthly', year, Number(m[2]) - 1) };
  if (m[3]) return { period: 'quarterly', ...build('quarterly', year, Number(m[3]) - 1) };
  if (m[4]) return { period: 'half_yearly', ...build('half_yearly', year, Number(m[4]) - 1) };
  return { period: 'yearly', ...build('yearly', year, 0) };
}

/** A person-readable name of a period key: 2026年9月, 2026年第3季度, 2026年下半年, 2026年度. */
export function periodLabel(key: string): string {
  const m = KEY_RE.exec(key);
  if (!m) return key;
  if (m[2]) return `${m[1]}年${Number(m[2])}月`;
  if (m[3]) return `${m[1]}年第${m[3]}季度`;
  if (m[4]) return `${m[1]}年${m[4] === '1' ? '上半年' : '下半年'}`;
  return `${m[1]}年度`;
}
