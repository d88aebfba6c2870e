import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { catalogToChange } from './access.ts';
import { type CatalogWithOwner, getVisibleCatalog } from './queries.ts';
import { ReasonInput } from './schemas.ts';

/**
 * Retires (废止) a guiding catalog: it stops applying to units, its entries and the claims on them
 * stay for the record. Nothing is deleted.
 */
export async function retireGuidingCatalog(
  ctx: OpContext,
  id: string,
  raw: unknown,
): Promise<CatalogWithOwner> {
  const input = parse(ReasonInput, raw);
  return inTransaction(ctx, async (tx) => {
    const catalog = await catalogToChange(tx.db, tx.actor, id);
    const now = tx.now.toISOString();
    await tx.db
      .updateTable('guiding_catalogs')
      .set({ status: 'retired', retired_at: now, retire_reason: input.reason, updated_at: now })
      .where('tenant_id', '=', catalog.tenant_id)
      .where('id', '=', catalog.id)
      .execute();
    await recordAudit(tx, {
      action: 'catalog.retire',
      targetType: 'guiding_catalog',
      targetId: catalog.id,
      unitId: catalog.owner_unit_id,
      summary: `废止指导目录“${catalog.name}”：${input.reason}`,
      before: { status: catalog.status },
      after: { status: 'retired', retire_reason: input.reason },
    });
    return getVisibleCatalog(tx.db, tx.actor, catalog.id);
  });
}
