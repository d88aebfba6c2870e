import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DbHandle, openDb, parseDatabaseUrl } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/**
 * A fresh, migrated database for one test file, on the dialect DATABASE_URL selects (CI runs the
 * suite twice: SQLite, then PostgreSQL). PostgreSQL gets a throw-away database per call.
 */
export interface TestDb extends DbHandle {
  url: string;
  cleanup(): Promise<void>;
}

export function testDialect(): 'sqlite' | 'postgres' {
  const t = parseDatabaseUrl(process.env.DATABASE_URL);
  if ('error' in t) throw new Error(t.error);
  return t.dialect;
}

export async function freshDb(opts: { migrate?: boolean } = {}): Promise<TestDb> {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if ('error' in target) throw new Error(target.error);
  let handle: DbHandle;
  let url: string;
  let drop: () => Promise<void>;
  if (target.dialect === 'postgres') {
    const name = `gk_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: target.location });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(target.location);
    u.pathname = `/${name}`;
    url = u.toString();
    handle = openDb({ dialect: 'postgres', location: url }, { poolSize: 5 });
    drop = async () => {
      const c = new pg.Client({ connectionString: target.location });
      await c.connect();
      // pg's Pool.end() resolves before its clients' Terminate reaches the server; a FORCE drop in
      // that window kills them and the pool's idle-error listener throws an uncaught exception.
      for (let i = 0; i < 100; i++) {
        const r = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((res) => setTimeout(res, 20));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'gk-test-'));
    const file = join(dir, 'test.sqlite');
    url = `sqlite:${file}`;
    handle = openDb({ dialect: 'sqlite', location: file });
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  if (opts.migrate !== false) await migrateToLatest(handle.db);
  let cleaned = false;
  return {
    ...handle,
    url,
    cleanup: async () => {
      if (cleaned) return;
      cleaned = true;
      await handle.close();
      await drop();
    },
  };
}
