import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ackKeys, applicant, type RequestWorld, registerVia, requestWorld } from './request-fixture.ts';

let x: RequestWorld;
before(async () => {
  x = await requestWorld();
});
after(() => x.t.close());

const row = (id: string) =>
  x.t.db.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const byCode = (code: string) =>
  x.t.db.db.selectFrom('requests').selectAll().where('tracking_code', '=', code).executeTakeFirstOrThrow();

test('online request: tracking keys shown once, waits for confirmation; received date = confirmation date', async () => {
  const citizen = x.t.client();
  x.t.clock.current = new Date('2026-02-27T02:00:00Z'); // submitted on Friday
  const form = await citizen.get(`/requests/new?unitId=${x.units.deptA.id}`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /县自然资源局/);
  const res = await citizen.post('/requests', { form: applicant(x.units.deptA.id) });
  assert.equal(res.statusCode, 201, res.body.slice(0, 500));
  const keys = ackKeys(res.body);
  const r = await byCode(keys.code);
  assert.equal(r.state, 'awaiting_confirmation');
  assert.equal(r.received_on, null);
  assert.notEqual(r.secret_hash, keys.secret);

  // tracking page shows the state and no deadline yet
  const tr = await citizen.post('/requests/track', { form: keys });
  assert.equal(tr.statusCode, 200);
  assert.match(tr.body, /待确认收到/);

  // confirmed on Monday 2026-03-02: received date = confirmation date
  x.t.clock.current = new Date('2026-03-02T02:00:00Z');
  const ok = await x.people.pubA.c.post(`/admin/requests/${r.id}/confirm`, { form: { on: '2026-03-02' } });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
  const after = await row(r.id);
  assert.equal(after.state, 'processing');
  assert.equal(after.received_on, '2026-03-02');
  assert.equal(after.due_date, '2026-03-30');
  const tr2 = await citizen.post('/requests/track', { form: keys });
  assert.match(tr2.body, /2026-03-30/);
  assert.match(tr2.body, /收到申请/);
});

test('each channel applies its received-date rule (Art. 31)', async () => {
  const c = x.people.pubA.c;
  const a = applicant(x.units.deptA.id);
  const inPerson = await row(await registerVia(c, { ...a, channel: 'in_person', receivedOn: '2026-02-27' }));
  assert.equal(inPerson.received_on, '2026-02-27');
  assert.equal(inPerson.state, 'processing');
  const registered = await row(
    await registerVia(c, { ...a, channel: 'registered_post', receivedOn: '2026-02-26' }),
  );
  assert.equal(registered.received_on, '2026-02-26');
  const email = await row(await registerVia(c, { ...a, channel: 'email', receivedOn: '2026-03-02' }));
  assert.equal(email.received_on, '2026-03-02');
  // ordinary post: the confirmation day, not the arrival day
  const post = await row(
    await registerVia(c, {
      ...a,
      channel: 'ordinary_post',
      receivedOn: '2026-02-25',
      confirmedOn: '2026-02-26',
    }),
  );
  assert.equal(post.received_on, '2026-02-26');
  assert.equal(post.confirmed_on, '2026-02-26');
  // fax not yet confirmed: waits
  const fax = await row(await registerVia(c, { ...a, channel: 'fax', receivedOn: '2026-03-02' }));
  assert.equal(fax.state, 'awaiting_confirmation');
  assert.equal(fax.received_on, null);
  // a confirmation before arrival is refused; dates in the future too
  const bad = await c.post('/admin/requests', {
    form: { ...a, channel: 'ordinary_post', receivedOn: '2026-02-25', confirmedOn: '2026-02-24' },
  });
  assert.equal(bad.statusCode, 422);
  const future = await c.post('/admin/requests', {
    form: { ...a, channel: 'in_person', receivedOn: '2026-03-09' },
  });
  assert.equal(future.statusCode, 422);
});

test('the form needs a contact and valid choices; errors are localized', async () => {
  const citizen = x.t.client();
  const res = await citizen.post('/requests', {
    form: applicant(x.units.deptA.id, { phone: '', email: '', address: '' }),
  });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /至少填写一种联系方式/);
  const bad = await citizen.post('/requests', {
    form: applicant(x.units.deptA.id, { applicantKind: 'alien' }),
  });
  assert.equal(bad.statusCode, 422);
});

test('tracking: wrong code and wrong secret give the same error; failures are rate limited', async () => {
  const citizen = x.t.client();
  const res = await citizen.post('/requests', { form: applicant(x.units.deptA.id) });
  const keys = ackKeys(res.body);
  const wrongSecret = await citizen.post('/requests/track', {
    form: { code: keys.code, secret: 'WRONGWRONG' },
    ip: '10.0.0.9',
  });
  const wrongCode = await citizen.post('/requests/track', {
    form: { code: 'YS2026XXXXXXXX', secret: keys.secret },
    ip: '10.0.0.9',
  });
  assert.equal(wrongSecret.statusCode, 404);
  assert.equal(wrongCode.statusCode, 404);
  assert.match(wrongSecret.body, /查询码或查询密码不正确/);
  assert.match(wrongCode.body, /查询码或查询密码不正确/);
  assert.doesNotMatch(wrongSecret.body, /王小明/);
  for (let i = 0; i < 18; i++)
    await citizen.post('/requests/track', { form: { code: keys.code, secret: `X${i}` }, ip: '10.0.0.9' });
  const limited = await citizen.post('/requests/track', { form: keys, ip: '10.0.0.9' });
  assert.equal(limited.statusCode, 429);
  // another IP still gets in
  const other = await citizen.post('/requests/track', { form: keys, ip: '10.0.0.10' });
  assert.equal(other.statusCode, 200);
  // API: same rule
  const api = await citizen.api('POST', '/api/v1/public/requests/track', { code: keys.code, secret: 'nope' });
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().error.code, 'request.track_failed');
});

test('online submissions are rate limited per IP', async () => {
  const citizen = x.t.client();
  let last = 0;
  for (let i = 0; i < 11; i++) {
    const r = await citizen.post('/requests', { form: applicant(x.units.deptB.id), ip: '10.1.1.1' });
    last = r.statusCode;
  }
  assert.equal(last, 429);
});

test('staff find requests by tracking code, applicant name or content, only among their units', async () => {
  const c = x.people.pubA.c;
  const a = applicant(x.units.deptA.id, {
    applicantName: '赵寻找',
    description: '请公开青石河道整治验收报告',
  });
  const id = await registerVia(c, { ...a, channel: 'in_person', receivedOn: '2026-02-27' });
  const code = (await row(id)).tracking_code;
  for (const q of ['赵寻找', '河道整治', code.toLowerCase()]) {
    const page = await c.get(`/admin/requests?q=${encodeURIComponent(q)}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(code), `found by ${q}`);
  }
  const none = await c.get(`/admin/requests?q=${encodeURIComponent('没有这个人')}`);
  assert.ok(!none.body.includes(code));
  const api = await c.api('GET', `/api/v1/requests?q=${encodeURIComponent('赵寻找')}`);
  assert.equal(api.statusCode, 200, api.body);
  assert.deepEqual(
    api.json().items.map((i: { id: string }) => i.id),
    [id],
  );
  // another department's staff do not find it
  const other = await x.people.pubB.c.api('GET', `/api/v1/requests?q=${encodeURIComponent('赵寻找')}`);
  assert.deepEqual(other.json().items, []);
});
