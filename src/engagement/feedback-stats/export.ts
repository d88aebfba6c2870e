import ExcelJS from 'exceljs';
import { t } from '../../i18n/index.ts';
import type { FigureView } from './compute-stats.ts';
import type { OfficeRow } from './office-rows.ts';
import type { Period } from './period.ts';
import { FIGURE_COLUMNS, figureCells } from './views.tsx';

const head = () => [t('feedback_stats.f.unit'), ...FIGURE_COLUMNS.map((k) => t(k))];
const lines = (rows: OfficeRow[], total: FigureView) => [
  ...rows.map((r) => [r.name, ...figureCells(r.figures)]),
  [t('feedback_stats.total'), ...figureCells(total)],
];

/** The back office table as CSV (UTF-8 with BOM for Excel; formula-looking cells quoted). */
export function statsCsv(rows: OfficeRow[], total: FigureView): string {
  const cell = (v: string) =>
    /[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : v;
  return `\ufeff${[head(), ...lines(rows, total)].map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The same table as an XLSX workbook: a title row with the period, the head, one row per unit, the total. */
export async function statsXlsx(rows: OfficeRow[], total: FigureView, period: Period): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t('feedback_stats.title'));
  const cols = head().length;
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value =
    `${t('feedback_stats.title')}（${t('feedback_stats.range', { from: period.from, to: period.to })}）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.addRow(head()).font = { bold: true };
  for (const l of lines(rows, total)) ws.addRow(l.map((v, i) => (i > 0 && /^\d+$/.test(v) ? Number(v) : v)));
  ws.getColumn(1).width = 30;
  for (let c = 2; c <= cols; c++) ws.getColumn(c).width = 14;
  ws.addRow([]);
  ws.addRow([t('feedback_stats.note')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
