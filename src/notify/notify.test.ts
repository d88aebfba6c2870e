import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { freshDb, type TestDb } from '../../test/helpers/db.ts';
import { FIXED_NOW, makePerson, makeWorld, type World } from '../../test/helpers/factories.ts';
import { testConfig } from '../../test/helpers/server.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../test/helpers/smtp.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { type JobDeps, registerJobHandler } from '../jobs/registry.ts';
import { runDueJobs } from '../jobs/run-due-jobs.ts';
import { inTransaction } from '../lib/context.ts';
import { EMAIL_JOB, EMAIL_MAX_ATTEMPTS, notify, notifyOptions } from './notify.ts';
import { registerNotifyJobs } from './register-jobs.ts';

registerNotifyJobs();

let db: TestDb;
let w: World;
let smtp: SmtpReceiver;
before(async () => {
  db = await freshDb();
  w = await makeWorld(db.db);
  smtp = await startSmtpReceiver();
});
after(async () => {
  await smtp.close();
  await db.cleanup();
});

const at = (ms: number) => new Date(FIXED_NOW.getTime() + ms);
const config = (smtpUrl: string | null) =>
  testConfig({
    smtpUrl,
    publicUrl: 'https://gk.example.gov.cn',
    mailFrom: '青山县公开平台 <noreply@example.gov.cn>',
  });

async function personWithEmail(email: string | null, status: 'active' | 'disabled' = 'active') {
  const p = await makePerson(w, w.rootId);
  await db.db.updateTable('people').set({ email, status }).where('id', '=', p.id).execute();
  return p.id;
}
async function closedPortUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `smtp://127.0.0.1:${port}`;
}
const outbox = (key: string) =>
  db.db.selectFrom('email_outbox').selectAll().where('dedupe_key', 'like', `${key}%`).execute();
const emailJobs = () => db.db.selectFrom('jobs').selectAll().where('kind', '=', EMAIL_JOB).execute();

describe('notify', () => {
  test('in-app for everyone named, email only to active people with an address, when SMTP is on', async () => {
    const withMail = await personWithEmail('a@example.cn');
    const noMail = await personWithEmail(null);
    const disabled = await personWithEmail('d@example.cn', 'disabled');
    const input = {
      personIds: [withMail, noMail, disabled, withMail, 'not-a-person'],
      kind: 'test.kind',
      title: '标题',
      body: '正文',
      dedupeKey: 'n1',
      email: true,
    };
    assert.deepEqual(await notify(w.system, input, notifyOptions(config(null))), { created: 3, emailed: 0 });
    assert.equal((await outbox('n1')).length, 0, 'no SMTP configured, no outbox');
    assert.deepEqual(await notify(w.system, { ...input, dedupeKey: 'n2' }, notifyOptions(config(smtp.url))), {
      created: 3,
      emailed: 1,
    });
    const rows = await outbox('n2');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].to_address, 'a@example.cn');
    assert.equal(rows[0].status, 'pending');
    assert.deepEqual(
      await notify(w.system, { ...input, dedupeKey: 'n3', email: false }, notifyOptions(config(smtp.url))),
      {
        created: 3,
        emailed: 0,
      },
    );
  });
});

describe('a reminder sweep (the Outline InviteReminderTask shape)', () => {
  test('running the sweep twice sends one notification and one email, with Chinese intact', async () => {
    const person = await personWithEmail('zhang@example.cn');
    const deps: JobDeps = { db: db.db, config: config(smtp.url) };
    // A sweep as the reminder features will write it: notify in one transaction, one audit entry with counts.
    const off = registerJobHandler<{ date: string }>('test.sweep', async (run) => {
      await inTransaction(run.ctx, async (tx) => {
        const r = await notify(
          tx,
          {
            personIds: [person],
            kind: 'obligation.overdue',
            title: '【逾期提醒】村务公开：2026年2月财务收支',
            body: '您负责的公开事项“2026年2月财务收支明细”已逾期 3 个工作日，请尽快公开。',
            link: '/admin/obligations/abc',
            dedupeKey: 'obligation.overdue:abc:2026-02-26',
            email: true,
          },
          notifyOptions(run.deps.config),
        );
        await recordAudit(tx, {
          action: 'sweep.test',
          targetType: 'sweep',
          summary: `提醒扫描：新通知 ${r.created} 条，邮件 ${r.emailed} 封`,
          after: { date: run.payload.date, ...r },
        });
      });
    });
    try {
      for (const date of ['2026-03-02', '2026-03-03']) {
        await enqueueJob(db.db, {
          tenantId: w.tenantId,
          kind: 'test.sweep',
          payload: { date },
          runAt: FIXED_NOW,
          dedupeKey: `test.sweep:${date}`,
        });
        await runDueJobs(deps, at(1000));
      }
      await smtp.waitFor(1);
      await new Promise((r) => setTimeout(r, 100));
      const mine = smtp.messages.filter((m) => m.rcptTo.includes('zhang@example.cn'));
      assert.equal(mine.length, 1, 'one email');
      const notes = await db.db
        .selectFrom('notifications')
        .selectAll()
        .where('person_id', '=', person)
        .execute();
      assert.equal(notes.length, 1, 'one notification');

      const m = mine[0];
      assert.equal(m.subject, '【逾期提醒】村务公开：2026年2月财务收支');
      assert.match(m.text, /您负责的公开事项“2026年2月财务收支明细”已逾期 3 个工作日，请尽快公开。/);
      assert.match(m.text, /查看详情：https:\/\/gk\.example\.gov\.cn\/admin\/obligations\/abc/);
      assert.match(m.text, /测试县三务公开平台自动发送/);
      assert.match(m.from, /青山县公开平台 <noreply@example\.gov\.cn>/);
      assert.equal(m.mailFrom, 'noreply@example.gov.cn');

      const [row] = await outbox('obligation.overdue:abc');
      assert.equal(row.status, 'sent');
      assert.equal(row.sent_at, at(1000).toISOString());
      assert.equal(row.attempts, 1);
      const audits = await db.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'sweep.test')
        .execute();
      assert.deepEqual(
        audits.map((a) => JSON.parse(a.after_json ?? '{}')),
        [
          { date: '2026-03-02', created: 1, emailed: 1 },
          { date: '2026-03-03', created: 0, emailed: 0 },
        ],
      );
      assert.ok(audits.every((a) => a.actor_id === null && a.actor_name === '系统定时任务'));
    } finally {
      off();
    }
  });
});

