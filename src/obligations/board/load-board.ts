import type { Actor } from '../../auth/actor.ts';
import type { Permission } from '../../auth/policy.ts';
import type { WorkingCalendar } from '../../calendar/calendar.ts';
import type { DbOrTx } from '../../db/types.ts';
import { beijingDate } from '../../jobs/schedule-daily.ts';
import { dueSoonCutoff } from '../status.ts';
import { assembleBoard } from './assemble-board.ts';
import { entryFacts, liveClaims, oldOpenFacts, trendCounts, windowFacts } from './board-facts.ts';
import {
  addTrend,
  type Board,
  type BoardDates,
  type BoardFilter,
  type BoardUnit,
  boardDates,
  DOMAINS,
  emptyTrend,
} from './board-model.ts';
import { overdueList, type Scope, scopeUnits } from './board-queries.ts';

export interface BoardSettings {
  /** Working days ahead of a due date that count as "due soon". */
  dueSoonDays: number;
  /** Days without a new item after which a periodic column is stale. */
  staleDays: number;
}

export interface LoadBoardInput {
  db: DbOrTx;
  actor: Actor;
  perm: Permission;
  now: Date;
  calendar: WorkingCalendar;
  settings: BoardSettings;
  filter: BoardFilter;
  /** The region unit, already resolved and checked visible by the caller. */
  region: BoardUnit | null;
  /** How many overdue items to list (null: all, for the export). */
  overdueLimit: number | null;
}

/** The board's day and its cut-offs (due soon via the working-day calendar, stale, trend window). */
export function datesOf(input: Pick<LoadBoardInput, 'now' | 'calendar' | 'settings'>): BoardDates {
  const today = beijingDate(input.now);
  const soonCutoff = dueSoonCutoff(today, input.calendar, input.settings.dueSoonDays);
  return boardDates(today, soonCutoff, input.settings.staleDays);
}

/** The compliance board for an actor: a handful of statements, assembled in memory. */
export async function loadBoard(input: LoadBoardInput): Promise<Board> {
  const { db, actor, calendar, settings, filter, region } = input;
  const dates = datesOf(input);
  const today = dates.today;
  const scope: Scope = { actor, perm: input.perm, filter, regionPath: region?.path ?? null };
  const domains = filter.domain ? [filter.domain] : DOMAINS;

  const units = await scopeUnits(db, scope);
  const set = { tenantId: actor.tenantId, unitIds: units.map((u) => u.id), domain: filter.domain };
  const [recent, old, trendRows, overdue, entries, claims] = await Promise.all([
    windowFacts(db, set, dates),
    oldOpenFacts(db, set, dates),
    trendCounts(db, set, dates),
    overdueList(db, set, dates, input.overdueLimit),
    entryFacts(db, actor.tenantId),
    liveClaims(db, actor.tenantId),
  ]);
  const { rows, totals, stale } = assembleBoard({
    units,
    facts: [...recent, ...old],
    entries,
    claims,
    domain: filter.domain,
    staleCutoff: dates.staleCutoff,
    staleDays: settings.staleDays,
  });

  const trend = emptyTrend(today);
  for (const r of trendRows) addTrend(trend, r.month, r.cls, r.n);

  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const late = workingDaysLate(
    overdue.map((o) => o.dueDate),
    today,
    calendar,
  );
  return {
    dates,
    staleDays: settings.staleDays,
    filter,
    region,
    domains,
    rows,
    totals,
    unitsWithout: units.length - rows.length,
    overdue: overdue.map((o) => ({
      ...o,
      unitName: unitNames.get(o.unitId) ?? '',
      daysLate: late.get(o.dueDate) ?? 0,
    })),
    overdueTotal: totals.overdue,
    stale,
    trend,
  };
}

/**
 * Working days from each due date to today. The calendar counts day by day, so the distinct dates
 * are walked once, latest first, each adding the stretch to the next one.
 */
export function workingDaysLate(
  dues: string[],
  today: string,
  calendar: WorkingCalendar,
): Map<string, number> {
  const out = new Map<string, number>();
  const sorted = [...new Set(dues)].sort().reverse();
  let next = today;
  let acc = 0;
  for (const d of sorted) {
    acc += calendar.workingDaysBetween(d, next).days;
    out.set(d, acc);
    next = d;
  }
  return out;
}
