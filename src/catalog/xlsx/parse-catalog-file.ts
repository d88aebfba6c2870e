import {
  type CatalogImportRow,
  COLUMNS,
  type ColumnKey,
  columnByHeader,
  columnHeader,
  type ImportError,
  MAX_CATALOG_ROWS,
  REQUIRED_HEADERS,
} from './columns.ts';
import { readFirstSheet } from './read-sheet.ts';

export interface ParsedCatalogFile {
  rows: CatalogImportRow[];
  /** Problems with the file as a whole; when one makes the rows unreadable, rows is empty. */
  fileErrors: ImportError[];
}

/** How far down a title block (目录名称, 制表单位…) may push the header row. */
const HEADER_SEARCH_ROWS = 6;

/**
 * Reads a catalog spreadsheet into trimmed string rows. The header is the first of the first few
 * non-empty rows that names 一级事项, so a title row above it (as published catalogs have, and our
 * export writes) is skipped. Column order is free.
 */
export async function parseCatalogFile(buffer: Uint8Array): Promise<ParsedCatalogFile> {
  const grid = await readFirstSheet(buffer);
  if ('error' in grid) return { rows: [], fileErrors: [grid.error] };
  const nonEmpty = grid.filter((r) => r.cells.some((c) => c !== ''));
  if (nonEmpty.length === 0) return { rows: [], fileErrors: [{ code: 'catalog_import.empty', params: {} }] };
  const headerAt = nonEmpty
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => r.cells.some((c) => columnByHeader(c)?.key === 'level1'));
  const header = nonEmpty[Math.max(headerAt, 0)];
  const data = nonEmpty.slice(Math.max(headerAt, 0) + 1);
  const fileErrors: ImportError[] = [];
  const index = new Map<ColumnKey, number>();
  header.cells.forEach((raw, i) => {
    if (raw === '') {
      if (data.some((r) => (r.cells[i] ?? '') !== ''))
        fileErrors.push({ code: 'catalog_import.unknown_header', params: { header: `第${i + 1}列` } });
      return;
    }
    const col = columnByHeader(raw);
    if (!col) fileErrors.push({ code: 'catalog_import.unknown_header', params: { header: raw } });
    else if (index.has(col.key))
      fileErrors.push({ code: 'catalog_import.duplicate_header', params: { header: raw } });
    else index.set(col.key, i);
  });
  const missing = REQUIRED_HEADERS.filter((k) => !index.has(k));
  if (!index.has('timing') && !index.has('timeLimitText')) missing.push('timing');
  if (missing.length > 0) {
    fileErrors.unshift({
      code: 'catalog_import.bad_header',
      params: { missing: missing.map(columnHeader).join('、') },
    });
    return { rows: [], fileErrors };
  }
  if (data.length === 0)
    return { rows: [], fileErrors: [...fileErrors, { code: 'catalog_import.empty', params: {} }] };
  if (data.length > MAX_CATALOG_ROWS)
    return {
      rows: [],
      fileErrors: [
        ...fileErrors,
        { code: 'catalog_import.too_many_rows', params: { limit: MAX_CATALOG_ROWS } },
      ],
    };
  const rows = data.map((r) => {
    const out = { row: r.row } as CatalogImportRow;
    for (const c of COLUMNS) {
      const i = index.get(c.key);
      out[c.key] = i === undefined ? '' : (r.cells[i] ?? '');
    }
    return out;
  });
  return { rows, fileErrors };
}
