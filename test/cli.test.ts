import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../src/server/app.ts';
import { findTenant } from '../src/units/create-tenant.ts';
import { freshDb, type TestDb } from './helpers/db.ts';
import { testConfig } from './helpers/server.ts';

/** The `gongkai` command, run as a real process against a real database. */
function gongkai(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['bin/gongkai.js', ...args], {
    env: { ...process.env, GONGKAI_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    // seed-demo publishes the demo county's year of disclosures: allow for a busy CI machine.
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'gk-cli-'));

describe('gongkai CLI', () => {
  let db: TestDb;
  let env: Record<string, string>;
  before(async () => {
    db = await freshDb({ migrate: false });
    env = { DATABASE_URL: db.url, GONGKAI_DEMO: 'on' };
  });
  after(() => db.cleanup());

  test('migrate, seed-demo, then token create prints a working token on its last line', async () => {
    assert.equal(gongkai(['migrate'], env).code, 0);
    const seed = gongkai(['seed-demo'], env);
    assert.equal(seed.code, 0, seed.stderr);
    const r = gongkai(['token', 'create', '--user', 'office'], env);
    assert.equal(r.code, 0, r.stderr);
    const token = r.stdout.trim().split('\n').at(-1)!;
    assert.match(token, /^gkt\.[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/);
    const tenant = (await findTenant(db.db, 'qingshan'))!;
    const app = await buildApp({
      db: db.db,
      dialect: db.dialect,
      config: testConfig(),
      tenant,
      logger: false,
    });
    const res = await app.inject({ url: '/api/v1/units', headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().total > 100);
    await app.close();
  });

  test('user create and user grant', async () => {
    const c = gongkai(
      [
        'user',
        'create',
        '--username',
        'xinren',
        '--name',
        '新人',
        '--unit',
        'QS-TS-TAOYUAN',
        '--password',
        'First-pass-2026',
      ],
      env,
    );
    assert.equal(c.code, 0, c.stderr);
    const g = gongkai(
      ['user', 'grant', '--user', 'xinren', '--role', 'publisher', '--unit', 'QS-TS-TAOYUAN'],
      env,
    );
    assert.equal(g.code, 0, g.stderr);
    const row = await db.db
      .selectFrom('grants as g')
      .innerJoin('people as p', 'p.id', 'g.person_id')
      .select(['g.role', 'p.must_change_password'])
      .where('p.username', '=', 'xinren')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { role: 'publisher', must_change_password: 1 });
    const bad = gongkai(
      ['user', 'grant', '--user', 'xinren', '--role', 'king', '--unit', 'QS-TS-TAOYUAN'],
      env,
    );
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /validation\.failed|请从给定选项中选择/);
  });

  test('import-units: errors are listed per row and nothing is written; a clean file imports', async () => {
    const badFile = join(dir, 'bad.csv');
    writeFileSync(
      badFile,
      '\ufeff单位编码,单位名称,单位类型,上级单位编码\nQS-NEW-1,新村一,村,QS-TS-TAOYUAN\nQS-NEW-1,新村二,村,NO-SUCH\n',
    );
    const bad = gongkai(['import-units', badFile], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /第 3 行/);
    assert.match(bad.stderr, /NO-SUCH/);
    const none = await db.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'QS-NEW-1')
      .executeTakeFirst();
    assert.equal(none, undefined);
    const goodFile = join(dir, 'good.csv');
    writeFileSync(
      goodFile,
      '单位编码,单位名称,单位类型,上级单位编码\nQS-NEW-2,新村二,村,QS-TS-TAOYUAN\nQS-NEW-3,新村三,社区,QS-TS-TAOYUAN\n',
    );
    const good = gongkai(['import-units', goodFile], env);
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stdout, /已导入 2 个单位/);
    assert.equal(gongkai(['import-units', join(dir, 'missing.csv')], env).code, 1);
  });

  test('backup, restore into an empty database, refusal on a non-empty one, --force', async () => {
    const file = join(dir, 'backup.ndjson.gz');
    const b = gongkai(['backup', file], env);
    assert.equal(b.code, 0, b.stderr);
    const target = await freshDb();
    try {
      const tenv = { DATABASE_URL: target.url, GONGKAI_DEMO: 'off' };
      const r = gongkai(['restore', file], tenv);
      assert.equal(r.code, 0, r.stderr);
      const count = async (d: TestDb) =>
        Number(
          (
            await d.db
              .selectFrom('units')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      assert.equal(await count(target), await count(db));
      const again = gongkai(['restore', file], tenv);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /backup\.target_not_empty|不是空的/);
      const forced = gongkai(['restore', file, '--force'], tenv);
      assert.equal(forced.code, 0, forced.stderr);
    } finally {
      await target.cleanup();
    }
  });

  test('verify-chain checks the published chain and names unknown units', () => {
    const ok = gongkai(['verify-chain'], env);
    assert.equal(ok.code, 0, ok.stderr);
    const unknown = gongkai(['verify-chain', '--unit', 'NO-SUCH-UNIT'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /NO-SUCH-UNIT/);
  });

  test('calendar commands print exactly', () => {
    assert.equal(gongkai(['calendar', 'add-working-days', '2025-01-02', '20'], {}).stdout, '2025-02-06\n');
    assert.equal(gongkai(['calendar', 'is-working-day', '2026-02-14'], {}).stdout, 'yes\n');
    assert.equal(gongkai(['calendar', 'add-working-days', '2025-02-30', '1'], {}).code, 2);
  });

  test('a bad DATABASE_URL stops with a readable message', () => {
    const r = gongkai(['migrate'], { DATABASE_URL: 'mysql://nope' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /DATABASE_URL must be empty, sqlite:PATH or postgres/);
    const unknown = gongkai(['frobnicate'], {});
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command/);
  });
});
