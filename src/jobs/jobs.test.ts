import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDb, type TestDb } from '../../test/helpers/db.ts';
import { FIXED_NOW, makeWorld, type World } from '../../test/helpers/factories.ts';
import { testConfig } from '../../test/helpers/server.ts';
import { type DbHandle, openDb, parseDatabaseUrl } from '../db/connect.ts';
import { claimJobs } from './claim-jobs.ts';
import { enqueueJob } from './enqueue-job.ts';
import { backoffMs, completeJob } from './finish-job.ts';
import { type JobDeps, type JobRun, registerJobHandler } from './registry.ts';
import { runDueJobs } from './run-due-jobs.ts';
import { dailySchedules } from './schedule-daily.ts';
import { runJobsOnce, startWorker } from './worker.ts';

/** A second connection pool on the same database: another app server, as far as the jobs can tell. */
function secondServer(db: TestDb): DbHandle {
  const target = parseDatabaseUrl(db.url);
  if ('error' in target) throw new Error(target.error);
  return openDb(target, { poolSize: 5 });
}
const at = (ms: number) => new Date(FIXED_NOW.getTime() + ms);

let db: TestDb;
let w: World;
let other: DbHandle;
let deps: JobDeps;
before(async () => {
  db = await freshDb();
  w = await makeWorld(db.db);
  other = secondServer(db);
  deps = { db: db.db, config: testConfig() };
});
after(async () => {
  await other.close();
  await db.cleanup();
});

async function enqueueMany(kind: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await enqueueJob(db.db, { tenantId: w.tenantId, kind, payload: { i }, runAt: FIXED_NOW });
}
async function jobsOf(kind: string) {
  return db.db.selectFrom('jobs').selectAll().where('kind', '=', kind).orderBy('id').execute();
}

describe('enqueue', () => {
  test('a dedupe key admits one job per tenant, for good', async () => {
    const input = {
      tenantId: w.tenantId,
      kind: 'k.dedupe',
      payload: { a: 1 },
      runAt: FIXED_NOW,
      dedupeKey: 'x:1',
    };
    const a = await enqueueJob(db.db, input);
    const b = await enqueueJob(other.db, input);
    assert.equal(a.created, true);
    assert.equal(b.created, false);
    assert.equal(b.id, a.id);
    const rows = await jobsOf('k.dedupe');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].status, 'queued');
    assert.deepEqual(JSON.parse(rows[0].payload_json), { a: 1 });
    await db.db.updateTable('jobs').set({ status: 'done' }).where('id', '=', a.id).execute();
    assert.equal((await enqueueJob(db.db, input)).created, false, 'still taken after the job is done');
  });
});

describe('claim', () => {
  test('concurrent claimers on two servers never get the same job', async () => {
    const kind = 'k.exclusive';
    await enqueueMany(kind, 60);
    const claimLoop = async (handle: DbHandle, workerId: string) => {
      const got: string[] = [];
      for (;;) {
        const jobs = await claimJobs(handle.db, workerId, at(1000), 3, { kinds: [kind] });
        if (jobs.length === 0) return got;
        got.push(...jobs.map((j) => j.id));
      }
    };
    const results = await Promise.all([
      claimLoop(db, 'server-a:1'),
      claimLoop(db, 'server-a:2'),
      claimLoop(other, 'server-b:1'),
      claimLoop(other, 'server-b:2'),
    ]);
    const all = results.flat();
    assert.equal(all.length, 60, 'every job claimed');
    assert.equal(new Set(all).size, 60, 'no job claimed twice');
    const rows = await jobsOf(kind);
    assert.ok(rows.every((r) => r.status === 'running' && Number(r.attempts) === 1));
    for (const [i, ids] of results.entries()) {
      const worker = ['server-a:1', 'server-a:2', 'server-b:1', 'server-b:2'][i];
      for (const id of ids) assert.equal(rows.find((r) => r.id === id)?.locked_by, worker);
    }
  });

  test('only due jobs of the asked kinds are claimed; an expired lock is taken over', async () => {
    await enqueueJob(db.db, { tenantId: w.tenantId, kind: 'k.later', payload: null, runAt: at(60_000) });
    await enqueueJob(db.db, { tenantId: w.tenantId, kind: 'k.other', payload: null, runAt: FIXED_NOW });
    assert.deepEqual(await claimJobs(db.db, 'w1', FIXED_NOW, 10, { kinds: ['k.later'] }), []);
    const [first] = await claimJobs(db.db, 'w1', at(60_000), 10, { kinds: ['k.later'], lockMs: 1000 });
    assert.ok(first);
    assert.deepEqual(await claimJobs(other.db, 'w2', at(60_500), 10, { kinds: ['k.later'] }), []);
    const [again] = await claimJobs(other.db, 'w2', at(61_001), 10, { kinds: ['k.later'] });
    assert.equal(again.id, first.id, 'the dead worker’s job is reclaimed');
    assert.equal(again.attempts, 2);
    assert.equal(await completeJob(db.db, first, 'w1', at(61_100)), false, 'the old claim cannot finish it');
    assert.equal(await completeJob(other.db, again, 'w2', at(61_100)), true);
    assert.equal((await jobsOf('k.later'))[0].status, 'done');
    assert.equal((await jobsOf('k.other'))[0].status, 'queued', 'kinds not asked for stay queued');
  });

  test('a lock that expires on the last attempt fails the job', async () => {
    const { id } = await enqueueJob(db.db, {
      tenantId: w.tenantId,
      kind: 'k.hang',
      payload: null,
      runAt: FIXED_NOW,
      maxAttempts: 1,
    });
    assert.equal((await claimJobs(db.db, 'w1', FIXED_NOW, 1, { kinds: ['k.hang'], lockMs: 1000 })).length, 1);
    assert.deepEqual(await claimJobs(db.db, 'w2', at(5000), 1, { kinds: ['k.hang'] }), []);
    const row = (await jobsOf('k.hang'))[0];
    assert.equal(row.id, id);
    assert.equal(row.status, 'failed');
    assert.match(row.last_error ?? '', /lock expired/);
  });
});

