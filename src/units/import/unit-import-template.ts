import ExcelJS from 'exceljs';
import type { Sphere } from '../../db/types.ts';
import { CREATABLE_KINDS, UNIT_KINDS } from '../kinds.ts';
import { COLUMNS, type ColumnKey } from './columns.ts';

/** One plausible row, so people see the shape; they replace it with their own data. */
const EXAMPLE: Record<ColumnKey, string> = {
  code: 'XZ01-C01',
  name: '示例村',
  kind: '村',
  parentCode: 'XZ01',
  adminCode: '410101001001',
  hostCode: '',
  contactPhone: '0371-12345678',
  address: '示例镇示例村',
  sortOrder: '10',
};

const SPHERE_LABEL: Record<Sphere, string> = { region: '区域', government: '行政', party: '党组织' };

/** An import template for download: the headers the parser expects and one example row. */
export async function unitImportTemplate(format: 'csv' | 'xlsx'): Promise<Buffer> {
  const header = COLUMNS.map((c) => c.header);
  const example = COLUMNS.map((c) => EXAMPLE[c.key]);
  if (format === 'csv') {
    // The BOM makes Excel open the file as UTF-8 instead of the ANSI code page; CRLF is what Excel writes.
    const lines = [header, example].map((cells) => cells.map(csvCell).join(','));
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  // The data sheet must come first: the importer reads the first worksheet.
  const sheet = workbook.addWorksheet('单位');
  sheet.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 4),
    // Text format, so codes like 001 or 410101001001 are not turned into numbers by Excel.
    style: { numFmt: '@' },
  }));
  sheet.addRow(EXAMPLE);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const kinds = workbook.addWorksheet('单位类型说明');
  kinds.columns = [
    { header: '单位类型', width: 14 },
    { header: '也可写作', width: 36 },
    { header: '体系', width: 10 },
  ];
  for (const k of CREATABLE_KINDS) {
    const def = UNIT_KINDS[k];
    kinds.addRow([
      def.label,
      def.aliases.filter((a) => a !== def.label).join('、'),
      SPHERE_LABEL[def.sphere],
    ]);
  }
  kinds.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
