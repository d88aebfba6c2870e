import { recordAudit } from '../audit/record-audit.ts';
import { can } from '../auth/policy.ts';
import type { GuidingCatalog } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { fieldError } from '../units/create-unit.ts';
import { sphereOf } from '../units/kinds.ts';
import { findUnit } from '../units/queries.ts';
import { type CatalogWithOwner, getVisibleCatalog } from './queries.ts';
import { CreateCatalogInput } from './schemas.ts';
import { DOMAINS, labelOf } from './vocabulary.ts';

/**
 * Defines a guiding catalog (指导目录) for one unit kind and domain, owned by a unit whose office
 * the actor is: it applies to every unit of that kind in the owner's subtree.
 */
export async function createGuidingCatalog(ctx: OpContext, raw: unknown): Promise<CatalogWithOwner> {
  const input = parse(CreateCatalogInput, raw);
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const owner = await findUnit(tx.db, tenantId, input.ownerUnitId);
    if (!owner || !can(tx.actor, 'catalog.view', owner)) throw fieldError('ownerUnitId', 'unit.not_found');
    if (owner.status === 'retired') throw fieldError('ownerUnitId', 'unit.retired');
    if (!can(tx.actor, 'catalog.manage', owner)) throw new AppError('auth.forbidden');
    // A party organisation's catalog cannot hang under a government unit, nor the reverse.
    if (owner.sphere !== 'region' && owner.sphere !== sphereOf(input.unitKind))
      throw fieldError('unitKind', 'catalog.kind_sphere_mismatch');
    const now = tx.now.toISOString();
    const row: GuidingCatalog = {
      tenant_id: tenantId,
      id: newId(tx.now.getTime()),
      owner_unit_id: owner.id,
      unit_kind: input.unitKind,
      domain: input.domain,
      name: input.name,
      description: input.description ?? null,
      status: 'active',
      retired_at: null,
      retire_reason: null,
      created_by: tx.actor.personId,
      created_at: now,
      updated_at: now,
    };
    await tx.db.insertInto('guiding_catalogs').values(row).execute();
    await recordAudit(tx, {
      action: 'catalog.create',
      targetType: 'guiding_catalog',
      targetId: row.id,
      unitId: owner.id,
      summary: `${owner.name}制定指导目录“${input.name}”（${labelOf(DOMAINS, input.domain)}）`,
      after: row,
    });
    return getVisibleCatalog(tx.db, tx.actor, row.id);
  });
}
