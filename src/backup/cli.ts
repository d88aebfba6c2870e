import type { DbHandle } from '../db/connect.ts';
import { backupDatabase } from './backup-database.ts';
import { restoreDatabase } from './restore-database.ts';

/**
 * The bodies of `gongkai backup FILE` and `gongkai restore FILE [--force]`: they take an open
 * handle and return the one-line summary the command prints. AppErrors pass through so the CLI
 * shows their zh-CN message (src/i18n) the same way for every command.
 */
export async function runBackup(handle: DbHandle, file: string): Promise<string> {
  const r = await backupDatabase(handle.db, file);
  return `已备份 ${Object.keys(r.header.tables).length} 张表、${r.rows} 行到 ${file}`;
}

export async function runRestore(handle: DbHandle, file: string, force: boolean): Promise<string> {
  const r = await restoreDatabase(handle.db, file, { force });
  const tables = Object.keys(r.header.tables).length;
  const replaced = r.replaced ? '（已先清除目标数据库中原有的数据）' : '';
  return `已从 ${file} 恢复 ${tables} 张表、${r.rows} 行到 ${handle.describe}${replaced}`;
}
