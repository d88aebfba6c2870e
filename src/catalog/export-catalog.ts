import type { Actor } from '../auth/actor.ts';
import type { DbOrTx } from '../db/types.ts';
import { getVisibleUnit } from '../units/queries.ts';
import { getVisibleCatalog, listEntries } from './queries.ts';
import { DOMAINS, labelOf } from './vocabulary.ts';
import { buildCatalogWorkbook } from './xlsx/build-catalog-workbook.ts';

export interface CatalogFile {
  fileName: string;
  buffer: Buffer;
}

/** A guiding catalog's active entries as XLSX, for anyone who may read the catalog. */
export async function exportGuidingCatalog(
  db: DbOrTx,
  actor: Actor,
  catalogId: string,
): Promise<CatalogFile> {
  const c = await getVisibleCatalog(db, actor, catalogId);
  const entries = await listEntries(db, actor.tenantId, { catalogId: c.id });
  const title = `${c.owner_name}${c.name}（${labelOf(DOMAINS, c.domain)}）`;
  return { fileName: `${c.name}.xlsx`, buffer: await buildCatalogWorkbook(title, entries) };
}

/**
 * A unit's own entries ("X") as XLSX: the file imports back into a unit's own catalog. The
 * inherited entries are in the guiding catalogs' exports.
 */
export async function exportOwnEntries(db: DbOrTx, actor: Actor, unitId: string): Promise<CatalogFile> {
  const unit = await getVisibleUnit(db, actor, unitId, 'catalog.view');
  const entries = await listEntries(db, actor.tenantId, { unitId: unit.id });
  const title = `${unit.name}自有公开目录`;
  return { fileName: `${unit.name}自有公开目录.xlsx`, buffer: await buildCatalogWorkbook(title, entries) };
}

/** An empty catalog with the headers and the help sheet, for filling in. */
export async function catalogTemplate(): Promise<CatalogFile> {
  return { fileName: '公开目录导入模板.xlsx', buffer: await buildCatalogWorkbook('公开目录', []) };
}