describe('email delivery', () => {
  test('an unreachable SMTP server leaves the email pending with the error, and a retry delivers it', async () => {
    const person = await personWithEmail('li@example.cn');
    const deps: JobDeps = { db: db.db, config: config(await closedPortUrl()) };
    await notify(
      w.system,
      {
        personIds: [person],
        kind: 'k',
        title: '截止提醒',
        body: '意见反馈将于明日截止。',
        dedupeKey: 'retry1',
        email: true,
      },
      notifyOptions(deps.config),
    );
    assert.deepEqual(await runDueJobs(deps, at(0), { kinds: [EMAIL_JOB] }), {
      claimed: 1,
      done: 0,
      retrying: 1,
      failed: 0,
    });
    let [row] = await outbox('retry1');
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.match(row.last_error ?? '', /ECONNREFUSED|connect/i);
    const job = (await emailJobs()).find((j) => JSON.parse(j.payload_json).outboxId === row.id)!;
    assert.equal(job.status, 'queued');
    assert.equal(job.run_at, at(30_000).toISOString());

    // The relay comes back; the retry after the backoff delivers.
    const before = smtp.messages.length;
    deps.config = config(smtp.url);
    assert.equal((await runDueJobs(deps, at(10_000), { kinds: [EMAIL_JOB] })).claimed, 0);
    assert.equal((await runDueJobs(deps, at(30_000), { kinds: [EMAIL_JOB] })).done, 1);
    await smtp.waitFor(before + 1);
    [row] = await outbox('retry1');
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 2);
    assert.equal(row.last_error, null);
    assert.equal(smtp.messages.at(-1)?.subject, '截止提醒');
  });

  test('an email that never gets through is marked failed after the last attempt', async () => {
    const person = await personWithEmail('wang@example.cn');
    const deps: JobDeps = { db: db.db, config: config(await closedPortUrl()) };
    await notify(
      w.system,
      { personIds: [person], kind: 'k', title: '提醒', body: '正文', dedupeKey: 'dead1', email: true },
      notifyOptions(deps.config),
    );
    let now = 0;
    for (let i = 0; i < EMAIL_MAX_ATTEMPTS; i++) {
      await runDueJobs(deps, at(now), { kinds: [EMAIL_JOB] });
      now += 2 * 3600_000;
    }
    const [row] = await outbox('dead1');
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, EMAIL_MAX_ATTEMPTS);
    assert.ok(row.last_error);
    const job = (await emailJobs()).find((j) => JSON.parse(j.payload_json).outboxId === row.id)!;
    assert.equal(job.status, 'failed');
  });

  test('a repeated delivery job does not send an email twice', async () => {
    const person = await personWithEmail('zhao@example.cn');
    const deps: JobDeps = { db: db.db, config: config(smtp.url) };
    await notify(
      w.system,
      { personIds: [person], kind: 'k', title: '一次', body: '只发一次', dedupeKey: 'once1', email: true },
      notifyOptions(deps.config),
    );
    const [row] = await outbox('once1');
    await runDueJobs(deps, at(0), { kinds: [EMAIL_JOB] });
    // A second job for the same outbox row (e.g. a worker died after sending, before finishing).
    await enqueueJob(db.db, {
      tenantId: w.tenantId,
      kind: EMAIL_JOB,
      payload: { outboxId: row.id },
      runAt: at(0),
    });
    assert.equal((await runDueJobs(deps, at(1000), { kinds: [EMAIL_JOB] })).done, 1);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(smtp.messages.filter((m) => m.rcptTo.includes('zhao@example.cn')).length, 1);
  });
});
