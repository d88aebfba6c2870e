import assert from 'node:assert/strict';
import { freshDb } from '../../test/helpers/db.ts';
import { makePerson, makeUnit, makeWorld } from '../../test/helpers/factories.ts';
import { AppError } from '../lib/errors.ts';
import { addGuidingEntry } from './add-guiding-entry.ts';
import { addOwnEntry } from './add-own-entry.ts';
import { createGuidingCatalog } from './create-guiding-catalog.ts';
import type { effectiveCatalog } from './queries.ts';
import type { EntryInput } from './schemas.ts';

/** Test data for the catalog tests (not a test file itself). */
export const entry = (item: string, more: Partial<EntryInput> = {}): EntryInput => ({
  level1: '村务',
  item,
  mode: 'proactive',
  timing: 'periodic',
  period: 'quarterly',
  audience: 'public',
  requiredChannels: ['bulletin_board'],
  ...more,
});

export function rejectsWith(code: string, status?: number) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, code);
    if (status) assert.equal(e.status, status);
    return true;
  };
}

export function fieldCode(field: string, code: string) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, 'validation.failed');
    assert.deepEqual(
      e.fields.filter((f) => f.field === field).map((f) => f.code),
      [code],
    );
    return true;
  };
}

export const items = (list: Awaited<ReturnType<typeof effectiveCatalog>>) =>
  list.map((i) => `${i.source}:${i.entry.item}${i.applies ? '' : '(不适用)'}`);

/**
 * The county (region root) with two townships, villages in both, a community, a party branch;
 * the county office, township A's office, people of villages 1 and 2; and catalogs: the county's
 * for villages (2 entries), communities and party branches, township A's village finance catalog,
 * township B's village catalog, and one own entry of village 1.
 */
export async function catalogWorld() {
  const tdb = await freshDb();
  const w = await makeWorld(tdb.db);
  const gov = await makeUnit(w, w.rootId, 'county', '县政府');
  const townA = await makeUnit(w, gov.id, 'township', '甲镇');
  const townB = await makeUnit(w, gov.id, 'township', '乙镇');
  const v1 = await makeUnit(w, townA.id, 'village', '一村');
  const v2 = await makeUnit(w, townA.id, 'village', '二村');
  const v3 = await makeUnit(w, townB.id, 'village', '三村');
  const community = await makeUnit(w, townA.id, 'community', '甲社区');
  const cpc = await makeUnit(w, w.rootId, 'party_committee', '县委');
  const branch = await makeUnit(w, cpc.id, 'party_branch', '一村党支部');
  const actor = async (unitId: string, grants: Parameters<typeof makePerson>[2]) =>
    (await makePerson(w, unitId, grants)).actor();
  const county = await actor(gov.id, [{ role: 'office', unitId: w.rootId, coversSubtree: true }]);
  const townOffice = await actor(townA.id, [{ role: 'office', unitId: townA.id, coversSubtree: true }]);
  const v1Publisher = await actor(v1.id, [{ role: 'publisher', unitId: v1.id }]);
  const v1Approver = await actor(v1.id, [{ role: 'approver', unitId: v1.id }]);
  const v2Publisher = await actor(v2.id, [{ role: 'publisher', unitId: v2.id }]);

  const make = async (
    by: typeof county,
    ownerUnitId: string,
    unitKind: 'village' | 'community' | 'party_branch',
    domain: EntryInput['domain'] & string,
    name: string,
    entries: EntryInput[],
  ) => {
    const c = await createGuidingCatalog(w.ctx(by), { ownerUnitId, unitKind, domain, name });
    for (const e of entries) await addGuidingEntry(w.ctx(by), c.id, e);
    return c;
  };
  const catalogs = {
    villages: await make(county, w.rootId, 'village', 'village', '县村务目录', [
      entry('村务一般事项'),
      entry('重大事项', { timing: 'immediate', period: undefined }),
    ]),
    finance: await make(townOffice, townA.id, 'village', 'finance', '甲镇村级财务目录', [
      entry('收支明细', { period: 'monthly' }),
    ]),
    otherTown: await make(county, townB.id, 'village', 'village', '乙镇村务补充目录', [entry('乙镇事项')]),
    communities: await make(county, w.rootId, 'community', 'village', '社区目录', [entry('居务事项')]),
    party: await make(county, w.rootId, 'party_branch', 'party', '党支部目录', [
      entry('党费收缴', { domain: 'party', audience: 'partyInternal', requiredChannels: ['meeting'] }),
    ]),
  };
  await addOwnEntry(w.ctx(v1Publisher), v1.id, entry('本村特色事项', { domain: 'village' }));
  return {
    tdb,
    w,
    units: { townA, townB, v1, v2, v3, community, branch },
    actors: { county, townOffice, v1Publisher, v1Approver, v2Publisher },
    catalogs,
  };
}
export type CatalogWorld = Awaited<ReturnType<typeof catalogWorld>>;
