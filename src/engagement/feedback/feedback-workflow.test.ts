import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makePerson } from '../../../test/helpers/factories.ts';
import { FEEDBACK_DIRECT_KEY, FEEDBACK_REPLY_DAYS_KEY } from '../settings.ts';
import {
  ackKeys,
  type FeedbackWorld,
  feedbackWorld,
  idOf,
  message,
  moveClock,
  writeTo,
} from './feedback-fixture.ts';

let x: FeedbackWorld;
before(async () => {
  x = await feedbackWorld();
});
after(() => x.t.close());

let ipSeq = 0;
async function write(unitCode = 'VA', more: Record<string, string> = {}) {
  ipSeq += 1;
  const res = await writeTo(x.t.client(), unitCode, message(more), `10.1.0.${ipSeq}`);
  assert.equal(res.statusCode, 201, res.body.slice(0, 400));
  const keys = ackKeys(res.body);
  return { ...keys, id: await idOf(x, keys.code) };
}
const row = (id: string) =>
  x.t.db.db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const step = (who: keyof FeedbackWorld['people'], id: string, name: string, body: unknown = {}) =>
  x.people[who].c.api('POST', `/api/v1/feedback/${id}/${name}`, body);
async function setSetting(key: string, value: unknown) {
  await x.t.db.db
    .insertInto('tenant_settings')
    .values({
      tenant_id: x.w.tenantId,
      key,
      value_json: JSON.stringify(value),
      updated_by: null,
      updated_at: '2026-03-01T00:00:00Z',
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet({ value_json: JSON.stringify(value) }))
    .execute();
}

test('route → accept → reply → echo wall (masked) → 不满意 → reopen → second reply → 满意', async () => {
  const m = await write('VA', { body: '村委会的电话总是打不通，请回电 13812345678 说明低保评议时间。' });
  assert.equal((await row(m.id)).status, 'received');
  // the village may not route; an anonymous caller must sign in
  assert.equal((await step('pubA', m.id, 'route')).statusCode, 403);
  assert.equal((await x.t.client().api('POST', `/api/v1/feedback/${m.id}/route`, {})).statusCode, 401);
  // nothing to accept before routing
  assert.equal((await step('pubA', m.id, 'accept')).statusCode, 409);
  const routed = await x.people.office.c.post(`/admin/feedback/${m.id}/route`, {
    form: { unitId: x.units.va.id },
  });
  assert.equal(routed.statusCode, 303);
  let f = await row(m.id);
  assert.equal(f.status, 'assigned');
  assert.equal(f.due_on, '2026-03-09'); // Monday + 5 working days
  assert.equal(f.first_due_on, '2026-03-09');
  // another village cannot see it
  assert.equal((await step('pubB', m.id, 'accept')).statusCode, 404);
  assert.equal((await x.people.pubB.c.get(`/admin/feedback/${m.id}`)).statusCode, 404);
  assert.equal((await step('pubA', m.id, 'accept')).statusCode, 200);
  assert.equal((await row(m.id)).status, 'in_progress');
  assert.equal((await step('pubA', m.id, 'reply', { body: '' })).statusCode, 422);
  const reply1 = await x.people.pubA.c.post(`/admin/feedback/${m.id}/reply`, {
    form: { body: '已安排专人值守，评议定于 3 月 10 日，可拨打 13987654321 咨询。' },
  });
  assert.equal(reply1.statusCode, 303);
  f = await row(m.id);
  assert.equal(f.status, 'replied');
  assert.equal(f.replied_on, '2026-03-02');
  assert.equal(f.first_replied_on, '2026-03-02');
  // the echo wall: question and answer, both masked
  for (const url of ['/echo', '/units/VA/echo', `/echo/${m.id}`]) {
    const page = await x.t.client().get(url);
    assert.equal(page.statusCode, 200, url);
    assert.ok(page.body.includes('138****5678'), url);
    assert.ok(page.body.includes('139****4321'), url);
    assert.ok(!page.body.includes('13812345678') && !page.body.includes('13987654321'), url);
    assert.ok(!page.body.includes('张三'), `${url} shows no writer name`);
  }
  const api = (await x.t.client().api('GET', `/api/v1/echo/${m.id}`)).json();
  assert.match(api.body, /138\*\*\*\*5678/);
  assert.match(api.answers[0].body, /139\*\*\*\*4321/);
  // the unit page panel lists it
  const unitPage = await x.t.client().get('/units/VA');
  assert.match(unitPage.body, /回音壁/);
  assert.ok(unitPage.body.includes(`/echo/${m.id}`));
  assert.ok(unitPage.body.includes('/units/VA/feedback/new'));

  // the writer rates 不满意 through the tracking link
  const writer = x.t.client();
  const track = await writer.get(`/feedback/track?c=${m.code}&s=${m.secret}`);
  assert.match(track.body, /评价答复/);
  assert.ok(track.body.includes('13987654321'), 'the writer sees the answer unmasked');
  const rated = await writer.post('/feedback/track/rate', {
    form: { code: m.code, secret: m.secret, rating: 'dissatisfied', comment: '还是打不通' },
  });
  assert.equal(rated.statusCode, 200, rated.body.slice(0, 300));
  f = await row(m.id);
  assert.equal(f.status, 'replied');
  assert.equal(f.rating, 'dissatisfied');
  const again = await writer.api('POST', '/api/v1/feedback/rate', {
    code: m.code,
    secret: m.secret,
    rating: 'satisfied',
  });
  assert.equal(again.statusCode, 409);
  const bad = await writer.api('POST', '/api/v1/feedback/rate', {
    code: m.code,
    secret: 'WRONG',
    rating: 'satisfied',
  });
  assert.equal(bad.statusCode, 404);
  // the office is told and lists it as 待处理不满意
  const notes = await x.t.db.db
    .selectFrom('notifications')
    .select(['person_id', 'link'])
    .where('kind', '=', 'feedback.dissatisfied')
    .execute();
  assert.deepEqual(
    notes.map((n) => n.person_id),
    [x.people.office.id],
  );
  const list = await x.people.office.c.get('/admin/feedback');
  assert.match(list.body, /id="dissatisfied-list"/);
  assert.ok(list.body.includes(m.code));
  const apiList = await x.people.office.c.api('GET', '/api/v1/feedback?dissatisfied=true');
  assert.deepEqual(
    apiList.json().items.map((i: { id: string }) => i.id),
    [m.id],
  );

  // only the office reopens
  assert.equal((await step('pubA', m.id, 'reopen')).statusCode, 403);
  await moveClock(x, new Date('2026-03-04T02:00:00Z'));
  const reopened = await x.people.office.c.post(`/admin/feedback/${m.id}/reopen`, {
    form: { note: '请再次核实' },
  });
  assert.equal(reopened.statusCode, 303);
  f = await row(m.id);
  assert.equal(f.status, 'assigned');
  assert.equal(f.reopened_count, 1);
  assert.equal(f.due_on, '2026-03-11');
  assert.equal(f.first_due_on, '2026-03-09');
  assert.equal(f.rating, null);
  const detail = await x.people.office.c.get(`/admin/feedback/${m.id}`);
  assert.match(detail.body, /留言人评价：不满意/);
  assert.match(detail.body, /还是打不通/);
  assert.match(detail.body, /重新办理/);
  assert.equal(
    (await step('pubA', m.id, 'reply', { body: '已更换值班电话并当面向您说明。' })).statusCode,
    200,
  );
  const replies = await x.t.db.db
    .selectFrom('feedback_replies')
    .select('round')
    .where('feedback_id', '=', m.id)
    .orderBy('round')
    .execute();
  assert.deepEqual(
    replies.map((r) => r.round),
    [1, 2],
  );
  f = await row(m.id);
  assert.equal(f.first_replied_on, '2026-03-02');
  assert.equal(f.replied_on, '2026-03-04');
  const echo = await x.t.client().get(`/echo/${m.id}`);
  assert.match(echo.body, /第 2 次答复/);
  assert.match(echo.body, /已更换值班电话/);
  const ok = await writer.api('POST', '/api/v1/feedback/rate', {
    code: m.code,
    secret: m.secret,
    rating: 'satisfied',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal((await row(m.id)).status, 'closed');
  await moveClock(x, new Date('2026-03-02T02:00:00Z'));
});

test('routing: working days from the calendar (劳动节), re-routing before the reply, not after', async () => {
  await moveClock(x, new Date('2026-04-30T02:00:00Z'));
  const m = await write('VA');
  const r = await step('office', m.id, 'route', { unitId: x.units.vb.id });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().dueOn, '2026-05-11'); // 5-1..5-5 off, 5-9 (Sat) a make-up working day
  let f = await row(m.id);
  assert.equal(f.unit_id, x.units.vb.id);
  assert.equal(f.addressed_unit_id, x.units.va.id);
  // the addressed village no longer sees it; the responsible one does
  assert.equal((await x.people.pubA.c.get(`/admin/feedback/${m.id}`)).statusCode, 404);
  assert.equal((await x.people.pubB.c.get(`/admin/feedback/${m.id}`)).statusCode, 200);
  await moveClock(x, new Date('2026-05-06T02:00:00Z'));
  const back = await step('office', m.id, 'route', {});
  assert.equal(back.statusCode, 200);
  f = await row(m.id);
  assert.equal(f.unit_id, x.units.va.id);
  assert.equal(f.due_on, '2026-05-12');
  assert.equal(f.first_due_on, '2026-05-12', 'the unit that answers is judged by its own deadline');
  // the region's reply days are a setting
  await setSetting(FEEDBACK_REPLY_DAYS_KEY, 3);
  const m2 = await write('VB');
  assert.equal((await step('office', m2.id, 'route', {})).json().dueOn, '2026-05-09');
  await setSetting(FEEDBACK_REPLY_DAYS_KEY, 5);
  // an unknown unit is refused
  assert.equal((await step('office', m2.id, 'route', { unitId: 'nope' })).statusCode, 422);
  assert.equal((await step('pubA', m.id, 'reply', { body: '已修复。' })).statusCode, 200);
  assert.equal((await step('office', m.id, 'route', {})).statusCode, 409);
  await moveClock(x, new Date('2026-03-02T02:00:00Z'));
});

test('cannot handle: reason required and public, counts as the answer; close by the office only', async () => {
  const m = await write('VB', { kind: 'question', subject: '修路计划' });
  await step('office', m.id, 'route', {});
  assert.equal((await step('pubB', m.id, 'cannot-handle', {})).statusCode, 422);
  const r = await step('pubB', m.id, 'cannot-handle', { reason: '该路段属县交通局管养，已转告县交通局。' });
  assert.equal(r.statusCode, 200);
  const f = await row(m.id);
  assert.equal(f.status, 'cannot_handle');
  assert.equal(f.first_replied_on, '2026-03-02');
  const echo = await x.t.client().get(`/echo/${m.id}`);
  assert.match(echo.body, /暂不能办理的说明/);
  assert.match(echo.body, /县交通局管养/);
  const rate = await x.t
    .client()
    .api('POST', '/api/v1/feedback/rate', { code: m.code, secret: m.secret, rating: 'basic' });
  assert.equal(rate.statusCode, 200);
  assert.equal((await row(m.id)).status, 'closed');
  const m2 = await write('VB');
  assert.equal((await step('pubB', m2.id, 'close')).statusCode, 403);
  assert.equal((await step('office', m2.id, 'close', { note: '重复反映，已并案' })).statusCode, 200);
  assert.equal((await step('office', m2.id, 'close')).statusCode, 409);
  // closed without an answer: not on the echo wall
  assert.equal((await x.t.client().get(`/echo/${m2.id}`)).statusCode, 404);
  // …and nothing to reopen: only an answered thread can be reopened
  const reopen = await step('office', m2.id, 'reopen', {});
  assert.equal(reopen.statusCode, 409, reopen.body);
  assert.equal((await row(m2.id)).status, 'closed');
});

test('private messages: the echo wall shows only category, dates and status', async () => {
  const m = await write('VA', {
    subject: '家庭困难申请救助',
    body: '我家老人生病住院，想申请临时救助，隐私内容甲乙丙。',
    private: 'true',
  });
  await step('office', m.id, 'route', {});
  await step('pubA', m.id, 'reply', { body: '请携带材料到村委会办理，答复内容丁戊己。' });
  for (const url of [
    '/echo',
    `/echo/${m.id}`,
    '/units/VA/echo',
    '/units/VA',
    '/api/v1/echo',
    `/api/v1/echo/${m.id}`,
  ]) {
    const res = await x.t.client().get(url);
    assert.equal(res.statusCode, 200, url);
    assert.ok(
      !res.body.includes('隐私内容甲乙丙') &&
        !res.body.includes('丁戊己') &&
        !res.body.includes('家庭困难申请救助'),
      url,
    );
  }
  const item = await x.t.client().get(`/echo/${m.id}`);
  assert.match(item.body, /留言人要求不公开内容/);
  assert.match(item.body, /已答复/);
  // not yet answered: not on the wall
  const open = await write('VA');
  assert.equal((await x.t.client().get(`/echo/${open.id}`)).statusCode, 404);
  assert.equal((await x.t.client().get(`/api/v1/echo/${open.id}`)).statusCode, 404);
});

test('direct delivery: a message to a village goes straight to it with its deadline', async () => {
  await setSetting(FEEDBACK_DIRECT_KEY, true);
  const m = await write('VB');
  const f = await row(m.id);
  assert.equal(f.status, 'assigned');
  assert.equal(f.due_on, '2026-03-09');
  assert.equal(f.first_due_on, '2026-03-09');
  assert.equal((await step('pubB', m.id, 'accept')).statusCode, 200);
  await setSetting(FEEDBACK_DIRECT_KEY, false);
});

test('a message about a disclosure: unknown or foreign disclosures are refused', async () => {
  const c = x.t.client();
  const res = await writeTo(
    c,
    'VA',
    message({ disclosureId: '0190f0f0-0000-7000-8000-000000000000' }),
    '10.1.9.1',
  );
  assert.equal(res.statusCode, 404);
  const api = await c.api('POST', '/api/v1/feedback', {
    unitId: x.units.va.id,
    ...message(),
    disclosureId: 'x',
  });
  assert.equal(api.statusCode, 422);
});

test('held under direct delivery: release assigns with the deadline from the release day', async () => {
  await setSetting(FEEDBACK_DIRECT_KEY, true);
  await x.t.db.db
    .insertInto('tenant_settings')
    .values({
      tenant_id: x.w.tenantId,
      key: 'engagement.sensitive_words',
      value_json: JSON.stringify(['违禁词']),
      updated_by: null,
      updated_at: '2026-03-01T00:00:00Z',
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'key']).doUpdateSet({ value_json: JSON.stringify(['违禁词']) }),
    )
    .execute();
  const m = await write('VA', { body: '这段话里有一个违禁词，需要审核。' });
  assert.equal((await row(m.id)).status, 'held');
  assert.equal((await row(m.id)).due_on, null);
  const r = await step('office', m.id, 'moderate', { decision: 'release' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().status, 'assigned');
  assert.equal(r.json().dueOn, '2026-03-09');
  await setSetting(FEEDBACK_DIRECT_KEY, false);
  await x.t.db.db.deleteFrom('tenant_settings').where('key', '=', 'engagement.sensitive_words').execute();
});

test('echo wall filters by kind and unit; conditional GET answers 304', async () => {
  const q = await write('VB', { kind: 'question', subject: '咨询医保缴费时间' });
  await step('office', q.id, 'route', {});
  await step('pubB', q.id, 'reply', { body: '每年 9 月至 12 月集中缴费。' });
  const questions = await x.t.client().get('/echo?kind=question');
  assert.match(questions.body, /咨询医保缴费时间/);
  const suggestions = await x.t.client().get('/echo?kind=suggestion');
  assert.ok(!suggestions.body.includes('咨询医保缴费时间'));
  const otherUnit = await x.t.client().get('/echo?unit=VA');
  assert.ok(!otherUnit.body.includes('咨询医保缴费时间'));
  const api = await x.t.client().api('GET', '/api/v1/echo?unit=VB&kind=question');
  const items = api.json().items as { id: string; kind: string; unitCode: string }[];
  assert.ok(items.some((i) => i.id === q.id));
  assert.ok(items.every((i) => i.kind === 'question' && i.unitCode === 'VB'));
  const first = await x.t.client().get('/units/VB/echo');
  assert.ok(first.headers.etag);
  const again = await x.t
    .client()
    .get('/units/VB/echo', { headers: { 'if-none-match': String(first.headers.etag) } });
  assert.equal(again.statusCode, 304);
});

test('staff API lists only what the policy lets each one see', async () => {
  const a = await write('VA');
  const b = await write('VB');
  const ids = async (who: keyof FeedbackWorld['people']) =>
    ((await x.people[who].c.api('GET', '/api/v1/feedback')).json().items as { id: string }[]).map(
      (i) => i.id,
    );
  const office = await ids('office');
  assert.ok(office.includes(a.id) && office.includes(b.id));
  const va = await ids('pubA');
  assert.ok(va.includes(a.id) && !va.includes(b.id));
  assert.deepEqual(await ids('inspectorB'), []);
  assert.equal((await x.t.client().api('GET', '/api/v1/feedback')).statusCode, 401);
  const one = await x.people.office.c.api('GET', `/api/v1/feedback/${a.id}`);
  assert.equal(one.json().contactPhone?.startsWith('139'), true);
  assert.equal(one.json().events[0].kind, 'submitted');
});

test('the echo wall masks the writer’s own name and contacts where the text repeats them', async () => {
  const m = await write('VA', {
    name: '欧阳明月',
    email: 'oymy@example.cn',
    body: '我是欧阳明月，住村东头，邮箱 oymy@example.cn，建议维修村口石桥。',
  });
  await step('office', m.id, 'route', {});
  assert.equal(
    (await step('pubA', m.id, 'reply', { body: '欧阳明月您好，石桥已列入维修计划。' })).statusCode,
    200,
  );
  const page = (await x.t.client().get(`/echo/${m.id}`)).body;
  assert.ok(!page.includes('欧阳明月') && !page.includes('oymy@example.cn'), 'name and email masked');
  assert.match(page, /我是欧\*\*\*/);
  assert.match(page, /欧\*\*\*您好/);
});

test('the writer’s contacts are for those who handle or triage the message, not for mere viewers', async () => {
  const m = await write('VA', { name: '赵六', phone: '13900001111' });
  await step('office', m.id, 'route', {});
  const p = await makePerson(x.w, x.units.va.id, [
    { role: 'reviewer', unitId: x.units.va.id, coversSubtree: false },
  ]);
  const reviewer = x.t.client();
  await reviewer.signIn(p.username);
  const page = await reviewer.get(`/admin/feedback/${m.id}`);
  assert.equal(page.statusCode, 200);
  assert.ok(!page.body.includes('13900001111') && !page.body.includes('赵六'));
  const api = await reviewer.api('GET', `/api/v1/feedback/${m.id}`);
  assert.equal(api.json().contactPhone, null);
  assert.match((await x.people.pubA.c.get(`/admin/feedback/${m.id}`)).body, /13900001111/);
  assert.equal(
    (await x.people.office.c.api('GET', `/api/v1/feedback/${m.id}`)).json().contactPhone,
    '13900001111',
  );
});

test('the tracking page dates an answer by the China date (an answer at 01:00 China time)', async () => {
  const m = await write('VA');
  await step('office', m.id, 'route', {});
  await moveClock(x, new Date('2026-03-02T17:00:00Z')); // 2026-03-03 01:00 in China
  assert.equal(
    (await step('pubA', m.id, 'cannot-handle', { reason: '夜间值班记录，次日办理。' })).statusCode,
    200,
  );
  const track = await x.t.client().get(`/feedback/track?c=${m.code}&s=${m.secret}`);
  const answers = /<section id="feedback-answers">([\s\S]*?)<\/section>/.exec(track.body)?.[1] ?? '';
  assert.match(answers, /（2026-03-03）/);
  assert.doesNotMatch(answers, /2026-03-02/);
  await moveClock(x, new Date('2026-03-02T02:00:00Z'));
});
