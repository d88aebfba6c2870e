import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeUnit } from '../../test/helpers/factories.ts';
import { addOwnEntry } from '../catalog/add-own-entry.ts';
import { deriveObligations } from './derive-obligations.ts';
import { type ObligationWorld, obligationWorld, TODAY } from './obligation-fixture.ts';
import { saveSettings } from './save-settings.ts';

let ow: ObligationWorld;
before(async () => {
  ow = await obligationWorld();
});
after(() => ow.tdb.cleanup());

const rows = (unitId: string) =>
  ow.db
    .selectFrom('obligations')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('entry_id')
    .orderBy('period_start')
    .execute();

describe('deriveObligations', () => {
  test('one obligation per period since the units and entries exist, due N working days after', async () => {
    const r = await deriveObligations(ow.system, { until: TODAY });
    // Per village: quarterly 2025-Q2 … 2026-Q1 (4), monthly 2025-M06 … 2026-M03 (10).
    assert.deepEqual(r, { created: 28, unchanged: 0 });
    const v1 = await rows(ow.units.v1.id);
    const q = v1.filter((o) => o.entry_id === ow.entries.quarterly.id);
    assert.deepEqual(
      q.map((o) => [o.period_key, o.period_start, o.period_end, o.due_date]),
      [
        ['2025-Q2', '2025-04-01', '2025-06-30', '2025-07-07'],
        ['2025-Q3', '2025-07-01', '2025-09-30', '2025-10-14'], // 国庆 10/1–10/8, Sat 10/11 worked
        ['2025-Q4', '2025-10-01', '2025-12-31', '2026-01-08'], // 元旦 1/1–1/3, Sun 1/4 worked
        ['2026-Q1', '2026-01-01', '2026-03-31', '2026-04-08'], // 清明 4/4–4/6
      ],
    );
    const m = v1.filter((o) => o.entry_id === ow.entries.monthly.id);
    assert.equal(m.length, 10);
    assert.equal(m[0].period_key, '2025-M06');
    assert.equal(m.at(-1)?.period_key, '2026-M03');
    assert.ok(
      m.every((o) => o.time_limit_days === 10 && o.kind === 'periodic' && o.basis_date === o.period_end),
    );
    assert.equal(m.find((o) => o.period_key === '2026-M01')?.due_date, '2026-02-13');
    assert.ok(v1.every((o) => o.due_provisional === 0));
  });

  test('rerunning changes nothing; the next period comes when its day does', async () => {
    assert.deepEqual(await deriveObligations(ow.system, { until: TODAY }), { created: 0, unchanged: 28 });
    const audits = await ow.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'obligation.derive')
      .execute();
    assert.equal(audits.length, 1, 'a run that creates nothing by the system is not audited');
    assert.deepEqual(await deriveObligations(ow.system, { until: '2026-04-01' }), {
      created: 4,
      unchanged: 28,
    });
    const v1 = await rows(ow.units.v1.id);
    const q2 = v1.find((o) => o.period_key === '2026-Q2');
    assert.equal(q2?.due_date, '2026-07-07');
    // 2027 has no notice yet: the December period's due date is provisional.
    await deriveObligations(ow.system, { until: '2026-12-01' });
    const dec = (await rows(ow.units.v1.id)).find((o) => o.period_key === '2026-M12');
    assert.equal(dec?.due_provisional, 1);
  });

  test('a new unit or entry adds only its own obligations; on-request and non-periodic entries none', async () => {
    const later = { ...ow.w, system: { ...ow.w.system, now: new Date('2026-02-10T02:00:00Z') } };
    const v3 = await makeUnit(later, ow.units.town.id, 'village', '三村');
    await addOwnEntry(later.system, ow.units.v1.id, {
      domain: 'village',
      level1: '村务',
      item: '本村年度事项',
      mode: 'proactive',
      timing: 'periodic',
      period: 'yearly',
      audience: 'public',
      requiredChannels: ['bulletin_board'],
    });
    const before = await ow.db.selectFrom('obligations').select('id').execute();
    const r = await deriveObligations(ow.system, { until: '2026-12-01' });
    // v3: quarterly Q1–Q4 (4) + monthly M02–M12 (11); v1's yearly entry: 2026-Y (1).
    assert.equal(r.created, 16);
    assert.equal((await rows(v3.id)).length, 15);
    assert.equal((await ow.db.selectFrom('obligations').select('id').execute()).length, before.length + 16);
    assert.deepEqual(await deriveObligations(ow.system, { until: '2026-12-01', unitIds: [v3.id] }), {
      created: 0,
      unchanged: 15,
    });
  });

  test('an earlier derivation start fills the gap and only the gap', async () => {
    const office = ow.ctx(ow.people.county.actor, new Date('2026-12-01T02:00:00Z'));
    await saveSettings(office, { derivationStart: '2025-01-01' });
    // Units and entries date from 2025-06-15, so nothing earlier appears.
    assert.equal((await deriveObligations(ow.system, { until: '2026-12-01' })).created, 0);
    await assert.rejects(
      deriveObligations(ow.ctx(ow.people.v1Publisher.actor), { until: TODAY }),
      /auth.forbidden/,
    );
    const r = await deriveObligations(office, { until: '2026-12-01' });
    assert.equal(r.created, 0);
    const audits = await ow.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'obligation.derive')
      .execute();
    assert.ok(
      audits.some((a) => a.actor_id === ow.people.county.id),
      'a person’s run is audited',
    );
  });
});
