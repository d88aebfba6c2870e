import type { CatalogDomain, UnitKind } from '../../db/types.ts';
import type { TrendMonth } from './trend-chart.tsx';

/**
 * The compliance board's model (合规看板), pure: how an obligation is classed on a given day, how a
 * cell is coloured, and the date window the board looks at. The SQL in board-queries.ts uses the
 * same classes (a CASE on due_date against today and the due-soon cutoff).
 */

export const DOMAINS: readonly CatalogDomain[] = ['party', 'government', 'finance', 'village', 'service'];

/** What an obligation is on the board's day. */
export type ObligationClass = 'overdue' | 'due_soon' | 'upcoming' | 'on_time' | 'late';
export const CLASSES: readonly ObligationClass[] = ['overdue', 'due_soon', 'upcoming', 'on_time', 'late'];

export type CellCounts = Record<ObligationClass, number> & { total: number };

/** red = something overdue; amber = something due soon (nothing overdue); green = all else; none = no obligation. */
export type CellColor = 'red' | 'amber' | 'green' | 'none';

export function emptyCounts(): CellCounts {
  return { overdue: 0, due_soon: 0, upcoming: 0, on_time: 0, late: 0, total: 0 };
}

export function addCount(c: CellCounts, cls: ObligationClass, n: number): void {
  c[cls] += n;
  c.total += n;
}

export function cellColor(c: CellCounts): CellColor {
  if (c.total === 0) return 'none';
  if (c.overdue > 0) return 'red';
  if (c.due_soon > 0) return 'amber';
  return 'green';
}

/** The class of one obligation on `today` (mirror of the SQL CASE; used by tests and the drill-down). */
export function classify(
  o: { due_date: string; fulfilled_on: string | null },
  today: string,
  soonCutoff: string,
): ObligationClass {
  if (o.fulfilled_on !== null) return o.fulfilled_on <= o.due_date ? 'on_time' : 'late';
  if (o.due_date < today) return 'overdue';
  if (o.due_date <= soonCutoff) return 'due_soon';
  return 'upcoming';
}

export interface BoardFilter {
  /** A unit whose subtree the board covers (a township, the county root …); none = everything visible. */
  regionId?: string;
  kind?: UnitKind;
  domain?: CatalogDomain;
}

export interface BoardDates {
  /** The board's day in the county's time zone. */
  today: string;
  /** The last day that still counts as "due soon": today + the due-soon window in working days. */
  soonCutoff: string;
  /** First day of the trend window (the 1st of the month eleven months back). */
  windowStart: string;
  /** Last day of the current month. */
  windowEnd: string;
  /** A periodic column with no new item since before this day is stale (today − staleDays). */
  staleCutoff: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The twelve months ending with today's month, oldest first, as 'YYYY-MM'. */
export function trendMonthKeys(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(total / 12)}-${pad((total % 12) + 1)}`);
  }
  return out;
}

export function boardDates(today: string, soonCutoff: string, staleDays: number): BoardDates {
  const months = trendMonthKeys(today);
  const [y, m] = months[11].split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    today,
    soonCutoff,
    windowStart: `${months[0]}-01`,
    windowEnd: `${months[11]}-${pad(last)}`,
    staleCutoff: addDays(today, -staleDays),
  };
}

export function emptyTrend(today: string): TrendMonth[] {
  return trendMonthKeys(today).map((month) => ({ month, onTime: 0, late: 0, overdue: 0, pending: 0 }));
}

/** Adds a (month, class, n) aggregate row into the trend; months outside the window are ignored. */
export function addTrend(trend: TrendMonth[], month: string, cls: ObligationClass, n: number): void {
  const m = trend.find((t) => t.month === month);
  if (!m) return;
  if (cls === 'on_time') m.onTime += n;
  else if (cls === 'late') m.late += n;
  else if (cls === 'overdue') m.overdue += n;
  else m.pending += n;
}

export interface BoardUnit {
  id: string;
  name: string;
  code: string;
  kind: UnitKind;
  path: string;
  depth: number;
}

export interface BoardRow {
  unit: BoardUnit;
  cells: Record<CatalogDomain, CellCounts>;
  total: CellCounts;
}

export interface OverdueItem {
  obligationId: string;
  unitId: string;
  unitName: string;
  domain: CatalogDomain;
  item: string;
  periodKey: string;
  title: string | null;
  dueDate: string;
  dueProvisional: number;
  /** Working days past the due date. */
  daysLate: number;
}

export interface StaleColumn {
  unitId: string;
  unitName: string;
  entryId: string;
  domain: CatalogDomain;
  item: string;
  /** The latest fulfilment (fulfilled_on) of the column, null if never. */
  lastItem: string | null;
}

export interface Board {
  dates: BoardDates;
  staleDays: number;
  filter: BoardFilter;
  /** The region the board covers, when one is chosen. */
  region: BoardUnit | null;
  domains: readonly CatalogDomain[];
  rows: BoardRow[];
  totals: CellCounts;
  /** Units in scope without any obligation (not listed as rows). */
  unitsWithout: number;
  overdue: OverdueItem[];
  overdueTotal: number;
  stale: StaleColumn[];
  trend: TrendMonth[];
}

export function emptyCells(): Record<CatalogDomain, CellCounts> {
  return Object.fromEntries(DOMAINS.map((d) => [d, emptyCounts()])) as Record<CatalogDomain, CellCounts>;
}
