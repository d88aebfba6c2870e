import ExcelJS from 'exceljs';
import { amount, p, type Rng, table, yuan } from './text.ts';

/**
 * A village's monthly cash journal (村级财务收支): income and expenditure lines whose running
 * balance carries from month to month, so the published tables, their totals and the XLSX
 * attachment agree with each other and with the quarterly 资金 disclosure.
 */
export interface LedgerLine {
  date: string;
  voucher: string;
  summary: string;
  /** Cents; 0 when the line is the other kind. */
  income: number;
  expense: number;
  balance: number;
  handler: string;
}

export interface Ledger {
  village: string;
  year: number;
  month: number;
  opening: number;
  lines: LedgerLine[];
  income: number;
  expense: number;
  closing: number;
  /** 报账员 and the chair of the village affairs supervision committee. */
  clerk: string;
  supervisor: string;
}

type Pick = (rng: Rng, month: number) => number | null;
const every =
  (lo: number, hi: number): Pick =>
  (rng) =>
    amount(rng, lo, hi);
const months =
  (ms: number[], lo: number, hi: number): Pick =>
  (rng, m) =>
    ms.includes(m) ? amount(rng, lo, hi) : null;
const sometimes =
  (p: number, lo: number, hi: number): Pick =>
  (rng) =>
    rng.chance(p) ? amount(rng, lo, hi) : null;

const INCOME: [string, Pick][] = [
  ['收到镇财政所拨付村级组织运转经费', months([1, 4, 7, 10], 18000, 26000)],
  ['收到村集体临街店面租金', every(3000, 6800)],
  ['收到村光伏电站发电收益', every(2100, 4800)],
  ['收到土地流转服务费', sometimes(0.4, 800, 2400)],
  ['收到上级拨付人居环境整治奖补资金', sometimes(0.12, 10000, 30000)],
  ['收到鱼塘承包费', months([1, 7], 5000, 12000)],
  ['收到银行存款利息', months([3, 6, 9, 12], 30, 180)],
  ['收到上级拨付党组织服务群众经费', months([5], 10000, 20000)],
];

const EXPENSE: [string, Pick][] = [
  ['支付村庄保洁员工资', every(1800, 2400)],
  ['支付村委会办公场所水电费', every(260, 720)],
  ['购买办公用品', sometimes(0.5, 180, 860)],
  ['支付网络通信费', every(120, 260)],
  ['支付村干部误工补贴', months([3, 6, 9, 12], 12000, 16800)],
  ['支付村内路灯维修费', sometimes(0.3, 450, 1600)],
  ['购买防汛物资（编织袋、救生衣）', months([4, 5, 6], 1200, 3800)],
  ['支付森林防火巡查误工补贴', months([1, 2, 3, 10, 11, 12], 900, 2200)],
  ['慰问困难群众及老党员', months([1, 2, 9], 1000, 3000)],
  ['支付村民代表会议误工补贴', sometimes(0.35, 400, 900)],
  ['支付河道清淤及水毁修复费用', sometimes(0.15, 3000, 9800)],
  ['支付党员活动室设施维修费', sometimes(0.1, 600, 2500)],
];

export function monthlyLedger(
  village: string,
  people: { clerk: string; supervisor: string },
  year: number,
  month: number,
  opening: number,
  rng: Rng,
): Ledger {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const raw: Omit<LedgerLine, 'voucher' | 'balance'>[] = [];
  const date = () =>
    `${year}-${String(month).padStart(2, '0')}-${String(rng.int(2, days - 1)).padStart(2, '0')}`;
  for (const [summary, pick] of INCOME) {
    const c = pick(rng, month);
    if (c) raw.push({ date: date(), summary, income: c, expense: 0, handler: people.clerk });
  }
  for (const [summary, pick] of EXPENSE) {
    const c = pick(rng, month);
    if (c) raw.push({ date: date(), summary, income: 0, expense: c, handler: people.clerk });
  }
  raw.sort((a, b) => a.date.localeCompare(b.date));
  let balance = opening;
  const lines = raw.map((l, i) => {
    balance += l.income - l.expense;
    return { ...l, voucher: `记-${String(i + 1).padStart(2, '0')}`, balance };
  });
  const income = lines.reduce((s, l) => s + l.income, 0);
  const expense = lines.reduce((s, l) => s + l.expense, 0);
  return { village, year, month, opening, lines, income, expense, closing: balance, ...people };
}

