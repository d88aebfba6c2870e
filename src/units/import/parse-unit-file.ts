import { parse } from 'csv-parse/sync';
import { type Grid, readFirstSheetGrid } from '../../documents/xlsx-grid.ts';
import { COLUMNS, type ColumnKey, type ImportError, MAX_IMPORT_ROWS, type UnitImportRow } from './columns.ts';

export interface ParsedUnitFile {
  /** What the content turned out to be; null when it is neither. */
  format: 'csv' | 'xlsx' | null;
  rows: UnitImportRow[];
  /** Problems with the file as a whole; when one of them makes the rows unreadable, rows is empty. */
  fileErrors: ImportError[];
}

/**
 * Reads a CSV or XLSX file of units into trimmed string rows. The type is decided by the content
 * (an XLSX file is a zip, so it starts with 'PK'), because files get renamed and browsers send
 * unreliable names and MIME types; the name only serves to refuse an .xls/.xlsx that is not a zip
 * (old binary .xls, or an HTML page saved as .xls by some systems).
 */
export async function parseUnitFile(fileName: string, buffer: Uint8Array): Promise<ParsedUnitFile> {
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (isZip(bytes)) {
    const grid = await readXlsx(bytes);
    if ('error' in grid) return { format: 'xlsx', rows: [], fileErrors: [grid.error] };
    return { format: 'xlsx', ...gridToRows(grid) };
  }
  if (/\.(xlsx|xlsm|xls)$/i.test(fileName.trim()) || isOle2(bytes)) return notSupported();
  const text = decodeText(bytes);
  if (text === null) return notSupported();
  const grid = readCsv(text);
  if ('error' in grid) return { format: 'csv', rows: [], fileErrors: [grid.error] };
  return { format: 'csv', ...gridToRows(grid) };
}

function notSupported(): ParsedUnitFile {
  return { format: null, rows: [], fileErrors: [{ code: 'import.file_type', params: {} }] };
}

function isZip(b: Buffer): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** The container of old .xls files (and of password-protected .xlsx): not something we can read. */
function isOle2(b: Buffer): boolean {
  return b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

/**
 * Decodes CSV bytes. Excel on Chinese Windows saves "CSV (逗号分隔)" in the ANSI code page, i.e.
 * GBK, and only "CSV UTF-8" with a BOM; "Unicode 文本" is UTF-16 with a BOM. Bytes that are not
 * valid UTF-8 are therefore taken as GBK (WHATWG's gbk decoder is GB18030, a superset).
 * Returns null for content that is evidently binary.
 */
function decodeText(b: Buffer): string | null {
  let text: string;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) text = new TextDecoder('utf-8').decode(b.subarray(3));
  else if (b[0] === 0xff && b[1] === 0xfe) text = new TextDecoder('utf-16le').decode(b.subarray(2));
  else if (b[0] === 0xfe && b[1] === 0xff) text = new TextDecoder('utf-16be').decode(b.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      text = new TextDecoder('gbk').decode(b);
    }
  }
  return text.includes('\u0000') ? null : text;
}

/** Comma normally; tab for Excel's "Unicode 文本"; semicolon where the list separator is ';'. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

function readCsv(text: string): Grid | { error: ImportError } {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    const reason = line ? `CSV 格式错误（第 ${line} 行附近）` : 'CSV 格式错误';
    return { error: { code: 'import.file_unreadable', params: { reason } } };
  }
  // A record is a spreadsheet row even when a quoted cell spans several lines.
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) }));
}

async function readXlsx(b: Buffer): Promise<Grid | { error: ImportError }> {
  const grid = await readFirstSheetGrid(b);
  if (grid === 'unreadable')
    return { error: { code: 'import.file_unreadable', params: { reason: '不是有效的 XLSX 工作簿' } } };
  if (grid === 'empty') return { error: { code: 'import.empty', params: {} } };
  return grid;
}

/** Header names compared without any whitespace, so '单位 编码' or a trailing full-width space still match. */
function normaliseHeader(h: string): string {
  return h.replace(/\s+/g, '');
}

function gridToRows(grid: Grid): { rows: UnitImportRow[]; fileErrors: ImportError[] } {
  const nonEmpty = grid.filter((r) => r.cells.some((c) => c !== ''));
  const header = nonEmpty[0];
  if (!header) return { rows: [], fileErrors: [{ code: 'import.empty', params: {} }] };
  const data = nonEmpty.slice(1);
  const fileErrors: ImportError[] = [];
  const index = new Map<ColumnKey, number>();
  header.cells.forEach((raw, i) => {
    const name = normaliseHeader(raw);
    if (name === '') {
      // Trailing blank columns are common in Excel; a blank header above data is not.
      if (data.some((r) => (r.cells[i] ?? '') !== ''))
        fileErrors.push({ code: 'import.unknown_header', params: { header: `第${i + 1}列` } });
      return;
    }
    const col = COLUMNS.find((c) => c.header === name);
    if (!col) fileErrors.push({ code: 'import.unknown_header', params: { header: raw } });
    else if (index.has(col.key))
      fileErrors.push({ code: 'import.duplicate_header', params: { header: name } });
    else index.set(col.key, i);
  });
  const missing = COLUMNS.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  if (missing.length > 0) {
    fileErrors.unshift({
      code: 'import.bad_header',
      params: { missing: missing.join('、'), expected: COLUMNS.map((c) => c.header).join('、') },
    });
    return { rows: [], fileErrors };
  }
  if (data.length === 0)
    return { rows: [], fileErrors: [...fileErrors, { code: 'import.empty', params: {} }] };
  if (data.length > MAX_IMPORT_ROWS)
    return {
      rows: [],
      fileErrors: [...fileErrors, { code: 'import.too_many_rows', params: { limit: MAX_IMPORT_ROWS } }],
    };
  const rows = data.map((r) => {
    const out = { row: r.row } as UnitImportRow;
    for (const c of COLUMNS) {
      const i = index.get(c.key);
      out[c.key] = i === undefined ? '' : (r.cells[i] ?? '');
    }
    return out;
  });
  return { rows, fileErrors };
}
