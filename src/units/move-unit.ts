import { sql } from 'kysely';
import { recordAudit } from '../audit/record-audit.ts';
import { authorize, can } from '../auth/policy.ts';
import { startsWith } from '../db/dialect.ts';
import type { Unit } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { fieldError } from './create-unit.ts';
import { parentAccepts } from './kinds.ts';
import { findUnit, getVisibleUnit } from './queries.ts';
import { MoveUnitInput } from './schemas.ts';

/**
 * Moves a unit (with its whole subtree) under a new parent. The actor must manage both the unit
 * and the new parent; a unit cannot go under itself or its descendants.
 */
export async function moveUnit(ctx: OpContext, unitId: string, raw: unknown): Promise<Unit> {
  const input = parse(MoveUnitInput, raw);
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const unit = await getVisibleUnit(tx.db, tx.actor, unitId);
    if (unit.parent_id === null) throw new AppError('unit.root_immovable', { status: 409 });
    if (unit.status === 'retired') throw new AppError('unit.retired', { status: 409 });
    authorize(tx.actor, 'unit.manage', unit);
    const parent = await findUnit(tx.db, tenantId, input.parentId);
    if (!parent || !can(tx.actor, 'unit.view', parent)) throw fieldError('parentId', 'unit.parent_not_found');
    authorize(tx.actor, 'unit.manage', parent);
    if (parent.status !== 'active') throw fieldError('parentId', 'unit.parent_retired');
    if (parent.path.startsWith(unit.path)) throw fieldError('parentId', 'unit.cycle');
    if (!parentAccepts(parent.sphere, unit.sphere)) throw fieldError('parentId', 'unit.sphere_mismatch');
    if (parent.id === unit.parent_id) return unit;

    const oldPath = unit.path;
    const newPath = `${parent.path}${unit.id}/`;
    const depthDelta = parent.depth + 1 - unit.depth;
    // Rewrite the materialized path of the whole subtree in one statement.
    await tx.db
      .updateTable('units')
      .set({
        path: sql`${newPath} || substr(path, ${oldPath.length + 1})`,
        depth: sql`depth + ${depthDelta}`,
        updated_at: tx.now.toISOString(),
      })
      .where('tenant_id', '=', tenantId)
      .where(startsWith('path', oldPath))
      .execute();
    await tx.db
      .updateTable('units')
      .set({ parent_id: parent.id })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', unit.id)
      .execute();
    const oldParent = unit.parent_id ? await findUnit(tx.db, tenantId, unit.parent_id) : undefined;
    await recordAudit(tx, {
      action: 'unit.move',
      targetType: 'unit',
      targetId: unit.id,
      unitId: unit.id,
      summary: `移动单位“${unit.name}”：${oldParent?.name ?? '—'} → ${parent.name}`,
      before: { parent_id: unit.parent_id, path: oldPath },
      after: { parent_id: parent.id, path: newPath },
    });
    return (await findUnit(tx.db, tenantId, unit.id))!;
  });
}
