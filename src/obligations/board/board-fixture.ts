import { freshDb } from '../../../test/helpers/db.ts';
import { makePerson, makeUnit, makeWorld } from '../../../test/helpers/factories.ts';
import { addGuidingEntry } from '../../catalog/add-guiding-entry.ts';
import { claimExclusion } from '../../catalog/claim-exclusion.ts';
import { createGuidingCatalog } from '../../catalog/create-guiding-catalog.ts';
import { retireCatalogEntry } from '../../catalog/retire-catalog-entry.ts';
import type { EntryInput } from '../../catalog/schemas.ts';
import type { CatalogDomain } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';

/**
 * Test data for the board tests (not a test file): obligations are inserted directly with chosen
 * due dates and fulfilments, so the board is checked independently of how derivation works.
 * The board's day is Wednesday 11 March 2026; with the default due-soon window (3 working days)
 * the cut-off is Monday 16 March; stale cut-off (90 days) is 2025-12-11.
 */
export const BOARD_NOW = new Date('2026-03-11T02:00:00.000Z');
export const SETUP = new Date('2025-06-01T02:00:00.000Z');

const entry = (item: string, more: Partial<EntryInput> = {}): EntryInput => ({
  level1: '财务收支',
  item,
  mode: 'proactive',
  timing: 'periodic',
  period: 'monthly',
  audience: 'public',
  requiredChannels: ['bulletin_board'],
  ...more,
});

export async function boardWorld() {
  const tdb = await freshDb();
  const db = tdb.db;
  const w = await makeWorld(db, SETUP);
  const gov = await makeUnit(w, w.rootId, 'county', '县政府');
  const t1 = await makeUnit(w, gov.id, 'township', '甲镇');
  const v1 = await makeUnit(w, t1.id, 'village', '一村');
  const v2 = await makeUnit(w, t1.id, 'village', '二村');
  const t2 = await makeUnit(w, gov.id, 'township', '乙镇');
  const v3 = await makeUnit(w, t2.id, 'village', '三村');
  const catalog = async (domain: CatalogDomain, name: string) =>
    createGuidingCatalog(w.system, { ownerUnitId: w.rootId, unitKind: 'village', domain, name });
  const fin = await catalog('finance', '村级财务');
  const aff = await catalog('village', '村务');
  const e = {
    a: await addGuidingEntry(w.system, fin.id, entry('收入明细', { timeLimitDays: 5 })),
    b: await addGuidingEntry(w.system, fin.id, entry('支出明细', { timeLimitDays: 10 })),
    retired: await addGuidingEntry(w.system, fin.id, entry('已取消栏目')),
    d: await addGuidingEntry(
      w.system,
      aff.id,
      entry('村务一般事项', { level1: '村务', period: 'quarterly', timeLimitDays: 5 }),
    ),
  };
  const at = SETUP.toISOString();
  const ob = async (
    unitId: string,
    entryId: string,
    periodKey: string,
    due: string,
    fulfilled: string | null = null,
  ) => {
    await db
      .insertInto('obligations')
      .values({
        tenant_id: w.tenantId,
        id: newId(),
        unit_id: unitId,
        entry_id: entryId,
        kind: 'periodic',
        period_key: periodKey,
        period_start: `${due.slice(0, 7)}-01`,
        period_end: `${due.slice(0, 7)}-28`,
        basis_date: `${due.slice(0, 7)}-01`,
        time_limit_days: 5,
        due_date: due,
        due_provisional: 0,
        title: null,
        fulfilled_on: fulfilled,
        fulfilled_at: fulfilled ? `${fulfilled}T02:00:00.000Z` : null,
        fulfilment_kind: fulfilled ? 'manual' : null,
        fulfilled_by: null,
        evidence_note: null,
        evidence_file_id: null,
        disclosure_id: null,
        superseded_at: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  };
  // 一村: finance red (A overdue, B due soon); village domain stale (last item 2025-10-10).
  await ob(v1.id, e.a.id, '2026-M01', '2026-02-06');
  await ob(v1.id, e.b.id, '2026-M02', '2026-03-13');
  await ob(v1.id, e.retired.id, '2026-M01', '2026-02-06');
  await ob(v1.id, e.d.id, '2025-Q3', '2025-10-13', '2025-10-10');
  await ob(v1.id, e.d.id, '2025-Q4', '2026-01-08', null);
  // 二村: finance amber (B due soon; A on time and late); an excluded overdue A of 2025-M12.
  await ob(v2.id, e.a.id, '2026-M01', '2026-02-06', '2026-02-05');
  await ob(v2.id, e.a.id, '2026-M02', '2026-03-06', '2026-03-09');
  await ob(v2.id, e.b.id, '2026-M02', '2026-03-13');
  // 三村 (乙镇): village domain green, and a fulfilment long before the window (not counted).
  await ob(v3.id, e.d.id, '2025-Q4', '2026-01-08', '2026-01-07');
  await ob(v3.id, e.d.id, '2024-Q1', '2024-04-08', '2024-04-01');

  await ob(v2.id, e.a.id, '2025-M12', '2026-01-08');
  await claimExclusion(w.system, v2.id, { entryId: e.a.id, reason: '本村无集体经营收入' });
  await retireCatalogEntry(w.system, e.retired.id, { reason: '合并到收入明细' });

  const person = async (unitId: string, grants: Parameters<typeof makePerson>[2]) => {
    const p = await makePerson(w, unitId, grants);
    return { username: p.username, actor: await p.actor() };
  };
  const people = {
    county: await person(gov.id, [{ role: 'office', unitId: w.rootId, coversSubtree: true }]),
    t1Office: await person(t1.id, [{ role: 'office', unitId: t1.id, coversSubtree: true }]),
    v1Publisher: await person(v1.id, [{ role: 'publisher', unitId: v1.id }]),
    member: await person(v1.id, [{ role: 'party_member', unitId: v1.id }]),
  };
  return { tdb, db, w, units: { gov, t1, v1, v2, t2, v3 }, entries: e, people };
}
export type BoardWorld = Awaited<ReturnType<typeof boardWorld>>;
