import { recordAudit } from '../../audit/record-audit.ts';
import { requirePermission } from '../../auth/policy.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError, type FieldError, isAppError } from '../../lib/errors.ts';
import { isId } from '../../lib/ids.ts';
import { createUnit } from '../create-unit.ts';
import type { ImportError, UnitImportRow } from './columns.ts';
import { type UnitRef, validateUnitRows } from './validate-unit-rows.ts';

export interface UnitImportResult {
  id: string;
  count: number;
  /** The created units, in the order they were inserted. */
  units: { row: number; id: string; code: string }[];
}

/**
 * Creates every unit of a previewed batch, or none. The rows are checked again against the
 * database as it is now (units and grants may have changed since the preview); any error refuses
 * the whole batch. Each unit goes through createUnit, inside this one transaction, so it is
 * authorized and audited like a unit created by hand, and a failure anywhere rolls all back.
 */
export async function commitUnitImport(ctx: OpContext, importId: string): Promise<UnitImportResult> {
  requirePermission(ctx.actor, 'unit.manage');
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const batch = isId(importId)
      ? await tx.db
          .selectFrom('unit_imports')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('id', '=', importId)
          .executeTakeFirst()
      : undefined;
    // A batch holds another person's upload: only its author (or the system) may act on it,
    // and to anyone else it does not exist.
    const mine =
      tx.actor.kind === 'system' || (batch?.created_by != null && batch.created_by === tx.actor.personId);
    if (!batch || !mine) throw new AppError('import.not_found');
    if (batch.status !== 'previewed') throw new AppError('import.already_done', { status: 409 });
    // Claim the batch first: a second, concurrent commit waits on this row and then finds it taken.
    const claimed = await tx.db
      .updateTable('unit_imports')
      .set({ status: 'committed', committed_at: tx.now.toISOString() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', batch.id)
      .where('status', '=', 'previewed')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('import.already_done', { status: 409 });

    const rows = JSON.parse(batch.rows_json) as UnitImportRow[];
    const fileErrors = (JSON.parse(batch.errors_json) as ImportError[]).filter((e) => e.row === undefined);
    const checked = await validateUnitRows(tx.db, tx.actor, rows);
    const errors = [...fileErrors, ...checked.errors];
    if (rows.length === 0 && errors.length === 0) errors.push({ code: 'import.empty', params: {} });
    if (errors.length > 0)
      throw new AppError('import.has_errors', {
        status: 422,
        params: { count: errors.length },
        fields: errors.map(toFieldError),
      });

    const created = new Map<number, string>();
    const idOf = (ref: UnitRef) => ('unit' in ref ? ref.unit.id : created.get(rows[ref.index].row)!);
    const units: UnitImportResult['units'] = [];
    for (const p of checked.plan) {
      const r = p.row;
      try {
        const unit = await createUnit(tx, {
          code: r.code,
          name: r.name,
          kind: p.kind,
          parentId: idOf(p.parent),
          adminCode: r.adminCode || undefined,
          hostUnitId: p.host ? idOf(p.host) : undefined,
          contactPhone: r.contactPhone || undefined,
          address: r.address || undefined,
          sortOrder: p.sortOrder,
        });
        created.set(r.row, unit.id);
        units.push({ row: r.row, id: unit.id, code: unit.code });
      } catch (e) {
        throw rowFailure(r.row, e);
      }
    }
    await recordAudit(tx, {
      action: 'unit_import.commit',
      targetType: 'unit_import',
      targetId: batch.id,
      unitId: checked.anchorUnitId,
      summary: `从文件“${batch.file_name}”导入单位 ${units.length} 个`,
      after: { fileName: batch.file_name, count: units.length },
    });
    return { id: batch.id, count: units.length, units };
  });
}

/** Row errors as field errors, addressed like 'rows.7.parentCode' ('file' for the file itself). */
function toFieldError(e: ImportError): FieldError {
  const field = e.row === undefined ? 'file' : `rows.${e.row}${e.field ? `.${e.field}` : ''}`;
  return { field, code: e.code, params: e.params };
}

/**
 * createUnit refusing a row that validation passed means the database changed under us; say which
 * row. Anything that is not an AppError (a lost connection, a constraint hit by a concurrent
 * writer) propagates as is — the transaction rolls back either way.
 */
function rowFailure(row: number, e: unknown): unknown {
  if (!isAppError(e)) return e;
  const fields =
    e.fields.length > 0
      ? e.fields.map((f) => ({ ...f, field: `rows.${row}.${f.field}` }))
      : [{ field: `rows.${row}`, code: e.code, params: e.params }];
  return new AppError('import.has_errors', { status: 422, params: { count: fields.length }, fields });
}
