import { recordAudit } from '../audit/record-audit.ts';
import { authorize, can } from '../auth/policy.ts';
import type { NewUnit, Unit } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { parentAccepts, sphereOf } from './kinds.ts';
import { findUnit, findUnitByCode } from './queries.ts';
import { CreateUnitInput } from './schemas.ts';

/** Creates a unit under a parent the actor manages. */
export async function createUnit(ctx: OpContext, raw: unknown): Promise<Unit> {
  const input = parse(CreateUnitInput, raw);
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const parent = await findUnit(tx.db, tenantId, input.parentId);
    if (!parent || !can(tx.actor, 'unit.view', parent)) throw fieldError('parentId', 'unit.parent_not_found');
    authorize(tx.actor, 'unit.manage', parent);
    if (parent.status !== 'active') throw fieldError('parentId', 'unit.parent_retired');
    const sphere = sphereOf(input.kind);
    if (!parentAccepts(parent.sphere, sphere)) throw fieldError('kind', 'unit.sphere_mismatch');
    if (await findUnitByCode(tx.db, tenantId, input.code))
      throw new AppError('validation.failed', {
        fields: [{ field: 'code', code: 'unit.code_exists', params: { code: input.code } }],
      });
    if (input.hostUnitId) {
      const host = await findUnit(tx.db, tenantId, input.hostUnitId);
      if (host?.status !== 'active' || host.sphere !== 'government')
        throw fieldError('hostUnitId', 'unit.host_invalid');
    }
    const id = newId(tx.now.getTime());
    const now = tx.now.toISOString();
    const row: NewUnit = {
      tenant_id: tenantId,
      id,
      code: input.code,
      name: input.name,
      kind: input.kind,
      sphere,
      parent_id: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      admin_code: input.adminCode ?? null,
      host_unit_id: input.hostUnitId ?? null,
      contact_phone: input.contactPhone ?? null,
      address: input.address ?? null,
      sort_order: input.sortOrder ?? 0,
      status: 'active',
      retired_at: null,
      retire_reason: null,
      created_at: now,
      updated_at: now,
    };
    await tx.db.insertInto('units').values(row).execute();
    await recordAudit(tx, {
      action: 'unit.create',
      targetType: 'unit',
      targetId: id,
      unitId: id,
      summary: `新建单位“${input.name}”（${input.code}），上级：${parent.name}`,
      after: row,
    });
    return (await findUnit(tx.db, tenantId, id))!;
  });
}

export function fieldError(field: string, code: string, params?: Record<string, string | number>): AppError {
  return new AppError('validation.failed', { fields: [{ field, code, params }] });
}
