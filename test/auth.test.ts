import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../src/auth/passwords.ts';
import { SIGN_IN_LIMITS } from '../src/auth/rate-limit.ts';
import { buildApp } from '../src/server/app.ts';
import { makePerson, makeUnit, TEST_PASSWORD } from './helpers/factories.ts';
import { startTestApp, type TestApp, testConfig } from './helpers/server.ts';

describe('sign-in, sessions, CSRF, rate limits, tokens', () => {
  let t: TestApp;
  let username: string;
  before(async () => {
    t = await startTestApp();
    const gov = await makeUnit(t.world, t.world.rootId, 'county', '县政府');
    const p = await makePerson(t.world, gov.id, [
      { role: 'office', unitId: t.world.rootId, coversSubtree: true },
    ]);
    username = p.username;
  });
  after(() => t.close());

  test('signs in with argon2id, reaches /admin, signs out', async () => {
    const hash = await t.db.db
      .selectFrom('people')
      .select('password_hash')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    assert.match(hash.password_hash, /^\$argon2id\$/);
    const c = t.client();
    const res = await c.signIn(username);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin');
    const admin = await c.get('/admin');
    assert.equal(admin.statusCode, 200);
    assert.match(admin.body, /工作台/);
    const out = await c.post('/signout', { form: {} });
    assert.equal(out.statusCode, 303);
    const again = await c.get('/admin');
    assert.equal(again.statusCode, 303);
    assert.match(String(again.headers.location), /^\/signin/);
  });

  test('wrong password shows a localized error and is audited', async () => {
    const c = t.client();
    const res = await c.signIn(username, 'wrong-password-1');
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /用户名或密码不正确/);
    const row = await t.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'auth.sign_in_failed')
      .executeTakeFirst();
    assert.ok(row);
  });

  test('a form post without the CSRF token is refused and writes nothing', async () => {
    const c = t.client();
    await c.signIn(username);
    const before = await t.db.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await c.post('/admin/units', {
      form: { parentId: t.world.rootId, code: 'CSRF-1', name: '不应创建', kind: 'department' },
      csrf: false,
    });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /页面已过期|无法验证/);
    const afterCount = await t.db.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
    // a wrong token is refused too; the API with a cookie needs the header
    const wrong = await c.request('POST', '/api/v1/units', {
      json: { parentId: t.world.rootId, code: 'CSRF-2', name: 'x', kind: 'department' },
      headers: { 'x-csrf-token': 'not-the-token' },
      csrf: false,
    });
    assert.equal(wrong.statusCode, 403);
    assert.equal(wrong.json().error.code, 'auth.csrf_invalid');
    // anonymous sign-in form without token is refused as well (login CSRF)
    const anon = t.client();
    const r2 = await anon.post('/signin', { form: { username, password: TEST_PASSWORD }, csrf: false });
    assert.equal(r2.statusCode, 403);
  });

  test('sign-in is rate-limited per account and says when to retry', async () => {
    const victim = await makePerson(t.world, null);
    const c = t.client();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      const r = await c.signIn(victim.username, 'bad-password-9', `10.9.0.${i + 1}`);
      assert.equal(r.statusCode, 401);
    }
    // even the right password is refused while locked, from any IP
    const locked = await c.signIn(victim.username, TEST_PASSWORD, '10.9.1.1');
    assert.equal(locked.statusCode, 429);
    assert.match(locked.body, /请于 \d\d:\d\d 后重试/);
    assert.ok(Number(locked.headers['retry-after']) > 0);
    t.clock.advanceMinutes(SIGN_IN_LIMITS.windowMinutes + 1);
    const ok = await c.signIn(victim.username, TEST_PASSWORD, '10.9.1.1');
    assert.equal(ok.statusCode, 303);
  });

  test('sign-in is rate-limited per IP across accounts', async () => {
    const c = t.client();
    const ip = '10.8.8.8';
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      const r = await c.signIn(`nobody${i}`, 'bad-password-9', ip);
      assert.equal(r.statusCode, 401);
    }
    const res = await c.request('POST', '/api/v1/session', {
      json: { username, password: TEST_PASSWORD },
      ip,
    });
    assert.equal(res.statusCode, 429);
    assert.equal(res.json().error.code, 'auth.rate_limited');
    t.clock.advanceMinutes(SIGN_IN_LIMITS.windowMinutes + 1);
  });

  test('change password: validates, then old sessions end and the new password works', async () => {
    const p = await makePerson(t.world, null);
    const a = t.client();
    const b = t.client();
    await a.signIn(p.username);
    await b.signIn(p.username);
    const weak = await a.post('/account/password', {
      form: { currentPassword: TEST_PASSWORD, newPassword: 'short', confirmPassword: 'short' },
    });
    assert.equal(weak.statusCode, 422);
    assert.match(weak.body, /至少 8 位/);
    const ok = await a.post('/account/password', {
      form: {
        currentPassword: TEST_PASSWORD,
        newPassword: 'New-pass-2026',
        confirmPassword: 'New-pass-2026',
      },
    });
    assert.equal(ok.statusCode, 303);
    assert.equal((await a.get('/account')).statusCode, 200, 'the current session stays');
    assert.equal((await b.get('/account')).statusCode, 303, 'other sessions end');
    const c = t.client();
    assert.equal((await c.signIn(p.username, 'New-pass-2026')).statusCode, 303);
  });

  test('sessions live in the database and survive a restart', async () => {
    const c = t.client();
    await c.signIn(username);
    const app2 = await buildApp({
      db: t.db.db,
      dialect: t.db.dialect,
      config: testConfig(),
      tenant: { id: t.world.tenantId, name: '测试县' },
      clock: t.clock.now,
      logger: false,
    });
    const res = await app2.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: c.cookieHeader() },
    });
    assert.equal(res.json().signedIn, true);
    await app2.close();
  });

  test('static assets and the health check are served without looking up sessions or tokens', async () => {
    // a stale session cookie would be cleared, and a malformed bearer refused, if identity were resolved
    const headers = {
      cookie: `gk_session=${t.world.tenantId}.stale-secret-that-matches-no-session`,
      authorization: 'Bearer nonsense',
    };
    const css = await t.app.inject({ url: '/static/app.css', headers });
    assert.equal(css.statusCode, 200);
    assert.equal(css.headers['set-cookie'], undefined);
    const health = await t.app.inject({ url: '/healthz', headers });
    assert.equal(health.statusCode, 200);
    const page = await t.app.inject({ url: '/', headers });
    assert.equal(page.statusCode, 401, 'pages still resolve identity and refuse a malformed bearer');
  });

  test('demo password is refused when demo mode is off', async () => {
    const p = await makePerson(t.world, null);
    const { hashPassword } = await import('../src/auth/passwords.ts');
    await t.db.db
      .updateTable('people')
      .set({ password_hash: await hashPassword(DEMO_PASSWORD) })
      .where('id', '=', p.id)
      .execute();
    const c = t.client();
    const res = await c.signIn(p.username, DEMO_PASSWORD);
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /演示密码/);
  });

  test('API tokens: created, used as bearer, revoked', async () => {
    const c = t.client();
    await c.signIn(username);
    const created = await c.api('POST', '/api/v1/tokens', { name: '测试令牌' });
    assert.equal(created.statusCode, 201);
    const token = created.json().token as string;
    const stored = await t.db.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    assert.ok(!token.includes(stored.token_hash), 'only a hash is stored');
    const bot = t.client();
    bot.bearer = token;
    const units = await bot.api('GET', '/api/v1/units');
    assert.equal(units.statusCode, 200);
    // bearer requests need no CSRF token
    const made = await bot.api('POST', '/api/v1/units', {
      parentId: t.world.rootId,
      code: 'TOK-1',
      name: '令牌创建的部门',
      kind: 'department',
    });
    assert.equal(made.statusCode, 201, made.body);
    const revoke = await c.api('DELETE', `/api/v1/tokens/${created.json().id}`);
    assert.equal(revoke.statusCode, 200);
    const after = await bot.api('GET', '/api/v1/units');
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().error.code, 'auth.token_invalid');
  });
});

describe('initial passwords must be changed first', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('the back office and the API wait until the initial password is changed', async () => {
    const gov = await makeUnit(t.world, t.world.rootId, 'county', '县政府');
    const p = await makePerson(t.world, gov.id, [
      { role: 'office', unitId: t.world.rootId, coversSubtree: true },
    ]);
    await t.db.db.updateTable('people').set({ must_change_password: 1 }).where('id', '=', p.id).execute();
    const c = t.client();
    const res = await c.signIn(p.username);
    assert.equal(res.headers.location, '/account');
    const admin = await c.get('/admin/units');
    assert.equal(admin.statusCode, 303);
    assert.match(String(admin.headers.location), /^\/account/);
    assert.equal((await c.api('GET', '/api/v1/units')).json().error.code, 'auth.password_change_required');
    assert.equal((await c.get('/')).statusCode, 200, 'the public portal stays open');
    const changed = await c.post('/account/password', {
      form: { currentPassword: TEST_PASSWORD, newPassword: 'Mine-2026-ok', confirmPassword: 'Mine-2026-ok' },
    });
    assert.equal(changed.statusCode, 303);
    assert.equal((await c.get('/admin/units')).statusCode, 200);
  });
});
