import { type Static, Type } from 'typebox';
import { recordAudit } from '../audit/record-audit.ts';
import { coversWholeTenant } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { isId, newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { checkPatternSafety, MAX_PATTERN_LENGTH } from './pattern-safety.ts';
import type { PrivacyPattern } from './pattern-store.ts';

export const PrivacyPatternInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  pattern: Type.String({ minLength: 1, maxLength: 1000 }),
  example: Type.String({ minLength: 1, maxLength: 200 }),
});
export type PrivacyPatternInput = Static<typeof PrivacyPatternInput>;

/** The privacy patterns apply to every unit of the tenant: only a whole-tenant office manages them. */
export function requirePatternManager(ctx: OpContext): void {
  if (!coversWholeTenant(ctx.actor, 'unit.manage'))
    throw new AppError(ctx.actor.kind === 'anonymous' ? 'auth.required' : 'auth.forbidden');
}

function checked(input: PrivacyPatternInput): PrivacyPatternInput {
  const v = { name: input.name.trim(), pattern: input.pattern, example: input.example };
  if (!v.name)
    throw new AppError('validation.failed', { fields: [{ field: 'name', code: 'validation.required' }] });
  const problem = checkPatternSafety(v.pattern, v.example);
  if (problem)
    throw new AppError('validation.failed', {
      fields: [
        {
          field: problem === 'privacy_pattern.example_no_match' ? 'example' : 'pattern',
          code: problem,
          params: { limit: MAX_PATTERN_LENGTH },
        },
      ],
    });
  return v;
}

async function nameTaken(ctx: OpContext, name: string, exceptId: string | null): Promise<void> {
  let q = ctx.db
    .selectFrom('privacy_patterns')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst())
    throw new AppError('validation.failed', {
      status: 409,
      fields: [{ field: 'name', code: 'privacy_pattern.exists' }],
    });
}

/** Adds a privacy pattern (validated: length, compiles, no catastrophic shape, finds its example). */
export async function createPrivacyPattern(ctx: OpContext, raw: unknown): Promise<PrivacyPattern> {
  requirePatternManager(ctx);
  const v = checked(parse(PrivacyPatternInput, raw));
  return inTransaction(ctx, async (tx) => {
    await nameTaken(tx, v.name, null);
    const at = tx.now.toISOString();
    const row: PrivacyPattern = {
      tenant_id: tx.actor.tenantId,
      id: newId(tx.now.getTime()),
      ...v,
      created_by: tx.actor.personId,
      created_at: at,
      updated_by: tx.actor.personId,
      updated_at: at,
    };
    await tx.db.insertInto('privacy_patterns').values(row).execute();
    await recordAudit(tx, {
      action: 'privacy.pattern.create',
      targetType: 'privacy_pattern',
      targetId: row.id,
      summary: `新增个人信息检查规则：${row.name}`,
      after: v,
    });
    return row;
  });
}

async function loadPattern(ctx: OpContext, id: string): Promise<PrivacyPattern> {
  const row = isId(id)
    ? await ctx.db
        .selectFrom('privacy_patterns')
        .selectAll()
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new AppError('privacy_pattern.not_found');
  return row;
}

export async function updatePrivacyPattern(
  ctx: OpContext,
  id: string,
  raw: unknown,
): Promise<PrivacyPattern> {
  requirePatternManager(ctx);
  const v = checked(parse(PrivacyPatternInput, raw));
  return inTransaction(ctx, async (tx) => {
    const before = await loadPattern(tx, id);
    await nameTaken(tx, v.name, id);
    const change = { ...v, updated_by: tx.actor.personId, updated_at: tx.now.toISOString() };
    await tx.db
      .updateTable('privacy_patterns')
      .set(change)
      .where('tenant_id', '=', before.tenant_id)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'privacy.pattern.update',
      targetType: 'privacy_pattern',
      targetId: id,
      summary: `修改个人信息检查规则：${v.name}`,
      before: { name: before.name, pattern: before.pattern, example: before.example },
      after: v,
    });
    return { ...before, ...change };
  });
}

export async function deletePrivacyPattern(ctx: OpContext, id: string): Promise<void> {
  requirePatternManager(ctx);
  await inTransaction(ctx, async (tx) => {
    const before = await loadPattern(tx, id);
    await tx.db
      .deleteFrom('privacy_patterns')
      .where('tenant_id', '=', before.tenant_id)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'privacy.pattern.delete',
      targetType: 'privacy_pattern',
      targetId: id,
      summary: `删除个人信息检查规则：${before.name}`,
      before: { name: before.name, pattern: before.pattern, example: before.example },
    });
  });
}
