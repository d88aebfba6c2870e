import type { Kysely } from 'kysely';
import { withoutAppendOnly } from '../db/dialect.ts';
import { currentMigration } from '../db/migrate.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { type BackupHeader, badFile, parseHeader, parseRow, readLines } from './format.ts';
import {
  type AnyDb,
  APPEND_ONLY_TABLES,
  DEFERRED_COLUMNS,
  describeTables,
  keyColumns,
  orderTables,
  type Row,
} from './tables.ts';

export interface RestoreOptions {
  /** Replace the target's rows when it is not empty. */
  force?: boolean;
  /** Rows per INSERT (lowered further for wide tables to respect bound-parameter limits). */
  batchSize?: number;
}

export interface RestoreResult {
  file: string;
  header: BackupHeader;
  /** Rows inserted, all tables together. */
  rows: number;
  /** True when rows already in the target were deleted first (force). */
  replaced: boolean;
}

/**
 * Below SQLite's 32766 bound parameters per statement (PostgreSQL allows 65535), so one batch size
 * rule serves both dialects.
 */
const MAX_PARAMS = 30_000;

interface Deferred {
  table: string;
  key: Row;
  set: Row;
}

/**
 * Loads a backup file (see ./format.ts) into a migrated database of the same schema version.
 *
 * Everything after the header checks runs in ONE transaction: the emptiness check, the forced
 * delete (audit_log's append-only guard lifted only inside it), every insert and the final
 * row-count check. Any failure, including a truncated file found halfway, rolls it all back and
 * leaves the target exactly as it was. The file is streamed; memory holds one batch plus the
 * deferred self-references (see DEFERRED_COLUMNS).
 */
export async function restoreDatabase(
  db: Kysely<Database>,
  file: string,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  const lines = readLines(file);
  try {
    const first = await lines.next();
    if (first.done) throw badFile('文件是空的');
    const header = parseHeader(first.value.line);
    const current = await currentMigration(db);
    if (current !== header.schema)
      throw new AppError('backup.schema_mismatch', {
        params: { backup: header.schema, current: current ?? '无（尚未初始化）' },
      });
    const replaced = await db.transaction().execute(async (tx) => {
      const any = tx as unknown as AnyDb;
      const columns = await describeTables(any);
      for (const t of Object.keys(header.tables))
        if (!columns.has(t)) throw badFile(`文件中的表 ${t} 在当前数据库中不存在`);
      const occupied = await emptyTarget(any, orderTables([...columns.keys()]), opts.force === true);
      await insertRows(any, lines, header, columns, opts.batchSize ?? 200);
      return occupied;
    });
    const rows = Object.values(header.tables).reduce((a, b) => a + b, 0);
    return { file, header, rows, replaced };
  } finally {
    // Closes the file if the restore stopped before reading it to the end.
    await lines.return(undefined);
  }
}

/**
 * Refuses a target that holds any row unless forced; forced, deletes children before parents.
 * Returns whether anything was deleted.
 */
async function emptyTarget(db: AnyDb, tables: string[], force: boolean): Promise<boolean> {
  const occupied: string[] = [];
  for (const t of tables) {
    const row = await db
      .selectFrom(t)
      .select((eb) => eb.lit(1).as('x'))
      .limit(1)
      .executeTakeFirst();
    if (row) occupied.push(t);
  }
  if (occupied.length === 0) return false;
  if (!force) throw new AppError('backup.target_not_empty', { params: { table: occupied[0] } });
  for (const t of [...tables].reverse()) {
    if (!occupied.includes(t)) continue;
    // One DELETE per table: both dialects check a self-referencing foreign key (units.parent_id)
    // at the end of the statement, so the table's internal order does not matter.
    const remove = async () => {
      await db.deleteFrom(t).execute();
    };
    if (APPEND_ONLY_TABLES.has(t)) await withoutAppendOnly(db, t, remove);
    else await remove();
  }
  return true;
}

async function insertRows(
  db: AnyDb,
  lines: AsyncGenerator<{ line: string; no: number }>,
  header: BackupHeader,
  columns: Map<string, string[]>,
  batchSize: number,
): Promise<void> {
  const seen = new Map<string, number>();
  const deferred: Deferred[] = [];
  let batch: Row[] = [];
  let batchTable = '';
  let batchLimit = 1;
  const flush = async () => {
    if (batch.length > 0) await db.insertInto(batchTable).values(batch).execute();
    batch = [];
  };

  for await (const { line, no } of lines) {
    if (line === '') continue;
    const { t, r } = parseRow(line, no);
    const cols = columns.get(t);
    if (!Object.hasOwn(header.tables, t) || !cols) throw badFile(`第 ${no} 行：表 ${t} 不在文件头的表清单中`);
    checkColumns(t, r, cols, no);
    const n = (seen.get(t) ?? 0) + 1;
    if (n > header.tables[t]) throw badFile(`表 ${t} 的行数多于文件头记载的 ${header.tables[t]} 行`);
    seen.set(t, n);
    if (t !== batchTable || batch.length >= batchLimit) {
      await flush();
      batchTable = t;
      batchLimit = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMS / cols.length)));
    }
    batch.push(deferColumns(t, r, cols, deferred));
  }
  await flush();

  for (const [t, expected] of Object.entries(header.tables)) {
    const got = seen.get(t) ?? 0;
    if (got !== expected)
      throw badFile(`表 ${t} 应有 ${expected} 行，文件中只有 ${got} 行（文件可能被截断）`);
  }
  for (const d of deferred) {
    let q = db.updateTable(d.table).set(d.set);
    for (const [k, v] of Object.entries(d.key)) q = q.where(k, '=', v);
    await q.execute();
  }
}

/** A row must carry exactly the target's columns: same schema version, so anything else is damage. */
function checkColumns(table: string, row: Row, cols: string[], no: number): void {
  const keys = Object.keys(row);
  for (const k of keys) if (!cols.includes(k)) throw badFile(`第 ${no} 行：表 ${table} 没有列 ${k}`);
  if (keys.length !== cols.length) {
    const missing = cols.filter((c) => !keys.includes(c));
    throw badFile(`第 ${no} 行：表 ${table} 的行缺少列 ${missing.join('、')}`);
  }
}

/** Inserts deferred columns as null and remembers their values for an UPDATE after the table. */
function deferColumns(table: string, row: Row, cols: string[], out: Deferred[]): Row {
  const names = DEFERRED_COLUMNS[table];
  if (!names) return row;
  const set: Row = {};
  for (const c of names) if (row[c] !== null && row[c] !== undefined) set[c] = row[c];
  if (Object.keys(set).length === 0) return row;
  const keyCols = keyColumns(cols);
  if (!keyCols) throw new Error(`restore: ${table} has deferred columns but no key to update them by`);
  const key: Row = {};
  for (const k of keyCols) key[k] = row[k];
  out.push({ table, key, set });
  const copy: Row = { ...row };
  for (const c of Object.keys(set)) copy[c] = null;
  return copy;
}
