import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import { claimExclusion } from '../catalog/claim-exclusion.ts';
import { deriveObligations } from './derive-obligations.ts';
import { fulfilFromDisclosure } from './fulfil-from-disclosure.ts';
import { fulfilManually } from './fulfil-manually.ts';
import { type ObligationWorld, obligationWorld, TODAY } from './obligation-fixture.ts';
import { listObligations, summarizeByUnitAndDomain } from './queries.ts';
import { recordDecision } from './record-decision.ts';
import { recordEvent } from './record-event.ts';

let ow: ObligationWorld;
before(async () => {
  ow = await obligationWorld();
  await deriveObligations(ow.system, { until: TODAY });
});
after(() => ow.tdb.cleanup());

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const list = async (actor = ow.system.actor, filter = {}) =>
  listObligations(ow.db, actor, filter, TODAY, await loadCalendar(ow.db, ow.w.tenantId), { dueSoonDays: 3 });
const code = (c: string) => (e: unknown) => {
  assert.equal((e as { code?: string }).code, c, String(e));
  return true;
};

describe('events and decisions', () => {
  test('an event of a 即时 entry makes one obligation due N working days later', async () => {
    const pub = ow.ctx(ow.people.v1Publisher.actor);
    const o = await recordEvent(pub, {
      unitId: ow.units.v1.id,
      entryId: ow.entries.event.id,
      eventDate: '2026-02-12',
      title: '村道硬化工程决定',
    });
    assert.equal(o.kind, 'event');
    assert.equal(o.period_key, 'E:2026-02-12:1');
    assert.equal(o.due_date, '2026-02-26'); // 2/13, 2/14 (Sat worked), 2/24, 2/25, 2/26
    const again = await recordEvent(pub, {
      unitId: ow.units.v1.id,
      entryId: ow.entries.event.id,
      eventDate: '2026-02-12',
      title: '第二件',
    });
    assert.equal(again.period_key, 'E:2026-02-12:2');
    const audit = await ow.db.selectFrom('audit_log').selectAll().where('target_id', '=', o.id).execute();
    assert.equal(audit[0].action, 'obligation.event');
    assert.equal(audit[0].unit_id, ow.units.v1.id);
  });

  test('refusals: another unit, wrong timing, future date, entry outside the catalog', async () => {
    const pub2 = ow.ctx(ow.people.v2Publisher.actor);
    const base = {
      unitId: ow.units.v1.id,
      entryId: ow.entries.event.id,
      eventDate: '2026-02-12',
      title: 'x',
    };
    await assert.rejects(recordEvent(pub2, base), code('unit.not_found'));
    const pub = ow.ctx(ow.people.v1Publisher.actor);
    await assert.rejects(
      recordEvent(pub, { ...base, entryId: ow.entries.quarterly.id }),
      code('obligation.wrong_timing'),
    );
    await assert.rejects(recordEvent(pub, { ...base, eventDate: '2026-03-03' }), code('validation.failed'));
    await assert.rejects(
      recordEvent(pub, { ...base, unitId: ow.units.town.id }),
      code('unit.not_found'),
      'the village publisher does not see the township',
    );
    const office = ow.ctx(ow.people.county.actor);
    await assert.rejects(
      recordEvent(office, { ...base, unitId: ow.units.town.id }),
      code('obligation.entry_not_in_catalog'),
    );
  });

  test('a new decision supersedes the open standing obligation, not a fulfilled one', async () => {
    const app = ow.ctx(ow.people.v1Approver.actor);
    const d = { unitId: ow.units.v1.id, entryId: ow.entries.standing.id, title: '村规民约（2025年修订）' };
    const first = await recordDecision(app, { ...d, decisionDate: '2025-12-01' });
    assert.equal(first.kind, 'standing');
    assert.equal(first.period_key, 'S:2025-12-01:1');
    assert.equal(first.superseded, 0);
    const second = await recordDecision(app, {
      ...d,
      decisionDate: '2026-02-27',
      title: '村规民约（2026年修订）',
    });
    assert.equal(second.superseded, 1);
    const old = await ow.db
      .selectFrom('obligations')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    assert.ok(old.superseded_at);
    const rows = await list(ow.system.actor, { unitIds: [ow.units.v1.id], obligationKind: 'standing' });
    assert.deepEqual(
      rows.map((r) => r.id),
      [second.id],
      'superseded ones are not listed',
    );
    await fulfilFromDisclosure(ow.ctx(ow.people.v1Approver.actor), {
      unitId: ow.units.v1.id,
      entryId: ow.entries.standing.id,
      periodKey: second.period_key,
      disclosureId: 'd-1',
      publishedOn: '2026-03-02',
    });
    const third = await recordDecision(app, { ...d, decisionDate: '2026-03-02', title: '又一次修订' });
    assert.equal(third.superseded, 0, 'the fulfilled one stays');
  });
});

