import { recordAudit } from '../audit/record-audit.ts';
import { checkPasswordStrength, hashPassword, isDemoPassword } from '../auth/passwords.ts';
import { authorize, can } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { findUnit } from '../units/queries.ts';
import { CreatePersonInput, USERNAME_PATTERN } from './schemas.ts';

const usernameRe = new RegExp(USERNAME_PATTERN);

/** Creates an account with a home unit the actor manages. The person must change the password at first sign-in. */
export async function createPerson(
  ctx: OpContext,
  raw: unknown,
  opts: { demoMode: boolean; mustChangePassword?: boolean },
): Promise<{ id: string }> {
  const input = parse(CreatePersonInput, raw);
  const username = input.username.toLowerCase();
  if (!usernameRe.test(username))
    throw new AppError('validation.failed', {
      fields: [{ field: 'username', code: 'person.username_invalid' }],
    });
  checkPasswordStrength(input.password, 'password');
  if (!opts.demoMode && isDemoPassword(input.password))
    throw new AppError('validation.failed', { fields: [{ field: 'password', code: 'auth.password_demo' }] });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const unit = await findUnit(tx.db, tenantId, input.unitId);
    if (!unit || !can(tx.actor, 'unit.view', unit))
      throw new AppError('validation.failed', { fields: [{ field: 'unitId', code: 'unit.not_found' }] });
    authorize(tx.actor, 'person.manage', unit);
    if (unit.status !== 'active') throw new AppError('unit.retired', { status: 409 });
    const taken = await tx.db
      .selectFrom('people')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('username', '=', username)
      .executeTakeFirst();
    if (taken)
      throw new AppError('validation.failed', {
        fields: [{ field: 'username', code: 'person.username_exists', params: { username } }],
      });
    const id = newId(tx.now.getTime());
    const now = tx.now.toISOString();
    const row = {
      tenant_id: tenantId,
      id,
      username,
      display_name: input.displayName,
      unit_id: unit.id,
      phone: input.phone ?? null,
      email: input.email ?? null,
      password_hash: passwordHash,
      must_change_password: (opts.mustChangePassword ?? true) ? (1 as const) : (0 as const),
      status: 'active' as const,
      password_changed_at: null,
      created_at: now,
      updated_at: now,
    };
    await tx.db.insertInto('people').values(row).execute();
    await recordAudit(tx, {
      action: 'person.create',
      targetType: 'person',
      targetId: id,
      unitId: unit.id,
      summary: `新建人员 ${input.displayName}（${username}），所属：${unit.name}`,
      after: row,
    });
    return { id };
  });
}
