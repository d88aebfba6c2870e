/**
 * Village monthly income/expenditure disclosure (村级财务收支公开) from an XLSX sheet: finds the
 * header row among the common headers, reads amounts to integer cents, totals them and checks the
 * running balance. Problems in the figures are warnings for the publisher to look at, never a
 * rejection: the sheet is what the village's accountant produced, and it is kept as the attachment.
 */

import { type Grid, readFirstSheetGrid } from '../../documents/xlsx-grid.ts';
import { AppError } from '../../lib/errors.ts';

export type FinanceColumn =
  | 'date'
  | 'voucher'
  | 'summary'
  | 'account'
  | 'income'
  | 'expense'
  | 'balance'
  | 'handler'
  | 'note';

export const AMOUNT_COLUMNS: readonly FinanceColumn[] = ['income', 'expense', 'balance'];

/** Accepted header texts (compared without spaces and a trailing "(元)"). 借方/贷方 are a cash journal's. */
const HEADERS: Record<FinanceColumn, string[]> = {
  date: ['日期', '记账日期', '发生日期', '时间', '月日'],
  voucher: ['凭证号', '凭证号码', '凭证编号', '凭证字号', '凭证'],
  summary: ['摘要', '事由', '内容', '收支事项', '收支项目', '项目'],
  account: ['科目', '会计科目', '科目名称'],
  income: ['收入', '收入金额', '收入数', '借方', '借方金额'],
  expense: ['支出', '支出金额', '支出数', '贷方', '贷方金额'],
  balance: ['余额', '结余', '结存'],
  handler: ['经手人', '经办人'],
  note: ['备注'],
};

export interface FinanceRow {
  sheetRow: number;
  date: string;
  voucher: string;
  summary: string;
  account: string;
  incomeCents: number | null;
  expenseCents: number | null;
  balanceCents: number | null;
  handler: string;
  note: string;
}

export interface FinanceWarning {
  code: 'finance.balance_mismatch' | 'finance.amount_invalid' | 'finance.total_mismatch';
  sheetRow: number;
  params: Record<string, string | number>;
}

export interface FinanceTable {
  /** The first line above the header, usually "幸福村2026年3月财务收支公开表". */
  title: string | null;
  /** Other lines above the header ("单位：元", the period). */
  preamble: string[];
  /** Columns present, in sheet order, with the header text as written. */
  columns: { key: FinanceColumn; label: string }[];
  openingBalanceCents: number | null;
  rows: FinanceRow[];
  totals: { incomeCents: number; expenseCents: number; closingBalanceCents: number | null };
  /** Text-only lines below the data: "制表人：…", "注：…". */
  notes: string[];
  warnings: FinanceWarning[];
}

function normHeader(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((元|人民币元|单位:元)\)$/, '');
}

function headerKey(s: string): FinanceColumn | null {
  const h = normHeader(s);
  if (!h) return null;
  for (const [key, names] of Object.entries(HEADERS) as [FinanceColumn, string[]][]) {
    if (names.includes(h)) return key;
  }
  return null;
}

/**
 * An amount as integer cents: "1,234.56", "¥1234.5", "1234.56元", "(12.00)" and "-12" (negative),
 * full-width digits. null for an empty cell or a dash; 'invalid' for anything else.
 */
export function parseAmountCents(raw: string): number | null | 'invalid' {
  let s = raw
    .normalize('NFKC')
    .replace(/[\s,¥元]|RMB|CNY/gi, '')
    .replace(/[−–]/g, '-');
  if (s === '' || /^[-—/]+$/.test(s)) return null;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) [negative, s] = [true, paren[1]];
  if (s.startsWith('-')) [negative, s] = [!negative, s.slice(1)];
  let cents: number;
  const plain = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (plain) {
    const frac = (plain[2] ?? '').padEnd(3, '0');
    cents = Number(plain[1]) * 100 + Number(frac.slice(0, 2)) + (Number(frac[2]) >= 5 ? 1 : 0);
  } else if (/^\d+(\.\d+)?e[-+]?\d+$/i.test(s)) {
    cents = Math.round(Number(s) * 100);
  } else return 'invalid';
  if (!Number.isSafeInteger(cents)) return 'invalid';
  return negative && cents !== 0 ? -cents : cents;
}

function findHeader(
  grid: Grid,
): { start: number; at: number; map: Map<number, FinanceColumn>; labels: Map<number, string> } | null {
  for (let i = 0; i < Math.min(grid.length, 20); i++) {
    const map = new Map<number, FinanceColumn>();
    const labels = new Map<number, string>();
    const add = (cells: string[]) =>
      cells.forEach((c, col) => {
        const key = headerKey(c);
        if (key && !map.has(col) && ![...map.values()].includes(key)) {
          map.set(col, key);
          labels.set(col, c.trim());
        }
      });
    add(grid[i].cells);
    const keys = () => [...map.values()];
    if (!keys().includes('summary') || map.size < 2) continue;
    let at = i;
    // Two-row headers: "金额" merged over "收入 | 支出 | 余额" on the next row.
    if (!keys().includes('income') && !keys().includes('expense') && grid[i + 1]) {
      add(grid[i + 1].cells);
      at = i + 1;
    }
    if (keys().includes('income') || keys().includes('expense')) return { start: i, at, map, labels };
  }
  return null;
}

const TOTAL = /^(本月|本期|本季|本年|全年)?(合计|总计|累计)$|^合\s*计$/;
const OPENING = /(上月|上期|期初|年初|上年|上页)(结余|余额|结转|结存)|承前页|^期初$/;
const CLOSING = /(月末|期末|本月|本期)(结余|余额|结存)|过次页/;

