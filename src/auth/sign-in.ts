import { Type } from 'typebox';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { dummyPasswordHash, isDemoPassword, verifyPassword } from './passwords.ts';
import { checkSignInAllowed, recordSignInAttempt } from './rate-limit.ts';
import { createSession, type SessionInfo } from './sessions.ts';

export const SignInInput = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});

export interface SignInResult {
  cookieValue: string;
  session: SessionInfo;
  personId: string;
  mustChangePassword: boolean;
}

/**
 * Signs a person in: throttled per account and per IP, argon2id verification (a dummy hash is
 * checked for unknown usernames so timing does not reveal which exist), demo password refused
 * outside demo mode. Success and failure are both audited.
 */
export async function signIn(
  ctx: OpContext,
  raw: unknown,
  opts: { demoMode: boolean; userAgent?: string },
): Promise<SignInResult> {
  const input = parse(SignInInput, raw);
  const username = input.username.toLowerCase();
  const tenantId = ctx.actor.tenantId;
  const ip = ctx.ip ?? 'unknown';
  await checkSignInAllowed(ctx.db, tenantId, username, ip, ctx.now);

  const person = await ctx.db
    .selectFrom('people')
    .select(['id', 'password_hash', 'status', 'unit_id', 'must_change_password'])
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .executeTakeFirst();
  const ok = await verifyPassword(person?.password_hash ?? (await dummyPasswordHash()), input.password);

  let failure: string | null = null;
  if (!person || !ok) failure = 'auth.invalid_credentials';
  else if (person.status !== 'active') failure = 'auth.account_disabled';
  else if (!opts.demoMode && isDemoPassword(input.password)) failure = 'auth.demo_password_refused';

  if (failure || !person) {
    await inTransaction(ctx, async (tx) => {
      await recordSignInAttempt(tx.db, tenantId, username, ip, ctx.now, false);
      await recordAudit(tx, {
        action: 'auth.sign_in_failed',
        targetType: 'person',
        targetId: person?.id ?? null,
        unitId: person?.unit_id ?? null,
        summary: `登录失败：${username}`,
        after: { username, reason: failure },
      });
    });
    throw new AppError(failure ?? 'auth.invalid_credentials', { status: 401 });
  }

  return inTransaction(ctx, async (tx) => {
    await recordSignInAttempt(tx.db, tenantId, username, ip, ctx.now, true);
    const created = await createSession(tx.db, tenantId, person.id, ctx.now, {
      ip,
      userAgent: opts.userAgent,
    });
    await recordAudit(
      { ...tx, actor: { ...tx.actor, personId: person.id, name: username } },
      {
        action: 'auth.sign_in',
        targetType: 'person',
        targetId: person.id,
        unitId: person.unit_id,
        summary: `登录：${username}`,
      },
    );
    return {
      cookieValue: created.cookieValue,
      session: created.session,
      personId: person.id,
      mustChangePassword: person.must_change_password === 1,
    };
  });
}
