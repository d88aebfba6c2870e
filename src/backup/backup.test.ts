import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { seedSample, snapshot, tempDir } from '../../test/helpers/backup.ts';
import { freshDb, type TestDb } from '../../test/helpers/db.ts';
import { LATEST_MIGRATION } from '../db/migrate.ts';
import { backupDatabase } from './backup-database.ts';
import { runBackup, runRestore } from './cli.ts';
import { encodeRow } from './format.ts';
import { restoreDatabase } from './restore-database.ts';
import { TABLE_ORDER } from './tables.ts';

describe('backup and restore round trip', () => {
  let source: TestDb;
  let dir: string;
  let file: string;
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    source = await freshDb();
    cleanups.push(source.cleanup);
    dir = tempDir();
    // 2500 extra rows: login_attempts spans three 1000-row pages and thirteen 200-row inserts.
    await seedSample(source.db, { loginAttempts: 2500 });
    file = join(dir, 'full.gkbak');
    await backupDatabase(source.db, file);
  });
  after(async () => {
    for (const c of cleanups) await c();
    rmSync(dir, { recursive: true, force: true });
  });

  async function target(): Promise<TestDb> {
    const t = await freshDb();
    cleanups.push(t.cleanup);
    return t;
  }

  test('restore into an empty database reproduces every row of every table', async () => {
    const t = await target();
    const r = await restoreDatabase(t.db, file);
    assert.equal(r.replaced, false);
    const want = await snapshot(source.db);
    const got = await snapshot(t.db);
    assert.deepEqual(Object.keys(got), Object.keys(want));
    for (const table of Object.keys(want)) assert.deepEqual(got[table], want[table], table);
    assert.ok(want.audit_log.length >= 15, 'the operations wrote audit entries');
    assert.ok(
      want.units.some((u) => u.host_unit_id !== null),
      'a host unit survived the deferral',
    );
    assert.equal(want.login_attempts.length, 2502);
    assert.equal(
      r.rows,
      Object.values(want).reduce((n, rows) => n + rows.length, 0),
    );
  });

  test('the file is gzip NDJSON: header first, then rows in foreign-key order', () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    assert.equal(lines.at(-1), '', 'every line ends with a newline');
    const header = JSON.parse(lines[0]);
    assert.equal(header.format, 'gongkai-backup');
    assert.equal(header.version, 1);
    assert.equal(header.schema, LATEST_MIGRATION);
    assert.equal(header.dialect, source.dialect);
    assert.ok(!Number.isNaN(Date.parse(header.createdAt)));
    assert.deepEqual(Object.keys(header.tables), TABLE_ORDER);
    assert.ok(!Object.keys(header.tables).some((n) => n.startsWith('kysely_')));
    const rows = lines.slice(1, -1).map((l) => JSON.parse(l) as { t: string; r: Record<string, unknown> });
    assert.equal(
      rows.length,
      Object.values(header.tables as Record<string, number>).reduce((a, b) => a + b),
    );
    // Tables appear as contiguous groups in header order.
    const groups = rows.map((r) => r.t).filter((t, i, all) => i === 0 || all[i - 1] !== t);
    assert.deepEqual(
      groups,
      TABLE_ORDER.filter((t) => header.tables[t] > 0),
    );
    // Units by depth: every parent precedes its children.
    const seen = new Set<string>();
    for (const { t, r } of rows) {
      if (t !== 'units') continue;
      if (r.parent_id !== null) assert.ok(seen.has(`${r.tenant_id}/${r.parent_id}`), 'parent first');
      seen.add(`${r.tenant_id}/${r.id}`);
    }
  });

  test('tiny pages and batches give the same result (keyset paging across depth and tenants)', async () => {
    const small = join(dir, 'small.gkbak');
    await backupDatabase(source.db, small, { pageSize: 2 });
    assert.deepEqual(readLinesOf(small).slice(1), readLinesOf(file).slice(1));
    const t = await target();
    await restoreDatabase(t.db, small, { batchSize: 3 });
    assert.deepEqual(await snapshot(t.db), await snapshot(source.db));
  });

  test('a restored database is live: the audit log stays append-only', async () => {
    const t = await target();
    await restoreDatabase(t.db, file);
    await assert.rejects(t.db.deleteFrom('audit_log').execute(), /append-only/);
  });

  test('CLI glue returns one-line Chinese summaries', async (tctx) => {
    const out = join(dir, 'cli.gkbak');
    const started = Date.now();
    const b = await runBackup(source, out);
    const rows = Object.values(await snapshot(source.db)).reduce((n, r) => n + r.length, 0);
    assert.equal(b, `已备份 ${TABLE_ORDER.length} 张表、${rows} 行到 ${out}`);
    const t = await target();
    const r = await runRestore(t, out, false);
    assert.match(r, new RegExp(`^已从 .+ 恢复 ${TABLE_ORDER.length} 张表、${rows} 行到 `));
    assert.doesNotMatch(r, /清除/);
    const again = await runRestore(t, out, true);
    assert.match(again, /已先清除目标数据库中原有的数据/);
    tctx.diagnostic(`${rows} rows: backup + restore + forced restore in ${Date.now() - started} ms`);
  });

  test('a failed backup leaves no file behind', async () => {
    const out = join(dir, 'missing-dir', 'x.gkbak');
    await assert.rejects(backupDatabase(source.db, out));
    assert.equal(existsSync(out), false);
    assert.equal(existsSync(`${out}.partial`), false);
  });
});

describe('value encoding', () => {
  test('only text, finite numbers and null are written', () => {
    assert.equal(encodeRow('x', { a: 'é\n', b: 1, c: null }), '{"t":"x","r":{"a":"é\\n","b":1,"c":null}}\n');
    assert.throws(() => encodeRow('x', { a: Buffer.from('x') }), /x\.a holds a Buffer/);
    assert.throws(() => encodeRow('x', { a: 10n }), /bigint/);
    assert.throws(() => encodeRow('x', { a: Number.NaN }), /non-finite/);
    assert.throws(() => encodeRow('x', { a: new Date() }), /Date/);
    assert.throws(() => encodeRow('x', { a: true }), /boolean/);
  });
});

function readLinesOf(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString('utf8').split('\n');
}
