import { createHash, randomInt } from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import type { Permission } from '../auth/policy.ts';
import { can } from '../auth/policy.ts';
import { chinaDate } from '../calendar/dates.ts';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import type { DbOrTx, RequestState, RequestsTable, Unit } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import type { OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { isId, newId } from '../lib/ids.ts';
import { emailOutsider } from '../notify/email-outsider.ts';
import { deadlineOf } from './deadline.ts';

/** Shared plumbing of the request operations: loading, the step guard, the trail, the clock cache. */
export type InfoRequest = RequestsTable;
export interface LoadedRequest {
  r: InfoRequest;
  unit: Unit;
}

/** States in which the 20-working-day clock has started and the request is not finished. */
export const OPEN_STATES: RequestState[] = [
  'processing',
  'supplement_pending',
  'consulting',
  'fee_pending',
  'precheck',
];
/** States whose deadline still matters: the reply counts when it is delivered, so 'replied' too. */
export const CLOCK_STATES: RequestState[] = [...OPEN_STATES, 'replied'];
/** States after a reply is decided or the request ended. */
export const DONE_STATES: RequestState[] = ['replied', 'delivered', 'closed', 'archived'];

export async function findRequest(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<LoadedRequest | undefined> {
  if (!isId(id)) return undefined;
  const r = await db
    .selectFrom('requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  const unit = await db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', r.unit_id)
    .executeTakeFirstOrThrow();
  return { r, unit };
}

/**
 * Loads a request for a step: unseen (no request.view on its unit) answers not found, seen but not
 * permitted answers forbidden, wrong state answers a conflict (409).
 */
export async function loadForStep(
  ctx: OpContext,
  id: string,
  perm: Permission,
  states: RequestState[],
): Promise<LoadedRequest> {
  await lockRequest(ctx, id);
  const found = await findRequest(ctx.db, ctx.actor.tenantId, id);
  if (!found || !can(ctx.actor, 'request.view', found.unit)) {
    if (ctx.actor.kind === 'anonymous') throw new AppError('auth.required');
    throw new AppError('request.not_found');
  }
  if (!can(ctx.actor, perm, found.unit)) throw new AppError('auth.forbidden');
  if (!states.includes(found.r.state))
    throw new AppError('request.wrong_state', { status: 409, params: { state: found.r.state } });
  return found;
}

/**
 * Takes the request's row lock before reading it (a no-op update: a row lock on PostgreSQL, the
 * write lock on SQLite), so two steps on one request run one after the other and the second one
 * sees the first one's result — its state guard then answers 409 instead of acting twice.
 */
export async function lockRequest(ctx: OpContext, id: string): Promise<void> {
  if (!isId(id) || !ctx.db.isTransaction) return;
  await ctx.db
    .updateTable('requests')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .execute();
}

/**
 * Writes a change and recomputes the cached deadline through the engine from the request's records
 * (received date, supplement, consultations, fee window, extension): never the only truth.
 */
export async function updateRequest(
  ctx: OpContext,
  r: InfoRequest,
  change: Partial<InfoRequest>,
): Promise<InfoRequest> {
  const merged = { ...r, ...change };
  const cal = await loadCalendar(ctx.db, r.tenant_id);
  const consultations = await consultationsOf(ctx.db, r);
  const d = deadlineOf(cal, merged, consultations, chinaDate(ctx.now));
  const next = {
    ...change,
    due_date: d?.due ?? null,
    due_provisional: d?.provisional ? 1 : 0,
    clock_paused: d?.paused ? 1 : 0,
    updated_at: ctx.now.toISOString(),
  } as Partial<InfoRequest>;
  await ctx.db
    .updateTable('requests')
    .set(next)
    .where('tenant_id', '=', r.tenant_id)
    .where('id', '=', r.id)
    .execute();
  return { ...r, ...next };
}

export async function consultationsOf(db: DbOrTx, r: { tenant_id: string; id: string }) {
  return db
    .selectFrom('request_consultations')
    .selectAll()
    .where('tenant_id', '=', r.tenant_id)
    .where('request_id', '=', r.id)
    .orderBy('sent_on')
    .orderBy('id')
    .execute();
}

export interface StepInput {
  action: string;
  summary: string;
  onDate?: string | null;
  reason?: string | null;
  toUnitId?: string | null;
  detail?: Record<string, unknown>;
  /** Shown to the applicant on the tracking page (default true). */
  public?: boolean;
  before?: unknown;
}

/** One entry of the trail and its audit record, in the caller's transaction. */
export async function recordStep(ctx: OpContext, r: InfoRequest, step: StepInput): Promise<void> {
  const eventId = newId(ctx.now.getTime());
  await ctx.db
    .insertInto('request_events')
    .values({
      tenant_id: r.tenant_id,
      id: eventId,
      request_id: r.id,
      action: step.action,
      actor_id: ctx.actor.personId,
      actor_name: ctx.actor.kind === 'anonymous' ? '申请人' : ctx.actor.name,
      at: ctx.now.toISOString(),
      on_date: step.onDate ?? null,
      unit_id: r.unit_id,
      to_unit_id: step.toUnitId ?? null,
      reason: step.reason ?? null,
      detail_json: step.detail ? JSON.stringify(step.detail) : null,
      public: step.public === false ? 0 : 1,
    })
    .execute();
  await recordAudit(ctx, {
    action: `request.${step.action}`,
    targetType: 'request',
    targetId: r.id,
    unitId: r.unit_id,
    summary: `${step.summary}：${r.tracking_code}`,
    before: step.before,
    after: {
      state: r.state,
      due: r.due_date,
      ...(step.detail ?? {}),
      ...(step.reason ? { reason: step.reason } : {}),
    },
  });
  if (step.public !== false && ctx.actor.kind !== 'anonymous' && noticeWorthy(step.action, r.state))
    await emailOutsider(ctx, {
      to: r.email,
      subject: t('request.notice.subject', { code: r.tracking_code }),
      body: t('request.notice.body', { code: r.tracking_code, action: t(`request.action.${step.action}`) }),
      link: '/requests/track',
      dedupeKey: `request.step:${eventId}`,
    });
}

/**
 * Steps the applicant is told about by email (when they gave an address and the server sends
 * email): what changes their clock, asks something of them, or answers them. Not internal steps
 * (a reply waiting for the procedural check, archiving) and not the applicant's own.
 */
const APPLICANT_NOTICES = new Set([
  'register',
  'confirm',
  'supplement_notice',
  'supplement',
  'abandon_supplement',
  'abandon_fee',
  'transfer',
  'consult_third_party',
  'consult_co_producer',
  'consult_end',
  'extend',
  'fee_notice',
  'fee_paid',
  'precheck_pass',
  'deliver',
]);

function noticeWorthy(action: string, state: RequestState): boolean {
  if (action === 'reply') return state === 'replied';
  return APPLICANT_NOTICES.has(action);
}

/** The China date of an instant (one definition, in src/calendar/dates.ts). */
export { chinaDate };

/** A step's legal date: given (not in the future, not before `notBefore`) or today in China. */
export function stepDate(
  ctx: OpContext,
  given: string | undefined | null,
  notBefore?: string | null,
  field = 'on',
): string {
  const today = chinaDate(ctx.now);
  const d = given && given.length > 0 ? given : today;
  if (d > today)
    throw new AppError('validation.failed', { fields: [{ field, code: 'request.date_in_future' }] });
  if (notBefore && d < notBefore)
    throw new AppError('validation.failed', {
      fields: [{ field, code: 'request.date_too_early', params: { date: notBefore } }],
    });
  return d;
}

// Crockford-like alphabet without 0/O, 1/I/L: codes are read aloud and typed from paper.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function randomCode(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
export function newTrackingCode(now: Date): string {
  return `YS${chinaDate(now).slice(0, 4)}${randomCode(8)}`;
}
/** The secret has ~54 bits and the lookup is rate limited, so a fast hash is enough. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(`gongkai-request:${secret.trim().toUpperCase()}`).digest('hex');
}
export function hashIdNumber(idNumber: string | null | undefined): string | null {
  const v = (idNumber ?? '').replace(/\s+/g, '').toUpperCase();
  return v ? createHash('sha256').update(`gongkai-applicant:${v}`).digest('hex') : null;
}
