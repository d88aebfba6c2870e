import { Type } from 'typebox';
import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { checkPasswordStrength, hashPassword, isDemoPassword, verifyPassword } from './passwords.ts';

export const ChangePasswordInput = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  confirmPassword: Type.String({ minLength: 1, maxLength: 200 }),
});

/**
 * Changes the signed-in person's own password. Other sessions of the person are ended; the
 * current one (keepSessionId) stays.
 */
export async function changePassword(
  ctx: OpContext,
  raw: unknown,
  opts: { demoMode: boolean; keepSessionId?: string },
): Promise<void> {
  const input = parse(ChangePasswordInput, raw);
  const personId = ctx.actor.personId;
  if (!personId) throw new AppError('auth.required');
  checkPasswordStrength(input.newPassword);
  if (input.newPassword !== input.confirmPassword)
    throw new AppError('validation.failed', {
      fields: [{ field: 'confirmPassword', code: 'auth.password_mismatch' }],
    });
  if (input.newPassword === input.currentPassword)
    throw new AppError('validation.failed', {
      fields: [{ field: 'newPassword', code: 'auth.password_same' }],
    });
  if (!opts.demoMode && isDemoPassword(input.newPassword))
    throw new AppError('validation.failed', {
      fields: [{ field: 'newPassword', code: 'auth.password_demo' }],
    });

  const person = await ctx.db
    .selectFrom('people')
    .select(['password_hash', 'unit_id'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(person.password_hash, input.currentPassword)))
    throw new AppError('validation.failed', {
      fields: [{ field: 'currentPassword', code: 'auth.wrong_password' }],
    });
  const passwordHash = await hashPassword(input.newPassword);

  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('people')
      .set({
        password_hash: passwordHash,
        must_change_password: 0,
        password_changed_at: ctx.now.toISOString(),
        updated_at: ctx.now.toISOString(),
      })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', personId)
      .execute();
    let del = tx.db
      .deleteFrom('sessions')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('person_id', '=', personId);
    if (opts.keepSessionId) del = del.where('id', '!=', opts.keepSessionId);
    await del.execute();
    await recordAudit(tx, {
      action: 'person.change_password',
      targetType: 'person',
      targetId: personId,
      unitId: person.unit_id,
      summary: '修改了自己的密码',
    });
  });
}
