/**
 * The columns of a unit import file, shared by the parser, the validator and the template so the
 * three can never disagree about a header name or a length limit. Limits mirror CreateUnitInput
 * (src/units/schemas.ts): a row that passes here also passes createUnit at commit time.
 */
export type ColumnKey =
  | 'code'
  | 'name'
  | 'kind'
  | 'parentCode'
  | 'adminCode'
  | 'hostCode'
  | 'contactPhone'
  | 'address'
  | 'sortOrder';

export interface ColumnDef {
  key: ColumnKey;
  header: string;
  required: boolean;
  /** Maximum length in characters (code points, as Ajv counts them); undefined = not length-checked. */
  max?: number;
}

export const COLUMNS: readonly ColumnDef[] = [
  { key: 'code', header: '单位编码', required: true, max: 40 },
  { key: 'name', header: '单位名称', required: true, max: 100 },
  { key: 'kind', header: '单位类型', required: true },
  { key: 'parentCode', header: '上级单位编码', required: true, max: 40 },
  { key: 'adminCode', header: '行政区划代码', required: false, max: 12 },
  { key: 'hostCode', header: '所在单位编码', required: false, max: 40 },
  { key: 'contactPhone', header: '联系电话', required: false, max: 40 },
  { key: 'address', header: '地址', required: false, max: 200 },
  { key: 'sortOrder', header: '排序', required: false },
];

export const MAX_IMPORT_ROWS = 5000;

/** One data row as read from the file: trimmed strings ('' when empty), plus its spreadsheet row number. */
export type UnitImportRow = { row: number } & Record<ColumnKey, string>;

/**
 * A problem found in a file. File-level problems have no row; row problems name the spreadsheet
 * row (the header is row 1) and, where one column is at fault, its key.
 */
export interface ImportError {
  row?: number;
  field?: ColumnKey;
  code: string;
  params: Record<string, string | number>;
}

export function columnHeader(key: ColumnKey): string {
  return COLUMNS.find((c) => c.key === key)!.header;
}

/** Length as people (and Ajv's maxLength) count it: a CJK character or an emoji is one. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}
