import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { saveSensitiveWords } from '../sensitive-words.ts';
import { ackKeys, type FeedbackWorld, feedbackWorld, idOf, message, writeTo } from './feedback-fixture.ts';

let x: FeedbackWorld;
before(async () => {
  x = await feedbackWorld();
});
after(() => x.t.close());

const count = async () =>
  Number(
    (
      await x.t.db.db
        .selectFrom('feedback')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('the public form works without JS: CSRF field, honeypot off screen, ack with code + secret once', async () => {
  const c = x.t.client();
  const form = await c.get('/units/VA/feedback/new');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="_csrf" value="[^"]{20,}"/);
  assert.match(form.body, /name="website"/);
  assert.match(form.body, /不公开我的留言/);
  const res = await writeTo(c, 'VA', message(), '10.0.0.1');
  assert.equal(res.statusCode, 201, res.body.slice(0, 500));
  const { code, secret } = ackKeys(res.body);
  assert.match(code, /^LY2026/);
  const row = await x.t.db.db
    .selectFrom('feedback')
    .selectAll()
    .where('tracking_code', '=', code)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'received');
  assert.equal(row.channel, 'online');
  assert.equal(row.received_on, '2026-03-02');
  assert.ok(!row.secret_hash.includes(secret));
  // the secret is not shown again: the tracking page asks for it
  const track = await c.get(`/feedback/track?c=${code}`);
  assert.ok(!track.body.includes(secret));
  // without the form token: refused
  const anon = x.t.client();
  const forged = await anon.post('/units/VA/feedback', { form: message(), csrf: false });
  assert.equal(forged.statusCode, 403);
});

test('honeypot: a filled-in hidden field gets a generic error and nothing is stored', async () => {
  const before = await count();
  const res = await writeTo(x.t.client(), 'VA', message({ website: 'http://spam.example' }), '10.0.0.2');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /留言未能提交/);
  const api = await x.t
    .client()
    .api('POST', '/api/v1/feedback', { unitId: x.units.va.id, ...message(), website: 'x' });
  assert.equal(api.statusCode, 400);
  assert.equal(api.json().error.code, 'feedback.not_accepted');
  assert.equal(await count(), before);
});

test('length limits and kinds are checked with field messages', async () => {
  const c = x.t.client();
  const long = await writeTo(c, 'VA', message({ body: '长'.repeat(2001) }), '10.0.0.3');
  assert.equal(long.statusCode, 422);
  assert.match(long.body, /id="f-body"/);
  assert.match(long.body, /不能超过/);
  const short = await writeTo(c, 'VA', message({ body: '太短' }), '10.0.0.3');
  assert.equal(short.statusCode, 422);
  const kind = await writeTo(c, 'VA', message({ kind: 'spam' }), '10.0.0.3');
  assert.equal(kind.statusCode, 422);
  const subject = await writeTo(c, 'VA', message({ subject: '题'.repeat(101) }), '10.0.0.3');
  assert.equal(subject.statusCode, 422);
  // the region root is not a public unit
  const root = await x.t.db.db
    .selectFrom('units')
    .select('code')
    .where('id', '=', x.w.rootId)
    .executeTakeFirstOrThrow();
  assert.equal((await writeTo(c, root.code, message(), '10.0.0.3')).statusCode, 404);
});

test('throttle per IP (10 an hour) and per contact (5 a day)', async () => {
  const c = x.t.client();
  for (let i = 0; i < 10; i++) {
    const r = await writeTo(c, 'VB', message({ phone: `1380000${String(1000 + i)}` }), '10.0.1.1');
    assert.equal(r.statusCode, 201, r.body.slice(0, 300));
  }
  const over = await writeTo(c, 'VB', message({ phone: '13800009999' }), '10.0.1.1');
  assert.equal(over.statusCode, 429);
  assert.ok(over.headers['retry-after']);
  assert.match(over.body, /提交过于频繁/);
  // per contact, from different addresses
  for (let i = 0; i < 5; i++) {
    const r = await writeTo(c, 'VB', message({ phone: '13700000001' }), `10.0.2.${i}`);
    assert.equal(r.statusCode, 201);
  }
  const contact = await writeTo(c, 'VB', message({ phone: '137-0000-0001' }), '10.0.2.99');
  assert.equal(contact.statusCode, 429);
  // an hour later the IP may write again
  const saved = x.t.clock.current;
  x.t.clock.advanceMinutes(61);
  const again = await writeTo(c, 'VB', message({ phone: '13800008888' }), '10.0.1.1');
  assert.equal(again.statusCode, 201);
  x.t.clock.current = saved;
});

