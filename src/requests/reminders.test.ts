import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addGuidingEntry } from '../catalog/add-guiding-entry.ts';
import { createGuidingCatalog } from '../catalog/create-guiding-catalog.ts';
import { sweepRequestReminders } from './reminders.ts';
import { applicant, type RequestWorld, requestWorld } from './request-fixture.ts';

let x: RequestWorld;
before(async () => {
  x = await requestWorld();
});
after(() => x.t.close());

const opts = { mailEnabled: false, publicUrl: null };
const notes = (personId: string) =>
  x.t.db.db
    .selectFrom('notifications')
    .selectAll()
    .where('person_id', '=', personId)
    .where('kind', 'like', 'request.%')
    .execute();

async function register(receivedOn: string) {
  const res = await x.people.pubA.c.api('POST', '/api/v1/requests', {
    ...applicant(x.units.deptA.id),
    channel: 'in_person',
    receivedOn,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

test('reminders: 3 working days before, on the day, overdue — to the unit handlers and the office, once each', async () => {
  const id = await register('2026-02-24'); // due 2026-03-23
  const run = (date: string) => sweepRequestReminders(x.w.system, { date, notify: opts });
  const early = await run('2026-03-17');
  assert.equal(early.approaching + early.dueToday + early.overdue, 0);
  const r1 = await run('2026-03-18');
  assert.equal(r1.approaching, 1);
  const again = await run('2026-03-18');
  assert.equal(again.created, 0);
  await run('2026-03-23');
  await run('2026-03-24');
  await run('2026-03-25');
  for (const who of [x.people.pubA, x.people.appA, x.people.office]) {
    const kinds = (await notes(who.id))
      .filter((n) => n.link === `/admin/requests/${id}`)
      .map((n) => n.kind)
      .sort();
    assert.deepEqual(kinds, ['request.approaching', 'request.due_today', 'request.overdue']);
  }
  assert.equal((await notes(x.people.pubB.id)).length, 0);
  assert.equal((await notes(x.people.revA.id)).length, 0);
  const audit = await x.t.db.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', 'request.remind')
    .execute();
  assert.equal(audit.length, 6);
});

test('an expired 补正 period is reminded to the unit handlers once', async () => {
  const id = await register('2026-02-24');
  const n = await x.people.pubA.c.api('POST', `/api/v1/requests/${id}/supplement-notice`, {
    items: '补充材料',
    periodDays: 2,
    on: '2026-02-25',
  });
  assert.equal(n.statusCode, 200, n.body);
  const r = await sweepRequestReminders(x.w.system, { date: '2026-03-02', notify: opts });
  assert.ok(r.periodOver >= 1);
  await sweepRequestReminders(x.w.system, { date: '2026-03-03', notify: opts });
  const got = (await notes(x.people.pubA.id)).filter(
    (x1) => x1.kind === 'request.period_over' && x1.link === `/admin/requests/${id}`,
  );
  assert.equal(got.length, 1);
  assert.match(got[0].body, /补正期限已于 2026-02-27 届满/);
});

test('overdue list on the office dashboard, overdue first in the list', async () => {
  x.t.clock.current = new Date('2026-03-02T02:00:00Z');
  const old = await register('2026-01-05'); // due long ago
  const dash = await x.people.office.c.get('/admin');
  assert.equal(dash.statusCode, 200);
  assert.match(dash.body, /逾期未答复的依申请公开申请/);
  assert.match(dash.body, new RegExp(old));
  const list = await x.people.office.c.api('GET', '/api/v1/requests?overdue=true');
  assert.deepEqual(
    list.json().items.map((i: { id: string }) => i.id),
    [old],
  );
  const page = await x.people.office.c.get('/admin/requests');
  assert.ok(page.body.indexOf(old) < page.body.indexOf('2026-03-23') || !page.body.includes('2026-03-23'));
  // a publisher's dashboard lists only its unit's; the nav links the list
  assert.match((await x.people.pubA.c.get('/admin')).body, /href="\/admin\/requests"/);
});

test('Art. 44: the office turns requests into a disclosure draft linked back to them', async () => {
  const cat = await createGuidingCatalog(x.w.system, {
    ownerUnitId: x.w.rootId,
    unitKind: 'department',
    domain: 'government',
    name: '部门政务公开目录',
  });
  const entry = await addGuidingEntry(x.w.system, cat.id, {
    mode: 'proactive',
    audience: 'public',
    requiredChannels: ['portal'],
    level1: '征地补偿',
    item: '征地补偿标准',
    timing: 'standing',
  });
  const a = await register('2026-02-24');
  const b = await register('2026-02-25');
  const forbidden = await x.people.pubA.c.post(`/admin/requests/${a}/proactive`, {
    form: { entryId: entry.id, title: '征地补偿标准' },
  });
  assert.equal(forbidden.statusCode, 403);
  const ok = await x.people.office.c.post(`/admin/requests/${a}/proactive`, {
    form: { entryId: entry.id, title: '征地补偿标准', otherRequestIds: b },
  });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 400));
  const links = await x.t.db.db
    .selectFrom('request_disclosures')
    .selectAll()
    .where('request_id', 'in', [a, b])
    .execute();
  assert.equal(links.length, 2);
  assert.equal(links[0].disclosure_id, links[1].disclosure_id);
  const d = await x.t.db.db
    .selectFrom('disclosures')
    .selectAll()
    .where('id', '=', links[0].disclosure_id)
    .executeTakeFirstOrThrow();
  assert.equal(d.state, 'draft');
  assert.equal(d.unit_id, x.units.deptA.id);
  assert.match((await x.people.office.c.get(`/admin/requests/${b}`)).body, /征地补偿标准/);
});

test('a calendar change moves running deadlines and leaves a note', async () => {
  const { shippedCalendar } = await import('../calendar/calendar.ts');
  const { saveCalendarYear } = await import('../calendar/save-calendar-year.ts');
  const id = await register('2026-02-24');
  const before = await x.t.db.db
    .selectFrom('requests')
    .select('due_date')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(before.due_date, '2026-03-23');
  const y = shippedCalendar().arrangement(2026);
  assert.ok(y);
  const r = await saveCalendarYear(x.w.system, {
    year: 2026,
    holidays: [...y.holidays, '2026-03-10'],
    makeupWorkdays: [...y.makeupWorkdays],
    source: '测试：增加一天',
  });
  assert.ok((r.moved.requests ?? 0) >= 1);
  const after = await x.t.db.db
    .selectFrom('requests')
    .select('due_date')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(after.due_date, '2026-03-24');
  const notes = await x.t.db.db
    .selectFrom('deadline_changes')
    .selectAll()
    .where('subject_id', '=', id)
    .execute();
  assert.equal(notes.length, 1);
  assert.match((await x.people.pubA.c.get(`/admin/requests/${id}`)).body, /由 2026-03-23 调整为 2026-03-24/);
});
