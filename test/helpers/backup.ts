import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { recordSignInAttempt } from '../../src/auth/rate-limit.ts';
import { createSession } from '../../src/auth/sessions.ts';
import { createToken } from '../../src/auth/tokens.ts';
import { type AnyDb, describeTables, keyColumns, type Row } from '../../src/backup/tables.ts';
import type { Database } from '../../src/db/types.ts';
import { newId } from '../../src/lib/ids.ts';
import { notify } from '../../src/notify/notify.ts';
import { revokeGrant } from '../../src/people/revoke-grant.ts';
import { createUnit } from '../../src/units/create-unit.ts';
import { moveUnit } from '../../src/units/move-unit.ts';
import { retireUnit } from '../../src/units/retire-unit.ts';
import { updateUnit } from '../../src/units/update-unit.ts';
import { FIXED_NOW, makePerson, makeUnit, makeWorld } from './factories.ts';

/** Test support for the backup tests (not used by the application). */

let seq = 0;
function code(prefix: string): string {
  seq += 1;
  return `${prefix}${Date.now().toString(36)}${seq}`;
}

/**
 * Builds a small county through the real operations (so the audit log fills as in production),
 * shaped to catch ordering mistakes: a party committee (depth 1) hosted by a village (depth 2),
 * a unit whose parent was created after it, a retired unit, a revoked grant, text with newlines,
 * U+2028 and emoji, a second tenant, and `loginAttempts` extra rows to span several pages.
 */
export async function seedSample(db: Kysely<Database>, opts: { loginAttempts?: number } = {}): Promise<void> {
  const w = await makeWorld(db);
  const town = await makeUnit(w, w.rootId, 'township', '青山镇');
  const village = await makeUnit(w, town.id, 'village', '石桥村');
  const community = await makeUnit(w, town.id, 'community', '河西社区');
  const committee = await createUnit(w.system, {
    code: code('PC'),
    name: '石桥村党委',
    kind: 'party_committee',
    parentId: w.rootId,
    hostUnitId: village.id,
  });
  await createUnit(w.system, {
    code: code('PB'),
    name: '河西社区党支部',
    kind: 'party_branch',
    parentId: committee.id,
    hostUnitId: community.id,
  });
  const early = await makeUnit(w, w.rootId, 'department', '县教育局');
  const later = await makeUnit(w, w.rootId, 'department', '县政府办');
  await moveUnit(w.system, early.id, { parentId: later.id });
  await updateUnit(w.system, village.id, {
    name: '石桥村（新）',
    address: '第一行\n第二行\u2028“引号” \\ 反斜杠 😀',
    contactPhone: '0851-1234567',
  });
  const merged = await makeUnit(w, town.id, 'village', '已合并村');
  await retireUnit(w.system, merged.id, { reason: '村庄合并' });

  const clerk = await makePerson(w, town.id, [
    { role: 'publisher', unitId: town.id },
    { role: 'reviewer', unitId: village.id, coversSubtree: true },
  ]);
  const boss = await makePerson(w, w.rootId, [{ role: 'office', unitId: w.rootId, coversSubtree: true }]);
  const grant = await db
    .selectFrom('grants')
    .select('id')
    .where('person_id', '=', clerk.id)
    .where('role', '=', 'publisher')
    .executeTakeFirstOrThrow();
  await revokeGrant(w.system, grant.id);
  await createSession(db, w.tenantId, clerk.id, FIXED_NOW, { ip: '10.0.0.1', userAgent: 'Mozilla/5.0 测试' });
  await createToken(w.system, { personId: boss.id, name: '数据接口' });
  await recordSignInAttempt(db, w.tenantId, clerk.username, '10.0.0.1', FIXED_NOW, false);
  await recordSignInAttempt(db, w.tenantId, clerk.username, '10.0.0.1', FIXED_NOW, true);
  await db
    .insertInto('unit_imports')
    .values({
      tenant_id: w.tenantId,
      id: newId(),
      file_name: '单位.xlsx',
      status: 'previewed',
      rows_json: JSON.stringify([{ name: '新村', note: 'a\nb' }]),
      errors_json: '[]',
      row_count: 1,
      error_count: 0,
      created_by: boss.id,
      created_at: FIXED_NOW.toISOString(),
      committed_at: null,
    })
    .execute();

  // A notification with its queued email (outbox row + delivery job).
  await db.updateTable('people').set({ email: 'clerk@example.cn' }).where('id', '=', clerk.id).execute();
  await notify(
    w.system,
    {
      personIds: [clerk.id],
      kind: 'test',
      title: '提醒',
      body: '正文\n第二行',
      dedupeKey: 'r1',
      email: true,
    },
    { mailEnabled: true, publicUrl: null },
  );

  const other = await makeWorld(db);
  await makeUnit(other, other.rootId, 'township', '另一个县的镇');

  const extra = opts.loginAttempts ?? 0;
  for (let done = 0; done < extra; done += 500) {
    const rows = Array.from({ length: Math.min(500, extra - done) }, (_, i) => ({
      tenant_id: w.tenantId,
      id: newId(),
      username: `user${(done + i) % 97}`,
      ip: `10.1.${(done + i) % 250}.${i % 250}`,
      at: new Date(FIXED_NOW.getTime() + done + i).toISOString(),
      succeeded: (i % 3 === 0 ? 1 : 0) as 0 | 1,
    }));
    await db.insertInto('login_attempts').values(rows).execute();
  }
}

/** Every application table's rows, sorted by key in JS so both dialects' collations agree. */
export async function snapshot(db: Kysely<Database>): Promise<Record<string, Row[]>> {
  const any = db as unknown as AnyDb;
  const out: Record<string, Row[]> = {};
  for (const [table, cols] of [...(await describeTables(any))].sort(([a], [b]) => a.localeCompare(b))) {
    const key = keyColumns(cols) ?? cols;
    const rows = await any.selectFrom(table).selectAll().execute();
    const sortKey = (r: Row) => JSON.stringify(key.map((k) => r[k]));
    out[table] = rows.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  }
  return out;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gk-backup-'));
}

/** Rewrites a backup's decompressed lines (to forge damaged or foreign files). */
export function editBackup(src: string, dest: string, edit: (lines: string[]) => string[]): void {
  const lines = gunzipSync(readFileSync(src)).toString('utf8').split('\n');
  writeFileSync(dest, gzipSync(Buffer.from(edit(lines).join('\n'), 'utf8')));
}