/** Parses the first worksheet. Throws finance.sheet_unreadable / sheet_empty / header_not_found / no_entries. */
export async function parseFinanceSheet(bytes: Uint8Array): Promise<FinanceTable> {
  const grid = await readFirstSheetGrid(bytes);
  if (grid === 'unreadable') throw new AppError('finance.sheet_unreadable', { status: 422 });
  if (grid === 'empty' || grid.length === 0) throw new AppError('finance.sheet_empty', { status: 422 });
  return financeTableFromGrid(grid);
}

export function financeTableFromGrid(grid: Grid): FinanceTable {
  const header = findHeader(grid);
  if (!header) throw new AppError('finance.header_not_found', { status: 422 });
  const columns = [...header.map.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([col, key]) => ({ key, label: header.labels.get(col)!, col }));
  const preamble = grid
    .slice(0, header.start)
    .map((r) => r.cells.filter(Boolean).join(' '))
    .filter(Boolean);
  const warnings: FinanceWarning[] = [];
  const rows: FinanceRow[] = [];
  const notes: string[] = [];
  const declaredTotals: { sheetRow: number; label: string; income: number | null; expense: number | null }[] =
    [];
  let opening: number | null = null;
  let declaredClosing: { sheetRow: number; cents: number } | null = null;

  for (const { row: sheetRow, cells } of grid.slice(header.at + 1)) {
    const get = (key: FinanceColumn) => {
      const c = columns.find((x) => x.key === key);
      return c ? (cells[c.col] ?? '').trim() : '';
    };
    const amount = (key: FinanceColumn): number | null => {
      const v = parseAmountCents(get(key));
      if (v !== 'invalid') return v;
      warnings.push({ code: 'finance.amount_invalid', sheetRow, params: { column: key, value: get(key) } });
      return null;
    };
    const [income, expense, balance] = [amount('income'), amount('expense'), amount('balance')];
    const texts = columns.filter((c) => !AMOUNT_COLUMNS.includes(c.key)).map((c) => cells[c.col] ?? '');
    const label = texts.map((t) => t.replace(/\s+/g, '')).find(Boolean) ?? '';
    const summary = get('summary').replace(/\s+/g, '');
    if (income === null && expense === null && balance === null) {
      const line = cells.filter(Boolean).join(' ');
      if (line) notes.push(line);
      continue;
    }
    if (TOTAL.test(summary || label)) {
      declaredTotals.push({ sheetRow, label: summary || label, income, expense });
      continue;
    }
    if (OPENING.test(summary || label) && rows.length === 0) {
      opening = balance ?? income;
      continue;
    }
    if (CLOSING.test(summary || label) && income === null && expense === null) {
      if (balance !== null) declaredClosing = { sheetRow, cents: balance };
      continue;
    }
    rows.push({
      sheetRow,
      date: get('date'),
      voucher: get('voucher'),
      summary: get('summary'),
      account: get('account'),
      incomeCents: income,
      expenseCents: expense,
      balanceCents: balance,
      handler: get('handler'),
      note: get('note'),
    });
  }
  if (rows.length === 0) throw new AppError('finance.no_entries', { status: 422 });

  const incomeCents = rows.reduce((s, r) => s + (r.incomeCents ?? 0), 0);
  const expenseCents = rows.reduce((s, r) => s + (r.expenseCents ?? 0), 0);
  // One wrong figure is reported once: after a mismatch, the next line may continue either from
  // the sheet's figure (a line was missing) or from the computed one (the figure was a typo).
  let running = opening;
  let alternative: number | null = null;
  for (const r of rows) {
    const delta = (r.incomeCents ?? 0) - (r.expenseCents ?? 0);
    const expected = running === null ? null : running + delta;
    const otherwise = alternative === null ? null : alternative + delta;
    alternative = null;
    if (
      r.balanceCents !== null &&
      expected !== null &&
      expected !== r.balanceCents &&
      otherwise !== r.balanceCents
    ) {
      warnings.push({
        code: 'finance.balance_mismatch',
        sheetRow: r.sheetRow,
        params: { expected: formatCents(expected), actual: formatCents(r.balanceCents) },
      });
      alternative = expected;
    }
    running = r.balanceCents ?? expected;
  }
  if (declaredClosing && running !== null && declaredClosing.cents !== running) {
    warnings.push({
      code: 'finance.balance_mismatch',
      sheetRow: declaredClosing.sheetRow,
      params: { expected: formatCents(running), actual: formatCents(declaredClosing.cents) },
    });
  }
  const monthTotal = declaredTotals.find((t) => !t.label.includes('累计'));
  if (monthTotal) {
    for (const [key, declared, computed] of [
      ['income', monthTotal.income, incomeCents],
      ['expense', monthTotal.expense, expenseCents],
    ] as const) {
      if (declared !== null && declared !== computed) {
        warnings.push({
          code: 'finance.total_mismatch',
          sheetRow: monthTotal.sheetRow,
          params: { column: key, expected: formatCents(computed), actual: formatCents(declared) },
        });
      }
    }
  }
  return {
    title: preamble[0] ?? null,
    preamble: preamble.slice(1),
    columns: columns.map(({ key, label }) => ({ key, label })),
    openingBalanceCents: opening,
    rows,
    totals: { incomeCents, expenseCents, closingBalanceCents: running ?? declaredClosing?.cents ?? null },
    notes,
    warnings,
  };
}

/** 123456 → "1,234.56"; -5 → "-0.05". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

export { renderFinanceTable } from './finance-table.tsx';
