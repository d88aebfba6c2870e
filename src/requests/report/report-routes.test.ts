import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { makePerson, makeUnit } from '../../../test/helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from '../../../test/helpers/server.ts';
import type { Unit } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { insertTestRequest } from '../documents/test-support.ts';
import { SHEET3, SHEET4 } from './export-xlsx.ts';

let t: TestApp;
let office: Client;
let townOffice: Client;
let supervisor: Client;
let town: Unit;
let village: Unit;
let otherTown: Unit;

before(async () => {
  t = await startTestApp();
  const w = t.world;
  const gov = await makeUnit(w, w.rootId, 'county', '青山县人民政府', 'QS');
  town = await makeUnit(w, gov.id, 'township', '青山镇', 'QSA');
  village = await makeUnit(w, town.id, 'village', '青山村', 'QSA1');
  otherTown = await makeUnit(w, gov.id, 'township', '绿水镇', 'QSB');
  const p = await makePerson(w, gov.id, [{ role: 'office', unitId: w.rootId, coversSubtree: true }]);
  office = t.client();
  await office.signIn(p.username);
  const q = await makePerson(w, town.id, [{ role: 'publisher', unitId: town.id, coversSubtree: true }]);
  townOffice = t.client();
  await townOffice.signIn(q.username);
  const s = await makePerson(w, gov.id, [{ role: 'supervisor', unitId: w.rootId, coversSubtree: true }]);
  supervisor = t.client();
  await supervisor.signIn(s.username);

  const db = t.db.db;
  const tid = w.tenantId;
  // town: a 2025 request carried into 2026 and partly disclosed; a new one still open at year end
  await insertTestRequest(db, tid, town.id, {
    receivedOn: '2025-12-20',
    closedOn: '2026-01-15',
    outcomeKey: 'partial',
  });
  const open = await insertTestRequest(db, tid, town.id, {
    receivedOn: '2026-12-28',
    applicantKind: 'commercial_enterprise',
  });
  // village (in the town's subtree): disclosed, and one not processed as a repeat
  await insertTestRequest(db, tid, village.id, {
    receivedOn: '2026-04-01',
    closedOn: '2026-04-20',
    outcomeKey: 'disclosed',
  });
  await insertTestRequest(db, tid, village.id, {
    receivedOn: '2026-05-01',
    closedOn: '2026-05-08',
    outcomeKey: 'not_processed_repeat',
    applicantKind: 'legal_service_org',
  });
  // awaiting confirmation: not counted
  await insertTestRequest(db, tid, village.id, { receivedOn: null });
  // another town: not in the subtree
  await insertTestRequest(db, tid, otherTown.id, {
    receivedOn: '2026-02-01',
    closedOn: '2026-02-10',
    outcomeKey: 'disclosed',
  });
  await db
    .insertInto('request_remedies')
    .values({
      tenant_id: tid,
      id: newId(),
      request_id: open,
      unit_id: town.id,
      kind: 'reconsideration',
      result: 'pending',
      filed_on: '2026-12-30',
      decided_on: null,
      note: null,
      created_by: null,
      created_at: '2026-12-30T00:00:00Z',
      updated_at: '2026-12-30T00:00:00Z',
    })
    .execute();
});
after(() => t.close());

type Row = { key: string | null; label: string; values: number[] | null };
const row = (rows: Row[], key: string) => rows.find((r) => r.key === key)!.values;

test('API: table 三 and 四 for a unit and its subtree, with the checks', async () => {
  const res = await office.request('GET', `/api/v1/requests/report?year=2026&unit=${town.id}&subtree=1`, {
    headers: { accept: 'application/json' },
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.subtree, true);
  assert.equal(body.table3.columns.length, 7);
  const rows = body.table3.rows as Row[];
  assert.equal(rows.length, 30);
  assert.deepEqual(row(rows, 'new'), [1, 1, 0, 0, 1, 0, 3]);
  assert.deepEqual(row(rows, 'carried'), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(row(rows, 'partial'), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(row(rows, 'disclosed'), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(row(rows, 'not_processed_repeat'), [0, 0, 0, 0, 1, 0, 1]);
  assert.deepEqual(row(rows, 'finished'), [2, 0, 0, 0, 1, 0, 3]);
  assert.deepEqual(row(rows, 'forward'), [0, 1, 0, 0, 0, 0, 1]);
  assert.deepEqual(body.table4[0], {
    key: 'reconsideration',
    label: '行政复议',
    upheld: 0,
    corrected: 0,
    other: 0,
    pending: 1,
    total: 1,
  });
  assert.ok(
    body.checks.every((c: { passed: boolean | null }) => c.passed === true),
    JSON.stringify(body.checks),
  );

  const own = await office.request('GET', `/api/v1/requests/report?year=2026&unit=${town.id}`, {
    headers: { accept: 'application/json' },
  });
  assert.deepEqual(row(own.json().table3.rows, 'new'), [0, 1, 0, 0, 0, 0, 1]);
});

test('page shows both tables, the checks and the export link; XLSX carries the numbers', async () => {
  const res = await office.get(`/admin/requests/report?year=2026&unit=${town.id}&subtree=1`);
  assert.equal(res.statusCode, 200);
  for (const s of [
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '勾稽关系校验',
    '通过',
    '（七）总计',
  ])
    assert.ok(res.body.includes(s), s);
  assert.ok(res.body.includes(`/admin/requests/report.xlsx?year=2026&amp;unit=${town.id}&amp;subtree=1`));

  const x = await office.get(`/admin/requests/report.xlsx?year=2026&unit=${town.id}&subtree=1`);
  assert.equal(x.statusCode, 200);
  assert.match(String(x.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET3)!;
  assert.match(String(ws.getCell('A2').value), /青山镇（含下属单位）/);
  assert.equal(ws.getCell('A6').value, '一、本年新收政府信息公开申请数量');
  assert.equal(ws.getCell('J6').value, 3);
  assert.equal(wb.getWorksheet(SHEET4)!.getCell('D6').value, 1);
});

test('scope: the page defaults to the actor’s widest unit; others are not found; no permission is forbidden', async () => {
  const own = await townOffice.request('GET', '/api/v1/requests/report?year=2026', {
    headers: { accept: 'application/json' },
  });
  assert.equal(own.statusCode, 200);
  assert.equal(own.json().unit.id, town.id);
  const other = await townOffice.request('GET', `/api/v1/requests/report?year=2026&unit=${otherTown.id}`, {
    headers: { accept: 'application/json' },
  });
  assert.equal(other.statusCode, 404);
  const page = await supervisor.get('/admin/requests/report');
  assert.equal(page.statusCode, 403);
});
