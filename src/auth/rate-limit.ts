import type { DbOrTx } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';

/**
 * Sign-in throttling, kept in the database so it holds across several app servers and restarts.
 * Per account: 5 failures in 15 minutes; per IP: 20 failures in 15 minutes.
 */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  perAccount: 5,
  perIp: 20,
};

export async function checkSignInAllowed(
  db: DbOrTx,
  tenantId: string,
  username: string,
  ip: string,
  now: Date,
): Promise<void> {
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000).toISOString();
  const retryAts: Date[] = [];
  for (const [column, value, limit] of [
    ['username', username, SIGN_IN_LIMITS.perAccount],
    ['ip', ip, SIGN_IN_LIMITS.perIp],
  ] as const) {
    const failures = await db
      .selectFrom('login_attempts')
      .select('at')
      .where('tenant_id', '=', tenantId)
      .where(column, '=', value)
      .where('succeeded', '=', 0)
      .where('at', '>', windowStart)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    if (failures.length >= limit) {
      // the oldest of the last `limit` failures leaves the window first
      const oldest = new Date(failures[failures.length - 1].at);
      retryAts.push(new Date(oldest.getTime() + SIGN_IN_LIMITS.windowMinutes * 60_000));
    }
  }
  if (retryAts.length === 0) return;
  const retryAt = new Date(Math.max(...retryAts.map((d) => d.getTime())));
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  throw new AppError('auth.rate_limited', {
    status: 429,
    params: {
      time: formatBeijingTime(retryAt),
      minutes: Math.ceil(seconds / 60),
      retryAt: retryAt.toISOString(),
    },
    headers: { 'retry-after': String(seconds) },
  });
}

export async function recordSignInAttempt(
  db: DbOrTx,
  tenantId: string,
  username: string,
  ip: string,
  now: Date,
  succeeded: boolean,
): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({
      tenant_id: tenantId,
      id: newId(now.getTime()),
      username,
      ip,
      at: now.toISOString(),
      succeeded: succeeded ? 1 : 0,
    })
    .execute();
}

/** HH:mm in China Standard Time (UTC+8, no daylight saving). */
export function formatBeijingTime(d: Date): string {
  const bj = new Date(d.getTime() + 8 * 3600_000);
  return `${String(bj.getUTCHours()).padStart(2, '0')}:${String(bj.getUTCMinutes()).padStart(2, '0')}`;
}
