import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { seedSample, snapshot, tempDir } from '../../test/helpers/backup.ts';
import { freshDb, testDialect } from '../../test/helpers/db.ts';
import { openDb } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { backupDatabase } from './backup-database.ts';
import { restoreDatabase } from './restore-database.ts';

/**
 * Moving a deployment between the embedded database and PostgreSQL: PostgreSQL → backup →
 * SQLite, then SQLite → backup → a second PostgreSQL, each step reproducing every row.
 * Needs DATABASE_URL=postgres://… (the suite's PostgreSQL run).
 */
const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

test('PostgreSQL → SQLite → PostgreSQL keeps every row', {
  skip: testDialect() !== 'postgres',
}, async (t) => {
  const pg1 = await freshDb();
  const pg2 = await freshDb();
  const lite = openDb({ dialect: 'sqlite', location: join(dir, 'moved.sqlite') });
  try {
    await migrateToLatest(lite.db);
    await seedSample(pg1.db, { loginAttempts: 1200 });
    const want = await snapshot(pg1.db);

    const started = Date.now();
    const fromPg = join(dir, 'from-pg.gkbak');
    const b1 = await backupDatabase(pg1.db, fromPg);
    assert.equal(b1.header.dialect, 'postgres');
    await restoreDatabase(lite.db, fromPg);
    assert.deepEqual(await snapshot(lite.db), want);

    const fromLite = join(dir, 'from-sqlite.gkbak');
    const b2 = await backupDatabase(lite.db, fromLite);
    assert.equal(b2.header.dialect, 'sqlite');
    await restoreDatabase(pg2.db, fromLite);
    assert.deepEqual(await snapshot(pg2.db), want);
    t.diagnostic(`${b1.rows} rows: PostgreSQL → SQLite → PostgreSQL in ${Date.now() - started} ms`);
  } finally {
    await lite.close();
    await pg1.cleanup();
    await pg2.cleanup();
  }
});
