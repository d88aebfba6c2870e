import { recordAudit } from '../audit/record-audit.ts';
import type { CatalogEntry } from '../db/types.ts';
import type { OpContext } from '../lib/context.ts';
import { newId } from '../lib/ids.ts';
import type { EntryValues } from './entry-rules.ts';
import { nextSortOrder } from './queries.ts';

export type EntryTarget =
  | { catalogId: string; catalogName: string; auditUnitId: string }
  | { unitId: string; unitName: string };

/**
 * Writes one entry and its audit record. Not an operation: the callers (addGuidingEntry,
 * addOwnEntry, commitCatalogImport, the demo seeder) have authorized and validated already, and
 * pass their transaction.
 */
export async function insertEntry(
  tx: OpContext,
  target: EntryTarget,
  values: EntryValues,
  sortOrder?: number,
): Promise<CatalogEntry> {
  const tenantId = tx.actor.tenantId;
  const owner = 'catalogId' in target ? { catalogId: target.catalogId } : { unitId: target.unitId };
  const now = tx.now.toISOString();
  const row: CatalogEntry = {
    tenant_id: tenantId,
    id: newId(tx.now.getTime()),
    guiding_catalog_id: 'catalogId' in target ? target.catalogId : null,
    unit_id: 'unitId' in target ? target.unitId : null,
    ...values,
    sort_order: sortOrder ?? (await nextSortOrder(tx.db, tenantId, owner)),
    status: 'active',
    retired_at: null,
    retire_reason: null,
    created_by: tx.actor.personId,
    created_at: now,
    updated_at: now,
  };
  await tx.db.insertInto('catalog_entries').values(row).execute();
  await recordAudit(tx, {
    action: 'catalog.entry.create',
    targetType: 'catalog_entry',
    targetId: row.id,
    unitId: 'catalogId' in target ? target.auditUnitId : target.unitId,
    summary:
      'catalogId' in target
        ? `指导目录“${target.catalogName}”新增条目：${values.item}`
        : `“${target.unitName}”新增自有目录条目：${values.item}`,
    after: row,
  });
  return row;
}
