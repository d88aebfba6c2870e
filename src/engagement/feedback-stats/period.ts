import { AppError } from '../../lib/errors.ts';

/**
 * The statistics period (统计期间) on received_on: a month, a quarter, a year, or custom from–to
 * (both included, at most MAX_DAYS days). Parsed from a query string; missing parts default to
 * the current year / quarter / month of `today`.
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
  year: number;
  quarter: number;
  month: number;
}
export const MAX_DAYS = 3 * 366;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export function parsePeriod(q: Record<string, unknown>, today: string): Period {
  const int = (v: unknown, lo: number, hi: number, fallback: number) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= lo && n <= hi ? n : fallback;
  };
  const ty = Number(today.slice(0, 4));
  const tm = Number(today.slice(5, 7));
  const kind = (['month', 'quarter', 'year', 'custom'] as const).find((k) => k === q.period) ?? 'year';
  const year = int(q.year, 2000, 2100, ty);
  const month = int(q.month, 1, 12, tm);
  const quarter = int(q.quarter, 1, 4, Math.ceil(tm / 3));
  const base = { kind, year, month, quarter };
  if (kind === 'month')
    return { ...base, from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${lastDay(year, month)}` };
  if (kind === 'quarter') {
    const m1 = (quarter - 1) * 3 + 1;
    return { ...base, from: `${year}-${pad(m1)}-01`, to: `${year}-${pad(m1 + 2)}-${lastDay(year, m1 + 2)}` };
  }
  if (kind === 'year') return { ...base, from: `${year}-01-01`, to: `${year}-12-31` };
  const from = String(q.from ?? '');
  const to = String(q.to ?? '');
  if (!isDate(from) || !isDate(to) || to < from)
    throw new AppError('validation.failed', {
      status: 422,
      fields: [{ field: isDate(from) ? 'to' : 'from', code: 'feedback_stats.bad_period' }],
    });
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days > MAX_DAYS)
    throw new AppError('validation.failed', {
      status: 422,
      fields: [{ field: 'to', code: 'feedback_stats.period_too_long', params: { max: MAX_DAYS } }],
    });
  return { ...base, from, to };
}

/** The period as query-string pairs (for links and exports). */
export function periodQuery(p: Period, extra: Record<string, string> = {}): string {
  const o: Record<string, string> = { period: p.kind, ...extra };
  if (p.kind === 'custom') Object.assign(o, { from: p.from, to: p.to });
  else {
    o.year = String(p.year);
    if (p.kind === 'month') o.month = String(p.month);
    if (p.kind === 'quarter') o.quarter = String(p.quarter);
  }
  return new URLSearchParams(o).toString();
}
