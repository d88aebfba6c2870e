import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { sqliteKysely } from './dialect.ts';
import type { Database } from './types.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** A printable description without secrets. */
  describe: string;
  close(): Promise<void>;
}

export interface DbTarget {
  dialect: DialectName;
  /** File path for SQLite (':memory:' allowed), connection string for PostgreSQL. */
  location: string;
}

export const DEFAULT_SQLITE_PATH = './data/gongkai.sqlite';

/**
 * Parses DATABASE_URL: unset → embedded SQLite under ./data; `sqlite:PATH`; `postgres://…` or
 * `postgresql://…`. Returns a message for anything else so the server can stop readably.
 */
export function parseDatabaseUrl(value: string | undefined): DbTarget | { error: string } {
  if (value === undefined || value.trim() === '') return { dialect: 'sqlite', location: DEFAULT_SQLITE_PATH };
  const v = value.trim();
  if (v.startsWith('sqlite:')) {
    const path = v.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      return { error: 'DATABASE_URL=sqlite: needs a file path, e.g. sqlite:./data/gongkai.sqlite' };
    return { dialect: 'sqlite', location: path };
  }
  if (/^postgres(ql)?:\/\//.test(v)) {
    try {
      const u = new URL(v);
      if (!u.hostname && !u.searchParams.get('host')) return { error: 'DATABASE_URL has no host' };
    } catch {
      return { error: 'DATABASE_URL is not a valid postgres:// URL' };
    }
    return { dialect: 'postgres', location: v };
  }
  return {
    error: `DATABASE_URL must be empty, sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DB (got "${redact(v)}")`,
  };
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

let pgTypesSet = false;
function setPgTypeParsers(): void {
  if (pgTypesSet) return;
  pgTypesSet = true;
  // Read values in the same shapes SQLite gives: numbers, ISO strings, 'YYYY-MM-DD'.
  pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10)); // int8 (count(*))
  pg.types.setTypeParser(1700, (v) => Number.parseFloat(v)); // numeric
  pg.types.setTypeParser(1082, (v) => v); // date
  pg.types.setTypeParser(1114, (v) => new Date(`${v.replace(' ', 'T')}Z`).toISOString()); // timestamp
  pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz
}

export function openDb(target: DbTarget, opts: { poolSize?: number } = {}): DbHandle {
  if (target.dialect === 'sqlite') {
    if (target.location !== ':memory:') mkdirSync(dirname(resolve(target.location)), { recursive: true });
    const sqlite = new SqliteDatabase(target.location);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = sqliteKysely<Database>(sqlite);
    return {
      db,
      dialect: 'sqlite',
      describe: `SQLite ${target.location}`,
      close: async () => {
        await db.destroy();
      },
    };
  }
  setPgTypeParsers();
  const pool = new pg.Pool({ connectionString: target.location, max: opts.poolSize ?? 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    describe: `PostgreSQL ${redact(target.location)}`,
    close: async () => {
      await db.destroy();
    },
  };
}
