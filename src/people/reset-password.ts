import { recordAudit } from '../audit/record-audit.ts';
import { checkPasswordStrength, hashPassword, isDemoPassword } from '../auth/passwords.ts';
import { authorize } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { getVisiblePerson } from './queries.ts';
import { ResetPasswordInput } from './schemas.ts';

/** An office sets a temporary password; the person must change it at next sign-in; sessions end. */
export async function resetPassword(
  ctx: OpContext,
  personId: string,
  raw: unknown,
  opts: { demoMode: boolean },
) {
  const input = parse(ResetPasswordInput, raw);
  checkPasswordStrength(input.password, 'password');
  if (!opts.demoMode && isDemoPassword(input.password))
    throw new AppError('validation.failed', { fields: [{ field: 'password', code: 'auth.password_demo' }] });
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx, async (tx) => {
    const person = await getVisiblePerson(tx.db, tx.actor, personId);
    if (!person.unit_id) throw new AppError('auth.forbidden');
    authorize(
      tx.actor,
      'person.manage',
      { id: person.unit_id, path: person.unit_path!, sphere: person.unit_sphere! },
      'person.not_found',
    );
    await tx.db
      .updateTable('people')
      .set({ password_hash: passwordHash, must_change_password: 1, updated_at: tx.now.toISOString() })
      .where('tenant_id', '=', tx.actor.tenantId)
      .where('id', '=', person.id)
      .execute();
    await tx.db
      .deleteFrom('sessions')
      .where('tenant_id', '=', tx.actor.tenantId)
      .where('person_id', '=', person.id)
      .execute();
    await recordAudit(tx, {
      action: 'person.reset_password',
      targetType: 'person',
      targetId: person.id,
      unitId: person.unit_id,
      summary: `重置 ${person.display_name}（${person.username}）的密码`,
    });
  });
}
