import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { DialectName } from './connect.ts';

/**
 * The only place where SQLite and PostgreSQL are told apart (ARCHITECTURE rule 6).
 * Feature code asks for a behaviour here and never branches on the dialect itself.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema (migrations run before types exist)
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
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
