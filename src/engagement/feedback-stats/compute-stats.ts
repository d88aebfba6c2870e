import type { WorkingCalendar } from '../../calendar/calendar.ts';
import { loadCalendar } from '../../calendar/tenant-calendar.ts';
import { startsWith } from '../../db/dialect.ts';
import type { DbOrTx } from '../../db/types.ts';
import type { FeedbackRating, FeedbackStatus } from '../../db/types-engagement.ts';

/**
 * Feedback statistics (意见建议办理统计) of units over a period on received_on. Counted: messages
 * accepted for handling — held (待审核) and rejected (不予受理) are left out — and never 举报
 * (kind 'report'): reports are handled by the discipline inspectors and appear in no figure here,
 * public or back office. Per message, by the responsible unit (unit_id):
 * - received: all counted messages;
 * - replied: status replied or closed; in progress: received / assigned / in_progress;
 *   cannot handle: cannot_handle (counted as answered for the time figures);
 * - days to first reply: working days (tenant calendar) from received_on to first_replied_on
 *   (the received day not counted), averaged over messages with a first reply;
 * - on time: first_replied_on <= first_due_on, over messages with a first deadline that were
 *   answered or whose deadline has passed (an unanswered overdue message counts as late);
 * - satisfaction: (satisfied + basic) / rated.
 * Aggregated in TypeScript over one bounded query (the period is at most three years).
 */
export interface FeedbackFigures {
  received: number;
  replied: number;
  inProgress: number;
  cannotHandle: number;
  answeredWithDays: number;
  totalDays: number;
  onTime: number;
  dueCounted: number;
  rated: number;
  satisfied: number;
}

export interface FigureView extends FeedbackFigures {
  avgDays: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

export const emptyFigures = (): FeedbackFigures => ({
  received: 0,
  replied: 0,
  inProgress: 0,
  cannotHandle: 0,
  answeredWithDays: 0,
  totalDays: 0,
  onTime: 0,
  dueCounted: 0,
  rated: 0,
  satisfied: 0,
});

export interface StatRow {
  unit_id: string;
  status: FeedbackStatus;
  received_on: string;
  first_due_on: string | null;
  first_replied_on: string | null;
  replied_on: string | null;
  rating: FeedbackRating | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Adds one message to the figures (pure). */
export function addMessage(f: FeedbackFigures, r: StatRow, cal: WorkingCalendar, today: string): void {
  f.received += 1;
  if (r.status === 'replied' || r.status === 'closed') f.replied += 1;
  else if (r.status === 'cannot_handle') f.cannotHandle += 1;
  else f.inProgress += 1;
  const answeredOn = r.first_replied_on ?? (r.status === 'cannot_handle' ? r.replied_on : null);
  if (answeredOn) {
    f.answeredWithDays += 1;
    f.totalDays += Math.max(0, cal.workingDaysBetween(r.received_on, answeredOn).days);
  }
  if (r.first_due_on && (answeredOn || r.first_due_on < today)) {
    f.dueCounted += 1;
    if (answeredOn && answeredOn <= r.first_due_on) f.onTime += 1;
  }
  if (r.rating) {
    f.rated += 1;
    if (r.rating === 'satisfied' || r.rating === 'basic') f.satisfied += 1;
  }
}

export function mergeFigures(into: FeedbackFigures, f: FeedbackFigures): void {
  for (const k of Object.keys(into) as (keyof FeedbackFigures)[]) into[k] += f[k];
}

export function view(f: FeedbackFigures): FigureView {
  return {
    ...f,
    avgDays: f.answeredWithDays ? round2(f.totalDays / f.answeredWithDays) : null,
    onTimeRate: f.dueCounted ? round2((f.onTime * 100) / f.dueCounted) : null,
    satisfactionRate: f.rated ? round2((f.satisfied * 100) / f.rated) : null,
  };
}

/** The counted messages of the tenant in [from, to] (received_on): all, or of one unit or its subtree. */
export async function statRows(
  db: DbOrTx,
  tenantId: string,
  from: string,
  to: string,
  scope?: { unitId: string } | { subtreePath: string },
): Promise<StatRow[]> {
  let q = db
    .selectFrom('feedback as f')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'f.tenant_id').onRef('u.id', '=', 'f.unit_id'),
    )
    .select([
      'f.unit_id',
      'f.status',
      'f.received_on',
      'f.first_due_on',
      'f.first_replied_on',
      'f.replied_on',
      'f.rating',
    ])
    .where('f.tenant_id', '=', tenantId)
    .where('f.kind', '!=', 'report')
    .where('f.status', 'not in', ['held', 'rejected'])
    .where('f.received_on', '>=', from)
    .where('f.received_on', '<=', to);
  if (scope && 'unitId' in scope) q = q.where('f.unit_id', '=', scope.unitId);
  if (scope && 'subtreePath' in scope) q = q.where(startsWith('u.path', scope.subtreePath));
  return q.execute();
}

/** Figures per unit id (each unit's own messages). */
export async function figuresByUnit(
  db: DbOrTx,
  tenantId: string,
  from: string,
  to: string,
  today: string,
  scope?: { unitId: string } | { subtreePath: string },
): Promise<Map<string, FeedbackFigures>> {
  const cal = await loadCalendar(db, tenantId);
  const out = new Map<string, FeedbackFigures>();
  for (const r of await statRows(db, tenantId, from, to, scope)) {
    let f = out.get(r.unit_id);
    if (!f) {
      f = emptyFigures();
      out.set(r.unit_id, f);
    }
    addMessage(f, r, cal, today);
  }
  return out;
}

/** A unit's figures, its own messages or its whole subtree (the unit and all units below it). */
export async function unitFigures(
  db: DbOrTx,
  unit: { tenant_id: string; id: string; path: string },
  from: string,
  to: string,
  today: string,
  subtree: boolean,
): Promise<FigureView> {
  const by = await figuresByUnit(
    db,
    unit.tenant_id,
    from,
    to,
    today,
    subtree ? { subtreePath: unit.path } : { unitId: unit.id },
  );
  const total = emptyFigures();
  for (const f of by.values()) mergeFigures(total, f);
  return view(total);
}
