import { freshDb } from '../../test/helpers/db.ts';
import { makePerson, makeUnit, makeWorld } from '../../test/helpers/factories.ts';
import { addGuidingEntry } from '../catalog/add-guiding-entry.ts';
import { createGuidingCatalog } from '../catalog/create-guiding-catalog.ts';
import type { EntryInput } from '../catalog/schemas.ts';
import type { OpContext } from '../lib/context.ts';

/** Test data for the obligation tests (not a test file itself). */
export const SETUP_NOW = new Date('2025-06-15T02:00:00.000Z');
/** The day the tests look at the obligations: Monday 2 March 2026. */
export const TODAY = '2026-03-02';
export const TODAY_NOW = new Date('2026-03-02T02:00:00.000Z');

const entry = (item: string, more: Partial<EntryInput> = {}): EntryInput => ({
  level1: '村务',
  item,
  mode: 'proactive',
  timing: 'periodic',
  period: 'quarterly',
  audience: 'public',
  requiredChannels: ['bulletin_board'],
  ...more,
});

/**
 * A county built on 2025-06-15: a township with two villages; the county office (whole tenant),
 * the township office, and per village a publisher and an approver with email addresses; the
 * county's village catalog with a quarterly entry, a monthly one (time limit 10), an event-driven
 * and a standing one, and an on-request periodic entry (never an obligation).
 */
export async function obligationWorld() {
  const tdb = await freshDb();
  const w = await makeWorld(tdb.db, SETUP_NOW);
  const gov = await makeUnit(w, w.rootId, 'county', '县政府');
  const town = await makeUnit(w, gov.id, 'township', '甲镇');
  const v1 = await makeUnit(w, town.id, 'village', '一村');
  const v2 = await makeUnit(w, town.id, 'village', '二村');
  const person = async (unitId: string, grants: Parameters<typeof makePerson>[2], email?: string) => {
    const p = await makePerson(w, unitId, grants);
    if (email) await tdb.db.updateTable('people').set({ email }).where('id', '=', p.id).execute();
    return { id: p.id, username: p.username, actor: await p.actor() };
  };
  const people = {
    county: await person(
      gov.id,
      [{ role: 'office', unitId: w.rootId, coversSubtree: true }],
      'office@example.cn',
    ),
    townOffice: await person(town.id, [{ role: 'office', unitId: town.id, coversSubtree: true }]),
    v1Publisher: await person(v1.id, [{ role: 'publisher', unitId: v1.id }], 'pub1@example.cn'),
    v1Approver: await person(v1.id, [{ role: 'approver', unitId: v1.id }], 'app1@example.cn'),
    v2Publisher: await person(v2.id, [{ role: 'publisher', unitId: v2.id }], 'pub2@example.cn'),
    townPublisher: await person(
      town.id,
      [{ role: 'publisher', unitId: town.id, coversSubtree: true }],
      'tp@example.cn',
    ),
  };
  const catalog = await createGuidingCatalog(w.system, {
    ownerUnitId: w.rootId,
    unitKind: 'village',
    domain: 'village',
    name: '村务公开目录',
  });
  const add = (e: EntryInput) => addGuidingEntry(w.system, catalog.id, e);
  const entries = {
    quarterly: await add(entry('村务一般事项')),
    monthly: await add(entry('财务收支明细', { period: 'monthly', timeLimitDays: 10 })),
    event: await add(entry('重大事项', { timing: 'immediate', period: undefined })),
    standing: await add(entry('村规民约', { timing: 'standing', period: undefined })),
    onRequest: await add(entry('依申请事项', { mode: 'on_request' })),
  };
  const ctx = (actor: OpContext['actor'], now = TODAY_NOW): OpContext => ({ db: tdb.db, actor, now });
  const system = ctx(w.system.actor);
  return { tdb, db: tdb.db, w, units: { gov, town, v1, v2 }, people, catalog, entries, ctx, system };
}
export type ObligationWorld = Awaited<ReturnType<typeof obligationWorld>>;
