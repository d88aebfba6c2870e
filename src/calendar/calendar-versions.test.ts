import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePerson, makeUnit } from '../../test/helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from '../../test/helpers/server.ts';
import { deadlineChangesOf, onCalendarChange, recordDeadlineChange } from './calendar-hooks.ts';
import { saveCalendarYear } from './save-calendar-year.ts';
import { loadCalendar } from './tenant-calendar.ts';

/** A plausible 2027 arrangement (not yet published at the time of writing: test data only). */
const y2027 = {
  holidays: [
    '2027-01-01',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
    '2027-02-13',
  ],
  makeupWorkdays: ['2027-02-14'],
  source: '测试用 2027 年安排',
};

describe('office-maintained calendar years', () => {
  let t: TestApp;
  let county: Client;
  let township: Client;
  before(async () => {
    t = await startTestApp();
    const town = await makeUnit(t.world, t.world.rootId, 'township', '甲镇', 'TA');
    const c = await makePerson(t.world, null, [
      { role: 'office', unitId: t.world.rootId, coversSubtree: true },
    ]);
    const tw = await makePerson(t.world, town.id, [{ role: 'office', unitId: town.id, coversSubtree: true }]);
    county = t.client();
    await county.signIn(c.username);
    township = t.client();
    await township.signIn(tw.username);
  });
  after(() => t.close());

  test('a year without data is provisional until the office adds it; versions accumulate', async () => {
    const before = await county.api('GET', '/api/v1/calendar/add-working-days?date=2027-02-01&n=10');
    assert.equal(before.json().provisional, true);
    const saved = await county.api('PUT', '/api/v1/calendar/2027', y2027);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().version, 1);
    const after = await county.api('GET', '/api/v1/calendar/add-working-days?date=2027-02-01&n=10');
    assert.deepEqual(after.json(), { date: '2027-02-19', provisional: false });
    const again = await county.api('PUT', '/api/v1/calendar/2027', { ...y2027, note: '更正' });
    assert.equal(again.json().version, 2);
    const year = await county.api('GET', '/api/v1/calendar/2027');
    assert.equal(year.json().versions.length, 2);
    const audit = await t.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'calendar.save_year')
      .execute();
    assert.equal(audit.length, 2);
  });

  test('a township office may not change the county calendar', async () => {
    const res = await township.api('PUT', '/api/v1/calendar/2027', y2027);
    assert.equal(res.statusCode, 403);
  });

  test('bad dates and inconsistent arrangements are refused with localized messages; nothing is saved', async () => {
    const count = async () => (await t.db.db.selectFrom('calendar_versions').select('id').execute()).length;
    const n = await count();
    const bad = await county.api('PUT', '/api/v1/calendar/2028', { ...y2027, holidays: ['2028-02-30'] });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'calendar.bad_date');
    const page = await county.post('/admin/calendar/2028', {
      form: { holidays: '2028-13-01', makeupWorkdays: '', source: 'x' },
    });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /日期格式不正确：2028-13-01/);
    assert.equal(await count(), n);
  });

  test('running deadlines are recomputed in the same transaction and keep a visible note', async () => {
    onCalendarChange('test-deadlines', async (ctx, change) => {
      if (change.year !== 2029) return 0;
      const newDate = change.calendar.addWorkingDays('2029-01-25', 10).date;
      await recordDeadlineChange(ctx, {
        subjectType: 'test',
        subjectId: 'deadline-1',
        oldDate: '2029-02-08',
        newDate,
        calendarVersionId: change.versionId,
      });
      return 1;
    });
    const r = await saveCalendarYear(t.world.system, {
      year: 2029,
      holidays: ['2029-02-12', '2029-02-13'],
      makeupWorkdays: [],
      source: '测试',
    });
    assert.equal(r.moved['test-deadlines'], 1);
    const notes = await deadlineChangesOf(t.world.system, 'test', 'deadline-1');
    assert.equal(notes.length, 1);
    assert.equal(notes[0].old_date, '2029-02-08');
    assert.equal(
      notes[0].new_date,
      (await loadCalendar(t.db.db, t.world.tenantId)).addWorkingDays('2029-01-25', 10).date,
    );
    assert.equal(notes[0].version, 1);
  });

  test('upload a year as CSV or JSON from the page', async () => {
    const csv = Buffer.from('date,type\n2030-01-01,放假\n2030-02-02,上班\n');
    const r = await county.upload(
      '/admin/calendar/2030/upload',
      {},
      { field: 'file', filename: '2030.csv', content: csv },
    );
    assert.equal(r.statusCode, 303, r.body.slice(0, 300));
    const json = Buffer.from(
      JSON.stringify({ '2030': { holidays: ['2030-01-01', '2030-10-01'], makeupWorkdays: [] } }),
    );
    const r2 = await county.upload(
      '/admin/calendar/2030/upload',
      {},
      { field: 'file', filename: '2030.json', content: json },
    );
    assert.equal(r2.statusCode, 303);
    const year = (await county.api('GET', '/api/v1/calendar/2030')).json();
    assert.deepEqual(year.holidays, ['2030-01-01', '2030-10-01']);
    const page = await county.get('/admin/calendar/2030');
    assert.match(page.body, /第 2 版/);
    const broken = await county.upload(
      '/admin/calendar/2030/upload',
      {},
      { field: 'file', filename: 'x.csv', content: Buffer.from('2030-01-01,maybe\n') },
    );
    assert.equal(broken.statusCode, 422);
    assert.match(broken.body, /应为 holiday\/放假 或 workday\/上班/);
  });
});
