import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makePerson, makeUnit } from '../../test/helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from '../../test/helpers/server.ts';
import { notify } from './notify.ts';

let t: TestApp;
let me: { id: string; username: string };
let someoneElse: { id: string; username: string };
let c: Client;

before(async () => {
  t = await startTestApp();
  const town = await makeUnit(t.world, t.world.rootId, 'township', '甲镇', 'TA');
  me = await makePerson(t.world, town.id, [{ role: 'publisher', unitId: town.id }]);
  someoneElse = await makePerson(t.world, town.id);
  c = t.client();
  await c.signIn(me.username);
});
after(() => t.close());

let seq = 0;
async function send(personId: string, title: string, link: string | null = null): Promise<string> {
  seq += 1;
  const key = `route-test:${seq}`;
  await notify(t.world.ctx(t.world.system.actor, new Date(t.clock.current.getTime() + seq * 1000)), {
    personIds: [personId],
    kind: 'test.kind',
    title,
    body: `${title}的正文`,
    link,
    dedupeKey: key,
    email: false,
  });
  const row = await t.db.db
    .selectFrom('notifications')
    .select('id')
    .where('person_id', '=', personId)
    .where('dedupe_key', '=', key)
    .executeTakeFirstOrThrow();
  return row.id;
}
const audits = (action: string) =>
  t.db.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

test('the inbox lists my notifications newest first, unread in bold, and the header counts them', async () => {
  const first = await send(me.id, '第一条提醒');
  await send(me.id, '第二条提醒', '/account');
  await send(someoneElse.id, '别人的提醒');
  const res = await c.get('/notifications');
  assert.equal(res.statusCode, 200);
  assert.ok(res.body.indexOf('第二条提醒') < res.body.indexOf('第一条提醒'), 'newest first');
  assert.match(res.body, /<strong>第一条提醒<\/strong>/);
  assert.ok(!res.body.includes('别人的提醒'), 'only mine');
  assert.match(res.body, /2 条未读/);
  assert.match(res.body, new RegExp(`action="/notifications/${first}/read"`));
  const account = await c.get('/account');
  assert.match(account.body, /<a href="\/notifications" aria-label="通知，2 条未读">通知\(2\)<\/a>/);

  const api = await c.api('GET', '/api/v1/notifications');
  assert.equal(api.statusCode, 200);
  const body = api.json();
  assert.equal(body.unread, 2);
  assert.deepEqual(
    body.items.map((n: { title: string }) => n.title),
    ['第二条提醒', '第一条提醒'],
  );
  assert.equal(body.items[0].link, '/account');
  assert.equal(body.items[0].readAt, null);
});

test('marking read: a page button (following the link), the API, and mark all — each audited once', async () => {
  const withLink = await send(me.id, '带链接的提醒', '/account');
  const res = await c.post(`/notifications/${withLink}/read`, { form: { next: '1' } });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account');
  const plain = await send(me.id, '普通提醒');
  const r2 = await c.post(`/notifications/${plain}/read`, { form: {} });
  assert.equal(r2.headers.location, '/notifications?ok=notification_read');
  assert.match((await c.get('/notifications?ok=notification_read')).body, /已标为已读/);

  const viaApi = await send(me.id, '接口提醒');
  assert.deepEqual((await c.api('POST', `/api/v1/notifications/${viaApi}/read`)).json(), {
    ok: true,
    changed: true,
  });
  const before = (await audits('notification.read')).length;
  assert.deepEqual((await c.api('POST', `/api/v1/notifications/${viaApi}/read`)).json(), {
    ok: true,
    changed: false,
  });
  assert.equal((await audits('notification.read')).length, before, 'nothing changed, nothing audited');
  const entry = (await audits('notification.read')).find((a) => a.target_id === viaApi)!;
  assert.equal(entry.actor_id, me.id);

  await send(me.id, '再来一条');
  const all = await c.api('POST', '/api/v1/notifications/read-all');
  assert.equal(all.json().ok, true);
  assert.ok(all.json().count >= 1);
  assert.equal((await c.api('GET', '/api/v1/notifications?unread=true')).json().items.length, 0);
  const readAll = await audits('notification.read_all');
  assert.equal(JSON.parse(readAll.at(-1)!.after_json!).count, all.json().count);
  assert.equal((await c.api('POST', '/api/v1/notifications/read-all')).json().count, 0);
  assert.equal((await audits('notification.read_all')).length, readAll.length, 'nothing to mark, no entry');
  assert.match((await c.get('/account')).body, />通知<\/a>/, 'no count when all read');

  await send(me.id, '页面全部已读');
  const page = await c.post('/notifications/read-all', { form: {} });
  assert.equal(page.headers.location, '/notifications?ok=notifications_read');
});

test('nobody reads or marks another person’s notification; writes need sign-in and CSRF', async () => {
  const theirs = await send(someoneElse.id, '别人的');
  const res = await c.api('POST', `/api/v1/notifications/${theirs}/read`);
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'notification.not_found');
  const row = await t.db.db
    .selectFrom('notifications')
    .select('read_at')
    .where('id', '=', theirs)
    .executeTakeFirstOrThrow();
  assert.equal(row.read_at, null);

  const mine = await send(me.id, '要CSRF');
  assert.equal((await c.post(`/notifications/${mine}/read`, { form: {}, csrf: false })).statusCode, 403);
  const anon = t.client();
  assert.equal((await anon.api('GET', '/api/v1/notifications')).statusCode, 401);
  const page = await anon.get('/notifications');
  assert.equal(page.statusCode, 303);
  assert.equal(page.headers.location, '/signin?next=/notifications');
  assert.ok(!(await anon.get('/')).body.includes('href="/notifications"'), 'no bell when signed out');
});
