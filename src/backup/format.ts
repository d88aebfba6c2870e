import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError } from '../lib/errors.ts';
import type { Row, Value } from './tables.ts';

/**
 * The backup file: gzip-compressed NDJSON. Line 1 is the header, every further line one row
 * `{"t": table, "r": {column: value}}`. JSON carries this schema's values (text, integers, null)
 * exactly, so the file restores into either dialect unchanged.
 */
export const BACKUP_FORMAT = 'gongkai-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** The latest migration the source database had run; a restore needs the same. */
  schema: string;
  createdAt: string;
  dialect: string;
  /** Row count per table, in file order: the restore checks it received exactly these. */
  tables: Record<string, number>;
}

export interface RowLine {
  t: string;
  r: Row;
}

/** A line longer than this is corruption, not data: refuse it before it exhausts memory. */
const MAX_LINE_CHARS = 64 * 1024 * 1024;

export function badFile(reason: string): AppError {
  return new AppError('backup.bad_file', { params: { reason } });
}

export function isValue(v: unknown): v is Value {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

/**
 * Encodes one row. Anything JSON would not give back as it was (a Buffer, a bigint, a Date, a
 * non-finite number) stops the backup: the schema has none, so one appearing is a bug to fix
 * here (with an explicit encoding), not data to lose silently.
 */
export function encodeRow(table: string, row: Record<string, unknown>): string {
  for (const [column, v] of Object.entries(row)) {
    if (!isValue(v))
      throw new Error(
        `backup: ${table}.${column} holds a ${describe(v)}; only text, finite numbers and null round-trip`,
      );
  }
  return `${JSON.stringify({ t: table, r: row })}\n`;
}

function describe(v: unknown): string {
  if (Buffer.isBuffer(v)) return 'Buffer';
  if (v instanceof Date) return 'Date';
  return typeof v === 'number' ? `non-finite number (${v})` : typeof v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseHeader(line: string): BackupHeader {
  let h: unknown;
  try {
    h = JSON.parse(line);
  } catch {
    throw badFile('第 1 行不是 JSON，这不是公开平台的备份文件');
  }
  if (!isPlainObject(h) || h.format !== BACKUP_FORMAT) throw badFile('缺少文件头，这不是公开平台的备份文件');
  if (h.version !== BACKUP_VERSION) throw badFile(`不支持的备份格式版本 ${String(h.version)}`);
  if (typeof h.schema !== 'string' || h.schema === '') throw badFile('文件头缺少数据结构版本');
  if (typeof h.createdAt !== 'string' || typeof h.dialect !== 'string') throw badFile('文件头不完整');
  const tables = h.tables;
  if (!isPlainObject(tables)) throw badFile('文件头缺少表清单');
  for (const [t, n] of Object.entries(tables))
    if (!Number.isSafeInteger(n) || (n as number) < 0) throw badFile(`文件头中表 ${t} 的行数无效`);
  return h as unknown as BackupHeader;
}

/** Parses a row line: shape and value types only; the caller checks table and columns. */
export function parseRow(line: string, lineNo: number): RowLine {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw badFile(`第 ${lineNo} 行不是有效的 JSON（文件可能被截断或损坏）`);
  }
  if (!isPlainObject(v) || typeof v.t !== 'string' || !isPlainObject(v.r))
    throw badFile(`第 ${lineNo} 行不是数据行`);
  for (const [column, value] of Object.entries(v.r))
    if (!isValue(value)) throw badFile(`第 ${lineNo} 行的列 ${column} 取值类型无效`);
  return v as unknown as RowLine;
}

/**
 * Streams the decompressed lines of a backup file, numbered from 1, without holding the file in
 * memory. Decompression errors (truncated or corrupted gzip) become 'backup.bad_file'.
 */
export async function* readLines(file: string): AsyncGenerator<{ line: string; no: number }> {
  try {
    const st = await stat(file);
    if (!st.isFile()) throw badFile(`${file} 不是文件`);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badFile(`无法读取 ${file}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
  // pipeline() (unlike pipe()) tears the whole chain down on an error in any stage, so a read
  // error surfaces in the loop below instead of leaving it waiting forever.
  const gunzip = pipeline(createReadStream(file), createGunzip(), () => {});
  gunzip.setEncoding('utf8');
  let pending = '';
  let no = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      pending += chunk;
      let start = 0;
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', start)) {
        no += 1;
        yield { line: pending.slice(start, nl), no };
        start = nl + 1;
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LINE_CHARS) throw badFile(`第 ${no + 1} 行过长，文件已损坏`);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code === 'ERR_STRING_TOO_LONG')
      throw badFile(`解压失败，文件不完整或已损坏（${(e as Error).message}）`);
    throw e;
  } finally {
    gunzip.destroy();
  }
  // Every line the backup writes ends with '\n'; an unterminated tail is still parsed so the
  // caller reports it precisely (usually as invalid JSON or a row-count mismatch).
  if (pending !== '') yield { line: pending, no: no + 1 };
}
