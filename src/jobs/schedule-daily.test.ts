import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDb, type TestDb } from '../../test/helpers/db.ts';
import { makeWorld, type World } from '../../test/helpers/factories.ts';
import { type DbHandle, openDb, parseDatabaseUrl } from '../db/connect.ts';
import { beijingDate, beijingInstant, enqueueDailyJobs, scheduleDaily } from './schedule-daily.ts';

let db: TestDb;
let other: DbHandle;
let worlds: World[];
before(async () => {
  db = await freshDb();
  const target = parseDatabaseUrl(db.url);
  if ('error' in target) throw new Error(target.error);
  other = openDb(target, { poolSize: 5 });
  worlds = [await makeWorld(db.db), await makeWorld(db.db)];
});
after(async () => {
  await other.close();
  await db.cleanup();
});

test('China time: the day and the hour instant', () => {
  assert.equal(beijingDate(new Date('2026-03-01T15:59:59Z')), '2026-03-01');
  assert.equal(beijingDate(new Date('2026-03-01T16:00:00Z')), '2026-03-02');
  assert.equal(beijingInstant('2026-03-02', 7).toISOString(), '2026-03-01T23:00:00.000Z');
  assert.throws(() => scheduleDaily('x', 24));
});

test('two servers ticking at once schedule one job per tenant per day', async () => {
  const off = scheduleDaily('sweep.test', 7);
  try {
    const jobs = () =>
      db.db.selectFrom('jobs').selectAll().where('kind', '=', 'sweep.test').orderBy('dedupe_key').execute();
    // 06:59 China time on 2 March: not yet.
    const early = new Date('2026-03-01T22:59:00Z');
    assert.deepEqual(
      await Promise.all([enqueueDailyJobs(db.db, early), enqueueDailyJobs(other.db, early)]),
      [0, 0],
    );

    const seven = new Date('2026-03-01T23:00:00Z');
    const created = await Promise.all([
      enqueueDailyJobs(db.db, seven),
      enqueueDailyJobs(other.db, seven),
      enqueueDailyJobs(db.db, seven),
      enqueueDailyJobs(other.db, seven),
    ]);
    assert.equal(
      created.reduce((a, b) => a + b),
      2,
    );
    let rows = await jobs();
    assert.equal(rows.length, 2);
    assert.deepEqual(rows.map((r) => r.tenant_id).sort(), worlds.map((w) => w.tenantId).sort());
    for (const r of rows) {
      assert.equal(r.dedupe_key, 'sweep.test:2026-03-02');
      assert.equal(r.run_at, seven.toISOString());
      assert.deepEqual(JSON.parse(r.payload_json), { date: '2026-03-02' });
    }

    // Later ticks the same day, even after the day's jobs ran, add nothing.
    await db.db.updateTable('jobs').set({ status: 'done' }).where('kind', '=', 'sweep.test').execute();
    assert.equal(await enqueueDailyJobs(other.db, new Date('2026-03-02T15:59:00Z')), 0);
    // The next China day.
    assert.equal(await enqueueDailyJobs(db.db, new Date('2026-03-02T23:30:00Z')), 2);
    rows = await jobs();
    assert.deepEqual(
      rows.map((r) => r.dedupe_key),
      ['sweep.test:2026-03-02', 'sweep.test:2026-03-02', 'sweep.test:2026-03-03', 'sweep.test:2026-03-03'],
    );
  } finally {
    off();
  }
});
