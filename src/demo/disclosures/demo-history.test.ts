import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshDb } from '../../../test/helpers/db.ts';
import { loadPersonActor } from '../../auth/actor.ts';
import { loadCalendar } from '../../calendar/tenant-calendar.ts';
import { parseFinanceSheet } from '../../disclosure/building-blocks/finance-sheet.ts';
import { runVerifyChain } from '../../disclosure/chain.ts';
import { beijingDate } from '../../jobs/schedule-daily.ts';
import { cellColor } from '../../obligations/board/board-model.ts';
import { loadBoard } from '../../obligations/board/load-board.ts';
import { seedDemo } from '../seed-demo.ts';
import { EVENTS } from './events.ts';
import { demoTimeline, inPilot } from './rollout.ts';

/** A Thursday late in the year: the demo's year runs from December 2025 to this November. */
const NOW = new Date('2026-11-26T02:00:00.000Z');

test('demo data: the timeline and the events are consistent', () => {
  const t = demoTimeline(NOW);
  assert.equal(t.launchDay, '2025-11-01');
  assert.equal(t.rolloutDay, '2026-11-01');
  assert.ok(t.launch < t.rollout && t.rollout < NOW);
  // Early on the 1st the rollout is just before the clock, never after it.
  const early = demoTimeline(new Date('2026-12-01T00:10:00.000+08:00'));
  assert.ok(early.rollout < early.now);
  assert.ok(inPilot('QS-V-TAOYUAN-01') && inPilot('QS-TS-LONGQUAN') && inPilot('QS-D-CZJ'));
  assert.ok(
    !inPilot('QS-V-MEILIN-01') &&
      !inPilot('QS-CPC-V-MEILIN-01') &&
      !inPilot('QS-D-ZRZYJ') &&
      !inPilot('QS-TS-MEILIN'),
  );
  for (const e of EVENTS) assert.ok(e.at >= 0 && e.at <= 1, `${e.unit} ${e.item}`);
  assert.equal(EVENTS.filter((e) => e.revoke).length, 1, 'exactly one revoked item');
});

