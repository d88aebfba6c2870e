import { Type } from 'typebox';
import { recordAudit } from '../audit/record-audit.ts';
import type { DbOrTx } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { can } from './policy.ts';
import { randomSecret, sha256 } from './sessions.ts';

/** API bearer tokens: "gkt.<tenantId>.<secret>"; only sha256(secret) is stored. */
export const CreateTokenInput = Type.Object({
  personId: Type.String({ minLength: 1, maxLength: 40 }),
  name: Type.String({ minLength: 1, maxLength: 80 }),
});

export interface CreatedToken {
  id: string;
  token: string;
  prefix: string;
}

async function loadTargetPerson(ctx: OpContext, personId: string) {
  const person = await ctx.db
    .selectFrom('people as p')
    .leftJoin('units as u', (j) => j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'))
    .select(['p.id', 'p.username', 'p.unit_id', 'p.status', 'u.path', 'u.sphere', 'u.status as unit_status'])
    .where('p.tenant_id', '=', ctx.actor.tenantId)
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person) throw new AppError('person.not_found');
  const self = ctx.actor.personId === person.id;
  const manages =
    person.unit_id !== null &&
    can(ctx.actor, 'person.manage', { id: person.unit_id, path: person.path!, sphere: person.sphere! });
  if (!(ctx.actor.kind === 'system' || self || manages)) throw new AppError('person.not_found');
  return person;
}

export async function createToken(ctx: OpContext, raw: unknown): Promise<CreatedToken> {
  const input = parse(CreateTokenInput, raw);
  const person = await loadTargetPerson(ctx, input.personId);
  if (person.status !== 'active') throw new AppError('auth.account_disabled');
  const secret = randomSecret();
  const token = `gkt.${ctx.actor.tenantId}.${secret}`;
  const id = newId(ctx.now.getTime());
  const prefix = `${secret.slice(0, 6)}…`;
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insertInto('api_tokens')
      .values({
        tenant_id: ctx.actor.tenantId,
        id,
        person_id: person.id,
        name: input.name,
        token_hash: sha256(secret),
        prefix,
        created_at: ctx.now.toISOString(),
        created_by: ctx.actor.personId,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await recordAudit(tx, {
      action: 'token.create',
      targetType: 'api_token',
      targetId: id,
      unitId: person.unit_id,
      summary: `为 ${person.username} 创建访问令牌“${input.name}”`,
      after: { person_id: person.id, name: input.name, prefix },
    });
  });
  return { id, token, prefix };
}

export async function revokeToken(ctx: OpContext, tokenId: string): Promise<void> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .select(['id', 'person_id', 'name', 'revoked_at'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', tokenId)
    .executeTakeFirst();
  if (!row) throw new AppError('token.not_found');
  const person = await loadTargetPerson(ctx, row.person_id).catch(() => {
    throw new AppError('token.not_found');
  });
  if (row.revoked_at) return;
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('api_tokens')
      .set({ revoked_at: ctx.now.toISOString() })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', tokenId)
      .execute();
    await recordAudit(tx, {
      action: 'token.revoke',
      targetType: 'api_token',
      targetId: tokenId,
      unitId: person.unit_id,
      summary: `撤销 ${person.username} 的访问令牌“${row.name}”`,
    });
  });
}

export function parseBearer(header: string | undefined): { tenantId: string; hash: string } | null {
  if (!header) return null;
  const m = /^Bearer\s+gkt\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(header.trim());
  if (!m) return null;
  return { tenantId: m[1], hash: sha256(m[2]) };
}

/** Resolves a bearer token to its person; revoked tokens resolve to nothing. */
export async function resolveToken(
  db: DbOrTx,
  ref: { tenantId: string; hash: string },
  now: Date,
): Promise<string | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'person_id', 'last_used_at'])
    .where('tenant_id', '=', ref.tenantId)
    .where('token_hash', '=', ref.hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 5 * 60_000) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('tenant_id', '=', ref.tenantId)
      .where('id', '=', row.id)
      .execute();
  }
  return row.person_id;
}
