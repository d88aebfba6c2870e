import { timingSafeEqual } from 'node:crypto';
import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parse } from '../../lib/validate.ts';
import { checkThrottle, recordThrottle } from '../throttle.ts';
import { TrackFeedbackInput } from './schemas.ts';
import { auditTargetType, findFeedback, hashSecret, type LoadedFeedback } from './store.ts';

/**
 * The writer's key to a message: tracking code + secret. A wrong code and a wrong secret give the
 * same 404 (no enumeration), failures are throttled per IP, every look-up is audited.
 */
export async function trackFeedback(ctx: OpContext, raw: unknown): Promise<LoadedFeedback> {
  const ip = ctx.ip ?? 'unknown';
  await checkThrottle(ctx.db, ctx.actor.tenantId, 'feedback_track', ip, ctx.now);
  const input = parse(TrackFeedbackInput, raw);
  const found = await lookUp(ctx, input.code, input.secret);
  await inTransaction(ctx, async (tx) => {
    if (!found) await recordThrottle(tx.db, tx.actor.tenantId, 'feedback_track', ip, tx.now);
    await recordAudit(tx, {
      action: found ? 'feedback.track' : 'feedback.track_failed',
      targetType: found ? auditTargetType(found.f) : 'feedback',
      targetId: found?.f.id ?? null,
      unitId: found?.f.unit_id ?? null,
      summary: found ? `留言人查询办理情况：${found.f.tracking_code}` : '留言查询码或密码错误',
    });
  });
  if (!found) throw new AppError('feedback.track_failed', { status: 404 });
  return found;
}

/** Code + secret → the message, or undefined (constant-time comparison of the secret's hash). */
export async function lookUp(
  ctx: OpContext,
  code: string,
  secret: string,
): Promise<LoadedFeedback | undefined> {
  const row = await ctx.db
    .selectFrom('feedback')
    .select(['id', 'secret_hash'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('tracking_code', '=', code.trim().toUpperCase())
    .executeTakeFirst();
  const given = Buffer.from(hashSecret(secret));
  const expected = Buffer.from(row?.secret_hash ?? hashSecret('-'));
  const ok = row !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
  return ok ? findFeedback(ctx.db, ctx.actor.tenantId, row.id) : undefined;
}
