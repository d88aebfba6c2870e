import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ackKeys, type FeedbackWorld, feedbackWorld, idOf, message, writeTo } from './feedback-fixture.ts';
import { sweepFeedbackReminders } from './reminders.ts';

let x: FeedbackWorld;
before(async () => {
  x = await feedbackWorld();
});
after(() => x.t.close());

const opts = { mailEnabled: false, publicUrl: null };
const notes = (personId: string, link: string) =>
  x.t.db.db
    .selectFrom('notifications')
    .select(['kind', 'title'])
    .where('person_id', '=', personId)
    .where('link', '=', link)
    .where('kind', '!=', 'feedback.assigned')
    .orderBy('kind')
    .execute();

async function write(kind = 'suggestion', ip = '10.3.0.1') {
  const res = await writeTo(x.t.client(), 'VA', message({ kind }), ip);
  assert.equal(res.statusCode, 201);
  return idOf(x, ackKeys(res.body).code);
}

test('1 working day before, on the day, overdue — to the unit and the office; running twice sends once', async () => {
  const id = await write();
  const r = await x.people.office.c.api('POST', `/api/v1/feedback/${id}/route`, {});
  assert.equal(r.json().dueOn, '2026-03-09'); // Monday
  const run = (date: string) => sweepFeedbackReminders(x.w.system, { date, notify: opts });
  const early = await run('2026-03-05'); // Thursday: two working days before
  assert.equal(early.approaching + early.dueToday + early.overdue, 0);
  const fri = await run('2026-03-06'); // Friday: the next working day is the due day
  assert.equal(fri.approaching, 1);
  assert.ok(fri.created >= 2);
  assert.equal((await run('2026-03-06')).created, 0, 'a rerun sends nothing new');
  await run('2026-03-09');
  await run('2026-03-10');
  await run('2026-03-11');
  const link = `/admin/feedback/${id}`;
  for (const who of [x.people.pubA, x.people.office]) {
    assert.deepEqual(
      (await notes(who.id, link)).map((n) => n.kind),
      ['feedback.approaching', 'feedback.due_today', 'feedback.overdue'],
    );
  }
  assert.match((await notes(x.people.pubA.id, link))[2].title, /已逾期/);
  // another village and the inspectors hear nothing of it
  assert.equal((await notes(x.people.pubB.id, link)).length, 0);
  assert.equal((await notes(x.people.inspector.id, link)).length, 0);
  // once answered, no more reminders
  await x.people.pubA.c.api('POST', `/api/v1/feedback/${id}/reply`, { body: '已处理完毕。' });
  const after = await run('2026-03-12');
  assert.equal(after.checked, 0);
  const audits = await x.t.db.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', 'feedback.remind')
    .execute();
  assert.equal(audits.length, 7);
});

test('a 举报 is reminded to the inspectors covering the unit only', async () => {
  const id = await write('report', '10.3.0.2');
  await sweepFeedbackReminders(x.w.system, { date: '2026-03-09', notify: opts });
  const link = `/admin/feedback/${id}`;
  assert.deepEqual(
    (await notes(x.people.inspector.id, link)).map((n) => n.kind),
    ['feedback.due_today'],
  );
  for (const who of [x.people.pubA, x.people.office, x.people.inspectorB])
    assert.equal((await notes(who.id, link)).length, 0);
  // and so is its arrival: the inspector covering the unit is told, nobody else
  const arrived = await x.t.db.db
    .selectFrom('notifications')
    .select(['person_id', 'title', 'body'])
    .where('kind', '=', 'feedback.assigned')
    .where('link', '=', link)
    .execute();
  assert.deepEqual(
    arrived.map((n) => n.person_id),
    [x.people.inspector.id],
  );
  assert.ok(!arrived[0].body.includes('村道路灯'), 'the notification does not quote the report');
});

test('routing tells the responsible unit, once per deadline', async () => {
  const id = await write('suggestion', '10.3.0.3');
  await x.people.office.c.api('POST', `/api/v1/feedback/${id}/route`, { unitId: x.units.vb.id });
  const link = `/admin/feedback/${id}`;
  const told = await x.t.db.db
    .selectFrom('notifications')
    .select('person_id')
    .where('kind', '=', 'feedback.assigned')
    .where('link', '=', link)
    .execute();
  // 李村's publisher and the county office (both hold feedback.handle there); not 桃源村's
  assert.deepEqual(told.map((n) => n.person_id).sort(), [x.people.office.id, x.people.pubB.id].sort());
});

test('a calendar change moves running reply deadlines (and the first-round one) and leaves a note', async () => {
  const { shippedCalendar } = await import('../../calendar/calendar.ts');
  const { saveCalendarYear } = await import('../../calendar/save-calendar-year.ts');
  const res = await writeTo(x.t.client(), 'VA', message(), '10.8.0.1');
  const id = await idOf(x, ackKeys(res.body).code);
  const routed = await x.people.office.c.api('POST', `/api/v1/feedback/${id}/route`, {});
  assert.equal(routed.statusCode, 200, routed.body);
  const row = () =>
    x.t.db.db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const before = await row();
  const y = shippedCalendar().arrangement(2026);
  assert.ok(y && before.due_from && before.due_on);
  // a new day off between the routing day and the deadline
  const r = await saveCalendarYear(x.w.system, {
    year: 2026,
    holidays: [...y.holidays, before.due_on],
    makeupWorkdays: [...y.makeupWorkdays],
    source: '测试：增加一天',
  });
  assert.ok((r.moved.feedback ?? 0) >= 1, JSON.stringify(r.moved));
  const after = await row();
  assert.ok(after.due_on && after.due_on > (before.due_on as string), `${before.due_on} → ${after.due_on}`);
  assert.equal(after.first_due_on, after.due_on);
  const notes = await x.t.db.db
    .selectFrom('deadline_changes')
    .selectAll()
    .where('subject_id', '=', id)
    .execute();
  assert.equal(notes.length, 1);
});

test('a message waiting for the office’s routing is flagged to the office once, after a working day', async () => {
  const run = (date: string) => sweepFeedbackReminders(x.w.system, { date, notify: opts });
  x.t.clock.current = new Date('2026-03-06T02:00:00Z'); // Friday
  const id = await write('question', '10.3.9.1');
  x.t.clock.current = new Date('2026-03-02T02:00:00Z');
  const link = `/admin/feedback/${id}`;
  const waiting = async () =>
    (await notes(x.people.office.id, link)).filter((n) => n.kind === 'feedback.waiting').length;
  await run('2026-03-07'); // Saturday: no working day has passed
  assert.equal(await waiting(), 0);
  // (03-09 was made a day off by the calendar test above: Tuesday is the first working day after)
  const tue = await run('2026-03-10');
  assert.ok(tue.waiting >= 1, JSON.stringify(tue));
  assert.equal(await waiting(), 1);
  await run('2026-03-11');
  assert.equal(await waiting(), 1, 'once');
  // the villages hear nothing before it is routed to them
  assert.equal((await notes(x.people.pubA.id, link)).length, 0);
});
