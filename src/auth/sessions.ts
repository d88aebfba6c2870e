import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../db/types.ts';

/**
 * Sessions live in the database (stateless app servers; they survive restarts).
 * Cookie value = "<tenantId>.<secret>"; the row's id is sha256(secret), so a leaked database
 * does not hand out live sessions. The tenant in the cookie keeps the lookup on one shard.
 */
export const SESSION_COOKIE = 'gk_session';
export const SESSION_IDLE_MINUTES = 8 * 60;
export const SESSION_MAX_DAYS = 7;
/** last_seen_at is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 5 * 60_000;

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export interface SessionInfo {
  tenantId: string;
  id: string;
  personId: string;
  csrfToken: string;
}

export async function createSession(
  db: DbOrTx,
  tenantId: string,
  personId: string,
  now: Date,
  meta: { ip?: string; userAgent?: string },
): Promise<{ cookieValue: string; session: SessionInfo }> {
  const secret = randomSecret();
  const id = sha256(secret);
  const csrfToken = randomSecret(24);
  await db
    .insertInto('sessions')
    .values({
      tenant_id: tenantId,
      id,
      person_id: personId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_MAX_DAYS * 86400_000).toISOString(),
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { cookieValue: `${tenantId}.${secret}`, session: { tenantId, id, personId, csrfToken } };
}

export function parseSessionCookie(value: string | undefined): { tenantId: string; id: string } | null {
  if (!value) return null;
  const dot = value.indexOf('.');
  if (dot <= 0) return null;
  const tenantId = value.slice(0, dot);
  const secret = value.slice(dot + 1);
  if (secret.length < 20 || secret.length > 100) return null;
  return { tenantId, id: sha256(secret) };
}

/** Returns the live session, refreshing its idle timer; expired or idle sessions are removed. */
export async function resolveSession(
  db: DbOrTx,
  ref: { tenantId: string; id: string },
  now: Date,
): Promise<SessionInfo | null> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('tenant_id', '=', ref.tenantId)
    .where('id', '=', ref.id)
    .executeTakeFirst();
  if (!row) return null;
  const idleLimit = new Date(row.last_seen_at).getTime() + SESSION_IDLE_MINUTES * 60_000;
  if (now.toISOString() >= row.expires_at || now.getTime() >= idleLimit) {
    await db.deleteFrom('sessions').where('tenant_id', '=', ref.tenantId).where('id', '=', ref.id).execute();
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('tenant_id', '=', ref.tenantId)
      .where('id', '=', ref.id)
      .execute();
  }
  return { tenantId: row.tenant_id, id: row.id, personId: row.person_id, csrfToken: row.csrf_token };
}

export async function deleteSession(db: DbOrTx, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
