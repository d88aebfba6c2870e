import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import { retireGuidingCatalog } from '../catalog/retire-guiding-catalog.ts';
import { deriveObligations } from './derive-obligations.ts';
import { type ObligationWorld, obligationWorld, TODAY } from './obligation-fixture.ts';
import { listObligations } from './queries.ts';
import { sweepObligationReminders } from './reminders.ts';
import { saveSettings } from './save-settings.ts';
import { getSettings } from './settings.ts';

let ow: ObligationWorld;
before(async () => {
  ow = await obligationWorld();
  await saveSettings(ow.ctx(ow.people.county.actor), { derivationStart: '2026-01-01' });
  await deriveObligations(ow.system, { until: TODAY });
});
after(() => ow.tdb.cleanup());

test('open obligations of a retired guiding catalog are neither listed nor reminded about', async () => {
  const list = async () =>
    listObligations(
      ow.db,
      ow.people.county.actor,
      { unitIds: [ow.units.v1.id] },
      TODAY,
      await loadCalendar(ow.db, ow.w.tenantId),
      await getSettings(ow.db, ow.w.tenantId, TODAY),
    );
  const before = await list();
  assert.ok(
    before.some((o) => o.status === 'overdue'),
    'the fixture has overdue items to begin with',
  );
  await retireGuidingCatalog(ow.ctx(ow.people.county.actor), ow.catalog.id, {
    reason: '目录修订，由新目录替代',
  });
  assert.deepEqual(await list(), []);
  const r = await sweepObligationReminders(ow.system, {
    date: TODAY,
    notify: { mailEnabled: false, publicUrl: null },
  });
  assert.deepEqual([r.dueSoon, r.overdue, r.escalated], [0, 0, 0]);
});
