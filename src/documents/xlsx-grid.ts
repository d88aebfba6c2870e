import ExcelJS from 'exceljs';

/** A worksheet reduced to text: each non-empty line with its row number as the spreadsheet shows it. */
export type Grid = { row: number; cells: string[] }[];

/** An XLSX file is a zip: it starts with 'PK\x03\x04'. Old .xls, CSV or HTML saved as .xls do not. */
export function looksLikeXlsx(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/**
 * Reads the first worksheet of an XLSX workbook as trimmed text, for every importer (units,
 * catalogs, finance sheets). Returns 'unreadable' for a broken workbook and 'empty' when it has
 * no worksheet; the caller turns those into its own localized error.
 */
export async function readFirstSheetGrid(bytes: Uint8Array): Promise<Grid | 'unreadable' | 'empty'> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it actually reads.
    await workbook.xlsx.load(b as unknown as ExcelJS.Buffer);
  } catch {
    return 'unreadable';
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return 'empty';
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based and sparse: index 0 and untouched cells are holes.
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c += 1) cells.push(cellText(values[c]).trim());
    grid.push({ row: rowNumber, cells });
  });
  return grid;
}

/** Cell values arrive as strings, numbers, dates, rich text, formulas or hyperlinks: reduce to text. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v)
    return cellText((v as ExcelJS.CellFormulaValue).result as never);
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return '';
}
