import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testConfig } from '../../test/helpers/server.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../test/helpers/smtp.ts';
import { claimExclusion } from '../catalog/claim-exclusion.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { JobDeps } from '../jobs/registry.ts';
import { runDueJobs } from '../jobs/run-due-jobs.ts';
import { dailySchedules } from '../jobs/schedule-daily.ts';
import { registerNotifyJobs } from '../notify/register-jobs.ts';
import { deriveObligations } from './derive-obligations.ts';
import { fulfilManually } from './fulfil-manually.ts';
import { type ObligationWorld, obligationWorld, TODAY, TODAY_NOW } from './obligation-fixture.ts';
import { recordEvent } from './record-event.ts';
import { REMIND_JOB, registerObligationReminders, sweepObligationReminders } from './reminders.ts';
import { saveSettings } from './save-settings.ts';

registerNotifyJobs();
registerObligationReminders();

let ow: ObligationWorld;
let smtp: SmtpReceiver;
const ids: Record<string, string> = {};
before(async () => {
  ow = await obligationWorld();
  smtp = await startSmtpReceiver();
  const office = ow.ctx(ow.people.county.actor);
  await saveSettings(office, { derivationStart: '2026-01-01' });
  await deriveObligations(ow.system, { until: TODAY });
  const event = async (unitId: string, eventDate: string, title: string) =>
    (await recordEvent(office, { unitId, entryId: ow.entries.event.id, eventDate, title })).id;
  ids.a = await event(ow.units.v1.id, '2026-02-12', '事件甲'); // due 2/26: overdue 3 working days
  ids.b = await event(ow.units.v1.id, '2026-02-13', '事件乙'); // due 2/27: overdue 2 working days
  ids.c = await event(ow.units.v1.id, '2026-02-25', '事件丙'); // due 3/3: due soon
  ids.d = await event(ow.units.v1.id, '2026-02-13', '事件丁'); // fulfilled
  ids.e = await event(ow.units.v2.id, '2026-02-24', '事件戊'); // due 3/2 (today): due soon
  await fulfilManually(office, ids.d, { fulfilledOn: '2026-02-27', note: '已张贴' });
  await claimExclusion(ow.system, ow.units.v2.id, {
    entryId: ow.entries.monthly.id,
    reason: '本村无集体收支',
  });
});
after(async () => {
  await smtp.close();
  await ow.tdb.cleanup();
});

const notes = () =>
  ow.db
    .selectFrom('notifications as n')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .select(['n.dedupe_key', 'n.title', 'p.username'])
    .where('n.kind', 'like', 'obligation.%')
    .orderBy('n.dedupe_key')
    .orderBy('p.username')
    .execute();

describe('obligation reminders', () => {
  test('the sweep is scheduled daily at 08:00 China time', () => {
    assert.ok(dailySchedules().some((s) => s.kind === REMIND_JOB && s.hourBeijing === 8));
  });

  test('running the sweep twice sends each reminder once, in the app and by email', async () => {
    const deps: JobDeps = {
      db: ow.db,
      config: testConfig({ smtpUrl: smtp.url, publicUrl: 'https://gk.example.gov.cn' }),
    };
    for (const key of ['run1', 'run2']) {
      await enqueueJob(ow.db, {
        tenantId: ow.w.tenantId,
        kind: REMIND_JOB,
        payload: { date: TODAY },
        runAt: TODAY_NOW,
        dedupeKey: key,
      });
      const r = await runDueJobs(deps, TODAY_NOW);
      assert.equal(r.failed + r.retrying, 0);
    }
    const m01 = await ow.db
      .selectFrom('obligations')
      .select('id')
      .where('unit_id', '=', ow.units.v1.id)
      .where('period_key', '=', '2026-M01')
      .executeTakeFirstOrThrow();
    const got = await notes();
    const { v1Publisher: p1, v1Approver: a1, v2Publisher: p2, townPublisher: tp } = ow.people;
    const expected = [
      [`obligation.due_soon:${ids.c}:2026-03-03`, [p1, tp]],
      [`obligation.due_soon:${ids.e}:2026-03-02`, [p2, tp]],
      [`obligation.escalate:${ids.a}:2026-02-26`, [a1]],
      [`obligation.escalate:${m01.id}:2026-02-13`, [a1]],
      [`obligation.overdue:${ids.a}:2026-02-26`, [p1, tp]],
      [`obligation.overdue:${ids.b}:2026-02-27`, [p1, tp]],
      [`obligation.overdue:${m01.id}:2026-02-13`, [p1, tp]],
    ] as const;
    const want = expected
      .flatMap(([k, ps]) => ps.map((p) => [k, p.username]))
      .sort((x, y) => (x[0] === y[0] ? (x[1] < y[1] ? -1 : 1) : x[0] < y[0] ? -1 : 1));
    assert.deepEqual(
      got.map((n) => [n.dedupe_key, n.username]),
      want,
    );
    await smtp.waitFor(12);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(smtp.messages.length, 12, 'each email once');
    const overdue = smtp.messages.find(
      (m) => m.rcptTo.includes('pub1@example.cn') && m.subject.includes('事件甲'),
    );
    assert.equal(overdue?.subject, '【逾期提醒】一村：重大事项（事件甲）');
    assert.match(overdue?.text ?? '', /应于 2026-02-26 前公开，已逾期 3 个工作日，请尽快公开。/);
    assert.match(overdue?.text ?? '', /https:\/\/gk\.example\.gov\.cn\/admin\/units\/.+\/obligations/);
    const esc = smtp.messages.find(
      (m) => m.rcptTo.includes('app1@example.cn') && m.subject.includes('2026年1月'),
    );
    assert.equal(esc?.subject, '【逾期督办】一村：财务收支明细（2026年1月）');
    const audits = await ow.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'obligation.remind')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audits.map((a) => JSON.parse(a.after_json!)),
      [
        { date: TODAY, derived: 0, dueSoon: 2, overdue: 3, escalated: 2, created: 12, emailed: 12 },
        { date: TODAY, derived: 0, dueSoon: 2, overdue: 3, escalated: 2, created: 0, emailed: 0 },
      ],
    );
  });

  test('escalation waits for the threshold; the next day the 2-day-late one escalates', async () => {
    const before = (await notes()).length;
    const next = { ...ow.system, now: new Date('2026-03-03T02:00:00Z') };
    const r = await sweepObligationReminders(next, {
      date: '2026-03-03',
      notify: { mailEnabled: false, publicUrl: null },
    });
    // ids.e (due 3/2) is overdue now; ids.b (due 2/27) reaches 3 working days: escalated.
    assert.deepEqual([r.dueSoon, r.overdue, r.escalated], [1, 4, 3]);
    const added = (await notes())
      .slice(0)
      .filter((n) => n.dedupe_key.includes(ids.b) || n.dedupe_key.includes(ids.e));
    assert.ok(added.some((n) => n.dedupe_key === `obligation.escalate:${ids.b}:2026-02-27`));
    assert.ok(added.some((n) => n.dedupe_key === `obligation.overdue:${ids.e}:2026-03-02`));
    assert.equal(
      (await notes()).length,
      before + 1 + 2,
      'one escalation, two overdue notes (v2 publisher + town)',
    );
  });
});