test('duplicate detection: same text within 24 h to the same unit, from the same contact or IP', async () => {
  const c = x.t.client();
  const body = '请公开 2025 年村集体收入明细，特别是土地租金收入。';
  const first = await writeTo(c, 'VA', message({ body, phone: '' }), '10.0.3.1');
  assert.equal(first.statusCode, 201);
  // same unit, other IP, punctuation and spacing changed
  const sameUnit = await writeTo(
    c,
    'VA',
    message({ body: `${body.replace('，', ' , ')}  `, phone: '' }),
    '10.0.3.2',
  );
  assert.equal(sameUnit.statusCode, 409);
  assert.match(sameUnit.body, /请勿重复提交/);
  // same IP, another unit
  const sameIp = await writeTo(c, 'VB', message({ body, phone: '' }), '10.0.3.1');
  assert.equal(sameIp.statusCode, 409);
  // same contact, another unit, another IP
  const b2 = '请问村里的低保评议结果什么时候公示？';
  assert.equal(
    (await writeTo(c, 'VA', message({ body: b2, phone: '13600000002' }), '10.0.3.5')).statusCode,
    201,
  );
  const sameContact = await writeTo(c, 'VB', message({ body: b2, phone: '13600000002' }), '10.0.3.6');
  assert.equal(sameContact.statusCode, 409);
  // another unit, another IP, no contact: accepted; and after 24 h the same unit accepts it again
  assert.equal((await writeTo(c, 'VB', message({ body, phone: '' }), '10.0.3.7')).statusCode, 201);
  const saved = x.t.clock.current;
  x.t.clock.advanceMinutes(24 * 60 + 1);
  assert.equal((await writeTo(c, 'VA', message({ body, phone: '' }), '10.0.3.8')).statusCode, 201);
  const api = await x.t
    .client()
    .api('POST', '/api/v1/feedback', { unitId: x.units.va.id, ...message({ body, phone: '' }) });
  assert.equal(api.statusCode, 409);
  assert.equal(api.json().error.code, 'feedback.duplicate');
  // a 举报 never answers "duplicate" to another writer, in either direction: that a unit was
  // reported must not show to someone else
  const rb = '举报村会计挪用修路款项，请纪检部门调查。';
  const r1 = await writeTo(c, 'VA', message({ kind: 'report', body: rb, phone: '' }), '10.0.3.20');
  assert.equal(r1.statusCode, 201);
  assert.equal(
    (await writeTo(c, 'VA', message({ kind: 'report', body: rb, phone: '' }), '10.0.3.21')).statusCode,
    201,
  );
  assert.equal((await writeTo(c, 'VA', message({ body: rb, phone: '' }), '10.0.3.22')).statusCode, 201);
  // the same writer (IP) repeating their report is still caught
  assert.equal(
    (await writeTo(c, 'VA', message({ kind: 'report', body: rb, phone: '' }), '10.0.3.20')).statusCode,
    409,
  );
  x.t.clock.current = saved;
});

test('sensitive words hold a message for the office; release or reject (note never public)', async () => {
  await saveSensitiveWords(x.w.system, { words: '赌博\n高利贷' });
  const c = x.t.client();
  const res = await writeTo(c, 'VA', message({ body: '村里有人聚众赌 博，请管一管。' }), '10.0.4.1');
  assert.equal(res.statusCode, 201);
  assert.match(res.body, /审核后转交办理/);
  const { code, secret } = ackKeys(res.body);
  const id = await idOf(x, code);
  const row = await x.t.db.db
    .selectFrom('feedback')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'held');
  assert.equal(row.held_words, '赌博');
  // the village does not see a held message; the office does, in its moderation queue
  assert.equal((await x.people.pubA.c.get(`/admin/feedback/${id}`)).statusCode, 404);
  const list = await x.people.office.c.get('/admin/feedback');
  assert.match(list.body, /id="moderation-queue"/);
  assert.ok(list.body.includes(code));
  // a village publisher may not moderate (not even see it)
  assert.equal(
    (await x.people.pubA.c.api('POST', `/api/v1/feedback/${id}/moderate`, { decision: 'release' }))
      .statusCode,
    404,
  );
  const rel = await x.people.office.c.post(`/admin/feedback/${id}/moderate`, {
    form: { decision: 'release' },
  });
  assert.equal(rel.statusCode, 303);
  const after = await x.t.db.db
    .selectFrom('feedback')
    .select(['status', 'moderated_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(after.status, 'received');
  assert.equal(after.moderated_by, x.people.office.id);
  assert.equal((await x.people.pubA.c.get(`/admin/feedback/${id}`)).statusCode, 200);

  const res2 = await writeTo(
    c,
    'VA',
    message({ subject: '高利贷', body: '有人放高利贷，情况严重。' }),
    '10.0.4.2',
  );
  const k2 = ackKeys(res2.body);
  const id2 = await idOf(x, k2.code);
  const noNote = await x.people.office.c.api('POST', `/api/v1/feedback/${id2}/moderate`, {
    decision: 'reject',
  });
  assert.equal(noNote.statusCode, 422);
  const rej = await x.people.office.c.api('POST', `/api/v1/feedback/${id2}/moderate`, {
    decision: 'reject',
    note: '内部审核意见甲乙丙',
  });
  assert.equal(rej.statusCode, 200);
  assert.equal(rej.json().status, 'rejected');
  const track = await c.get(`/feedback/track?c=${k2.code}&s=${k2.secret}`);
  assert.match(track.body, /未通过审核/);
  assert.ok(!track.body.includes('内部审核意见甲乙丙'));
  // a second moderation is a conflict
  assert.equal(
    (await x.people.office.c.api('POST', `/api/v1/feedback/${id2}/moderate`, { decision: 'release' }))
      .statusCode,
    409,
  );
  void secret;
});

test('tracking: wrong code or wrong secret → the same 404; failures throttled per IP', async () => {
  const c = x.t.client();
  const res = await writeTo(c, 'VA', message(), '10.0.5.1');
  const { code, secret } = ackKeys(res.body);
  const ok = await c.post('/feedback/track', { form: { code, secret }, ip: '10.0.5.9' });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /已受理/);
  const wrongSecret = await c.post('/feedback/track', {
    form: { code, secret: 'WRONGWRONG' },
    ip: '10.0.5.9',
  });
  const wrongCode = await c.post('/feedback/track', {
    form: { code: 'LY2026ZZZZZZZZ', secret },
    ip: '10.0.5.9',
  });
  assert.equal(wrongSecret.statusCode, 404);
  assert.equal(wrongCode.statusCode, 404);
  assert.match(wrongSecret.body, /查询码或查询密码不正确/);
  assert.match(wrongCode.body, /查询码或查询密码不正确/);
  const apiWrong = await c.api('POST', '/api/v1/feedback/track', { code, secret: 'WRONG' });
  assert.equal(apiWrong.statusCode, 404);
  for (let i = 0; i < 20; i++)
    await c.post('/feedback/track', { form: { code, secret: `BAD${i}` }, ip: '10.0.5.10' });
  const throttled = await c.post('/feedback/track', { form: { code, secret }, ip: '10.0.5.10' });
  assert.equal(throttled.statusCode, 429);
  // the link form ?c=&s= works
  const link = await x.t.client().get(`/feedback/track?c=${code}&s=${secret}`);
  assert.equal(link.statusCode, 200);
  assert.match(link.body, /id="feedback-status"/);
});

