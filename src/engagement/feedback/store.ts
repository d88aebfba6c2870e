import { createHash, randomInt } from 'node:crypto';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Actor } from '../../auth/actor.ts';
import { can, type Permission, type UnitRef } from '../../auth/policy.ts';
import { chinaDate } from '../../calendar/dates.ts';
import { loadCalendar } from '../../calendar/tenant-calendar.ts';
import type { DbOrTx, Unit } from '../../db/types.ts';
import type { FeedbackStatus, FeedbackTable } from '../../db/types-engagement.ts';
import type { OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import { normaliseForMatch } from '../sensitive-words.ts';
import { feedbackReplyDays } from '../settings.ts';

/** Shared plumbing of the feedback operations: loading with visibility, the step guard, the trail. */
export type Feedback = FeedbackTable;
export interface LoadedFeedback {
  f: Feedback;
  unit: Unit;
}

/** 举报 goes to the discipline-inspection role; everything else to the unit and the office. */
export const handlePerm = (f: Pick<Feedback, 'kind'>): Permission =>
  f.kind === 'report' ? 'feedback.report' : 'feedback.handle';
export const officePerm = (f: Pick<Feedback, 'kind'>): Permission =>
  f.kind === 'report' ? 'feedback.report' : 'feedback.office';

/** States in which the unit still owes an answer (the reply clock runs). */
export const OPEN_STATES: FeedbackStatus[] = ['assigned', 'in_progress'];
/** States after an answer (rating possible). */
export const ANSWERED_STATES: FeedbackStatus[] = ['replied', 'cannot_handle'];

/**
 * Who may see one message in the back office and the API: a 举报 only the inspectors covering its
 * unit; other messages the office covering it, and — once past moderation — the unit's own staff.
 */
export function canSeeFeedback(actor: Actor, f: Pick<Feedback, 'kind' | 'status'>, unit: UnitRef): boolean {
  if (f.kind === 'report') return can(actor, 'feedback.report', unit);
  if (can(actor, 'feedback.office', unit)) return true;
  return can(actor, 'feedback.view', unit) && f.status !== 'held' && f.status !== 'rejected';
}

export async function findFeedback(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<LoadedFeedback | undefined> {
  if (!isId(id)) return undefined;
  const f = await db
    .selectFrom('feedback')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!f) return undefined;
  const unit = await db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', f.unit_id)
    .executeTakeFirstOrThrow();
  return { f, unit };
}

/** The staff read: unseen answers not found (a 举报's existence is never revealed). */
export async function getFeedbackForStaff(db: DbOrTx, actor: Actor, id: string): Promise<LoadedFeedback> {
  const found = await findFeedback(db, actor.tenantId, id);
  if (!found || !canSeeFeedback(actor, found.f, found.unit)) {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    throw new AppError('feedback.not_found');
  }
  return found;
}

/**
 * Whether the actor may read the writer's name and contacts: those who handle the message (the
 * responsible unit's handlers) or triage it (the office; the inspectors for a 举报) — not mere
 * viewers such as a confidentiality reviewer.
 */
export function canSeeContacts(actor: Actor, f: Feedback, unit: UnitRef): boolean {
  return can(actor, handlePerm(f), unit) || can(actor, officePerm(f), unit);
}

/**
 * Loads a message for a step under its row lock: unseen → not found, seen but not permitted →
 * forbidden, wrong state → 409.
 */
export async function loadForStep(
  ctx: OpContext,
  id: string,
  perm: (f: Feedback) => Permission,
  states: FeedbackStatus[],
): Promise<LoadedFeedback> {
  if (isId(id) && ctx.db.isTransaction)
    await ctx.db
      .updateTable('feedback')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .execute();
  const found = await getFeedbackForStaff(ctx.db, ctx.actor, id);
  if (!can(ctx.actor, perm(found.f), found.unit)) throw new AppError('auth.forbidden');
  if (!states.includes(found.f.status))
    throw new AppError('feedback.wrong_state', {
      status: 409,
      params: { status: `feedback.status.${found.f.status}` },
    });
  return found;
}

export async function updateFeedback(
  ctx: OpContext,
  f: Feedback,
  change: Partial<Feedback>,
): Promise<Feedback> {
  const next = { ...change, updated_at: ctx.now.toISOString() };
  await ctx.db
    .updateTable('feedback')
    .set(next)
    .where('tenant_id', '=', f.tenant_id)
    .where('id', '=', f.id)
    .execute();
  return { ...f, ...next };
}

export interface FeedbackStep {
  /** feedback_events.kind: submitted | held | released | rejected | routed | accepted | replied | … */
  kind: string;
  summary: string;
  unitId?: string | null;
  detail?: Record<string, unknown>;
  before?: unknown;
}

/** One trail entry and its audit record, in the caller's transaction. */
export async function recordFeedbackStep(ctx: OpContext, f: Feedback, step: FeedbackStep): Promise<void> {
  await ctx.db
    .insertInto('feedback_events')
    .values({
      tenant_id: f.tenant_id,
      id: newId(ctx.now.getTime()),
      feedback_id: f.id,
      at: ctx.now.toISOString(),
      actor_id: ctx.actor.personId,
      actor_name: ctx.actor.kind === 'anonymous' ? null : ctx.actor.name,
      kind: step.kind,
      unit_id: step.unitId ?? f.unit_id,
      detail: step.detail ? JSON.stringify(step.detail) : null,
    })
    .execute();
  await recordAudit(ctx, {
    action: `feedback.${step.kind}`,
    targetType: auditTargetType(f),
    targetId: f.id,
    unitId: f.unit_id,
    summary: `${step.summary}：${f.tracking_code}`,
    before: step.before,
    after: { status: f.status, unitId: f.unit_id, dueOn: f.due_on, ...(step.detail ?? {}) },
  });
}

/** A 举报's audit entries are sealed to its inspectors (policy.ts sealedAuditVisibility). */
export function auditTargetType(f: Pick<Feedback, 'kind'>): 'feedback' | 'feedback_report' {
  return f.kind === 'report' ? 'feedback_report' : 'feedback';
}

/** The China date of an instant (one definition, in src/calendar/dates.ts). */
export { chinaDate };

/** The reply deadline of a message routed (or reopened) on `day`: the n-th working day after it. */
export async function dueFrom(
  db: DbOrTx,
  tenantId: string,
  day: string,
): Promise<{ due: string; days: number }> {
  const days = await feedbackReplyDays(db, tenantId);
  const cal = await loadCalendar(db, tenantId);
  return { due: cal.addWorkingDays(day, days).date, days };
}

// Crockford-like alphabet without 0/O, 1/I/L: codes are read aloud and copied from paper.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function randomCode(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
export function newTrackingCode(now: Date): string {
  return `LY${chinaDate(now).slice(0, 4)}${randomCode(8)}`;
}
/** The secret has ~49 bits and failed look-ups are throttled, so a fast hash is enough. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(`gongkai-feedback:${secret.trim().toUpperCase()}`).digest('hex');
}
/** Digest of the normalised body (white space, punctuation and case ignored): duplicate detection. */
export function bodyDigest(body: string): string {
  return createHash('sha256').update(normaliseForMatch(body)).digest('hex').slice(0, 40);
}