describe('fulfilment', () => {
  const find = async (unitId: string, periodKey: string) =>
    ow.db
      .selectFrom('obligations')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('period_key', '=', periodKey)
      .executeTakeFirstOrThrow();

  test('an office records a manual fulfilment with a photo; late when after the due date', async () => {
    const office = ow.ctx(ow.people.county.actor);
    const o = await find(ow.units.v1.id, '2025-Q4'); // due 2026-01-08
    const r = await fulfilManually(
      office,
      o.id,
      { fulfilledOn: '2026-01-09', note: '已在村公开栏张贴' },
      { file: { name: '公开栏.png', content: PNG } },
    );
    assert.equal(r.fulfilment_kind, 'manual');
    const file = await ow.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', r.evidence_file_id!)
      .executeTakeFirstOrThrow();
    assert.equal(file.mime, 'image/png');
    assert.equal(Buffer.from(file.content_b64, 'base64').equals(PNG), true);
    const row = (await list()).find((x) => x.id === o.id)!;
    assert.equal(row.status, 'fulfilled_late');
    assert.equal(row.evidenceFileId, file.id);
    await assert.rejects(
      fulfilManually(office, o.id, { fulfilledOn: '2026-01-09', note: 'x' }),
      code('obligation.already_fulfilled'),
    );
  });

  test('refusals: not an office, future date, no note, not an image', async () => {
    const o = await find(ow.units.v1.id, '2025-Q3');
    const ok = { fulfilledOn: '2025-10-10', note: '会议公开' };
    await assert.rejects(
      fulfilManually(ow.ctx(ow.people.v1Publisher.actor), o.id, ok),
      code('auth.forbidden'),
    );
    await assert.rejects(
      fulfilManually(ow.ctx(ow.people.v2Publisher.actor), o.id, ok),
      code('obligation.not_found'),
    );
    const office = ow.ctx(ow.people.townOffice.actor);
    await assert.rejects(
      fulfilManually(office, o.id, { ...ok, fulfilledOn: '2026-03-03' }),
      code('validation.failed'),
    );
    await assert.rejects(fulfilManually(office, o.id, { ...ok, note: '  ' }), code('validation.failed'));
    await assert.rejects(
      fulfilManually(office, o.id, ok, { file: { name: 'x.png', content: Buffer.from('GIF89a...') } }),
      code('obligation.evidence_type'),
    );
    await assert.rejects(
      fulfilManually(office, o.id, ok, { file: { name: 'x.png', content: PNG }, maxBytes: 10 }),
      code('obligation.evidence_too_large'),
    );
    const r = await fulfilManually(office, o.id, ok);
    assert.equal(r.evidence_file_id, null);
    assert.equal((await list()).find((x) => x.id === o.id)?.status, 'fulfilled');
  });

  test('a published disclosure fulfils; it upgrades a manual record; repeating changes nothing', async () => {
    const pub = ow.ctx(ow.people.v1Publisher.actor);
    const k = { unitId: ow.units.v1.id, entryId: ow.entries.quarterly.id };
    const r = await fulfilFromDisclosure(pub, {
      ...k,
      periodKey: '2025-Q2',
      disclosureId: 'd-2',
      publishedOn: '2025-07-01',
    });
    assert.equal(r.fulfilment_kind, 'disclosure');
    assert.equal(r.disclosure_id, 'd-2');
    const again = await fulfilFromDisclosure(pub, {
      ...k,
      periodKey: '2025-Q2',
      disclosureId: 'd-3',
      publishedOn: '2025-07-02',
    });
    assert.equal(again.disclosure_id, 'd-2');
    const up = await fulfilFromDisclosure(pub, {
      ...k,
      periodKey: '2025-Q4',
      disclosureId: 'd-4',
      publishedOn: '2026-01-20',
    });
    assert.equal(up.fulfilment_kind, 'disclosure');
    assert.equal(up.fulfilled_on, '2026-01-09', 'the earlier manual date stands');
    assert.ok(up.evidence_note);
    await assert.rejects(
      fulfilFromDisclosure(pub, { ...k, periodKey: '2024-Q1', disclosureId: 'x', publishedOn: '2024-04-01' }),
      code('obligation.not_found'),
    );
  });
});

