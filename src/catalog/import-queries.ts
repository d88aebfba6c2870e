import type { Actor } from '../auth/actor.ts';
import type { DbOrTx } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { isId } from '../lib/ids.ts';
import type { ImportTargetRef } from './import-target.ts';
import type { CatalogImportRow, ImportError } from './xlsx/columns.ts';

/** A stored batch, readable by the person who uploaded it (or the system). */
export async function getCatalogImport(db: DbOrTx, actor: Actor, id: string) {
  if (!isId(id)) throw new AppError('catalog_import.not_found');
  const row = await db
    .selectFrom('catalog_imports')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (actor.kind !== 'system' && row.created_by !== actor.personId))
    throw new AppError('catalog_import.not_found');
  const target: ImportTargetRef = row.guiding_catalog_id
    ? { catalogId: row.guiding_catalog_id }
    : { unitId: row.unit_id! };
  return {
    id: row.id,
    target,
    fileName: row.file_name,
    status: row.status,
    createdAt: row.created_at,
    committedAt: row.committed_at,
    rows: JSON.parse(row.rows_json) as CatalogImportRow[],
    errors: JSON.parse(row.errors_json) as ImportError[],
  };
}

export type StoredCatalogImport = Awaited<ReturnType<typeof getCatalogImport>>;