describe('runner', () => {
  test('dispatches by kind with the payload and a system context of the job’s tenant', async () => {
    const seen: JobRun[] = [];
    const off = registerJobHandler('k.ok', async (run) => {
      seen.push(run);
    });
    try {
      await enqueueJob(db.db, {
        tenantId: w.tenantId,
        kind: 'k.ok',
        payload: { hello: '你好' },
        runAt: FIXED_NOW,
      });
      const sum = await runDueJobs(deps, at(1000), { kinds: ['k.ok'] });
      assert.deepEqual(sum, { claimed: 1, done: 1, retrying: 0, failed: 0 });
      assert.deepEqual(seen[0].payload, { hello: '你好' });
      assert.equal(seen[0].ctx.actor.kind, 'system');
      assert.equal(seen[0].ctx.actor.tenantId, w.tenantId);
      assert.equal(seen[0].ctx.now.toISOString(), at(1000).toISOString());
      const row = (await jobsOf('k.ok'))[0];
      assert.equal(row.status, 'done');
      assert.equal(row.finished_at, at(1000).toISOString());
      assert.equal(row.locked_by, null);
    } finally {
      off();
    }
  });

  test('a failing job is retried with growing backoff, then fails for good', async () => {
    let calls = 0;
    const off = registerJobHandler('k.flaky', async () => {
      calls += 1;
      throw new Error(`失败 #${calls}`);
    });
    try {
      await enqueueJob(db.db, {
        tenantId: w.tenantId,
        kind: 'k.flaky',
        payload: null,
        runAt: FIXED_NOW,
        maxAttempts: 3,
      });
      const run = (ms: number) => runDueJobs(deps, at(ms), { kinds: ['k.flaky'] });
      assert.deepEqual(await run(0), { claimed: 1, done: 0, retrying: 1, failed: 0 });
      let row = (await jobsOf('k.flaky'))[0];
      assert.equal(row.status, 'queued');
      assert.equal(row.run_at, at(30_000).toISOString(), 'first retry after 30 s');
      assert.match(row.last_error ?? '', /失败 #1/);
      assert.equal((await run(29_999)).claimed, 0, 'not before the backoff');
      assert.equal((await run(30_000)).retrying, 1);
      row = (await jobsOf('k.flaky'))[0];
      assert.equal(row.run_at, at(30_000 + 60_000).toISOString(), 'second retry after 1 min');
      assert.deepEqual(await run(90_000), { claimed: 1, done: 0, retrying: 0, failed: 1 });
      row = (await jobsOf('k.flaky'))[0];
      assert.equal(row.status, 'failed');
      assert.equal(Number(row.attempts), 3);
      assert.equal(row.finished_at, at(90_000).toISOString());
      assert.match(row.last_error ?? '', /失败 #3/);
      assert.equal((await run(10_000_000)).claimed, 0, 'a failed job stays failed');
      assert.equal(calls, 3);
    } finally {
      off();
    }
  });

  test('backoff doubles from 30 s and stops at an hour', () => {
    assert.deepEqual([1, 2, 3, 4].map(backoffMs), [30_000, 60_000, 120_000, 240_000]);
    assert.equal(backoffMs(20), 3_600_000);
  });

  test('the worker ticks on its own and stops cleanly', async () => {
    let ran = 0;
    const off = registerJobHandler('k.worker', async () => {
      ran += 1;
    });
    try {
      await enqueueJob(db.db, { tenantId: w.tenantId, kind: 'k.worker', payload: null, runAt: FIXED_NOW });
      const worker = startWorker(deps, { intervalMs: 10, clock: () => at(1000) });
      const until = Date.now() + 5000;
      while (ran === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      await worker.stop();
      assert.equal(ran, 1);
      assert.equal((await jobsOf('k.worker'))[0].status, 'done');
    } finally {
      off();
    }
  });

  test('runJobsOnce (for the CLI) registers the built-in kinds and drains what is due', async () => {
    await enqueueJob(db.db, {
      tenantId: w.tenantId,
      kind: 'email.send',
      payload: { outboxId: 'gone' },
      runAt: FIXED_NOW,
    });
    const r = await runJobsOnce(db, at(1000), testConfig());
    // 10:00 China time: each built-in daily sweep (all at 08:00: obligations.remind and the others
    // registered in builtin-jobs.ts) is scheduled and runs too.
    const daily = dailySchedules().length;
    assert.ok(daily >= 1);
    assert.deepEqual(r, { scheduled: daily, claimed: daily + 1, done: daily + 1, retrying: 0, failed: 0 });
  });
});
