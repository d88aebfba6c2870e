import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../src/server/config.ts';
import { makePerson, makeUnit } from './helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from './helpers/server.ts';

describe('configuration is validated at start', () => {
  test('defaults: port 3000, embedded SQLite under ./data, demo on', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.deepEqual(c.database, { dialect: 'sqlite', location: './data/gongkai.sqlite' });
    assert.equal(c.demo, true);
  });
  test('postgres URL selects PostgreSQL and turns demo off by default', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/gk' });
    assert.equal(c.database.dialect, 'postgres');
    assert.equal(c.demo, false);
    assert.equal(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db', GONGKAI_DEMO: 'off' }).demo, false);
  });
  test('bad values stop with a readable message naming each problem', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', GONGKAI_DEMO: 'maybe' }),
      (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        assert.equal(e.problems.length, 3);
        assert.match(e.message, /PORT must be a whole number/);
        assert.match(e.message, /DATABASE_URL must be empty, sqlite:PATH or postgres:\/\//);
        assert.match(e.message, /GONGKAI_DEMO must be one of on\/off/);
        return true;
      },
    );
    assert.throws(() => loadConfig({ PORT: '70000' }), /between 0 and 65535/);
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'postgres://u:secret@' }),
      (e: unknown) => {
        assert.ok(!(e as Error).message.includes('secret'), 'passwords never appear in messages');
        return true;
      },
    );
  });
});

describe('bad input, unknown routes and unexpected errors', () => {
  let t: TestApp;
  let c: Client;
  let townId: string;
  before(async () => {
    t = await startTestApp();
    const town = await makeUnit(t.world, t.world.rootId, 'township', '甲镇', 'TA');
    townId = town.id;
    const p = await makePerson(t.world, town.id, [
      { role: 'office', unitId: t.world.rootId, coversSubtree: true },
    ]);
    c = t.client();
    await c.signIn(p.username);
  });
  after(() => t.close());

  test('invalid API input → 422 with per-field Chinese messages and stable codes; nothing written', async () => {
    const before = await t.db.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await c.api('POST', '/api/v1/units', {
      parentId: townId,
      code: 'bad code!',
      name: '',
      kind: 'castle',
    });
    assert.equal(res.statusCode, 422);
    const err = res.json().error;
    assert.equal(err.code, 'validation.failed');
    const byField = Object.fromEntries(
      err.fields.map((f: { field: string; code: string; message: string }) => [f.field, f]),
    );
    assert.equal(byField.code.code, 'validation.pattern');
    assert.equal(byField.kind.code, 'validation.enum');
    assert.equal(byField.name.code, 'validation.required');
    assert.match(byField.name.message, /必填/);
    const afterCount = await t.db.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });

  test('invalid form input re-renders the form with messages next to the fields', async () => {
    const res = await c.post('/admin/units', {
      form: { parentId: townId, code: 'TA', name: '重复编码村', kind: 'village' },
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /单位编码“TA”已被使用/);
    assert.match(res.body, /value="重复编码村"/, 'the submitted values are kept');
  });

  test('unknown routes get a friendly 404 page (HTML) or JSON (API)', async () => {
    const page = await c.get('/no/such/page');
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /页面不存在/);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    const api = await c.api('GET', '/api/v1/nothing');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'error.not_found');
  });

  test('unexpected errors → 500 page with a reference id; the stack never reaches the user', async () => {
    const t2 = await startTestApp({ db: t.db, world: t.world });
    // a route added only in this test, throwing a plain Error
    await t2.app.close();
    const { buildApp } = await import('../src/server/app.ts');
    const { testConfig } = await import('./helpers/server.ts');
    const app = await buildApp({
      db: t.db.db,
      dialect: t.db.dialect,
      config: testConfig(),
      tenant: { id: t.world.tenantId, name: '测试县' },
      logger: false,
    });
    app.get('/boom', async () => {
      throw new Error('secret internal detail at line 42');
    });
    // a race that slips past an operation's existence check hits the unique key: 409, not 500
    app.get('/race', async () => {
      const row = await t.db.db.selectFrom('tenants').selectAll().executeTakeFirstOrThrow();
      await t.db.db
        .insertInto('tenants')
        .values({ ...row, id: `${row.id.slice(0, -1)}0` })
        .execute();
    });
    const res = await app.inject({ method: 'GET', url: '/boom', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /参考编号/);
    assert.doesNotMatch(res.body, /secret internal detail|at line 42/);
    const api = await app.inject({ method: 'GET', url: '/boom', headers: { accept: 'application/json' } });
    assert.equal(api.json().error.code, 'error.internal');
    assert.ok(api.json().error.reference);
    const race = await app.inject({ method: 'GET', url: '/race', headers: { accept: 'application/json' } });
    assert.equal(race.statusCode, 409);
    assert.equal(race.json().error.code, 'error.conflict');
    await app.close();
  });

  test('a malformed JSON body is a 400 with a code, not a crash', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        cookie: c.cookieHeader(),
        'x-csrf-token': c.csrfToken,
      },
      payload: '{"name": "未闭合',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'error.bad_request');
  });
});
