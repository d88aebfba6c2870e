import { type Grid, looksLikeXlsx, readFirstSheetGrid } from '../../documents/xlsx-grid.ts';
import type { ImportError } from './columns.ts';

export type { Grid };

/**
 * Reads the first worksheet of an XLSX file as trimmed text. Type by content: an XLSX file is a
 * zip and starts with 'PK'; anything else (old .xls, CSV, HTML saved as .xls) is refused.
 */
export async function readFirstSheet(bytes: Uint8Array): Promise<Grid | { error: ImportError }> {
  if (!looksLikeXlsx(bytes)) return { error: { code: 'catalog_import.file_type', params: {} } };
  const grid = await readFirstSheetGrid(bytes);
  if (grid === 'unreadable') return { error: { code: 'catalog_import.file_unreadable', params: {} } };
  if (grid === 'empty') return { error: { code: 'catalog_import.empty', params: {} } };
  return grid;
}
