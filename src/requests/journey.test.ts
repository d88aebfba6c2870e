import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadReport } from './report/load-report.ts';
import { ackKeys, applicant, type RequestWorld, requestWorld } from './request-fixture.ts';

/**
 * The whole journey through the pages, as the issue describes it (without a browser): a citizen
 * submits online → the unit confirms → 补正 → the citizen supplements on the tracking page →
 * third-party consultation with a reply → extension → partial disclosure with the disclosed part
 * → delivery; the tracking page shows each step and each document; the year's table 三 counts the
 * request in 部分公开 under 自然人.
 */
let x: RequestWorld;
before(async () => {
  x = await requestWorld();
});
after(() => x.t.close());

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAAJJRU5ErkJggg==',
  'base64',
);
/** Moves the clock; staff sign in again (sessions expire over days of inactivity). */
const at = async (iso: string) => {
  x.t.clock.current = new Date(`${iso}T02:00:00Z`);
  for (const p of [x.people.pubA, x.people.office]) await p.c.signIn(p.username);
};

test('online → confirm → 补正 → supplement → consultation → extension → partial → delivered', async () => {
  const citizen = x.t.client();
  const staff = x.people.pubA.c;
  const office = x.people.office.c;
  await at('2026-02-27');
  const sub = await citizen.post('/requests', { form: applicant(x.units.deptA.id) });
  assert.equal(sub.statusCode, 201);
  const keys = ackKeys(sub.body);
  const id = (
    await x.t.db.db
      .selectFrom('requests')
      .select('id')
      .where('tracking_code', '=', keys.code)
      .executeTakeFirstOrThrow()
  ).id;
  const go = async (step: string, form: Record<string, string>, who = staff) => {
    const r = await who.post(`/admin/requests/${id}/${step}`, { form });
    assert.equal(r.statusCode, 303, `${step}: ${r.body.slice(0, 300)}`);
  };
  await at('2026-03-02');
  await go('confirm', { on: '2026-03-02' });
  await go('supplement-notice', { items: '请说明地块位置', periodDays: '10', on: '2026-03-02' });
  await at('2026-03-04');
  const up = await citizen.upload(
    '/requests/track/supplement',
    { ...keys, text: '东片区 3 号地块' },
    {
      field: 'file',
      filename: 'map.png',
      content: PNG,
    },
  );
  assert.equal(up.statusCode, 200);
  await at('2026-03-05');
  await go('consult', { kind: 'third_party', party: '某开发公司', on: '2026-03-05' });
  await at('2026-03-10');
  const c = await x.t.db.db
    .selectFrom('request_consultations')
    .select('id')
    .where('request_id', '=', id)
    .executeTakeFirstOrThrow();
  await go('consult-end', { consultationId: c.id, result: 'objected', on: '2026-03-10' });
  await go('extend', { days: '10', reason: '需逐页区分处理', on: '2026-03-10' }, office);
  await at('2026-03-20');
  const reply = await staff.upload(
    `/admin/requests/${id}/reply`,
    {
      kind: 'partial',
      reason: 'withheld_third_party',
      text: '部分公开；涉及第三方商业秘密的部分不予公开',
      on: '2026-03-20',
    },
    {
      field: 'file',
      filename: '公开部分.png',
      content: PNG,
    },
  );
  assert.equal(reply.statusCode, 303, reply.body.slice(0, 300));
  await go('deliver', { method: 'email', on: '2026-03-20' });

  const r = await x.t.db.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(r.state, 'delivered');
  assert.equal(r.received_on, '2026-03-02');
  assert.equal(r.outcome_key, 'partial');
  // restart 03-04 (+20) → pause 03-05..03-10 (1 used) → +10 extension
  assert.ok(r.due_date && r.due_date > '2026-04-01', r.due_date ?? '');
  assert.ok((r.delivered_on as string) <= (r.due_date as string));

  const tr = await citizen.post('/requests/track', { form: keys });
  assert.equal(tr.statusCode, 200);
  const text = tr.body.replace(/<[^>]+>/g, ' ');
  for (const step of [
    '网上提交申请',
    '确认收到申请',
    '发出补正告知',
    '收到补正材料',
    '征求第三方意见',
    '意见征询结束',
    '延期答复',
    '作出答复',
    '送达',
  ])
    assert.match(text, new RegExp(step), step);
  for (const doc of ['受理回执', '补正告知书', '延期答复告知书', '答复书'])
    assert.match(text, new RegExp(doc), doc);
  assert.doesNotMatch(text, /征询函|某开发公司/);
  assert.match(text, /公开部分\.png/);

  const tables = await loadReport(x.t.db.db, await x.people.office.actor(), {
    year: 2026,
    unit: { id: x.units.deptA.id, name: x.units.deptA.name, path: x.units.deptA.path },
    subtree: false,
  });
  assert.equal(tables.table3.partial[0], 1); // 自然人
  assert.equal(tables.table3.new[0], 1);
  x.t.clock.current = new Date('2026-03-02T02:00:00Z');
});
