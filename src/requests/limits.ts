import type { DbOrTx } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';

/**
 * Per-IP throttling of the public forms, kept in the database (stateless app servers), like sign-in:
 * at most 10 submissions an hour, and 20 failed tracking look-ups in 15 minutes.
 */
export const REQUEST_LIMITS = {
  submit: { windowMinutes: 60, max: 10, failuresOnly: false },
  track: { windowMinutes: 15, max: 20, failuresOnly: true },
} as const;
export type AttemptKind = keyof typeof REQUEST_LIMITS;

export async function checkAttemptAllowed(
  db: DbOrTx,
  tenantId: string,
  kind: AttemptKind,
  ip: string,
  now: Date,
): Promise<void> {
  const rule = REQUEST_LIMITS[kind];
  const windowStart = new Date(now.getTime() - rule.windowMinutes * 60_000).toISOString();
  let q = db
    .selectFrom('request_attempts')
    .select('at')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where('ip', '=', ip)
    .where('at', '>', windowStart);
  if (rule.failuresOnly) q = q.where('succeeded', '=', 0);
  const rows = await q.orderBy('at', 'desc').limit(rule.max).execute();
  if (rows.length < rule.max) return;
  const retryAt = new Date(new Date(rows[rows.length - 1].at).getTime() + rule.windowMinutes * 60_000);
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  throw new AppError('request.rate_limited', {
    status: 429,
    params: { minutes: Math.ceil(seconds / 60) },
    headers: { 'retry-after': String(seconds) },
  });
}

export async function recordAttempt(
  db: DbOrTx,
  tenantId: string,
  kind: AttemptKind,
  ip: string,
  now: Date,
  succeeded: boolean,
): Promise<void> {
  await db
    .insertInto('request_attempts')
    .values({
      tenant_id: tenantId,
      id: newId(now.getTime()),
      kind,
      ip,
      at: now.toISOString(),
      succeeded: succeeded ? 1 : 0,
    })
    .execute();
}
