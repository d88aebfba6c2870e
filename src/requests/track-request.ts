import { timingSafeEqual } from 'node:crypto';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { checkAttemptAllowed, recordAttempt } from './limits.ts';
import { TrackInput } from './schemas.ts';
import { findRequest, hashSecret, type LoadedRequest } from './store.ts';

/**
 * The applicant's key to a request: tracking code + secret. A wrong code and a wrong secret give
 * the same error (no enumeration of codes), failures are rate limited per IP, and every look-up is
 * audited (the record holds personal data).
 */
export async function trackRequest(ctx: OpContext, raw: unknown): Promise<LoadedRequest> {
  const ip = ctx.ip ?? 'unknown';
  await checkAttemptAllowed(ctx.db, ctx.actor.tenantId, 'track', ip, ctx.now);
  const input = parse(TrackInput, raw);
  const code = input.code.trim().toUpperCase();
  const row = await ctx.db
    .selectFrom('requests')
    .select(['id', 'secret_hash'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('tracking_code', '=', code)
    .executeTakeFirst();
  const given = Buffer.from(hashSecret(input.secret));
  const expected = Buffer.from(row?.secret_hash ?? hashSecret('-'));
  const ok = row !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
  const found = ok ? await findRequest(ctx.db, ctx.actor.tenantId, row.id) : undefined;
  await inTransaction(ctx, async (tx) => {
    await recordAttempt(tx.db, tx.actor.tenantId, 'track', ip, tx.now, found !== undefined);
    await recordAudit(tx, {
      action: found ? 'request.track' : 'request.track_failed',
      targetType: 'request',
      targetId: found?.r.id ?? null,
      unitId: found?.r.unit_id ?? null,
      summary: found ? `申请人查询办理进度：${found.r.tracking_code}` : '查询码或密码错误',
    });
  });
  if (!found) throw new AppError('request.track_failed', { status: 404 });
  return found;
}
