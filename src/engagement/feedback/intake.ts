import { createHash } from 'node:crypto';
import type { Unit } from '../../db/types.ts';
import type { OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import { findSensitiveWords, loadSensitiveWords } from '../sensitive-words.ts';
import { feedbackDirectDelivery } from '../settings.ts';
import { contactKey } from '../throttle.ts';
import { notifyAssigned } from './recipients.ts';
import type { SubmitFeedbackInput } from './schemas.ts';
import {
  bodyDigest,
  chinaDate,
  dueFrom,
  type Feedback,
  hashSecret,
  newTrackingCode,
  randomCode,
  recordFeedbackStep,
} from './store.ts';

/**
 * What the public form and staff paper entry share: the addressed unit, the disclosure, the
 * duplicate check, the sensitive-word hold, the new row and its first trail entries.
 */
export const DUPLICATE_WINDOW_HOURS = 24;
/** engagement_attempts.kind of the per-IP body digests (duplicate detection across units). */
export const DIGEST_ATTEMPT = 'feedback_digest';

/** A unit the public may write to: active, not the region root (the office writes for it). */
export async function addressedUnit(ctx: OpContext, unitId: string): Promise<Unit> {
  const unit = isId(unitId)
    ? await ctx.db
        .selectFrom('units')
        .selectAll()
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('id', '=', unitId)
        .where('status', '=', 'active')
        .executeTakeFirst()
    : undefined;
  if (!unit)
    throw new AppError('validation.failed', { fields: [{ field: 'unitId', code: 'feedback.unit_unknown' }] });
  return unit;
}

/** The disclosure written about: published, of the addressed unit's, visible to the public. */
export async function checkDisclosure(
  ctx: OpContext,
  unit: Unit,
  disclosureId?: string,
): Promise<string | null> {
  if (!disclosureId) return null;
  const d = isId(disclosureId)
    ? await ctx.db
        .selectFrom('disclosures')
        .select(['id', 'unit_id', 'state', 'audience'])
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('id', '=', disclosureId)
        .executeTakeFirst()
    : undefined;
  if (d?.state !== 'published' || d.unit_id !== unit.id || d.audience !== 'public')
    throw new AppError('validation.failed', {
      fields: [{ field: 'disclosureId', code: 'feedback.disclosure_unknown' }],
    });
  return d.id;
}

export function ipKey(ip: string): string {
  return createHash('sha256').update(`feedback-ip:${ip}`).digest('hex').slice(0, 32);
}

/** The contacts as throttle keys (phone and email, each digested). */
export function contactKeys(input: { phone?: string; email?: string }): string[] {
  return [input.phone, input.email].filter((c): c is string => Boolean(c?.trim())).map(contactKey);
}

/**
 * Same normalised text within 24 h: to the same unit (not for 举报), from the same contact, or
 * (online) from the same IP — answers feedback.duplicate (409) so a double click or a copy-paste campaign lands once.
 */
export async function checkDuplicate(
  ctx: OpContext,
  unitId: string,
  digest: string,
  input: { phone?: string; email?: string; kind?: string },
  ip: string | null,
): Promise<void> {
  const since = new Date(ctx.now.getTime() - DUPLICATE_WINDOW_HOURS * 3600_000).toISOString();
  const phone = input.phone?.trim() || null;
  const email = input.email?.trim() || null;
  const byUnit = input.kind !== 'report';
  const same =
    !byUnit && !phone && !email
      ? undefined
      : await ctx.db
          .selectFrom('feedback')
          .select('id')
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('body_digest', '=', digest)
          .where('submitted_at', '>', since)
          .where((eb) => {
            // to the same unit from anyone — except 举报 on either side: that a unit was reported (and
            // with what text) must not show in another writer's answer; reports match by contact/IP only
            const ors = byUnit
              ? [eb.and([eb('addressed_unit_id', '=', unitId), eb('kind', '<>', 'report')])]
              : [];
            if (phone) ors.push(eb('contact_phone', '=', phone));
            if (email) ors.push(eb('contact_email', '=', email));
            return eb.or(ors);
          })
          .executeTakeFirst();
  const fromIp =
    !same && ip
      ? await ctx.db
          .selectFrom('engagement_attempts')
          .select('id')
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('kind', '=', DIGEST_ATTEMPT)
          .where('key', '=', `${ipKey(ip)}:${digest}`)
          .where('at', '>', since)
          .executeTakeFirst()
      : undefined;
  if (same || fromIp) throw new AppError('feedback.duplicate', { status: 409 });
}

export async function recordDigest(ctx: OpContext, digest: string, ip: string): Promise<void> {
  await ctx.db
    .insertInto('engagement_attempts')
    .values({
      tenant_id: ctx.actor.tenantId,
      id: newId(ctx.now.getTime()),
      kind: DIGEST_ATTEMPT,
      key: `${ipKey(ip)}:${digest}`,
      at: ctx.now.toISOString(),
    })
    .execute();
}

/** The honeypot: a filled-in hidden field means a bot. One generic error; nothing is stored. */
export function checkHoneypot(input: { website?: string }): void {
  if (input.website?.trim()) throw new AppError('feedback.not_accepted', { status: 400 });
}

/**
 * Builds, inserts and records a new message. Status: held (sensitive words; a 举报 is never held —
 * it is never public and goes to the inspectors only), assigned (a 举报, or direct delivery to a
 * unit below the region root), else received (the office triages).
 */
export async function insertFeedback(
  ctx: OpContext,
  unit: Unit,
  input: SubmitFeedbackInput,
  extra: { channel: 'online' | 'paper'; disclosureId: string | null; digest: string; receivedOn?: string },
): Promise<{ feedback: Feedback; secret: string }> {
  const tenantId = ctx.actor.tenantId;
  const words = input.kind === 'report' ? [] : await loadSensitiveWords(ctx.db, tenantId);
  const held = findSensitiveWords(`${input.subject}\n${input.body}`, words);
  const direct = unit.parent_id !== null && (await feedbackDirectDelivery(ctx.db, tenantId));
  const today = chinaDate(ctx.now);
  const assign = held.length === 0 && (input.kind === 'report' || direct);
  // a paper form's clock starts on the day it was handed in (written on the form), not the day typed up
  const { due, days } = await dueFrom(ctx.db, tenantId, extra.receivedOn ?? today);
  const secret = randomCode(10);
  const at = ctx.now.toISOString();
  const opt = (v: string | undefined) => (v?.trim() ? v.trim() : null);
  const row: Feedback = {
    tenant_id: tenantId,
    id: newId(ctx.now.getTime()),
    addressed_unit_id: unit.id,
    unit_id: unit.id,
    disclosure_id: extra.disclosureId,
    kind: input.kind,
    subject: input.subject.trim(),
    body: input.body.trim(),
    author_name: opt(input.name),
    contact_phone: opt(input.phone),
    contact_email: opt(input.email),
    private: input.private === true || input.private === 'true' || input.private === 'on' ? 1 : 0,
    channel: extra.channel,
    entered_by: extra.channel === 'paper' ? ctx.actor.personId : null,
    status: held.length > 0 ? 'held' : assign ? 'assigned' : 'received',
    held_words: held.length > 0 ? held.join('、') : null,
    moderated_by: null,
    moderated_at: null,
    moderation_note: null,
    tracking_code: newTrackingCode(ctx.now),
    secret_hash: hashSecret(secret),
    body_digest: extra.digest,
    submitted_at: at,
    received_on: extra.receivedOn ?? today,
    assigned_at: assign ? at : null,
    reply_days: days,
    due_from: assign ? (extra.receivedOn ?? today) : null,
    due_on: assign ? due : null,
    replied_on: null,
    first_due_on: assign ? due : null,
    first_replied_on: null,
    cannot_handle_reason: null,
    closed_at: null,
    reopened_count: 0,
    rating: null,
    rating_comment: null,
    rated_at: null,
    created_at: at,
    updated_at: at,
  };
  await ctx.db.insertInto('feedback').values(row).execute();
  await recordFeedbackStep(ctx, row, {
    kind: 'submitted',
    summary: extra.channel === 'paper' ? '纸质录入留言' : '网上提交留言',
    detail: { channel: extra.channel, kind: row.kind, private: row.private === 1 },
  });
  if (row.status === 'held')
    await recordFeedbackStep(ctx, row, {
      kind: 'held',
      summary: '留言含敏感词，待审核',
      detail: { words: held },
    });
  if (row.status === 'assigned')
    await recordFeedbackStep(ctx, row, {
      kind: 'routed',
      summary: row.kind === 'report' ? '举报直接转纪检监察' : '留言直达承办单位',
      detail: { toUnit: unit.name, dueOn: due, direct: true },
    });
  if (row.status === 'assigned') await notifyAssigned(ctx, row, unit);
  return { feedback: row, secret };
}

export { bodyDigest };
