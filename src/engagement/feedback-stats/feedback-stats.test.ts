import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { makePerson, makeUnit } from '../../../test/helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from '../../../test/helpers/server.ts';
import type { Unit } from '../../db/types.ts';
import type { FeedbackTable } from '../../db/types-engagement.ts';
import { newId } from '../../lib/ids.ts';
import { parsePeriod } from './period.ts';

let t: TestApp;
let office: Client;
let town: Unit;
let v1: Unit;
let v2: Unit;

/**
 * A feedback row inserted through the database (fixture): only what the statistics read varies.
 * Rows without replies or trail are classified by their columns (the fallback of message-facts.ts);
 * the cases where status and history disagree go through the real operations in
 * stats-from-facts.test.ts.
 */
async function fb(unit: Unit, over: Partial<FeedbackTable>) {
  const id = newId();
  const at = '2025-11-03T02:00:00.000Z';
  await t.db.db
    .insertInto('feedback')
    .values({
      tenant_id: t.world.tenantId,
      id,
      addressed_unit_id: unit.id,
      unit_id: unit.id,
      disclosure_id: null,
      kind: 'suggestion',
      subject: '主题',
      body: '内容',
      author_name: null,
      contact_phone: null,
      contact_email: null,
      private: 0,
      channel: 'online',
      entered_by: null,
      status: 'replied',
      held_words: null,
      moderated_by: null,
      moderated_at: null,
      moderation_note: null,
      tracking_code: `FB${id.slice(-10)}`,
      secret_hash: 'x',
      body_digest: id,
      submitted_at: at,
      received_on: '2025-11-03',
      assigned_at: null,
      reply_days: 5,
      due_on: null,
      replied_on: null,
      first_due_on: '2025-11-10',
      first_replied_on: null,
      cannot_handle_reason: null,
      closed_at: null,
      reopened_count: 0,
      rating: null,
      rating_comment: null,
      rated_at: null,
      created_at: at,
      updated_at: at,
      ...over,
    })
    .execute();
}

before(async () => {
  t = await startTestApp();
  const gov = await makeUnit(t.world, t.world.rootId, 'county', '县政府', 'GOV');
  town = await makeUnit(t.world, gov.id, 'township', '甲镇', 'TA');
  v1 = await makeUnit(t.world, town.id, 'village', '东村', 'V1');
  v2 = await makeUnit(t.world, town.id, 'village', '西村', 'V2');
  const o = await makePerson(t.world, gov.id, [
    { role: 'office', unitId: t.world.rootId, coversSubtree: true },
  ]);
  office = t.client();
  await office.signIn(o.username);
  // November 2025 (no holidays): received Monday 2025-11-03, first deadline 2025-11-10
  await fb(v1, {
    status: 'replied',
    first_replied_on: '2025-11-05',
    replied_on: '2025-11-05',
    rating: 'satisfied',
  });
  await fb(v1, {
    status: 'closed',
    kind: 'complaint',
    first_replied_on: '2025-11-13',
    rating: 'dissatisfied',
  });
  await fb(v1, {
    status: 'cannot_handle',
    replied_on: '2025-11-04',
    first_replied_on: '2025-11-04',
    cannot_handle_reason: '需县里统一安排',
  });
  await fb(v1, { status: 'in_progress' });
  // never counted: held, rejected, and every 举报
  await fb(v1, { status: 'held' });
  await fb(v1, { status: 'rejected' });
  await fb(v1, { status: 'replied', kind: 'report', first_replied_on: '2025-11-04', rating: 'satisfied' });
  await fb(v1, { status: 'received', kind: 'report' });
  // outside November, inside 2025
  await fb(v1, {
    received_on: '2025-10-31',
    first_due_on: '2025-11-07',
    first_replied_on: '2025-11-03',
    rating: 'basic',
  });
  // the neighbour village: answered the same day
  await fb(v2, {
    received_on: '2025-11-04',
    first_due_on: '2025-11-11',
    first_replied_on: '2025-11-04',
    rating: 'basic',
  });
  // this year (2026), for the unit page panel
  await fb(v1, { received_on: '2026-02-02', first_due_on: '2026-02-09', first_replied_on: '2026-02-03' });
});
after(() => t.close());

