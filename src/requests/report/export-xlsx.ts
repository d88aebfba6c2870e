import ExcelJS from 'exceljs';
import { APPLICANT_KINDS, REMEDY_KINDS } from '../outcomes.ts';
import { CHECK_LABELS, checkResultText } from './check-labels.ts';
import {
  type AnnualRequestTables,
  TABLE3_COLUMN_LABELS,
  TABLE3_LINES,
  TABLE3_STUB_NOTE,
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
} from './model.ts';

export const SHEET3 = '三、收到和处理政府信息公开申请情况';
export const SHEET4 = '四、政府信息公开行政复议、行政诉讼情况';
export const SHEET_CHECKS = '勾稽关系校验';

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

function frame(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, cols: number) {
  for (let r = fromRow; r <= toRow; r++)
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        horizontal: c <= 3 && r > 5 ? 'left' : 'center',
        wrapText: true,
      };
    }
}

function heading(ws: ExcelJS.Worksheet, title: string, scope: string, cols: number) {
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, cols);
  ws.getCell(2, 1).value = scope;
}

/**
 * Table 三 in the official layout: a three-column stub (一…四; （一）…（七）; 1. 2. …) with the
 * 勾稽 note in its merged head, then 申请人情况 over 自然人 | 法人或其他组织 (five kinds) | 总计.
 */
function sheet3(wb: ExcelJS.Workbook, t: AnnualRequestTables, scope: string) {
  const ws = wb.addWorksheet(SHEET3);
  const cols = 3 + 7;
  heading(ws, SHEET3, scope, cols);
  const h = 3; // first header row
  ws.mergeCells(h, 1, h + 2, 3);
  ws.getCell(h, 1).value = TABLE3_STUB_NOTE;
  ws.mergeCells(h, 4, h, 10);
  ws.getCell(h, 4).value = '申请人情况';
  ws.mergeCells(h + 1, 4, h + 2, 4);
  ws.getCell(h + 1, 4).value = TABLE3_COLUMN_LABELS.natural_person;
  ws.mergeCells(h + 1, 5, h + 1, 9);
  ws.getCell(h + 1, 5).value = '法人或其他组织';
  APPLICANT_KINDS.slice(1).forEach((k, i) => {
    ws.getCell(h + 2, 5 + i).value = TABLE3_COLUMN_LABELS[k];
  });
  ws.mergeCells(h + 1, 10, h + 2, 10);
  ws.getCell(h + 1, 10).value = TABLE3_COLUMN_LABELS.total;

  let row = h + 3;
  let blockStart = 0; // row where 三、本年度办理结果 begins
  let groupStart = 0; // row where the current （三）…（六） group's sub-rows begin
  let groupLabel = '';
  const closeGroup = (end: number) => {
    if (!groupLabel) return;
    ws.mergeCells(groupStart, 2, end, 2);
    ws.getCell(groupStart, 2).value = groupLabel;
    groupLabel = '';
  };
  for (const line of TABLE3_LINES) {
    if (line.key === null) {
      if (line.level === 0) blockStart = row;
      else {
        closeGroup(row - 1);
        groupLabel = line.label;
        groupStart = row;
      }
      continue;
    }
    if (line.level === 2) ws.getCell(row, 3).value = line.label;
    else {
      closeGroup(row - 1);
      if (line.level === 1) {
        ws.mergeCells(row, 2, row, 3);
        ws.getCell(row, 2).value = line.label;
      } else {
        ws.mergeCells(row, 1, row, 3);
        ws.getCell(row, 1).value = line.label;
      }
    }
    t.table3[line.key].forEach((v, i) => {
      ws.getCell(row, 4 + i).value = v;
    });
    if (line.key === 'finished') {
      ws.mergeCells(blockStart, 1, row, 1);
      ws.getCell(blockStart, 1).value = '三、本年度办理结果';
    }
    row += 1;
  }
  frame(ws, h, row - 1, cols);
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 40;
  for (let c = 4; c <= cols; c++) ws.getColumn(c).width = 11;
}

/** Table 四: 行政复议 (5 columns) | 行政诉讼 = 未经复议直接起诉 (5) + 复议后起诉 (5), one row of numbers. */
function sheet4(wb: ExcelJS.Workbook, t: AnnualRequestTables, scope: string) {
  const ws = wb.addWorksheet(SHEET4);
  const cols = 15;
  heading(ws, SHEET4, scope, cols);
  const h = 3;
  ws.mergeCells(h, 1, h + 1, 5);
  ws.getCell(h, 1).value = TABLE4_GROUP_LABELS.reconsideration;
  ws.mergeCells(h, 6, h, 15);
  ws.getCell(h, 6).value = '行政诉讼';
  ws.mergeCells(h + 1, 6, h + 1, 10);
  ws.getCell(h + 1, 6).value = TABLE4_GROUP_LABELS.litigation_direct;
  ws.mergeCells(h + 1, 11, h + 1, 15);
  ws.getCell(h + 1, 11).value = TABLE4_GROUP_LABELS.litigation_after_reconsideration;
  REMEDY_KINDS.forEach((k, g) => {
    TABLE4_COLUMNS.forEach((c, i) => {
      ws.getCell(h + 2, 1 + g * 5 + i).value = TABLE4_COLUMN_LABELS[c];
      ws.getCell(h + 3, 1 + g * 5 + i).value = t.table4[k][i];
    });
  });
  for (let r = h; r <= h + 3; r++)
    for (let c = 1; c <= cols; c++) {
      ws.getCell(r, c).border = BORDER;
      ws.getCell(r, c).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    }
  for (let c = 1; c <= cols; c++) ws.getColumn(c).width = 10;
}

function sheetChecks(wb: ExcelJS.Workbook, t: AnnualRequestTables) {
  const ws = wb.addWorksheet(SHEET_CHECKS);
  ws.addRow(['校验项', '结果', '不符合的列或行']);
  for (const c of t.checks) ws.addRow([CHECK_LABELS[c.key], checkResultText(c), c.failures.join('、')]);
  ws.getRow(1).font = { bold: true };
  ws.getColumn(1).width = 48;
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 40;
}

/** Both tables (and the checks) as an XLSX workbook with the official labels. */
export async function buildReportWorkbook(t: AnnualRequestTables, scope: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(t.year, 11, 31));
  const scopeLine = `统计年度：${t.year}年　统计范围：${scope}`;
  sheet3(wb, t, scopeLine);
  sheet4(wb, t, scopeLine);
  sheetChecks(wb, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
