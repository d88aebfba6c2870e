import { recordAudit } from '../audit/record-audit.ts';
import { authorize } from '../auth/policy.ts';
import type { Unit } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { getVisibleUnit } from './queries.ts';
import { UpdateUnitInput } from './schemas.ts';

/** Renames a unit and edits its contacts. Retired units are read-only. */
export async function updateUnit(ctx: OpContext, unitId: string, raw: unknown): Promise<Unit> {
  const input = parse(UpdateUnitInput, raw);
  return inTransaction(ctx, async (tx) => {
    const unit = await getVisibleUnit(tx.db, tx.actor, unitId);
    if (unit.status === 'retired') throw new AppError('unit.retired', { status: 409 });
    authorize(tx.actor, 'unit.manage', unit);
    const changes = {
      name: input.name,
      admin_code: input.adminCode ?? null,
      contact_phone: input.contactPhone ?? null,
      address: input.address ?? null,
      sort_order: input.sortOrder ?? unit.sort_order,
    };
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, unit[k as keyof Unit]]));
    await tx.db
      .updateTable('units')
      .set({ ...changes, updated_at: tx.now.toISOString() })
      .where('tenant_id', '=', unit.tenant_id)
      .where('id', '=', unit.id)
      .execute();
    const renamed = unit.name !== input.name;
    await recordAudit(tx, {
      action: renamed ? 'unit.rename' : 'unit.update',
      targetType: 'unit',
      targetId: unit.id,
      unitId: unit.id,
      summary: renamed ? `单位更名：“${unit.name}” → “${input.name}”` : `修改单位信息：${unit.name}`,
      before,
      after: changes,
    });
    return { ...unit, ...changes, updated_at: tx.now.toISOString() };
  });
}