const stats = async (code: string, q: string) => {
  const r = await t.client().api('GET', `/api/v1/units/${code}/feedback-stats?${q}`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json().figures;
};

describe('feedback statistics', () => {
  test('periods: month, quarter, year, custom', () => {
    assert.deepEqual(
      [parsePeriod({ period: 'month', year: '2025', month: '2' }, '2026-03-02')].map((p) => [p.from, p.to]),
      [['2025-02-01', '2025-02-28']],
    );
    const q = parsePeriod({ period: 'quarter' }, '2026-05-02');
    assert.deepEqual([q.from, q.to], ['2026-04-01', '2026-06-30']);
    const y = parsePeriod({}, '2026-05-02');
    assert.deepEqual([y.kind, y.from, y.to], ['year', '2026-01-01', '2026-12-31']);
    assert.throws(() =>
      parsePeriod({ period: 'custom', from: '2026-02-30', to: '2026-03-01' }, '2026-05-02'),
    );
    assert.throws(() =>
      parsePeriod({ period: 'custom', from: '2020-01-01', to: '2026-03-01' }, '2026-05-02'),
    );
  });

  test('figures of one unit for a month: counts, working days, on-time and satisfaction; reports excluded', async () => {
    const f = await stats('V1', 'period=month&year=2025&month=11');
    assert.deepEqual(
      [f.received, f.replied, f.inProgress, f.cannotHandle, f.closedUnanswered, f.rated],
      [4, 2, 1, 1, 0, 2],
    );
    // days: 2 (11-05), 8 (11-13), 1 (cannot_handle on 11-04) → 11 / 3
    assert.equal(f.avgDays, 3.67);
    // on time: 11-05 and 11-04 yes, 11-13 late, unanswered past 11-10 late → 2 / 4
    assert.equal(f.onTimeRate, 50);
    assert.equal(f.satisfactionRate, 50);
    // the year adds the October message
    const y = await stats('V1', 'period=year&year=2025');
    assert.equal(y.received, 5);
    // custom range, and the township's subtree (own messages: none)
    const own = await stats('TA', 'period=custom&from=2025-11-01&to=2025-11-30');
    assert.equal(own.received, 0);
    const sub = await stats('TA', 'period=custom&from=2025-11-01&to=2025-11-30&subtree=1');
    assert.equal(sub.received, 5);
    assert.equal(sub.avgDays, 2.75);
    const bad = await t.client().api('GET', '/api/v1/units/V1/feedback-stats?period=custom&from=x&to=y');
    assert.equal(bad.statusCode, 422);
  });

  test('public pages: the unit panel (this year) and the stats page with a period choice', async () => {
    const unitPage = await t.client().get('/units/V1');
    assert.equal(unitPage.statusCode, 200);
    assert.match(unitPage.body, /本年度意见建议办理情况/);
    assert.match(unitPage.body, /\/units\/V1\/feedback\/stats/);
    assert.match(unitPage.body, /\/units\/V1\/feedback\/form\.pdf/);
    const page = await t.client().get('/units/V1/feedback/stats?period=month&year=2025&month=11');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2025-11-01 至 2025-11-30/);
    assert.match(page.body, /3\.67/);
    assert.match(page.body, /不含举报|也不含举报/);
    const bad = await t.client().get('/units/V1/feedback/stats?period=custom&from=2025-12-01&to=2025-11-01');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /统计期间不正确/);
  });

  test('back office: rows per visible unit with subtree rollup, CSV and XLSX', async () => {
    const page = await office.get('/admin/feedback/stats?period=month&year=2025&month=11&subtree=1');
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /东村/);
    assert.match(page.body, /\/admin\/feedback\/stats\.xlsx\?/);
    const csv = await office.get('/admin/feedback/stats.csv?period=month&year=2025&month=11&subtree=1');
    assert.equal(csv.statusCode, 200);
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    const row = (name: string) => lines.find((l) => l.startsWith(`${name},`))?.split(',');
    assert.deepEqual(row('东村')?.slice(1, 6), ['4', '2', '1', '1', '0']);
    assert.equal(row('甲镇')?.[1], '5');
    assert.equal(row('合计')?.[1], '5');
    const x = await office.get('/admin/feedback/stats.xlsx?period=month&year=2025&month=11');
    assert.equal(x.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const names: string[] = [];
    ws.eachRow((r) => names.push(String(r.getCell(1).value)));
    assert.ok(names.includes('西村'));
    // anonymous visitors and people without feedback.view are kept out
    assert.notEqual((await t.client().get('/admin/feedback/stats')).statusCode, 200);
    const nobody = t.client();
    await nobody.signIn((await makePerson(t.world, v1.id)).username);
    assert.equal((await nobody.get('/admin/feedback/stats.csv')).statusCode, 403);
  });
});
