import { recordAudit } from '../audit/record-audit.ts';
import { authorize } from '../auth/policy.ts';
import type { Unit } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { countActiveChildren, findUnit, getVisibleUnit } from './queries.ts';
import { RetireUnitInput } from './schemas.ts';

/**
 * Retires (撤销) a unit. Units are never hard-deleted: their records stay, the unit leaves the
 * active tree, and grants on it stop being effective (its people lose access through it).
 * Sessions of people whose only grants were there are not ended, but their grants no longer count.
 */
export async function retireUnit(ctx: OpContext, unitId: string, raw: unknown): Promise<Unit> {
  const input = parse(RetireUnitInput, raw);
  return inTransaction(ctx, async (tx) => {
    const unit = await getVisibleUnit(tx.db, tx.actor, unitId);
    if (unit.parent_id === null) throw new AppError('unit.root_immovable', { status: 409 });
    if (unit.status === 'retired') throw new AppError('unit.already_retired', { status: 409 });
    authorize(tx.actor, 'unit.manage', unit);
    const children = await countActiveChildren(tx.db, unit.tenant_id, unit.id);
    if (children > 0)
      throw new AppError('unit.has_active_children', { status: 409, params: { count: children } });
    const now = tx.now.toISOString();
    await tx.db
      .updateTable('units')
      .set({ status: 'retired', retired_at: now, retire_reason: input.reason, updated_at: now })
      .where('tenant_id', '=', unit.tenant_id)
      .where('id', '=', unit.id)
      .execute();
    await recordAudit(tx, {
      action: 'unit.retire',
      targetType: 'unit',
      targetId: unit.id,
      unitId: unit.id,
      summary: `撤销单位“${unit.name}”：${input.reason}`,
      before: { status: unit.status },
      after: { status: 'retired', retire_reason: input.reason },
    });
    return (await findUnit(tx.db, unit.tenant_id, unit.id))!;
  });
}
