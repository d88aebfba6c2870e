import { recordAudit } from '../../audit/record-audit.ts';
import { requirePermission } from '../../auth/policy.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { ImportError, UnitImportRow } from './columns.ts';
import { parseUnitFile } from './parse-unit-file.ts';
import { validateUnitRows } from './validate-unit-rows.ts';

export interface UnitImportPreview {
  id: string;
  fileName: string;
  rows: UnitImportRow[];
  /** File-level errors first (no row), then row errors in row order. */
  errors: ImportError[];
}

/**
 * Reads an uploaded file, checks every row against the tenant's units and stores the batch for a
 * later commit. Nothing is created yet: the person sees all problems at once, fixes the file and
 * uploads it again, or commits a clean batch.
 */
export async function previewUnitImport(
  ctx: OpContext,
  input: { fileName: string; buffer: Uint8Array },
): Promise<UnitImportPreview> {
  requirePermission(ctx.actor, 'unit.manage');
  if (!input.buffer || input.buffer.byteLength === 0)
    throw new AppError('import.file_missing', { status: 422 });
  const fileName = cleanFileName(input.fileName);
  // Parsing is CPU work on up to 5000 rows: done before the transaction so it holds no lock meanwhile.
  const parsed = await parseUnitFile(fileName, input.buffer);
  return inTransaction(ctx, async (tx) => {
    const checked = await validateUnitRows(tx.db, tx.actor, parsed.rows);
    const errors = [...parsed.fileErrors, ...checked.errors];
    const id = newId(tx.now.getTime());
    await tx.db
      .insertInto('unit_imports')
      .values({
        tenant_id: tx.actor.tenantId,
        id,
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
      action: 'unit_import.preview',
      targetType: 'unit_import',
      targetId: id,
      unitId: checked.anchorUnitId,
      summary: `上传单位导入文件“${fileName}”：${parsed.rows.length} 行，${errors.length} 处错误`,
      after: { fileName, rowCount: parsed.rows.length, errorCount: errors.length },
    });
    return { id, fileName, rows: parsed.rows, errors };
  });
}

/** Browsers may send a full client path; keep the last segment, bounded, for display and audit. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.trim();
  return base === '' ? 'import' : [...base].slice(0, 200).join('');
}
