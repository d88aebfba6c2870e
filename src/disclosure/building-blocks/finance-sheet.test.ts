import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import { buildXlsx } from '../../documents/test-files.ts';
import { AppError } from '../../lib/errors.ts';
import { formatCents, parseAmountCents, parseFinanceSheet, renderFinanceTable } from './finance-sheet.ts';

/** A realistic 村级财务收支公开表 with a title, a two-row header, an opening line, totals and a footer. */
async function villageSheet(opts: { wrongBalance?: boolean; wrongTotal?: boolean } = {}) {
  return buildXlsx(
    {
      '3月': [
        ['幸福村2026年3月财务收支公开表'],
        ['单位：幸福村村民委员会', null, null, null, '单位：元'],
        ['日期', '凭证号', '摘要', '科目', '金额', null, null, '经手人'],
        [null, null, null, null, '收入（元）', '支出（元）', '余额', null],
        [null, null, '上月结余', null, null, null, '12,000.00', null],
        ['2026-03-02', '记-001', '上级转移支付补助', '补助收入', 50000, null, 62000, '王会计'],
        ['2026-03-05', '记-002', '购买办公用品', '管理费用', null, '¥1,234.50', '60,765.50', '李四'],
        [
          '2026-03-18',
          '记-003',
          '村道维修',
          '公益支出',
          null,
          '10000元',
          opts.wrongBalance ? '50,000.00' : '50765.5',
          '张三',
        ],
        ['2026-03-20', '记-004', '退回多付工程款', '其他收入', '(100.00)', null, '50665.50', '张三'],
        [null, null, '本月合计', null, opts.wrongTotal ? '49,000' : '49,900.00', '11234.5', '50665.5', null],
        [null, null, '本年累计', null, '150000', '30000', null, null],
        ['制表人：王会计', null, '审核人：村务监督委员会'],
      ],
    },
    (wb) => {
      wb.getWorksheet('3月')!.mergeCells('E3:G3');
    },
  );
}

test('parses a realistic village sheet: header, amounts in cents, opening balance, totals', async () => {
  const t = await parseFinanceSheet(await villageSheet());
  assert.equal(t.title, '幸福村2026年3月财务收支公开表');
  assert.deepEqual(t.preamble, ['单位：幸福村村民委员会 单位：元']);
  assert.deepEqual(
    t.columns.map((c) => `${c.key}:${c.label}`),
    [
      'date:日期',
      'voucher:凭证号',
      'summary:摘要',
      'account:科目',
      'income:收入（元）',
      'expense:支出（元）',
      'balance:余额',
      'handler:经手人',
    ],
  );
  assert.equal(t.openingBalanceCents, 1_200_000);
  assert.equal(t.rows.length, 4);
  assert.deepEqual(t.rows[1], {
    sheetRow: 7,
    date: '2026-03-05',
    voucher: '记-002',
    summary: '购买办公用品',
    account: '管理费用',
    incomeCents: null,
    expenseCents: 123_450,
    balanceCents: 6_076_550,
    handler: '李四',
    note: '',
  });
  assert.equal(t.rows[3].incomeCents, -10_000);
  assert.deepEqual(t.totals, {
    incomeCents: 4_990_000,
    expenseCents: 1_123_450,
    closingBalanceCents: 5_066_550,
  });
  assert.deepEqual(t.notes, ['制表人：王会计 审核人：村务监督委员会']);
  assert.deepEqual(t.warnings, []);
});

test('a running balance that does not add up is a warning, reported once', async () => {
  const t = await parseFinanceSheet(await villageSheet({ wrongBalance: true }));
  assert.deepEqual(t.warnings, [
    { code: 'finance.balance_mismatch', sheetRow: 8, params: { expected: '50,765.50', actual: '50,000.00' } },
  ]);
  assert.equal(t.totals.closingBalanceCents, 5_066_550);
});

test("a sheet's own total that disagrees with its lines is a warning", async () => {
  const t = await parseFinanceSheet(await villageSheet({ wrongTotal: true }));
  assert.deepEqual(t.warnings, [
    {
      code: 'finance.total_mismatch',
      sheetRow: 10,
      params: { column: 'income', expected: '49,900.00', actual: '49,000.00' },
    },
  ]);
});

