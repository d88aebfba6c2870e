import { createHash } from 'node:crypto';
import type { DbOrTx } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';

/**
 * Throttling of the public engagement forms, kept in the database (stateless app servers):
 * at most `max` attempts of a kind per key (an IP, a contact digest or a device id) in a window.
 * Callers check before the write and record in the same transaction as the write.
 */
export interface ThrottleRule {
  windowMinutes: number;
  max: number;
}

export const ENGAGEMENT_LIMITS = {
  /** feedback messages per IP */
  feedback: { windowMinutes: 60, max: 10 },
  /** feedback messages per phone/email (digest) */
  feedback_contact: { windowMinutes: 24 * 60, max: 5 },
  /** failed look-ups of a feedback tracking code + secret per IP */
  feedback_track: { windowMinutes: 15, max: 20 },
  /** ratings of a reply per IP */
  rate_reply: { windowMinutes: 60, max: 20 },
  /** consultation comments per IP */
  comment: { windowMinutes: 60, max: 20 },
  /** new 点单 demands per IP */
  demand: { windowMinutes: 60, max: 5 },
  /** supports of a demand per IP (one per device is enforced separately) */
  demand_support: { windowMinutes: 60, max: 30 },
  /** anonymous survey ratings per IP */
  survey_rating: { windowMinutes: 60, max: 60 },
} as const satisfies Record<string, ThrottleRule>;
export type ThrottleKind = keyof typeof ENGAGEMENT_LIMITS;

export async function checkThrottle(
  db: DbOrTx,
  tenantId: string,
  kind: ThrottleKind,
  key: string,
  now: Date,
): Promise<void> {
  const rule: ThrottleRule = ENGAGEMENT_LIMITS[kind];
  const windowStart = new Date(now.getTime() - rule.windowMinutes * 60_000).toISOString();
  const rows = await db
    .selectFrom('engagement_attempts')
    .select('at')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where('key', '=', key)
    .where('at', '>', windowStart)
    .orderBy('at', 'desc')
    .limit(rule.max)
    .execute();
  if (rows.length < rule.max) return;
  const retryAt = new Date(rows[rows.length - 1].at).getTime() + rule.windowMinutes * 60_000;
  const seconds = Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
  throw new AppError('engagement.rate_limited', {
    status: 429,
    params: { minutes: Math.ceil(seconds / 60) },
    headers: { 'retry-after': String(seconds) },
  });
}

export async function recordThrottle(
  db: DbOrTx,
  tenantId: string,
  kind: ThrottleKind,
  key: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('engagement_attempts')
    .values({ tenant_id: tenantId, id: newId(now.getTime()), kind, key, at: now.toISOString() })
    .execute();
}

/** A contact (phone or email) as a throttle key: normalised and digested, never stored in clear here. */
export function contactKey(contact: string): string {
  const norm = contact.trim().toLowerCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(norm).digest('hex').slice(0, 32);
}
