import type { WorkingCalendar } from '../../calendar/calendar.ts';
import { loadCalendar } from '../../calendar/tenant-calendar.ts';
import type { DbOrTx } from '../../db/types.ts';
import { type MessageFacts, type StatRow, type StatScope, statMessages } from './message-facts.ts';

/**
 * Feedback statistics (意见建议办理统计) of units over a period on received_on. Counted: messages
 * accepted for handling — held (待审核) and rejected (不予受理) are left out — and never 举报
 * (kind 'report'): reports are handled by the discipline inspectors and appear in no figure here,
 * public or back office. Each message, by its responsible unit (unit_id), falls in exactly one of:
 * - replied (已答复): the answer of its latest answered round is a real reply;
 * - cannot handle (暂不能办理): the answer of its latest answered round is 暂不能办理 (no real
 *   reply since) — whatever the status became after a rating or closing;
 * - closed unanswered (未答复即办结): closed by the office without any answer;
 * - in progress (办理中): never answered and not closed.
 * The kinds of answers come from the facts (replies and the trail, message-facts.ts), never from
 * the current status. Then:
 * - days to first answer: working days (tenant calendar) from received_on to first_replied_on
 *   (the received day not counted), averaged over answered messages;
 * - on time: first_replied_on <= first_due_on, over messages with a first deadline that were
 *   answered, or are still unanswered after it (late); closed-unanswered ones are left out;
 * - satisfaction: (满意 + 基本满意) / ratings, counting every rating the writer gave (one per
 *   round, from the 'rated' trail), so reopening a thread cannot erase a 不满意.
 * Aggregated in TypeScript over bounded queries (the period is at most three years).
 */
export interface FeedbackFigures {
  received: number;
  replied: number;
  inProgress: number;
  cannotHandle: number;
  closedUnanswered: number;
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
  closedUnanswered: 0,
  answeredWithDays: 0,
  totalDays: 0,
  onTime: 0,
  dueCounted: 0,
  rated: 0,
  satisfied: 0,
});

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Adds one message to the figures (pure). */
export function addMessage(
  f: FeedbackFigures,
  r: StatRow,
  facts: MessageFacts,
  cal: WorkingCalendar,
  today: string,
): void {
  f.received += 1;
  const answered = facts.lastAnswer !== null;
  if (facts.lastAnswer === 'reply') f.replied += 1;
  else if (facts.lastAnswer === 'cannot_handle') f.cannotHandle += 1;
  else if (r.status === 'closed') f.closedUnanswered += 1;
  else f.inProgress += 1;
  const firstAnswerOn = answered ? (r.first_replied_on ?? r.replied_on) : null;
  if (firstAnswerOn) {
    f.answeredWithDays += 1;
    f.totalDays += Math.max(0, cal.workingDaysBetween(r.received_on, firstAnswerOn).days);
  }
  const closedUnanswered = !answered && r.status === 'closed';
  if (r.first_due_on && !closedUnanswered && (firstAnswerOn || r.first_due_on < today)) {
    f.dueCounted += 1;
    if (firstAnswerOn && firstAnswerOn <= r.first_due_on) f.onTime += 1;
  }
  for (const rating of facts.ratings) {
    f.rated += 1;
    if (rating === 'satisfied' || rating === 'basic') f.satisfied += 1;
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

/** Figures per unit id (each unit's own messages). */
export async function figuresByUnit(
  db: DbOrTx,
  tenantId: string,
  from: string,
  to: string,
  today: string,
  scope?: StatScope,
): Promise<Map<string, FeedbackFigures>> {
  const cal = await loadCalendar(db, tenantId);
  const out = new Map<string, FeedbackFigures>();
  for (const { row, facts } of await statMessages(db, tenantId, from, to, scope)) {
    let f = out.get(row.unit_id);
    if (!f) {
      f = emptyFigures();
      out.set(row.unit_id, f);
    }
    addMessage(f, row, facts, cal, today);
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