const num = (cents: number) => (cents === 0 ? null : cents / 100);

/**
 * The month's journal as the XLSX a village accountant keeps: a title line, the unit, a header the
 * platform's finance-sheet reader recognises (日期/凭证号/摘要/收入/支出/余额/经手人), the opening
 * balance, the lines, the month's totals and the signatures.
 */
export async function ledgerWorkbook(l: Ledger): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = l.clerk;
  const ws = wb.addWorksheet(`${l.month}月收支`);
  ws.columns = [
    { width: 12 },
    { width: 8 },
    { width: 34 },
    { width: 12 },
    { width: 12 },
    { width: 14 },
    { width: 8 },
  ];
  ws.addRow([`${l.village}${l.year}年${l.month}月财务收支公开表`]);
  ws.mergeCells(1, 1, 1, 7);
  ws.addRow(['单位：元']);
  ws.addRow(['日期', '凭证号', '摘要', '收入', '支出', '余额', '经手人']).font = { bold: true };
  ws.addRow(['', '', '上月结余', null, null, l.opening / 100, '']);
  for (const x of l.lines)
    ws.addRow([x.date, x.voucher, x.summary, num(x.income), num(x.expense), x.balance / 100, x.handler]);
  ws.addRow(['', '', '本月合计', l.income / 100, l.expense / 100, l.closing / 100, '']).font = { bold: true };
  ws.addRow([`制表人：${l.clerk}    审核：${l.supervisor}（村务监督委员会）`]);
  ws.addRow(['注：以上收支均经村务监督委员会审核，原始凭证存村会计代理服务中心备查。']);
  for (const col of [4, 5, 6]) ws.getColumn(col).numFmt = '#,##0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The body of the month's expenditure disclosure: the whole journal as a table. */
export function ledgerBody(l: Ledger): string {
  const rows = l.lines.map((x) => [
    x.summary,
    x.date,
    x.voucher,
    x.income ? yuan(x.income) : '',
    x.expense ? yuan(x.expense) : '',
    yuan(x.balance),
  ]);
  return [
    p(
      `根据《农村集体经济组织财务公开规定》，现将${l.village}${l.year}年${l.month}月村集体财务收支情况公开如下。本月收入${yuan(l.income)}元，支出${yuan(l.expense)}元，月末结余${yuan(l.closing)}元。`,
    ),
    table(
      `${l.village}${l.year}年${l.month}月财务收支明细（单位：元）`,
      ['摘要', '日期', '凭证号', '收入', '支出', '余额'],
      [['上月结余', '', '', '', '', yuan(l.opening)], ...rows],
      ['本月合计', '', '', yuan(l.income), yuan(l.expense), yuan(l.closing)],
    ),
    p(
      `以上收支已经村务监督委员会审核（审核人：${l.supervisor}），原始凭证和Excel收支表见附件。村民对公开内容有疑问的，可在公开之日起10日内向村务监督委员会或镇农村经济管理服务中心反映。`,
    ),
  ].join('');
}

/** The body of the month's income disclosure: the income lines only. */
export function incomeBody(l: Ledger): string {
  const rows = l.lines
    .filter((x) => x.income)
    .map((x) => [x.summary.replace(/^收到/, ''), x.date, yuan(x.income)]);
  return [
    p(
      `现将${l.village}${l.year}年${l.month}月村集体各项收入逐笔公开如下，共${rows.length}笔，合计${yuan(l.income)}元。`,
    ),
    table(`${l.village}${l.year}年${l.month}月收入明细（单位：元）`, ['收入项目', '入账日期', '金额'], rows, [
      '合计',
      '',
      yuan(l.income),
    ]),
    p('上述收入已全部存入村集体银行账户，无坐收坐支。支出明细另行公开。'),
  ].join('');
}

/** Opening balance of a village's first month on the platform. */
export function openingBalance(rng: Rng): number {
  return amount(rng, 80000, 150000);
}
