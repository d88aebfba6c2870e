import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { freshDb } from '../../test/helpers/db.ts';
import { newId } from '../lib/ids.ts';
import { createTenant } from '../units/create-tenant.ts';
import { run } from './main.ts';

/** `gongkai deadline --tenant-calendar` reads the office's saved years from the configured database. */

const db = await freshDb();
after(() => db.cleanup());

test('--tenant-calendar uses the tenant’s saved years; without it the shipped calendar answers', async () => {
  const { tenant } = await createTenant(db.db, { code: 'clocktest', name: '测试县' }, new Date());
  // A made-up 2027 arrangement: 1/1 and 1/4 off, so the C2 request loses one more working day.
  await db.db
    .insertInto('calendar_versions')
    .values({
      tenant_id: tenant.id,
      id: newId(Date.now()),
      year: 2027,
      version: 1,
      holidays_json: JSON.stringify(['2027-01-01', '2027-01-04']),
      makeup_json: '[]',
      source: 'test',
      note: null,
      created_by: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  const saved = { url: process.env.DATABASE_URL, tenant: process.env.GONGKAI_TENANT };
  process.env.DATABASE_URL = db.url;
  process.env.GONGKAI_TENANT = 'clocktest';
  try {
    const gongkai = async (...argv: string[]) => {
      const out: string[] = [];
      const code = await run(argv, { log: (s) => out.push(s), err: (s) => out.push(`ERR ${s}`) });
      return { code, out };
    };
    assert.deepEqual(await gongkai('deadline', '--received', '2026-12-15'), {
      code: 0,
      out: ['2027-01-13 provisional'],
    });
    assert.deepEqual(await gongkai('deadline', '--received', '2026-12-15', '--tenant-calendar'), {
      code: 0,
      out: ['2027-01-14'],
    });
  } finally {
    for (const [k, v] of [
      ['DATABASE_URL', saved.url],
      ['GONGKAI_TENANT', saved.tenant],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});
