import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresAdapter, type RawBuilder, SqliteDialect, sql } from 'kysely';
import type { DialectName } from './connect.ts';

/**
 * The only place where SQLite and PostgreSQL are told apart (ARCHITECTURE rule 6).
 * Feature code asks for a behaviour here and never branches on the dialect itself.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema (migrations run before types exist)
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * A read that locks its rows until the transaction ends: SELECT … FOR UPDATE on PostgreSQL. SQLite
 * has one writer at a time (the write transaction itself serialises) and no FOR UPDATE.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema
export function lockingRead<Q extends { forUpdate(): Q }>(db: Kysely<any>, q: Q): Q {
  return dialectOf(db) === 'postgres' ? q.forUpdate() : q;
}

/** Case-insensitive substring match, with LIKE wildcards in the needle escaped. */
export function containsText(column: RawBuilder<unknown> | string, needle: string): RawBuilder<boolean> {
  const pattern = `%${escapeLike(needle)}%`;
  const col = typeof column === 'string' ? sql.ref(column) : column;
  return sql<boolean>`lower(${col}) like lower(${pattern}) escape '\\'`;
}

export function startsWith(column: string, prefix: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`${escapeLike(prefix)}%`} escape '\\'`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Refuse UPDATE and DELETE on a table at the database level (the audit log is append-only). */
// biome-ignore lint/suspicious/noExplicitAny: used by migrations
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION gk_append_only() RETURNS trigger AS $$
         BEGIN RAISE EXCEPTION 'append-only table %', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION gk_append_only()`)
      .execute(db);
  } else {
    await sql
      .raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, 'append-only table ${table}'); END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, 'append-only table ${table}'); END`)
      .execute(db);
  }
}

/**
 * Runs fn with the append-only guard lifted, inside the caller's transaction. Only a forced
 * restore of a whole backup uses this.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema
export async function withoutAppendOnly<T>(tx: Kysely<any>, table: string, fn: () => Promise<T>): Promise<T> {
  if (dialectOf(tx) === 'postgres') {
    await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`).execute(tx);
    const r = await fn();
    await sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`).execute(tx);
    return r;
  }
  await sql.raw(`DROP TRIGGER ${table}_no_update`).execute(tx);
  await sql.raw(`DROP TRIGGER ${table}_no_delete`).execute(tx);
  const r = await fn();
  await sql
    .raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, 'append-only table ${table}'); END`)
    .execute(tx);
  await sql
    .raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, 'append-only table ${table}'); END`)
    .execute(tx);
  return r;
}

/** Names of the application's tables (excluding the migrator's own bookkeeping). */
// biome-ignore lint/suspicious/noExplicitAny: any schema
export async function listTables(db: Kysely<any>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
}

/**
 * True for a unique-constraint violation on either engine. Operations check before they insert;
 * this catches the race where two requests pass the check at once, so the loser gets a clean
 * "conflict" instead of a 500.
 */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string } | null;
  return (
    err?.code === '23505' ||
    err?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * A cheap token that changes whenever any committed write may have changed the database.
 * SQLite: `data_version` (changes when another connection — another app server process, the CLI —
 * commits) plus `total_changes()` of this process's one connection (its own writes).
 * PostgreSQL: the current MVCC snapshot as text (`xmin:xmax:xip…`). Two statements with the same
 * snapshot see the same committed data, and every commit or abort changes it (the transaction leaves
 * the in-progress list or moves xmax), so the token is race-free across several app servers on one
 * primary. Writes anywhere in the cluster move it too — that only costs a re-render, never staleness.
 * Read it before the data it guards, so an entry is never older than its token.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema
export async function changeToken(db: Kysely<any>): Promise<string | null> {
  const read = tokenReaders.get(db);
  if (read) return read();
  if (dialectOf(db) === 'postgres') {
    const r = await sql<{ s: string }>`select pg_current_snapshot()::text as s`.execute(db);
    return r.rows[0]?.s ?? null;
  }
  const r = await sql<{ v: number; c: number }>`select
    (select data_version from pragma_data_version) as v, total_changes() as c`.execute(db);
  const row = r.rows[0];
  return row ? `${row.v}:${row.c}` : null;
}

/**
 * SQLite handles opened by `sqliteKysely`, with their change-token reader: two prepared statements
 * run directly on the connection. It is read on every cached page view, so it skips Kysely's
 * compile-and-queue path (~16 µs → ~6 µs here). Reading outside Kysely's queue is safe: during
 * another request's open transaction the token may already count that transaction's statements,
 * which only makes a later view render afresh (after the commit or rollback), never serve an
 * entry older than the data.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema
const tokenReaders = new WeakMap<Kysely<any>, () => string>();

/** A Kysely instance over one better-sqlite3 connection (statement cache, fast change token). */
export function sqliteKysely<DB>(database: BetterSqlite3.Database): Kysely<DB> {
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: cachingStatements(database) }),
  });
  const version = database.prepare('pragma data_version').pluck();
  const changes = database.prepare('select total_changes()').pluck();
  tokenReaders.set(db, () => `${version.get()}:${changes.get()}`);
  return db;
}

/** What Kysely's SQLite driver needs of a database handle. */
interface SqliteHandle<S> {
  prepare(sql: string): S;
  close(): unknown;
}

/**
 * A better-sqlite3 handle for Kysely that keeps compiled statements. Kysely's SQLite driver calls
 * `prepare` for every query it runs, and compiling the SQL again (the same few hundred query
 * shapes, parameters are bound) cost more than running it on the hot paths: ~8% of a cached
 * page's CPU went to preparing the one change-token statement. Statements are reused safely:
 * Kysely runs one query at a time on the one connection (its mutex), better-sqlite3 resets a
 * statement after each run, and SQLite re-prepares a statement itself after a schema change.
 * Bounded: beyond `max` distinct statements the oldest are dropped.
 */
export function cachingStatements<S>(database: SqliteHandle<S>, max = 1000): SqliteHandle<S> {
  const statements = new Map<string, S>();
  return {
    prepare(sql: string): S {
      let stmt = statements.get(sql);
      if (stmt === undefined) {
        stmt = database.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value as string);
        statements.set(sql, stmt);
      }
      return stmt;
    },
    close() {
      statements.clear();
      return database.close();
    },
  };
}
