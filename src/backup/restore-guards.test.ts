import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { editBackup, seedSample, snapshot, tempDir } from '../../test/helpers/backup.ts';
import { freshDb, type TestDb } from '../../test/helpers/db.ts';
import { LATEST_MIGRATION } from '../db/migrate.ts';
import { AppError } from '../lib/errors.ts';
import { backupDatabase } from './backup-database.ts';
import { restoreDatabase } from './restore-database.ts';

function isAppError(code: string, params?: Record<string, unknown>) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError, `expected AppError ${code}, got ${String(e)}`);
    assert.equal(e.code, code);
    if (params) for (const [k, v] of Object.entries(params)) assert.equal(e.params[k], v, k);
    return true;
  };
}

describe('restore guards', () => {
  let source: TestDb;
  /** Holds its own, different data; every refused restore must leave it exactly so. */
  let occupied: TestDb;
  let occupiedBefore: Awaited<ReturnType<typeof snapshot>>;
  let dir: string;
  let file: string;
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    dir = tempDir();
    source = await freshDb();
    occupied = await freshDb();
    cleanups.push(source.cleanup, occupied.cleanup);
    await seedSample(source.db, { loginAttempts: 450 });
    await seedSample(occupied.db);
    occupiedBefore = await snapshot(occupied.db);
    file = join(dir, 'good.gkbak');
    await backupDatabase(source.db, file);
  });
  after(async () => {
    for (const c of cleanups) await c();
    rmSync(dir, { recursive: true, force: true });
  });

  async function assertUnchanged() {
    assert.deepEqual(await snapshot(occupied.db), occupiedBefore);
    // The append-only guard lifted inside a rolled-back restore must be back in force.
    await assert.rejects(occupied.db.deleteFrom('audit_log').execute(), /append-only/);
  }

  test('a non-empty target is refused without force and left unchanged', async () => {
    await assert.rejects(
      restoreDatabase(occupied.db, file),
      isAppError('backup.target_not_empty', { table: 'tenants' }),
    );
    await assertUnchanged();
  });

  test('any non-empty table counts, not only tenants', async () => {
    const t = await freshDb();
    cleanups.push(t.cleanup);
    await t.db
      .insertInto('login_attempts')
      .values({
        tenant_id: 'x',
        id: 'y',
        username: 'u',
        ip: '1',
        at: '2026-01-01T00:00:00.000Z',
        succeeded: 0,
      })
      .execute();
    await assert.rejects(
      restoreDatabase(t.db, file),
      isAppError('backup.target_not_empty', { table: 'login_attempts' }),
    );
  });

  const damaged: [string, (good: Buffer, path: string) => void][] = [
    ['truncated gzip', (good, p) => writeFileSync(p, good.subarray(0, Math.floor(good.length * 0.6)))],
    [
      'corrupted gzip bytes',
      (good, p) => {
        const b = Buffer.from(good);
        for (let i = Math.floor(b.length * 0.7); i < b.length * 0.7 + 64; i++) b[i] ^= 0x5a;
        writeFileSync(p, b);
      },
    ],
    ['not gzip at all', (_good, p) => writeFileSync(p, '{"format":"gongkai-backup"}\n')],
    ['empty file', (_good, p) => writeFileSync(p, '')],
    ['missing last rows', (_g, p) => editBackup(file, p, (l) => [...l.slice(0, -40), ''])],
    [
      'last line cut mid-row',
      (_g, p) => editBackup(file, p, (l) => [...l.slice(0, -2), l.at(-2)!.slice(0, 30)]),
    ],
    [
      'a row of an unknown table',
      (_g, p) => editBackup(file, p, (l) => [l[0], '{"t":"nope","r":{}}', ...l.slice(1)]),
    ],
    [
      'a row with an unknown column',
      (_g, p) => editBackup(file, p, (l) => [...l.slice(0, 2), rowWith(l[2]), ...l.slice(3)]),
    ],
    [
      'a row with a nested value',
      (_g, p) => editBackup(file, p, (l) => [...l.slice(0, 2), nested(l[2]), ...l.slice(3)]),
    ],
    [
      'more rows than the header says',
      (_g, p) => editBackup(file, p, (l) => [...l.slice(0, 2), ...l.slice(1)]),
    ],
    ['no header', (_g, p) => editBackup(file, p, (l) => l.slice(1))],
    [
      'a foreign format version',
      (_g, p) => editBackup(file, p, (l) => [header(l[0], { version: 2 }), ...l.slice(1)]),
    ],
  ];
  for (const [name, make] of damaged) {
    test(`a damaged file is refused with backup.bad_file: ${name}`, async () => {
      const p = join(dir, `bad-${name.replace(/\W+/g, '-')}.gkbak`);
      make(readFileSync(file), p);
      await assert.rejects(restoreDatabase(occupied.db, p, { force: true }), isAppError('backup.bad_file'));
      await assertUnchanged();
    });
  }

  test('a file that does not exist is refused with backup.bad_file', async () => {
    await assert.rejects(
      restoreDatabase(occupied.db, join(dir, 'nope.gkbak')),
      isAppError('backup.bad_file'),
    );
  });

  test('a backup of another schema version is refused', async () => {
    const p = join(dir, 'other-schema.gkbak');
    editBackup(file, p, (l) => [header(l[0], { schema: '0000_ancient' }), ...l.slice(1)]);
    await assert.rejects(
      restoreDatabase(occupied.db, p, { force: true }),
      isAppError('backup.schema_mismatch', { backup: '0000_ancient', current: LATEST_MIGRATION }),
    );
    await assertUnchanged();
  });

  test('an unmigrated target is refused as a schema mismatch', async () => {
    const t = await freshDb({ migrate: false });
    cleanups.push(t.cleanup);
    await assert.rejects(
      restoreDatabase(t.db, file),
      isAppError('backup.schema_mismatch', { backup: LATEST_MIGRATION }),
    );
  });

  test('with force the target ends up equal to the source, audit_log included', async () => {
    await restoreDatabase(occupied.db, file, { force: true });
    const got = await snapshot(occupied.db);
    const want = await snapshot(source.db);
    for (const table of Object.keys(want)) assert.deepEqual(got[table], want[table], table);
    assert.deepEqual(got, want);
    await assert.rejects(occupied.db.deleteFrom('audit_log').execute(), /append-only/);
  });
});

function header(line: string, patch: Record<string, unknown>): string {
  return JSON.stringify({ ...JSON.parse(line), ...patch });
}

function rowWith(line: string): string {
  const v = JSON.parse(line);
  return JSON.stringify({ t: v.t, r: { ...v.r, extra: 'x' } });
}

function nested(line: string): string {
  const v = JSON.parse(line);
  const [first] = Object.keys(v.r);
  return JSON.stringify({ t: v.t, r: { ...v.r, [first]: { nested: true } } });
}
