import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { APPLICANT_KINDS, OUTCOME_KEYS, type OutcomeKey } from '../outcomes.ts';
import { checkTables, computeAnnualTables, computeTable3, computeTable4 } from './compute.ts';
import { buildReportWorkbook, SHEET_CHECKS, SHEET3, SHEET4 } from './export-xlsx.ts';
import { type ReportRecord, TABLE3_LINES, TABLE3_ROW_KEYS, type Table3 } from './model.ts';

const rec = (p: Partial<ReportRecord>): ReportRecord => ({
  applicantKind: 'natural_person',
  receivedDate: '2026-03-01',
  closedDate: null,
  outcome: null,
  remedies: [],
  ...p,
});
const TOTAL = 6;
const clone = (t: Table3): Table3 => JSON.parse(JSON.stringify(t));

test('table 三 has the official rows: 25 data rows under the 30 printed lines, in order', () => {
  assert.equal(TABLE3_LINES.length, 30);
  assert.equal(TABLE3_ROW_KEYS.length, 25);
  const labels = TABLE3_LINES.map((l) => l.label);
  assert.equal(labels[0], '一、本年新收政府信息公开申请数量');
  assert.equal(labels[3], '（一）予以公开');
  assert.equal(labels[4], '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  assert.ok(labels.includes('3.危及“三安全一稳定”'));
  assert.ok(labels.includes('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'));
  assert.equal(labels.at(-2), '（七）总计');
  assert.equal(labels.at(-1), '四、结转下年度继续办理');
});

test('every outcome row and every applicant column is reachable', () => {
  const records: ReportRecord[] = OUTCOME_KEYS.map((outcome, i) =>
    rec({
      applicantKind: APPLICANT_KINDS[i % APPLICANT_KINDS.length],
      receivedDate: '2026-02-01',
      closedDate: '2026-03-01',
      outcome,
    }),
  );
  const t = computeTable3(records, 2026);
  for (const k of OUTCOME_KEYS) assert.equal(t[k][TOTAL], 1, k);
  for (let c = 0; c < 6; c++) assert.ok(t.new[c] > 0, `column ${c}`);
  assert.equal(t.new[TOTAL], OUTCOME_KEYS.length);
  assert.equal(t.finished[TOTAL], OUTCOME_KEYS.length);
  assert.equal(t.forward[TOTAL], 0);
});

test('new, carried over, finished and carried forward follow the dates', () => {
  const records = [
    rec({ receivedDate: '2025-12-20', closedDate: '2026-01-10', outcome: 'partial' }), // carried → finished
    rec({ receivedDate: '2025-12-22', closedDate: null, applicantKind: 'legal_service_org' }), // carried → forward
    rec({ receivedDate: '2025-11-01', closedDate: '2025-12-01', outcome: 'disclosed' }), // last year only
    rec({ receivedDate: '2026-12-30', closedDate: '2027-01-05', outcome: 'disclosed' }), // new → forward
    rec({ receivedDate: '2026-05-01', closedDate: '2026-05-20', outcome: 'other_fee_unpaid' }),
    rec({ receivedDate: '2026-06-01', closedDate: '2026-06-02', outcome: null }), // counts as （六）3
    rec({ receivedDate: '2027-01-02', closedDate: null }), // next year
  ];
  const t = computeTable3(records, 2026);
  assert.equal(t.new[TOTAL], 3);
  assert.equal(t.carried[TOTAL], 2);
  assert.equal(t.carried[4], 1); // 法律服务机构
  assert.equal(t.partial[0], 1);
  assert.equal(t.other_fee_unpaid[0], 1);
  assert.equal(t.other[0], 1);
  assert.equal(t.disclosed[TOTAL], 0);
  assert.equal(t.finished[TOTAL], 3);
  assert.equal(t.forward[TOTAL], 2);
  const all = computeAnnualTables(records, 2026);
  assert.ok(
    all.checks.every((c) => c.passed === true),
    JSON.stringify(all.checks),
  );
  // last year: 2025-11 request finished, two carried forward into 2026
  const prev = computeTable3(records, 2025);
  assert.deepEqual(prev.forward, t.carried);
});

test('the checks detect an inconsistent table', () => {
  const records = [
    rec({ receivedDate: '2026-01-05', closedDate: '2026-02-01', outcome: 'withheld_third_party' }),
    rec({ receivedDate: '2026-01-06', applicantKind: 'research_institution' }),
  ];
  const good = computeAnnualTables(records, 2026);
  assert.ok(good.checks.every((c) => c.passed !== false));
  const prev = computeTable3(records, 2025);

  const bad = clone(good.table3);
  bad.new[0] += 1;
  bad.new[TOTAL] += 1; // row total still right, balance wrong in two columns
  const c1 = checkTables(bad, good.table4, prev);
  const balance = c1.find((c) => c.key === 'balance')!;
  assert.equal(balance.passed, false);
  assert.deepEqual(balance.failures, ['自然人', '总计']);
  assert.equal(c1.find((c) => c.key === 'row_totals')!.passed, true);

  const bad2 = clone(good.table3);
  bad2.withheld_third_party[TOTAL] = 5;
  const c2 = checkTables(bad2, good.table4, prev);
  assert.deepEqual(c2.find((c) => c.key === 'row_totals')!.failures, ['4.保护第三方合法权益']);
  assert.equal(c2.find((c) => c.key === 'finished_sum')!.passed, false);

  const bad3 = clone(good.table3);
  bad3.carried[2] = 1;
  bad3.carried[TOTAL] = 1;
  const c3 = checkTables(bad3, good.table4, prev);
  assert.deepEqual(c3.find((c) => c.key === 'carry_over')!.failures, ['科研机构', '总计']);
  assert.equal(checkTables(good.table3, good.table4, null).find((c) => c.key === 'carry_over')!.passed, null);

  const t4 = JSON.parse(JSON.stringify(good.table4));
  t4.litigation_direct[4] = 3;
  assert.deepEqual(checkTables(good.table3, t4, prev).find((c) => c.key === 'table4_totals')!.failures, [
    '未经复议直接起诉',
  ]);
});

test('table 四 counts remedies filed in the year under their result at year end', () => {
  const records = [
    rec({
      remedies: [
        { kind: 'reconsideration', result: 'upheld', filedDate: '2026-04-01', decidedDate: '2026-06-01' },
        { kind: 'reconsideration', result: 'corrected', filedDate: '2026-11-01', decidedDate: '2027-01-10' },
        { kind: 'litigation_direct', result: 'other', filedDate: '2026-02-01', decidedDate: '2026-09-01' },
        {
          kind: 'litigation_after_reconsideration',
          result: 'pending',
          filedDate: '2026-07-01',
          decidedDate: null,
        },
        {
          kind: 'litigation_direct',
          result: 'corrected',
          filedDate: '2025-07-01',
          decidedDate: '2026-03-01',
        },
      ],
    }),
  ];
  const t = computeTable4(records, 2026);
  assert.deepEqual(t.reconsideration, [1, 0, 0, 1, 2]);
  assert.deepEqual(t.litigation_direct, [0, 0, 1, 0, 1]);
  assert.deepEqual(t.litigation_after_reconsideration, [0, 0, 0, 1, 1]);
});

test('XLSX export: official labels, merged headers and the numbers, read back', async () => {
  const outcomes: OutcomeKey[] = ['disclosed', 'partial', 'not_processed_repeat'];
  const records = outcomes.map((outcome, i) =>
    rec({ applicantKind: APPLICANT_KINDS[i], receivedDate: '2026-01-10', closedDate: '2026-02-10', outcome }),
  );
  records.push(
    rec({
      receivedDate: '2026-09-01',
      remedies: [
        { kind: 'reconsideration', result: 'upheld', filedDate: '2026-10-01', decidedDate: '2026-12-01' },
      ],
    }),
  );
  const tables = computeAnnualTables(records, 2026);
  const buf = await buildReportWorkbook(tables, '青山县人民政府办公室（含下属单位）');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET3)!;
  assert.ok(ws);
  assert.match(String(ws.getCell('A2').value), /2026年.*青山县人民政府办公室/);
  assert.match(String(ws.getCell('A3').value), /勾稽关系/);
  assert.equal(ws.getCell('D3').value, '申请人情况');
  assert.equal(ws.getCell('D4').value, '自然人');
  assert.equal(ws.getCell('E4').value, '法人或其他组织');
  assert.deepEqual(
    [5, 6, 7, 8, 9].map((c) => ws.getCell(5, c).value),
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
  );
  assert.equal(ws.getCell('J4').value, '总计');
  // merged header cells as in the official format
  assert.equal(ws.getCell('E4').isMerged, true);
  assert.equal(ws.getCell('I4').master.address, 'E4');
  assert.equal(ws.getCell('D5').master.address, 'D4');
  assert.equal(ws.getCell('C5').master.address, 'A3');

  const rows = new Map<string, number[]>();
  ws.eachRow((row, n) => {
    if (n < 6) return;
    const label = [3, 2, 1]
      .map((c) => row.getCell(c).value)
      .find((v) => typeof v === 'string' && v) as string;
    rows.set(
      label,
      [4, 5, 6, 7, 8, 9, 10].map((c) => Number(row.getCell(c).value)),
    );
  });
  assert.deepEqual(rows.get('一、本年新收政府信息公开申请数量'), [2, 1, 1, 0, 0, 0, 4]);
  assert.deepEqual(
    rows.get('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    [0, 1, 0, 0, 0, 0, 1],
  );
  assert.deepEqual(rows.get('2.重复申请'), [0, 0, 1, 0, 0, 0, 1]);
  assert.deepEqual(rows.get('（七）总计'), [1, 1, 1, 0, 0, 0, 3]);
  assert.deepEqual(rows.get('四、结转下年度继续办理'), [1, 0, 0, 0, 0, 0, 1]);
  // the 三、本年度办理结果 block and the （三） group are merged vertically
  const blockCell = [...Array(40).keys()]
    .map((i) => ws.getCell(i + 1, 1))
    .find((c) => c.value === '三、本年度办理结果');
  assert.ok(blockCell);
  const groupCell = [...Array(40).keys()]
    .map((i) => ws.getCell(i + 1, 2))
    .find((c) => c.value === '（三）不予公开');
  assert.ok(groupCell);
  assert.equal(ws.getCell(Number(groupCell.row) + 7, 2).master.address, groupCell.address);

  const ws4 = wb.getWorksheet(SHEET4)!;
  assert.equal(ws4.getCell('A3').value, '行政复议');
  assert.equal(ws4.getCell('F3').value, '行政诉讼');
  assert.equal(ws4.getCell('F4').value, '未经复议直接起诉');
  assert.equal(ws4.getCell('K4').value, '复议后起诉');
  assert.deepEqual(
    [1, 2, 3, 4, 5].map((c) => ws4.getCell(5, c).value),
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  );
  assert.deepEqual(
    [...Array(15).keys()].map((i) => ws4.getCell(6, i + 1).value),
    [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  );
  const checks = wb.getWorksheet(SHEET_CHECKS)!;
  assert.equal(checks.getCell('B2').value, '通过');
});
