import { recordAudit } from '../audit/record-audit.ts';
import { authorize } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { findUnit } from '../units/queries.ts';

/** Revokes a grant; the row stays (who had which role when is part of the record). */
export async function revokeGrant(ctx: OpContext, grantId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const grant = await tx.db
      .selectFrom('grants')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', grantId)
      .executeTakeFirst();
    if (!grant) throw new AppError('grant.not_found');
    const unit = await findUnit(tx.db, tenantId, grant.unit_id);
    if (!unit) throw new AppError('grant.not_found');
    authorize(tx.actor, 'grant.manage', { ...unit, status: 'active' }, 'grant.not_found');
    if (grant.revoked_at) throw new AppError('grant.already_revoked', { status: 409 });
    await tx.db
      .updateTable('grants')
      .set({ revoked_at: tx.now.toISOString(), revoked_by: tx.actor.personId })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', grantId)
      .execute();
    await recordAudit(tx, {
      action: 'grant.revoke',
      targetType: 'grant',
      targetId: grantId,
      unitId: unit.id,
      summary: `撤销授权：角色 ${grant.role}，单位“${unit.name}”`,
      before: grant,
    });
  });
}
