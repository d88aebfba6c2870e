import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import { computeReplyDeadline } from './clock/index.ts';
import { ackKeys, applicant, type RequestWorld, requestWorld } from './request-fixture.ts';

/** The clock is 2026-03-02 (Mon); requests are registered with earlier received dates. */
let x: RequestWorld;
before(async () => {
  x = await requestWorld();
});
after(() => x.t.close());

const row = (id: string) =>
  x.t.db.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAAJJRU5ErkJggg==',
  'base64',
);
async function registered(receivedOn: string, more: Record<string, string> = {}) {
  const c = x.people.pubA.c;
  const res = await c.post('/admin/requests', {
    form: { ...applicant(x.units.deptA.id), channel: 'in_person', receivedOn, ...more },
  });
  assert.equal(res.statusCode, 201, res.body.slice(0, 400));
  const id = /href="\/admin\/requests\/([0-9a-f-]{36})"/.exec(res.body)?.[1] as string;
  return { id, keys: ackKeys(res.body) };
}
const step = (id: string, name: string, form: Record<string, string> = {}, who = x.people.pubA) =>
  who.c.post(`/admin/requests/${id}/${name}`, { form });

test('补正: one notice within 7 working days; the supplement restarts the clock in full', async () => {
  const { id, keys } = await registered('2026-02-24');
  assert.equal((await row(id)).due_date, '2026-03-23'); // 02-28 is a make-up working day
  const res = await step(id, 'supplement-notice', {
    items: '请写明具体年份和地块',
    periodDays: '5',
    on: '2026-03-02',
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const r1 = await row(id);
  assert.equal(r1.state, 'supplement_pending');
  assert.equal(r1.supplement_due_on, '2026-03-09');
  assert.equal(r1.clock_paused, 1);
  // the applicant sees the request for a supplement and answers it on the tracking page
  const citizen = x.t.client();
  const tr = await citizen.post('/requests/track', { form: keys });
  assert.match(tr.body, /请写明具体年份和地块/);
  // the documents issued so far: 受理回执 and 补正告知书, downloadable as PDF
  assert.match(tr.body, /受理回执/);
  assert.match(tr.body, /补正告知书/);
  const docIds = [...tr.body.matchAll(/action="\/requests\/track\/documents\/([0-9a-f-]{36})"/g)].map(
    (m) => m[1],
  );
  assert.equal(docIds.length, 2);
  const pdf = await citizen.post(`/requests/track/documents/${docIds[1]}`, { form: keys });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  // someone else's document id with these keys: not found
  const other = await registered('2026-02-24');
  const otherDoc = await x.t.db.db
    .selectFrom('request_documents')
    .select('id')
    .where('request_id', '=', other.id)
    .executeTakeFirstOrThrow();
  assert.equal(
    (await citizen.post(`/requests/track/documents/${otherDoc.id}`, { form: keys })).statusCode,
    404,
  );
  const up = await citizen.upload(
    '/requests/track/supplement',
    { ...keys, text: '2025 年，东片区地块' },
    {
      field: 'file',
      filename: 'map.png',
      content: PNG,
    },
  );
  assert.equal(up.statusCode, 200, up.body.slice(0, 400));
  assert.match(up.body, /补正材料已提交/);
  const r2 = await row(id);
  assert.equal(r2.state, 'processing');
  assert.equal(r2.supplement_received_on, '2026-03-02');
  assert.equal(r2.due_date, '2026-03-30'); // 20 working days from the supplement, not from receipt
  // only one notice
  const again = await step(id, 'supplement-notice', { items: '再补', periodDays: '5' });
  assert.equal(again.statusCode, 409);
});

test('补正 notice after 7 working days is refused; an unanswered notice ends the request as abandoned', async () => {
  const late = await registered('2026-02-02');
  const r = await step(late.id, 'supplement-notice', { items: '补充', periodDays: '5', on: '2026-03-02' });
  assert.equal(r.statusCode, 409);
  assert.match(r.body, /7 个工作日内/);

  const { id, keys } = await registered('2026-02-25');
  assert.equal(
    (await step(id, 'supplement-notice', { items: '补充', periodDays: '2', on: '2026-02-25' })).statusCode,
    303,
  );
  assert.equal((await row(id)).supplement_due_on, '2026-02-27');
  // too late for the applicant
  const citizen = x.t.client();
  const up = await citizen.upload(
    '/requests/track/supplement',
    { ...keys, text: '晚了' },
    { field: 'file', filename: 'a.png', content: PNG },
  );
  assert.equal(up.statusCode, 409);
  assert.equal((await step(id, 'abandon')).statusCode, 303);
  const done = await row(id);
  assert.equal(done.state, 'closed');
  assert.equal(done.outcome_key, 'other_no_supplement');
  assert.equal(done.closed_on, '2026-03-02');
});

test('third-party consultation pauses the clock; co-producer silence after 15 working days = consent', async () => {
  const { id, keys } = await registered('2026-02-24');
  const s = await step(id, 'consult', { kind: 'third_party', party: '某房地产公司', on: '2026-02-26' });
  assert.equal(s.statusCode, 303, s.body.slice(0, 300));
  // the letter to the third party is on the request page, not on the applicant's tracking page
  assert.match((await x.people.pubA.c.get(`/admin/requests/${id}`)).body, /第三方意见征询函/);
  const tracked = await x.t.client().post('/requests/track', { form: keys });
  assert.doesNotMatch(tracked.body, /征询函|某房地产公司/);
  const letter = await x.t.db.db
    .selectFrom('request_events')
    .select('detail_json')
    .where('request_id', '=', id)
    .where('action', '=', 'consult_third_party')
    .executeTakeFirstOrThrow();
  const letterNumber = String(JSON.parse(letter.detail_json ?? '{}').documentNumber);
  assert.ok(letterNumber.length > 3, 'the letter has a 文号');
  assert.match((await x.people.pubA.c.get(`/admin/requests/${id}`)).body, new RegExp(escapeRe(letterNumber)));
  assert.ok(!tracked.body.includes(letterNumber), 'nor its 文号 on the tracking page');
  assert.match(tracked.body, /征求意见中/);
  const c = await x.t.db.db
    .selectFrom('request_consultations')
    .selectAll()
    .where('request_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(c.expires_on, '2026-03-18');
  assert.equal((await row(id)).state, 'consulting');
  // silence cannot be recorded before the window ends
  assert.equal((await step(id, 'consult-end', { consultationId: c.id, result: 'silent' })).statusCode, 409);
  assert.equal(
    (await step(id, 'consult-end', { consultationId: c.id, result: 'agreed', on: '2026-03-02' })).statusCode,
    303,
  );
  const r = await row(id);
  assert.equal(r.state, 'processing');
  // used 2 working days (02-25, 02-26), 18 left from 03-02
  assert.equal(r.due_date, '2026-03-26');
  const page = await x.people.pubA.c.get(`/admin/requests/${id}`);
  assert.match(page.body, /期限中止/);
  const ids = [...page.body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(
    ids.filter((v, i) => ids.indexOf(v) !== i),
    [],
    'element ids are unique',
  );

  const co = await registered('2026-01-05');
  assert.equal(
    (await step(co.id, 'consult', { kind: 'co_producer', party: '县财政局', on: '2026-01-06' })).statusCode,
    303,
  );
  const cc = await x.t.db.db
    .selectFrom('request_consultations')
    .selectAll()
    .where('request_id', '=', co.id)
    .executeTakeFirstOrThrow();
  assert.equal(
    (await step(co.id, 'consult-end', { consultationId: cc.id, result: 'silent' })).statusCode,
    303,
  );
  const ended = await x.t.db.db
    .selectFrom('request_consultations')
    .selectAll()
    .where('id', '=', cc.id)
    .executeTakeFirstOrThrow();
  assert.equal(ended.result, 'silent_consent');
  assert.equal(ended.ended_on, cc.expires_on);
  const cal = await loadCalendar(x.t.db.db, x.w.tenantId);
  const expected = computeReplyDeadline(cal, {
    received: '2026-01-05',
    pauses: [{ start: '2026-01-06', end: cc.expires_on }],
  });
  assert.equal((await row(co.id)).due_date, expected.due);
});

test('one extension of up to 20 working days, approved by the office', async () => {
  const { id } = await registered('2026-02-24');
  assert.equal((await step(id, 'extend', { days: '10', reason: '涉及多个科室' })).statusCode, 403);
  const ok = await step(id, 'extend', { days: '10', reason: '涉及多个科室' }, x.people.office);
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  const r = await row(id);
  assert.equal(r.extension_days, 10);
  assert.equal(r.due_date, '2026-04-07'); // 03-23 + 10 working days (清明 04-04..06 off)
  assert.equal((await step(id, 'extend', { days: '5', reason: '再延' }, x.people.office)).statusCode, 409);
  assert.equal((await step(id, 'extend', { days: '21', reason: '太长' }, x.people.office)).statusCode, 422);
  const trail = await x.t.db.db
    .selectFrom('request_events')
    .selectAll()
    .where('request_id', '=', id)
    .where('action', '=', 'extend')
    .execute();
  assert.equal(trail.length, 1);
});

test('an extension during a consultation counts the pause up to the approval day', async () => {
  // Regression: the “too late” check read the cached due_date, which counts an open pause only up
  // to the last step, so an extension approved while the third party still had time was refused.
  const moveTo = async (day: string) => {
    x.t.clock.current = new Date(`${day}T02:00:00Z`);
    for (const p of [x.people.pubA, x.people.office]) await p.c.signIn(p.username);
  };
  try {
    const { id } = await registered('2026-03-02');
    await moveTo('2026-03-16');
    const consult = await step(id, 'consult', { kind: 'third_party', party: '某公司', on: '2026-03-16' });
    assert.equal(consult.statusCode, 303, consult.body.slice(0, 300));
    assert.equal((await row(id)).due_date, '2026-03-30'); // as of 03-16
    await moveTo('2026-04-01'); // the third party has until 04-07; the clock has not run since 03-16
    const ok = await step(id, 'extend', { days: '5', reason: '第三方意见尚未反馈' }, x.people.office);
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 400));
    const cal = await loadCalendar(x.t.db.db, x.w.tenantId);
    const want = computeReplyDeadline(cal, {
      received: '2026-03-02',
      pauses: [{ start: '2026-03-16', end: '2026-04-01' }],
      extendDays: 5,
    });
    assert.equal((await row(id)).due_date, want.due);
  } finally {
    await moveTo('2026-03-02');
  }
});

test('fee notice: the payment window is a pause; unpaid → abandoned for fees', async () => {
  const { id } = await registered('2026-02-24');
  // first request of the month per request: free, no notice
  const free = await step(id, 'fee-notice', { method: 'per_request' });
  assert.equal(free.statusCode, 409);
  const ok = await step(id, 'fee-notice', { method: 'per_volume', quantity: '50', on: '2026-02-26' });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  const r = await row(id);
  assert.equal(r.state, 'fee_pending');
  assert.equal(r.fee_amount, 200);
  assert.equal(r.clock_paused, 1);
  assert.equal((await step(id, 'fee-paid', { on: '2026-03-02' })).statusCode, 303);
  const paid = await row(id);
  assert.equal(paid.state, 'processing');
  assert.equal(paid.due_date, '2026-03-26');

  const unpaid = await registered('2026-01-05');
  assert.equal(
    (await step(unpaid.id, 'fee-notice', { method: 'per_volume', quantity: '31', on: '2026-01-06' }))
      .statusCode,
    303,
  );
  assert.equal((await row(unpaid.id)).fee_amount, 10);
  assert.equal((await step(unpaid.id, 'abandon')).statusCode, 303);
  const done = await row(unpaid.id);
  assert.equal(done.state, 'closed');
  assert.equal(done.outcome_key, 'other_fee_unpaid');
});

test('reply kinds map to the annual-report rows; partial disclosure needs the disclosed part', async () => {
  const w = await registered('2026-02-24');
  assert.equal((await step(w.id, 'reply', { kind: 'withheld', text: '涉及第三方' })).statusCode, 422);
  assert.equal(
    (await step(w.id, 'reply', { kind: 'withheld', reason: 'not_processed_repeat', text: 'x' })).statusCode,
    422,
  );
  const ok = await step(w.id, 'reply', {
    kind: 'withheld',
    reason: 'withheld_third_party',
    text: '涉及商业秘密',
  });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  assert.equal((await row(w.id)).outcome_key, 'withheld_third_party');
  assert.equal((await row(w.id)).state, 'replied');

  const n = await registered('2026-02-24');
  assert.equal(
    (await step(n.id, 'reply', { kind: 'not_responsible', text: '请向县住建局申请' })).statusCode,
    303,
  );
  assert.equal((await row(n.id)).outcome_key, 'unavailable_not_held');

  const p = await registered('2026-02-24');
  assert.equal((await step(p.id, 'reply', { kind: 'partial', text: '部分公开' })).statusCode, 422);
  // the withheld part needs its ground (a 不予公开 reason), not any reason
  assert.equal(
    (await step(p.id, 'reply', { kind: 'partial', reason: 'not_processed_repeat', text: '部分公开' }))
      .statusCode,
    422,
  );
  const up = await x.people.pubA.c.upload(
    `/admin/requests/${p.id}/reply`,
    { kind: 'partial', reason: 'withheld_third_party', text: '部分公开，其余涉及个人隐私' },
    {
      field: 'file',
      filename: 'part.png',
      content: PNG,
    },
  );
  assert.equal(up.statusCode, 303, up.body.slice(0, 300));
  const pr = await row(p.id);
  assert.equal(pr.outcome_key, 'partial');
  // delivery by post counts on the posting day; then archive
  assert.equal((await step(p.id, 'deliver', { method: 'post', on: '2026-03-02' })).statusCode, 303);
  const dr = await row(p.id);
  assert.equal(dr.state, 'delivered');
  assert.equal(dr.closed_on, '2026-03-02');
  // the applicant downloads the disclosed part
  const citizen = x.t.client();
  const tr = await citizen.post('/requests/track', { form: p.keys });
  assert.match(tr.body, /part\.png/);
  const fileId = /action="\/requests\/track\/files\/([0-9a-f-]{36})"/.exec(tr.body)?.[1];
  const dl = await citizen.post(`/requests/track/files/${fileId}`, { form: p.keys });
  assert.equal(dl.statusCode, 200);
  assert.equal(dl.headers['content-type'], 'image/png');
  assert.equal((await step(p.id, 'archive')).statusCode, 303);
  assert.equal((await row(p.id)).state, 'archived');
  // remedies
  const rem = await step(p.id, 'remedies', {
    kind: 'reconsideration',
    result: 'pending',
    filedOn: '2026-03-02',
  });
  assert.equal(rem.statusCode, 303, rem.body.slice(0, 300));
  const remedy = await x.t.db.db
    .selectFrom('request_remedies')
    .selectAll()
    .where('request_id', '=', p.id)
    .executeTakeFirstOrThrow();
  assert.equal(
    (await step(p.id, 'remedy-update', { remedyId: remedy.id, result: 'upheld' })).statusCode,
    422,
  );
  assert.equal(
    (await step(p.id, 'remedy-update', { remedyId: remedy.id, result: 'upheld', decidedOn: '2026-03-02' }))
      .statusCode,
    303,
  );
});

test('procedural pre-check (per region): the reply waits for the office', async () => {
  assert.equal(
    (await x.people.pubA.c.post('/admin/requests/settings', { form: { precheck: 'true' } })).statusCode,
    403,
  );
  assert.equal(
    (await x.people.office.c.post('/admin/requests/settings', { form: { precheck: 'true' } })).statusCode,
    303,
  );
  const { id } = await registered('2026-02-24');
  assert.equal((await step(id, 'reply', { kind: 'provided', text: '予以公开' })).statusCode, 303);
  assert.equal((await row(id)).state, 'precheck');
  assert.equal((await step(id, 'precheck', { decision: 'pass' })).statusCode, 403);
  assert.equal((await step(id, 'precheck', { decision: 'pass' }, x.people.office)).statusCode, 303);
  assert.equal((await row(id)).state, 'replied');
  assert.equal((await x.people.office.c.post('/admin/requests/settings', { form: {} })).statusCode, 303);
});

test('transfer: recorded on both sides; the source keeps a masked record only', async () => {
  const { id } = await registered('2026-02-24');
  const tr = await step(id, 'transfer', { toUnitId: x.units.deptB.id, reason: '属住建局职责' });
  assert.equal(tr.statusCode, 303, tr.body.slice(0, 300));
  const r = await row(id);
  assert.equal(r.unit_id, x.units.deptB.id);
  assert.equal(r.received_on, '2026-02-24');
  assert.equal((await x.people.pubA.c.get(`/admin/requests/${id}`)).statusCode, 404);
  const listA = await x.people.pubA.c.get('/admin/requests');
  assert.match(listA.body, /已转办给其他单位的申请/);
  assert.match(listA.body, /王\*\*/);
  const pageB = await x.people.pubB.c.get(`/admin/requests/${id}`);
  assert.equal(pageB.statusCode, 200);
  assert.match(pageB.body, /王小明/);
  assert.match(pageB.body, /属住建局职责/);
  const audits = await x.t.db.db
    .selectFrom('audit_log')
    .select(['unit_id', 'action'])
    .where('target_id', '=', id)
    .where('action', 'in', ['request.transfer', 'request.transfer_in'])
    .execute();
  assert.deepEqual(audits.map((a) => a.unit_id).sort(), [x.units.deptA.id, x.units.deptB.id].sort());
});

test('personal data: other units see nothing, exports are masked, permissions answer 404/403', async () => {
  const { id } = await registered('2026-02-24');
  assert.equal((await x.people.pubB.c.get(`/admin/requests/${id}`)).statusCode, 404);
  assert.doesNotMatch((await x.people.pubB.c.get('/admin/requests')).body, new RegExp(id));
  assert.equal((await x.people.pubB.c.post(`/admin/requests/${id}/confirm`, { form: {} })).statusCode, 404);
  assert.equal((await x.people.pubB.c.api('GET', `/api/v1/requests/${id}`)).statusCode, 404);
  // registering for a unit one does not handle: a field error, like an unknown unit
  const foreign = await x.people.pubB.c.post('/admin/requests', {
    form: { ...applicant(x.units.deptA.id), channel: 'in_person' },
  });
  assert.equal(foreign.statusCode, 422);
  // a reviewer holds no request permission
  assert.equal((await x.people.revA.c.get('/admin/requests')).statusCode, 403);
  // an approver of the unit sees it
  assert.match((await x.people.appA.c.get(`/admin/requests/${id}`)).body, /13812345678/);
  // wrong state → 409
  assert.equal((await step(id, 'deliver', { method: 'post' })).statusCode, 409);
  // anonymous → sign in
  const anon = await x.t.client().get('/admin/requests');
  assert.equal(anon.statusCode, 303);
  const csv = await x.people.office.c.get('/admin/requests/export.csv');
  assert.equal(csv.statusCode, 200);
  assert.match(csv.body, /王\*\*/);
  assert.doesNotMatch(csv.body, /王小明/);
  assert.doesNotMatch(csv.body, /13812345678/);
  const masked = await x.people.pubA.c.post('/admin/requests', {
    form: {
      ...applicant(x.units.deptA.id),
      channel: 'in_person',
      description: `本人 ${'11010519491231002X'} 的档案`,
    },
  });
  assert.equal(masked.statusCode, 201);
  const csv2 = await x.people.pubA.c.get('/admin/requests/export.csv');
  assert.doesNotMatch(csv2.body, /11010519491231002X/);
  assert.match(csv2.body, /1101\*+002X/);
});

test('API: register, steps and the deadline explanation', async () => {
  const c = x.people.pubA.c;
  const created = await c.api('POST', '/api/v1/requests', {
    ...applicant(x.units.deptA.id),
    channel: 'registered_post',
    receivedOn: '2026-02-24',
  });
  assert.equal(created.statusCode, 201, created.body);
  const { id, secret, trackingCode } = created.json();
  const consult = await c.api('POST', `/api/v1/requests/${id}/consult`, {
    kind: 'third_party',
    party: '第三方',
    on: '2026-02-26',
  });
  assert.equal(consult.statusCode, 200, consult.body);
  assert.equal(consult.json().state, 'consulting');
  assert.equal(consult.json().deadline.paused, true);
  const view = await c.api('GET', `/api/v1/requests/${id}`);
  assert.ok(view.json().deadline.how.length >= 3);
  const list = await c.api('GET', '/api/v1/requests');
  assert.ok(list.json().items.some((i: { id: string }) => i.id === id));
  const pub = await x.t.client().api('POST', '/api/v1/public/requests/track', { code: trackingCode, secret });
  assert.equal(pub.statusCode, 200, pub.body);
  assert.equal(pub.json().state, 'consulting');
  const online = await x.t.client().api('POST', '/api/v1/public/requests', applicant(x.units.deptB.id));
  assert.equal(online.statusCode, 201, online.body);
  assert.equal(online.json().state, 'awaiting_confirmation');
  const openapi = await c.get('/api/v1/openapi.json');
  assert.match(openapi.body, /\/api\/v1\/requests\/\{id\}\/extend/);
});

test('two handlers acting at once: one step wins, the other gets 409 (no double notice)', async () => {
  const { id } = await registered('2026-02-24');
  const body = { items: '请补充', periodDays: 5 };
  const [a, b] = await Promise.all([
    x.people.pubA.c.api('POST', `/api/v1/requests/${id}/supplement-notice`, body),
    x.people.appA.c.api('POST', `/api/v1/requests/${id}/supplement-notice`, body),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
  const events = await x.t.db.db
    .selectFrom('request_events')
    .select('id')
    .where('request_id', '=', id)
    .where('action', '=', 'supplement_notice')
    .execute();
  assert.equal(events.length, 1);
  const docs = await x.t.db.db
    .selectFrom('request_documents')
    .select('kind')
    .where('request_id', '=', id)
    .execute();
  assert.equal(docs.filter((d) => d.kind === 'supplement_notice').length, 1);
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
