import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../test/helpers/server.ts';
import { deriveObligations } from './derive-obligations.ts';
import { type ObligationWorld, obligationWorld, TODAY } from './obligation-fixture.ts';

let ow: ObligationWorld;
let t: TestApp;
let office: Client;
let pub1: Client;
let pub2: Client;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

before(async () => {
  ow = await obligationWorld();
  await deriveObligations(ow.system, { until: TODAY });
  t = await startTestApp({ db: ow.tdb, world: ow.w });
  office = t.client();
  await office.signIn(ow.people.county.username);
  pub1 = t.client();
  await pub1.signIn(ow.people.v1Publisher.username);
  pub2 = t.client();
  await pub2.signIn(ow.people.v2Publisher.username);
});
after(async () => {
  await t.close();
  await ow.tdb.cleanup();
});

const obligationId = async (unitId: string, periodKey: string) =>
  (
    await ow.db
      .selectFrom('obligations')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('period_key', '=', periodKey)
      .executeTakeFirstOrThrow()
  ).id;

describe('obligation pages', () => {
  test('the unit page lists obligations with status badges; forms by right', async () => {
    const res = await pub1.get(`/admin/units/${ow.units.v1.id}/obligations`);
    assert.equal(res.statusCode, 200);
    for (const s of [
      '一村 · 公开义务',
      '已逾期',
      '未到期',
      '2025年第4季度',
      '登记即时公开事件',
      '登记长期公开事项的决定',
    ])
      assert.ok(res.body.includes(s), s);
    assert.ok(!res.body.includes('人工登记已公开'), 'publishers do not record manual fulfilment');
    assert.equal((await pub2.get(`/admin/units/${ow.units.v1.id}/obligations`)).statusCode, 404);
    const asOffice = await office.get(`/admin/units/${ow.units.v1.id}/obligations`);
    assert.ok(asOffice.body.includes('人工登记已公开'));
  });

  test('recording an event through the form; errors re-render the form', async () => {
    const url = `/admin/units/${ow.units.v1.id}/obligations/events`;
    const ok = await pub1.post(url, {
      form: { entryId: ow.entries.event.id, eventDate: '2026-02-27', title: '村集体土地征收补偿方案' },
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const page = await pub1.get(`/admin/units/${ow.units.v1.id}/obligations`);
    assert.ok(page.body.includes('村集体土地征收补偿方案'));
    const bad = await pub1.post(url, {
      form: { entryId: ow.entries.event.id, eventDate: '2099-01-01', title: 'x' },
    });
    assert.equal(bad.statusCode, 422);
    assert.ok(bad.body.includes('日期不能晚于今天'));
  });

  test('manual fulfilment with a photo; the photo is served only to those who see the unit', async () => {
    const id = await obligationId(ow.units.v1.id, '2025-Q3');
    const res = await office.upload(
      '/admin/obligations/fulfil',
      { obligationId: id, fulfilledOn: '2025-10-13', note: '已在村公开栏张贴' },
      { field: 'file', filename: '公开栏.png', content: PNG, contentType: 'image/png' },
    );
    assert.equal(res.statusCode, 303, res.body);
    const row = await ow.db
      .selectFrom('obligations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.fulfilment_kind, 'manual');
    const file = `/files/${row.evidence_file_id}`;
    const img = await pub1.get(file);
    assert.equal(img.statusCode, 200);
    assert.equal(img.headers['content-type'], 'image/png');
    assert.ok(img.rawPayload.equals(PNG));
    assert.equal((await pub2.get(file)).statusCode, 404);
    assert.equal((await t.client().get(file)).statusCode, 404);
    const fake = await office.upload(
      '/admin/obligations/fulfil',
      {
        obligationId: await obligationId(ow.units.v1.id, '2025-Q4'),
        fulfilledOn: '2026-01-05',
        note: '张贴',
      },
      { field: 'file', filename: 'x.png', content: Buffer.from('not an image'), contentType: 'image/png' },
    );
    assert.equal(fake.statusCode, 422);
    assert.ok(fake.body.includes('JPG 或 PNG'));
  });

  test('settings page: office saves, others are refused', async () => {
    const res = await office.post('/admin/obligations/settings', {
      form: { dueSoonDays: '5', escalateAfterDays: '2', staleDays: '60', derivationStart: '2025-01-01' },
    });
    assert.equal(res.statusCode, 303, res.body);
    const page = await office.get('/admin/obligations/settings');
    assert.ok(page.body.includes('value="5"'));
    const denied = await pub1.post('/admin/obligations/settings', { form: { dueSoonDays: '1' } });
    assert.equal(denied.statusCode, 403);
    await office.api('PUT', '/api/v1/obligations/settings', { dueSoonDays: 3 });
  });
});

describe('obligation API', () => {
  test('list with filters, scoped to the caller', async () => {
    const all = await pub2.api('GET', '/api/v1/obligations');
    assert.equal(all.statusCode, 200);
    const items = all.json().items as { unitId: string; status: string }[];
    assert.ok(items.length > 0 && items.every((i) => i.unitId === ow.units.v2.id));
    const overdue = (await pub2.api('GET', '/api/v1/obligations?status=overdue')).json().items as {
      status: string;
    }[];
    assert.ok(overdue.length > 0 && overdue.every((i) => i.status === 'overdue'));
    assert.equal((await pub2.api('GET', '/api/v1/obligations?status=bogus')).statusCode, 422);
  });

  test('events, decisions, fulfil, derive, settings', async () => {
    const ev = await pub1.api('POST', '/api/v1/obligations/events', {
      unitId: ow.units.v1.id,
      entryId: ow.entries.event.id,
      eventDate: '2026-02-26',
      title: '接口登记事件',
    });
    assert.equal(ev.statusCode, 201, ev.body);
    assert.equal(ev.json().status, 'due_soon');
    assert.equal(ev.json().dueDate, '2026-03-04');
    const dec = await pub1.api('POST', '/api/v1/obligations/decisions', {
      unitId: ow.units.v1.id,
      entryId: ow.entries.standing.id,
      decisionDate: '2026-03-02',
      title: '村规民约',
    });
    assert.equal(dec.statusCode, 201, dec.body);
    assert.equal(dec.json().kind, 'standing');
    const f = await office.api('POST', `/api/v1/obligations/${ev.json().id}/fulfil`, {
      fulfilledOn: '2026-03-02',
      note: '村民代表会议公开',
    });
    assert.equal(f.statusCode, 200, f.body);
    assert.equal(f.json().status, 'fulfilled');
    assert.equal(f.json().fulfilmentKind, 'manual');
    assert.equal(
      (
        await pub1.api('POST', `/api/v1/obligations/${dec.json().id}/fulfil`, {
          fulfilledOn: '2026-03-02',
          note: 'x',
        })
      ).statusCode,
      403,
    );
    const d = await office.api('POST', '/api/v1/obligations/derive', {});
    assert.deepEqual(d.json(), { created: 0, unchanged: 28 });
    assert.equal((await pub1.api('POST', '/api/v1/obligations/derive', {})).statusCode, 403);
    const s = await office.api('GET', '/api/v1/obligations/settings');
    assert.equal(s.json().dueSoonDays, 3);
    const put = await office.api('PUT', '/api/v1/obligations/settings', { escalateAfterDays: 4 });
    assert.equal(put.json().escalateAfterDays, 4);
    assert.equal(
      (await office.api('PUT', '/api/v1/obligations/settings', { dueSoonDays: -1 })).statusCode,
      422,
    );
  });
});
