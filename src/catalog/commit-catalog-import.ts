import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError, type FieldError } from '../lib/errors.ts';
import { insertEntry } from './entry-store.ts';
import { getCatalogImport } from './import-queries.ts';
import { resolveImportTarget } from './import-target.ts';
import { nextSortOrder } from './queries.ts';
import type { ImportError } from './xlsx/columns.ts';
import { validateCatalogRows } from './xlsx/validate-catalog-rows.ts';

export interface CatalogImportResult {
  id: string;
  count: number;
  entryIds: string[];
}

/**
 * Adds every entry of a previewed batch, or none. The target is authorized again and the rows
 * are checked again against it as it is now (entries may have been added since the preview);
 * any error refuses the whole batch. Entries keep the file's order after the existing ones, and
 * each is audited like an entry added by hand.
 */
export async function commitCatalogImport(ctx: OpContext, importId: string): Promise<CatalogImportResult> {
  return inTransaction(ctx, async (tx) => {
    const batch = await getCatalogImport(tx.db, tx.actor, importId);
    if (batch.status !== 'previewed') throw new AppError('catalog_import.already_done', { status: 409 });
    // Claim the batch first: a second, concurrent commit waits on this row and then finds it taken.
    const claimed = await tx.db
      .updateTable('catalog_imports')
      .set({ status: 'committed', committed_at: tx.now.toISOString() })
      .where('tenant_id', '=', tx.actor.tenantId)
      .where('id', '=', batch.id)
      .where('status', '=', 'previewed')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new AppError('catalog_import.already_done', { status: 409 });

    const target = await resolveImportTarget(tx.db, tx.actor, batch.target);
    const fileErrors = batch.errors.filter((e) => e.row === undefined);
    const checked = validateCatalogRows(batch.rows, target.fixedDomain, target.existing);
    const errors = [...fileErrors, ...checked.errors];
    if (batch.rows.length === 0 && errors.length === 0)
      errors.push({ code: 'catalog_import.empty', params: {} });
    if (errors.length > 0)
      throw new AppError('catalog_import.has_errors', {
        status: 422,
        params: { count: errors.length },
        fields: errors.map(toFieldError),
      });

    const base = await nextSortOrder(tx.db, tx.actor.tenantId, target.ref);
    const entryIds: string[] = [];
    for (const [i, p] of checked.plan.entries()) {
      const entry = await insertEntry(tx, target.entryTarget, p.values, base + i * 10);
      entryIds.push(entry.id);
    }
    await recordAudit(tx, {
      action: 'catalog_import.commit',
      targetType: 'catalog_import',
      targetId: batch.id,
      unitId: target.auditUnitId,
      summary: `从文件“${batch.fileName}”向${target.label}导入 ${entryIds.length} 个条目`,
      after: { fileName: batch.fileName, count: entryIds.length },
    });
    return { id: batch.id, count: entryIds.length, entryIds };
  });
}

/** Row errors as field errors, addressed like 'rows.7.mode' ('file' for the file itself). */
function toFieldError(e: ImportError): FieldError {
  const field = e.row === undefined ? 'file' : `rows.${e.row}${e.field ? `.${e.field}` : ''}`;
  return { field, code: e.code, params: e.params };
}
