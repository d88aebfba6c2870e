import { recordAudit } from '../audit/record-audit.ts';
import type { CatalogEntry } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { auditUnitOf, entryToChange } from './access.ts';
import { entryValues } from './entry-rules.ts';
import { findEntry } from './queries.ts';
import { EntryInput } from './schemas.ts';

/**
 * Replaces the fields of an entry: a guiding entry by the office owning its catalog, an own entry
 * by the unit's publisher, approver or office. Units cannot change what they inherit.
 */
export async function updateCatalogEntry(
  ctx: OpContext,
  entryId: string,
  raw: unknown,
): Promise<CatalogEntry> {
  const input = parse(EntryInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { entry, owner } = await entryToChange(tx.db, tx.actor, entryId);
    const { values, errors } = entryValues(input, owner.kind === 'guiding' ? owner.catalog.domain : null);
    if (errors.length > 0) throw new AppError('validation.failed', { fields: errors });
    const changes = { ...values, sort_order: input.sortOrder ?? entry.sort_order };
    await tx.db
      .updateTable('catalog_entries')
      .set({ ...changes, updated_at: tx.now.toISOString() })
      .where('tenant_id', '=', entry.tenant_id)
      .where('id', '=', entry.id)
      .execute();
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, entry[k as keyof CatalogEntry]]));
    await recordAudit(tx, {
      action: 'catalog.entry.update',
      targetType: 'catalog_entry',
      targetId: entry.id,
      unitId: auditUnitOf(owner),
      summary:
        owner.kind === 'guiding'
          ? `修改指导目录“${owner.catalog.name}”的条目：${values.item}`
          : `修改“${owner.unit.name}”的自有目录条目：${values.item}`,
      before,
      after: changes,
    });
    return (await findEntry(tx.db, entry.tenant_id, entry.id))!;
  });
}
