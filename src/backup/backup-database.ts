import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../db/dialect.ts';
import { currentMigration } from '../db/migrate.ts';
import type { Database } from '../db/types.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, encodeRow } from './format.ts';
import { type AnyDb, describeTables, orderTables, pageColumns, type Row, type Value } from './tables.ts';

export interface BackupOptions {
  /** Rows read per query; the file is written as pages arrive, so memory stays at one page. */
  pageSize?: number;
  now?: Date;
}

export interface BackupResult {
  file: string;
  header: BackupHeader;
  /** Rows written, all tables together. */
  rows: number;
}

/**
 * Writes every application table to a gzip-compressed NDJSON file (format in ./format.ts).
 *
 * The whole read runs in one repeatable-read, read-only transaction so the counts in the header
 * and the rows that follow are one consistent snapshot even while the server keeps writing
 * (SQLite gives the same through its WAL snapshot). The file is written under a temporary name
 * and renamed at the end: a failed backup never leaves a file that looks complete.
 */
export async function backupDatabase(
  db: Kysely<Database>,
  out: string,
  opts: BackupOptions = {},
): Promise<BackupResult> {
  const pageSize = opts.pageSize ?? 1000;
  const partial = `${out}.partial`;
  try {
    const header = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        const schema = await currentMigration(tx);
        if (!schema) throw new Error('backup: the database has no schema yet (run the migrations first)');
        const any = tx as unknown as AnyDb;
        const columns = await describeTables(any);
        const counts: Record<string, number> = {};
        for (const t of orderTables([...columns.keys()])) counts[t] = await countRows(any, t);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          schema,
          createdAt: (opts.now ?? new Date()).toISOString(),
          dialect: dialectOf(tx),
          tables: counts,
        };
        await pipeline(
          Readable.from(fileChunks(any, header, columns, pageSize)),
          createGzip(),
          createWriteStream(partial),
        );
        return header;
      });
    await rename(partial, out);
    const rows = Object.values(header.tables).reduce((a, b) => a + b, 0);
    return { file: out, header, rows };
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
}

async function countRows(db: AnyDb, table: string): Promise<number> {
  const r = await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The file's text: the header, then each table's rows a page at a time (one chunk per page). */
async function* fileChunks(
  db: AnyDb,
  header: BackupHeader,
  columns: Map<string, string[]>,
  pageSize: number,
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const [table, expected] of Object.entries(header.tables)) {
    let written = 0;
    for await (const page of pages(db, table, columns.get(table)!, pageSize)) {
      yield page.map((r) => encodeRow(table, r)).join('');
      written += page.length;
    }
    // Cannot happen inside the snapshot; checked because a silent mismatch would only be found
    // when the backup is needed, and then the restore would refuse it.
    if (written !== expected)
      throw new Error(`backup: ${table} changed while being read (${expected} counted, ${written} read)`);
  }
}

/**
 * Pages through a table in a stable order. Keyset pagination (`(k1, k2) > (last1, last2)`, a row
 * comparison both dialects support) keeps each query as cheap as the first on large tables;
 * a table without a known key falls back to offset pagination ordered by all its columns.
 */
async function* pages(db: AnyDb, table: string, columns: string[], pageSize: number): AsyncGenerator<Row[]> {
  const keys = pageColumns(table, columns);
  let after: Value[] | null = null;
  let offset = 0;
  for (;;) {
    let q = db.selectFrom(table).selectAll();
    for (const c of keys ?? columns) q = q.orderBy(c);
    if (keys && after) {
      const last = after;
      q = q.where(sql<boolean>`(${sql.join(keys.map((k) => sql.ref(k)))}) > (${sql.join(last)})`);
    }
    if (!keys) q = q.offset(offset);
    const rows = await q.limit(pageSize).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    const lastRow = rows[rows.length - 1];
    after = keys ? keys.map((k) => lastRow[k]) : null;
    offset += rows.length;
  }
}
