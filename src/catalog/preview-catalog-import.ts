import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { type ImportTargetRef, resolveImportTarget } from './import-target.ts';
import type { CatalogImportRow, ImportError } from './xlsx/columns.ts';
import { parseCatalogFile } from './xlsx/parse-catalog-file.ts';
import { validateCatalogRows } from './xlsx/validate-catalog-rows.ts';

export interface CatalogImportPreview {
  id: string;
  fileName: string;
  rows: CatalogImportRow[];
  /** File-level errors first (no row), then row errors in row order. */
  errors: ImportError[];
}

/**
 * Reads an uploaded catalog spreadsheet, checks every row against the target (a guiding catalog
 * or a unit's own entries) and stores the batch for a later commit. Nothing is added yet.
 */
export async function previewCatalogImport(
  ctx: OpContext,
  input: { target: ImportTargetRef; fileName: string; buffer: Uint8Array },
): Promise<CatalogImportPreview> {
  // Authorize before spending time on the file.
  await resolveImportTarget(ctx.db, ctx.actor, input.target);
  if (!input.buffer || input.buffer.byteLength === 0)
    throw new AppError('catalog_import.file_missing', { status: 422 });
  const fileName = cleanFileName(input.fileName);
  // Parsing is CPU work: done before the transaction so it holds no lock meanwhile.
  const parsed = await parseCatalogFile(input.buffer);
  return inTransaction(ctx, async (tx) => {
    const target = await resolveImportTarget(tx.db, tx.actor, input.target);
    const checked = validateCatalogRows(parsed.rows, target.fixedDomain, target.existing);
    const errors = [...parsed.fileErrors, ...checked.errors];
    const id = newId(tx.now.getTime());
    await tx.db
      .insertInto('catalog_imports')
      .values({
        tenant_id: tx.actor.tenantId,
        id,
        guiding_catalog_id: 'catalogId' in target.ref ? target.ref.catalogId : null,
        unit_id: 'unitId' in target.ref ? target.ref.unitId : null,
        file_name: fileName,
        status: 'previewed',
        rows_json: JSON.stringify(parsed.rows),
        errors_json: JSON.stringify(errors),
        row_count: parsed.rows.length,
        error_count: errors.length,
        created_by: tx.actor.personId,
        created_at: tx.now.toISOString(),
        committed_at: null,
      })
      .execute();
    await recordAudit(tx, {
      action: 'catalog_import.preview',
      targetType: 'catalog_import',
      targetId: id,
      unitId: target.auditUnitId,
      summary: `上传${target.label}导入文件“${fileName}”：${parsed.rows.length} 行，${errors.length} 处错误`,
      after: { fileName, rowCount: parsed.rows.length, errorCount: errors.length },
    });
    return { id, fileName, rows: parsed.rows, errors };
  });
}

/** Browsers may send a full client path; keep the last segment, bounded, for display and audit. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.trim();
  return base === '' ? 'catalog.xlsx' : [...base].slice(0, 200).join('');
}