test('the demo county has a year of disclosures and a meaningful compliance board', async (t) => {
  const h = await freshDb();
  try {
    const started = performance.now();
    const { tenantId, created } = await seedDemo(h.db, NOW);
    t.diagnostic(`seedDemo with history on ${h.dialect}: ${Math.round(performance.now() - started)} ms`);
    assert.equal(created, true);
    const today = beijingDate(NOW);

    const items = await h.db
      .selectFrom('disclosures as d')
      .innerJoin('catalog_entries as e', (j) =>
        j.onRef('e.tenant_id', '=', 'd.tenant_id').onRef('e.id', '=', 'd.entry_id'),
      )
      .innerJoin('units as u', (j) =>
        j.onRef('u.tenant_id', '=', 'd.tenant_id').onRef('u.id', '=', 'd.unit_id'),
      )
      .select([
        'd.id',
        'd.state',
        'd.audience',
        'd.title',
        'd.attachments',
        'd.published_at',
        'd.returned_reason',
        'd.revoked_reason',
        'd.withheld_reason',
        'd.withheld_basis',
        'd.review_date',
        'e.domain',
        'u.kind as unit_kind',
        'u.code as unit_code',
      ])
      .where('d.tenant_id', '=', tenantId)
      .execute();
    const published = items.filter((d) => d.state === 'published');
    t.diagnostic(`${published.length} published of ${items.length}`);
    assert.ok(published.length >= 250, 'several hundred published items');
    for (const domain of ['party', 'government', 'finance', 'village'])
      assert.ok(published.filter((d) => d.domain === domain).length > 10, `items in ${domain}`);
    // Every township, half the villages, departments and party branches.
    const kinds = (k: string) =>
      new Set(published.filter((d) => d.unit_kind === k).map((d) => d.unit_code)).size;
    assert.equal(kinds('township') + kinds('street'), 7);
    assert.ok(kinds('village') >= 12);
    assert.ok(kinds('department') >= 15);
    assert.ok(kinds('party_branch') + kinds('party_general_branch') >= 8);
    assert.ok(
      published.every((d) => d.published_at! <= NOW.toISOString()),
      'nothing from the future',
    );

    // 党内公开 and 本单位 items exist; one revoked with its reason; a 不予公开 filing.
    assert.ok(published.filter((d) => d.audience === 'partyInternal').length >= 20);
    assert.ok(published.some((d) => d.audience === 'unitInternal'));
    const revoked = items.filter((d) => d.state === 'revoked');
    assert.equal(revoked.length, 1);
    assert.ok(revoked[0].revoked_reason);
    const withheld = items.filter((d) => d.state === 'withheld');
    assert.equal(withheld.length, 1);
    assert.ok(withheld[0].withheld_reason && withheld[0].withheld_basis);
    assert.ok(withheld[0].review_date! > today);
    // Work waiting for the demo accounts.
    const state = (s: string) => items.filter((d) => d.state === s);
    assert.ok(state('submitted').length >= 1 && state('reviewed').length >= 1);
    assert.equal(state('draft').filter((d) => d.returned_reason).length, 1, 'one returned with its reason');
    assert.ok(
      state('draft').some((d) => !d.returned_reason),
      'one plain draft',
    );

    // Revised items: version 2 with a change note, in the same chain.
    const versions = await h.db
      .selectFrom('disclosure_versions')
      .select(['disclosure_id', 'version', 'change_note'])
      .where('tenant_id', '=', tenantId)
      .execute();
    const second = versions.filter((v) => v.version === 2);
    assert.ok(second.length >= 3, 'revised items');
    assert.ok(second.every((v) => v.change_note && v.change_note.length > 10));
    const chain = await runVerifyChain(h);
    assert.equal(chain.ok, true, chain.lines.join('\n'));

    // The monthly finance journal is attached as an XLSX the platform's finance-sheet reader parses cleanly.
    const withFile = published.filter((d) => d.attachments !== '[]');
    assert.ok(withFile.length >= 4);
    const ref = JSON.parse(withFile[0].attachments)[0] as { fileId: string };
    const file = await h.db
      .selectFrom('files')
      .select('content_b64')
      .where('id', '=', ref.fileId)
      .executeTakeFirstOrThrow();
    const sheet = await parseFinanceSheet(Buffer.from(file.content_b64, 'base64'));
    assert.deepEqual(sheet.warnings, []);
    assert.ok(sheet.rows.length >= 4 && sheet.openingBalanceCents !== null);
    assert.equal(
      sheet.totals.closingBalanceCents,
      sheet.openingBalanceCents! + sheet.totals.incomeCents - sheet.totals.expenseCents,
    );

    // The board as the county office sees it: mostly green, some late, a few overdue, twelve months of history.
    const office = await h.db
      .selectFrom('people')
      .select('id')
      .where('username', '=', 'office')
      .executeTakeFirstOrThrow();
    const actor = (await loadPersonActor(h.db, tenantId, office.id))!;
    const board = await loadBoard({
      db: h.db,
      actor,
      perm: 'obligation.view',
      now: NOW,
      calendar: await loadCalendar(h.db, tenantId),
      settings: { dueSoonDays: 3, staleDays: 90 },
      filter: {},
      region: null,
      overdueLimit: null,
    });
    const { totals } = board;
    t.diagnostic(`board: ${JSON.stringify(totals)}`);
    assert.ok(totals.late >= 5, 'fulfilled late');
    assert.ok(totals.overdue >= 3 && totals.overdue <= 10, 'a few overdue');
    assert.ok(totals.on_time > 20 * totals.overdue, 'mostly on time');
    const cells = board.rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.total > 0);
    const red = cells.filter((c) => cellColor(c) === 'red').length;
    assert.ok(red >= 3 && red * 10 < cells.length, `few red cells (${red} of ${cells.length})`);
    const months = board.trend.filter((m) => m.onTime > 0).length;
    assert.ok(months >= 11, `history in ${months} of 12 months`);
    const codeOf = new Map(
      (await h.db.selectFrom('units').select(['id', 'code']).where('tenant_id', '=', tenantId).execute()).map(
        (u) => [u.id, u.code],
      ),
    );
    assert.ok(
      board.overdue.every((o) => inPilot(codeOf.get(o.unitId)!)),
      'only pilot units have history, so only they are overdue',
    );

    // Seeding again changes nothing.
    const again = await seedDemo(h.db, new Date(NOW.getTime() + 86400_000));
    assert.deepEqual(again, { created: false, tenantId });
  } finally {
    await h.cleanup();
  }
});
