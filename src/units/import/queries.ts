import type { Actor } from '../../auth/actor.ts';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../lib/errors.ts';
import { isId } from '../../lib/ids.ts';
import type { ImportError, UnitImportRow } from './columns.ts';

/** A stored batch, readable by the person who uploaded it (or the system). */
export async function getUnitImport(db: DbOrTx, actor: Actor, id: string) {
  if (!isId(id)) throw new AppError('import.not_found');
  const row = await db
    .selectFrom('unit_imports')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (actor.kind !== 'system' && row.created_by !== actor.personId))
    throw new AppError('import.not_found');
  return {
    id: row.id,
    fileName: row.file_name,
    status: row.status,
    createdAt: row.created_at,
    committedAt: row.committed_at,
    rows: JSON.parse(row.rows_json) as UnitImportRow[],
    errors: JSON.parse(row.errors_json) as ImportError[],
  };
}

export type StoredUnitImport = Awaited<ReturnType<typeof getUnitImport>>;