test('paper entry: feedback.handle on the unit, channel paper, entered_by, shown as 纸质录入', async () => {
  const form = { unitId: x.units.va.id, ...message(), writtenOn: '2026-02-27' };
  const denied = await x.people.pubB.c.post('/admin/feedback/paper', { form });
  assert.ok(denied.statusCode === 403 || denied.statusCode === 404, String(denied.statusCode));
  const page = await x.people.pubA.c.get('/admin/feedback/paper');
  assert.equal(page.statusCode, 200);
  const res = await x.people.pubA.c.post('/admin/feedback/paper', { form });
  assert.equal(res.statusCode, 201, res.body.slice(0, 400));
  const { code } = ackKeys(res.body);
  const row = await x.t.db.db
    .selectFrom('feedback')
    .selectAll()
    .where('tracking_code', '=', code)
    .executeTakeFirstOrThrow();
  assert.equal(row.channel, 'paper');
  assert.equal(row.entered_by, x.people.pubA.id);
  assert.equal(row.received_on, '2026-02-27');
  const detail = await x.people.office.c.get(`/admin/feedback/${row.id}`);
  assert.match(detail.body, /纸质录入/);
  const future = await x.people.pubA.c.post('/admin/feedback/paper', {
    form: { ...form, ...message(), writtenOn: '2027-01-01' },
  });
  assert.equal(future.statusCode, 422);
  // the same checks: a duplicate of the paper text is refused
  const dup = await x.people.pubA.c.post('/admin/feedback/paper', { form });
  assert.equal(dup.statusCode, 409);

  // under direct delivery the clock starts on the day the form was handed in, not the day typed up
  await x.t.db.db
    .insertInto('tenant_settings')
    .values({
      tenant_id: x.w.tenantId,
      key: 'engagement.feedback_direct',
      value_json: 'true',
      updated_by: null,
      updated_at: '2026-03-01T00:00:00Z',
    })
    .execute();
  try {
    const direct = await x.people.pubA.c.post('/admin/feedback/paper', {
      form: { unitId: x.units.va.id, ...message(), writtenOn: '2026-02-27' },
    });
    assert.equal(direct.statusCode, 201, direct.body.slice(0, 300));
    const d = await x.t.db.db
      .selectFrom('feedback')
      .selectAll()
      .where('tracking_code', '=', ackKeys(direct.body).code)
      .executeTakeFirstOrThrow();
    assert.equal(d.status, 'assigned');
    // 5 working days after Friday 02-27: 02-28 (a make-up working day), 03-02 … 03-05
    assert.equal(d.due_on, '2026-03-05');
  } finally {
    await x.t.db.db.deleteFrom('tenant_settings').where('key', '=', 'engagement.feedback_direct').execute();
  }
});
