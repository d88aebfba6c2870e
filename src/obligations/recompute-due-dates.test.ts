import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testConfig } from '../../test/helpers/server.ts';
import { createSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { deadlineChangesOf } from '../calendar/calendar-hooks.ts';
import { SHIPPED_YEARS } from '../calendar/holidays-data.ts';
import { saveCalendarYear } from '../calendar/save-calendar-year.ts';
import { buildApp } from '../server/app.ts';
import { deriveObligations } from './derive-obligations.ts';
import { fulfilManually } from './fulfil-manually.ts';
import { type ObligationWorld, obligationWorld, TODAY, TODAY_NOW } from './obligation-fixture.ts';
import { registerObligationHooks } from './recompute-due-dates.ts';

registerObligationHooks();
let ow: ObligationWorld;
before(async () => {
  ow = await obligationWorld();
  await deriveObligations(ow.system, { until: TODAY });
});
after(() => ow.tdb.cleanup());

const get = (periodKey: string) =>
  ow.db
    .selectFrom('obligations')
    .selectAll()
    .where('unit_id', '=', ow.units.v1.id)
    .where('period_key', '=', periodKey)
    .executeTakeFirstOrThrow();

test('an extra holiday moves open due dates with a note; fulfilled ones stay', async () => {
  // 2026-M02 (monthly, N=10) is due 2026-03-13; 2026-Q1 (quarterly, N=5) due 2026-04-08.
  const feb = await get('2026-M02');
  const q1 = await get('2026-Q1');
  assert.equal(feb.due_date, '2026-03-13');
  assert.equal(q1.due_date, '2026-04-08');
  // v2's 2026-M02 is fulfilled before the change.
  const v2feb = await ow.db
    .selectFrom('obligations')
    .selectAll()
    .where('unit_id', '=', ow.units.v2.id)
    .where('period_key', '=', '2026-M02')
    .executeTakeFirstOrThrow();
  await fulfilManually(ow.ctx(ow.people.county.actor), v2feb.id, {
    fulfilledOn: '2026-03-02',
    note: '会议公开',
  });

  const y2026 = SHIPPED_YEARS.find((y) => y.year === 2026)!;
  const office = ow.ctx(ow.people.county.actor);
  const r = await saveCalendarYear(office, {
    year: 2026,
    holidays: [...y2026.holidays, '2026-03-10'],
    makeupWorkdays: y2026.makeupWorkdays,
    source: '测试：增加一天假期',
  });
  assert.equal(r.moved.obligations, 1, 'v1’s February; v2’s is fulfilled');
  assert.equal((await get('2026-M02')).due_date, '2026-03-16');
  assert.equal((await get('2026-Q1')).due_date, '2026-04-08', 'window after the new holiday: unchanged');
  const notes = await deadlineChangesOf(office, 'obligation', feb.id);
  assert.deepEqual(
    notes.map((n) => [n.old_date, n.new_date, n.year]),
    [['2026-03-13', '2026-03-16', 2026]],
  );
  const v2after = await ow.db
    .selectFrom('obligations')
    .selectAll()
    .where('id', '=', v2feb.id)
    .executeTakeFirstOrThrow();
  assert.equal(v2after.due_date, '2026-03-13', 'fulfilled: not moved');
  assert.equal((await deadlineChangesOf(office, 'obligation', v2feb.id)).length, 0);

  // the note is visible on the unit's obligations page, next to the new due date
  const app = await buildApp({
    db: ow.db,
    dialect: ow.tdb.dialect,
    config: testConfig(),
    tenant: { id: ow.w.tenantId, name: '测试县' },
    clock: () => TODAY_NOW,
    logger: false,
  });
  const session = await createSession(ow.db, ow.w.tenantId, ow.people.county.id, TODAY_NOW, {});
  const page = await app.inject({
    url: `/admin/units/${ow.units.v1.id}/obligations`,
    headers: { cookie: `${SESSION_COOKIE}=${session.cookieValue}`, accept: 'text/html' },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /截止日期已调整：2026-03-13 → 2026-03-16（2026 年节假日安排第 1 版/);
  await app.close();
});
