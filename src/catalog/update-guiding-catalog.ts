import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { catalogToChange } from './access.ts';
import { type CatalogWithOwner, getVisibleCatalog } from './queries.ts';
import { UpdateCatalogInput } from './schemas.ts';

/**
 * Renames a guiding catalog or edits its description. Its unit kind, domain and owner are fixed:
 * changing them would silently move its entries onto other units; retire it and define another.
 */
export async function updateGuidingCatalog(
  ctx: OpContext,
  id: string,
  raw: unknown,
): Promise<CatalogWithOwner> {
  const input = parse(UpdateCatalogInput, raw);
  return inTransaction(ctx, async (tx) => {
    const catalog = await catalogToChange(tx.db, tx.actor, id);
    const changes = { name: input.name, description: input.description ?? null };
    await tx.db
      .updateTable('guiding_catalogs')
      .set({ ...changes, updated_at: tx.now.toISOString() })
      .where('tenant_id', '=', catalog.tenant_id)
      .where('id', '=', catalog.id)
      .execute();
    await recordAudit(tx, {
      action: 'catalog.update',
      targetType: 'guiding_catalog',
      targetId: catalog.id,
      unitId: catalog.owner_unit_id,
      summary:
        catalog.name === input.name
          ? `修改指导目录“${catalog.name}”的说明`
          : `指导目录更名：“${catalog.name}” → “${input.name}”`,
      before: { name: catalog.name, description: catalog.description },
      after: changes,
    });
    return getVisibleCatalog(tx.db, tx.actor, catalog.id);
  });
}