describe('queries', () => {
  test('status per row, visibility, filters and a not-applicable claim', async () => {
    const pub2 = ow.people.v2Publisher.actor;
    const mine = await list(pub2);
    assert.ok(mine.length > 0 && mine.every((r) => r.unitId === ow.units.v2.id), 'only their unit');
    const byKey = new Map(mine.map((r) => [`${r.item}:${r.periodKey}`, r]));
    assert.equal(byKey.get('村务一般事项:2026-Q1')?.status, 'upcoming');
    assert.equal(byKey.get('村务一般事项:2025-Q4')?.status, 'overdue');
    assert.equal(byKey.get('财务收支明细:2026-M02')?.status, 'upcoming'); // due 2026-03-16
    assert.equal(byKey.get('财务收支明细:2026-M01')?.status, 'overdue'); // due 2026-02-13
    assert.equal(byKey.get('村务一般事项:2025-Q4')?.label, '2025年第4季度');
    const overdue = await list(pub2, { status: 'overdue' });
    assert.ok(overdue.length > 0 && overdue.every((r) => r.status === 'overdue'));
    assert.deepEqual(
      await list(ow.people.county.actor, { subtreeOf: ow.units.v2.id, status: 'overdue' }),
      overdue,
    );
    assert.ok((await list(pub2, { domain: 'finance' })).length === 0);
    assert.equal((await list(pub2, { from: '2026-03-01', to: '2026-03-31' })).length, 1);

    await claimExclusion(ow.system, ow.units.v2.id, {
      entryId: ow.entries.monthly.id,
      reason: '本村无集体收支',
    });
    const after = await list(pub2, { status: 'not_applicable' });
    assert.equal(after.length, 10);
    assert.ok(after.every((r) => r.notApplicable && r.item === '财务收支明细'));
  });

  test('summary by unit and domain agrees with the list', async () => {
    const cal = await loadCalendar(ow.db, ow.w.tenantId);
    const office = ow.people.county.actor;
    const sum = await summarizeByUnitAndDomain(ow.db, office, { subtreeOf: ow.units.town.id }, TODAY, cal, {
      dueSoonDays: 3,
    });
    assert.deepEqual(
      sum.map((s) => [s.unitName, s.domain]),
      [
        ['一村', 'village'],
        ['二村', 'village'],
      ],
    );
    for (const s of sum) {
      const rows = await list(office, { unitIds: [s.unitId] });
      assert.equal(s.total, rows.length);
      for (const [status, n] of Object.entries(s.counts))
        assert.equal(n, rows.filter((r) => r.status === status).length, `${s.unitName} ${status}`);
    }
    const v2 = sum.find((s) => s.unitId === ow.units.v2.id)!;
    assert.equal(v2.counts.not_applicable, 10);
    assert.deepEqual(
      await summarizeByUnitAndDomain(ow.db, ow.people.v2Publisher.actor, { kind: 'village' }, TODAY, cal, {
        dueSoonDays: 3,
      }),
      [v2],
    );
  });
});