test('a minimal sheet without balance, and invalid amounts as warnings', async () => {
  const t = await parseFinanceSheet(
    await buildXlsx({
      S: [
        ['摘要', '收入', '支出'],
        ['卖废品', 12.3, null],
        ['修水渠', null, '一千'],
        ['误餐费', null, 0.1 + 0.2],
      ],
    }),
  );
  assert.equal(t.title, null);
  assert.deepEqual(t.totals, { incomeCents: 1230, expenseCents: 30, closingBalanceCents: null });
  assert.deepEqual(t.warnings, [
    { code: 'finance.amount_invalid', sheetRow: 3, params: { column: 'expense', value: '一千' } },
  ]);
  assert.equal(t.rows.length, 2);
  assert.deepEqual(t.notes, ['修水渠 一千']);
});

test('a missing line shows as one mismatch, later balances continue from the sheet', async () => {
  const t = await parseFinanceSheet(
    await buildXlsx({
      S: [
        ['摘要', '收入', '支出', '余额'],
        ['期初余额', null, null, 100],
        ['a', 10, null, 110],
        ['b', null, 5, 90],
        ['c', 1, null, 91],
        ['本月余额', null, null, 91],
      ],
    }),
  );
  assert.deepEqual(t.warnings, [
    { code: 'finance.balance_mismatch', sheetRow: 4, params: { expected: '105.00', actual: '90.00' } },
  ]);
  assert.equal(t.totals.closingBalanceCents, 9100);
});

test('sheets that are not finance sheets are refused with stable codes', async () => {
  const codeOf = async (bytes: Uint8Array) =>
    parseFinanceSheet(bytes).then(
      () => 'no error',
      (e) => (e instanceof AppError ? e.code : String(e)),
    );
  assert.equal(await codeOf(new TextEncoder().encode('not xlsx')), 'finance.sheet_unreadable');
  assert.equal(
    await codeOf(
      await buildXlsx({
        S: [
          ['姓名', '电话'],
          ['张三', 1],
        ],
      }),
    ),
    'finance.header_not_found',
  );
  assert.equal(
    await codeOf(
      await buildXlsx({
        S: [
          ['摘要', '收入'],
          ['合计', 0],
        ],
      }),
    ),
    'finance.no_entries',
  );
});

test('parseAmountCents reads what accountants type', () => {
  const cases: [string, number | null | 'invalid'][] = [
    ['1,234.56', 123456],
    ['¥1234.5', 123450],
    ['￥１２３４．５６', 123456],
    ['1234.56元', 123456],
    ['(12.00)', -1200],
    ['（12）', -1200],
    ['-0.5', -50],
    ['−3', -300],
    ['0.30000000000000004', 30],
    ['1.005', 101],
    ['', null],
    ['—', null],
    ['-', null],
    ['12.3.4', 'invalid'],
    ['abc', 'invalid'],
  ];
  for (const [input, cents] of cases) assert.equal(parseAmountCents(input), cents, input);
  assert.equal(formatCents(123456789), '1,234,567.89');
  assert.equal(formatCents(-5), '-0.05');
  assert.equal(formatCents(0), '0.00');
});

test('renderFinanceTable: accessible table with caption, scoped headers, right-aligned amounts, totals', async () => {
  const html = render(renderFinanceTable(await parseFinanceSheet(await villageSheet())));
  assert.match(
    html,
    /^<table class="finance-table"><caption>幸福村2026年3月财务收支公开表<span class="finance-unit">（金额单位：元）<\/span><\/caption>/,
  );
  assert.match(html, /<th scope="col">日期<\/th>/);
  assert.match(html, /<th scope="col" class="num">收入（元）<\/th>/);
  assert.match(
    html,
    /<tr><td><\/td><td><\/td><th scope="row">上期结余<\/th><td><\/td><td class="num"><\/td><td class="num"><\/td><td class="num">12,000.00<\/td><td><\/td><\/tr>/,
  );
  assert.match(
    html,
    /<th scope="row">购买办公用品<\/th><td>管理费用<\/td><td class="num"><\/td><td class="num">1,234.50<\/td><td class="num">60,765.50<\/td>/,
  );
  assert.match(html, /<td class="num">-100.00<\/td>/);
  assert.match(
    html,
    /<tfoot><tr><td><\/td><td><\/td><th scope="row">合计<\/th><td><\/td><td class="num">49,900.00<\/td><td class="num">11,234.50<\/td><td class="num">50,665.50<\/td><td><\/td><\/tr><\/tfoot><\/table>$/,
  );
  assert.doesNotMatch(html, /<script/);
});
