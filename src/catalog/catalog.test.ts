import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freshDb, type TestDb } from '../../test/helpers/db.ts';
import { makePerson, makeUnit, makeWorld, type World } from '../../test/helpers/factories.ts';
import type { Actor } from '../auth/actor.ts';
import type { Unit } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { findUnit } from '../units/queries.ts';
import { acceptExclusion } from './accept-exclusion.ts';
import { addGuidingEntry } from './add-guiding-entry.ts';
import { addOwnEntry } from './add-own-entry.ts';
import { claimExclusion } from './claim-exclusion.ts';
import { createGuidingCatalog } from './create-guiding-catalog.ts';
import { effectiveCatalog, getVisibleCatalog, pendingClaims } from './queries.ts';
import { rejectExclusion } from './reject-exclusion.ts';
import { retireCatalogEntry } from './retire-catalog-entry.ts';
import { retireGuidingCatalog } from './retire-guiding-catalog.ts';
import type { EntryInput } from './schemas.ts';
import { updateCatalogEntry } from './update-catalog-entry.ts';
import { updateGuidingCatalog } from './update-guiding-catalog.ts';
import { withdrawExclusion } from './withdraw-exclusion.ts';

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

function rejectsWith(code: string, status?: number) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, code);
    if (status) assert.equal(e.status, status);
    return true;
  };
}
function fieldCode(field: string, code: string) {
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

/**
 * The county (region root) with two townships, villages in both, a community, a party branch;
 * the county office, township A's office, and people of villages 1 and 2.
 */
let tdb: TestDb;
let w: World;
let townA: Unit;
let townB: Unit;
let v1: Unit;
let v2: Unit;
let v3: Unit;
let community: Unit;
let branch: Unit;
let county: Actor;
let townOffice: Actor;
let v1Publisher: Actor;
let v1Approver: Actor;
let v2Publisher: Actor;
const items = (list: Awaited<ReturnType<typeof effectiveCatalog>>) =>
  list.map((i) => `${i.source}:${i.entry.item}${i.applies ? '' : '(不适用)'}`);

before(async () => {
  tdb = await freshDb();
  w = await makeWorld(tdb.db);
  const gov = await makeUnit(w, w.rootId, 'county', '县政府');
  townA = await makeUnit(w, gov.id, 'township', '甲镇');
  townB = await makeUnit(w, gov.id, 'township', '乙镇');
  v1 = await makeUnit(w, townA.id, 'village', '一村');
  v2 = await makeUnit(w, townA.id, 'village', '二村');
  v3 = await makeUnit(w, townB.id, 'village', '三村');
  community = await makeUnit(w, townA.id, 'community', '甲社区');
  const cpc = await makeUnit(w, w.rootId, 'party_committee', '县委');
  branch = await makeUnit(w, cpc.id, 'party_branch', '一村党支部');
  county = await (
    await makePerson(w, gov.id, [{ role: 'office', unitId: w.rootId, coversSubtree: true }])
  ).actor();
  townOffice = await (
    await makePerson(w, townA.id, [{ role: 'office', unitId: townA.id, coversSubtree: true }])
  ).actor();
  v1Publisher = await (await makePerson(w, v1.id, [{ role: 'publisher', unitId: v1.id }])).actor();
  v1Approver = await (await makePerson(w, v1.id, [{ role: 'approver', unitId: v1.id }])).actor();
  v2Publisher = await (await makePerson(w, v2.id, [{ role: 'publisher', unitId: v2.id }])).actor();
});
after(() => tdb.cleanup());

describe('guiding catalogs and the effective catalog (7 + X)', () => {
  it("composes inherited entries by kind and subtree, then the unit's own", async () => {
    const root = w.rootId;
    const villages = await createGuidingCatalog(w.ctx(county), {
      ownerUnitId: root,
      unitKind: 'village',
      domain: 'village',
      name: '县村务目录',
    });
    await addGuidingEntry(w.ctx(county), villages.id, entry('村务一般事项'));
    await addGuidingEntry(
      w.ctx(county),
      villages.id,
      entry('重大事项', { timing: 'immediate', period: undefined }),
    );
    const finance = await createGuidingCatalog(w.ctx(townOffice), {
      ownerUnitId: townA.id,
      unitKind: 'village',
      domain: 'finance',
      name: '甲镇村级财务目录',
    });
    await addGuidingEntry(w.ctx(townOffice), finance.id, entry('收支明细', { period: 'monthly' }));
    const otherTown = await createGuidingCatalog(w.ctx(county), {
      ownerUnitId: townB.id,
      unitKind: 'village',
      domain: 'village',
      name: '乙镇村务补充目录',
    });
    await addGuidingEntry(w.ctx(county), otherTown.id, entry('乙镇事项'));
    const communities = await createGuidingCatalog(w.ctx(county), {
      ownerUnitId: root,
      unitKind: 'community',
      domain: 'village',
      name: '社区目录',
    });
    await addGuidingEntry(w.ctx(county), communities.id, entry('居务事项'));
    const party = await createGuidingCatalog(w.ctx(county), {
      ownerUnitId: root,
      unitKind: 'party_branch',
      domain: 'party',
      name: '党支部目录',
    });
    await addGuidingEntry(
      w.ctx(county),
      party.id,
      entry('党费收缴', { domain: 'party', audience: 'partyInternal', requiredChannels: ['meeting'] }),
    );
    await addOwnEntry(w.ctx(v1Publisher), v1.id, entry('本村特色事项', { domain: 'village' }));

    assert.deepEqual(items(await effectiveCatalog(tdb.db, v1)), [
      'inherited:村务一般事项',
      'inherited:重大事项',
      'inherited:收支明细',
      'own:本村特色事项',
    ]);
    assert.deepEqual(items(await effectiveCatalog(tdb.db, v3)), [
      'inherited:村务一般事项',
      'inherited:重大事项',
      'inherited:乙镇事项',
    ]);
    assert.deepEqual(items(await effectiveCatalog(tdb.db, community)), ['inherited:居务事项']);
    assert.deepEqual(items(await effectiveCatalog(tdb.db, branch)), ['inherited:党费收缴']);
    assert.deepEqual(items(await effectiveCatalog(tdb.db, townA)), []);

    // A government office cannot define catalogs for party organisations (they are not under it).
    await assert.rejects(
      createGuidingCatalog(w.ctx(townOffice), {
        ownerUnitId: townA.id,
        unitKind: 'party_branch',
        domain: 'party',
        name: '错误目录',
      }),
      fieldCode('unitKind', 'catalog.kind_sphere_mismatch'),
    );

    // Retired catalogs and entries leave the effective catalog.
    await retireGuidingCatalog(w.ctx(county), otherTown.id, { reason: '并入县目录' });
    const [first] = await effectiveCatalog(tdb.db, v1);
    await retireCatalogEntry(w.ctx(county), first.entry.id, { reason: '调整' });
    assert.deepEqual(items(await effectiveCatalog(tdb.db, v3)), ['inherited:重大事项']);
    await assert.rejects(
      addGuidingEntry(w.ctx(county), otherTown.id, entry('x')),
      rejectsWith('catalog.retired', 409),
    );
  });

  it('applies defaults and cross-field rules to entries', async () => {
    const c = await createGuidingCatalog(w.ctx(county), {
      ownerUnitId: w.rootId,
      unitKind: 'department',
      domain: 'government',
      name: '部门目录',
    });
    const e = await addGuidingEntry(w.ctx(county), c.id, {
      level1: '机构职能',
      item: '机构设置',
      mode: 'proactive',
      timing: 'periodic',
      period: 'yearly',
      audience: 'public',
      requiredChannels: ['portal', 'wechat'],
      optionalChannels: ['gazette'],
    });
    assert.equal(e.domain, 'government');
    assert.equal(e.time_limit_days, 5);
    assert.equal(e.min_display_days, 30);
    assert.equal(e.responsible_role, 'publisher');
    assert.equal(e.required_channels, JSON.stringify(['portal', 'wechat']));
    const bad = (more: Partial<EntryInput>) => addGuidingEntry(w.ctx(county), c.id, entry('x', more));
    await assert.rejects(bad({ domain: 'finance' }), fieldCode('domain', 'catalog.entry.domain_mismatch'));
    await assert.rejects(bad({ period: undefined }), fieldCode('period', 'catalog.entry.period_required'));
    await assert.rejects(
      bad({ timing: 'standing', period: 'monthly' }),
      fieldCode('period', 'catalog.entry.period_unexpected'),
    );
    await assert.rejects(
      bad({ audience: 'partyInternal' }),
      fieldCode('audience', 'catalog.entry.audience_party_only'),
    );
    await assert.rejects(
      bad({ requiredChannels: [] }),
      fieldCode('requiredChannels', 'catalog.entry.channel_required'),
    );
    await assert.rejects(
      bad({ mode: 'sometimes' as never, requiredChannels: ['fax' as never] }),
      (err: unknown) => err instanceof AppError && err.fields.some((f) => f.field === 'mode'),
    );
    const onRequest = await addOwnEntry(
      w.ctx(county),
      townA.id,
      entry('依申请', { domain: 'government', mode: 'on_request' }),
    );
    assert.equal(onRequest.time_limit_days, 20);
  });
});

describe('not applicable claims', () => {
  it('a unit claims with a reason; the office sees it and rejects it; the entry applies again', async () => {
    const inherited = (await effectiveCatalog(tdb.db, v1)).filter((i) => i.source === 'inherited');
    const target = inherited[0].entry;
    await assert.rejects(
      claimExclusion(w.ctx(v1Publisher), v1.id, { entryId: target.id, reason: '无' }),
      rejectsWith('auth.forbidden', 403),
    );
    const claim = await claimExclusion(w.ctx(v1Approver), v1.id, {
      entryId: target.id,
      reason: '本村无集体收入',
    });
    assert.equal(claim.status, 'claimed');
    const after = (await effectiveCatalog(tdb.db, v1)).find((i) => i.entry.id === target.id)!;
    assert.equal(after.applies, false);
    assert.equal(after.exclusion?.reason, '本村无集体收入');
    await assert.rejects(
      claimExclusion(w.ctx(v1Approver), v1.id, { entryId: target.id, reason: '再次' }),
      rejectsWith('catalog.exclusion_exists', 409),
    );

    // Offices above see it; the unit's own people do not decide.
    assert.deepEqual(
      (await pendingClaims(tdb.db, townOffice)).map((c) => c.exclusion.id),
      [claim.id],
    );
    assert.equal((await pendingClaims(tdb.db, county)).length, 1);
    assert.equal((await pendingClaims(tdb.db, v1Approver)).length, 0);
    await assert.rejects(
      rejectExclusion(w.ctx(v1Approver), claim.id, { reason: '不行' }),
      rejectsWith('auth.forbidden'),
    );
    await assert.rejects(
      rejectExclusion(w.ctx(townOffice), claim.id, {}),
      fieldCode('reason', 'validation.required'),
    );

    const rejected = await rejectExclusion(w.ctx(townOffice), claim.id, {
      reason: '该村有经营性收入，应当公开',
    });
    assert.equal(rejected.status, 'rejected');
    const again = (await effectiveCatalog(tdb.db, v1)).find((i) => i.entry.id === target.id)!;
    assert.equal(again.applies, true);
    assert.equal(again.exclusion?.decision_reason, '该村有经营性收入，应当公开');
    assert.equal((await pendingClaims(tdb.db, townOffice)).length, 0);
    await assert.rejects(
      rejectExclusion(w.ctx(townOffice), claim.id, { reason: '再驳回' }),
      rejectsWith('catalog.exclusion_decided', 409),
    );

    // A new claim after a rejection is allowed; accepted, then withdrawn by the unit.
    const second = await claimExclusion(w.ctx(v1Approver), v1.id, { entryId: target.id, reason: '情况变化' });
    assert.equal((await acceptExclusion(w.ctx(county), second.id, {})).status, 'accepted');
    assert.equal((await effectiveCatalog(tdb.db, v1)).find((i) => i.entry.id === target.id)!.applies, false);
    assert.equal((await withdrawExclusion(w.ctx(v1Approver), second.id, {})).status, 'withdrawn');
    assert.equal((await effectiveCatalog(tdb.db, v1)).find((i) => i.entry.id === target.id)!.applies, true);
  });

  it('refuses claims on own entries, on entries of other catalogs, and self-decisions', async () => {
    const own = (await effectiveCatalog(tdb.db, v1)).find((i) => i.source === 'own')!;
    await assert.rejects(
      claimExclusion(w.ctx(v1Approver), v1.id, { entryId: own.entry.id, reason: '无' }),
      fieldCode('entryId', 'catalog.exclusion_own_entry'),
    );
    const ofCommunity = (await effectiveCatalog(tdb.db, community))[0];
    await assert.rejects(
      claimExclusion(w.ctx(v1Approver), v1.id, { entryId: ofCommunity.entry.id, reason: '无' }),
      fieldCode('entryId', 'catalog.entry_not_in_catalog'),
    );
    const forV2 = (await effectiveCatalog(tdb.db, v2)).find((i) => i.source === 'inherited')!;
    const mine = await claimExclusion(w.ctx(townOffice), v2.id, {
      entryId: forV2.entry.id,
      reason: '乡镇代报',
    });
    await assert.rejects(
      acceptExclusion(w.ctx(townOffice), mine.id, {}),
      rejectsWith('catalog.exclusion_self_decision', 403),
    );
    await acceptExclusion(w.ctx(county), mine.id, { reason: '属实' });
  });
});

describe('authorization', () => {
  it("a township office cannot edit the county's guiding catalog, but manages its own", async () => {
    const [countyCatalog] = (await effectiveCatalog(tdb.db, v1)).filter(
      (i) => i.catalog?.owner_unit_id === w.rootId,
    );
    const id = countyCatalog.catalog!.id;
    // It sees the county catalog (it applies to its villages) but cannot change it.
    assert.equal((await getVisibleCatalog(tdb.db, townOffice, id)).id, id);
    await assert.rejects(
      updateGuidingCatalog(w.ctx(townOffice), id, { name: '改' }),
      rejectsWith('auth.forbidden', 403),
    );
    await assert.rejects(
      addGuidingEntry(w.ctx(townOffice), id, entry('新增')),
      rejectsWith('auth.forbidden', 403),
    );
    await assert.rejects(
      updateCatalogEntry(w.ctx(townOffice), countyCatalog.entry.id, entry('改')),
      rejectsWith('catalog.entry_inherited', 403),
    );
    await assert.rejects(
      createGuidingCatalog(w.ctx(townOffice), {
        ownerUnitId: w.rootId,
        unitKind: 'village',
        domain: 'village',
        name: '越权目录',
      }),
      fieldCode('ownerUnitId', 'unit.not_found'),
    );
    // The county office may change a township's catalog (it covers the township).
    const townCatalog = (await effectiveCatalog(tdb.db, v1)).find(
      (i) => i.catalog?.owner_unit_id === townA.id,
    )!;
    await updateGuidingCatalog(w.ctx(county), townCatalog.catalog!.id, { name: '甲镇村级财务公开目录' });
  });

  it("a unit cannot delete or change inherited entries; a village cannot touch another village's own entries", async () => {
    const items = await effectiveCatalog(tdb.db, v1);
    const inherited = items.find((i) => i.source === 'inherited')!;
    const own = items.find((i) => i.source === 'own')!;
    await assert.rejects(
      retireCatalogEntry(w.ctx(v1Publisher), inherited.entry.id, { reason: '不需要' }),
      rejectsWith('catalog.entry_inherited', 403),
    );
    await assert.rejects(
      retireCatalogEntry(w.ctx(v1Approver), inherited.entry.id, { reason: '不需要' }),
      rejectsWith('catalog.entry_inherited', 403),
    );
    await assert.rejects(
      updateCatalogEntry(w.ctx(v2Publisher), own.entry.id, entry('改', { domain: 'village' })),
      rejectsWith('catalog.entry.not_found', 404),
    );
    await assert.rejects(
      retireCatalogEntry(w.ctx(v2Publisher), own.entry.id, { reason: '删' }),
      rejectsWith('catalog.entry.not_found', 404),
    );
    await assert.rejects(
      addOwnEntry(w.ctx(v2Publisher), v1.id, entry('越权', { domain: 'village' })),
      rejectsWith('unit.not_found', 404),
    );
    // The village's own publisher and the township office may.
    await updateCatalogEntry(
      w.ctx(v1Publisher),
      own.entry.id,
      entry('本村特色事项（修订）', { domain: 'village' }),
    );
    await retireCatalogEntry(w.ctx(townOffice), own.entry.id, { reason: '并入镇目录' });
    // A village sees only the catalogs that apply to it.
    const otherTown = await createGuidingCatalog(w.ctx(county), {
      ownerUnitId: townB.id,
      unitKind: 'village',
      domain: 'finance',
      name: '乙镇财务目录',
    });
    await assert.rejects(
      getVisibleCatalog(tdb.db, v1Publisher, otherTown.id),
      rejectsWith('catalog.not_found', 404),
    );
  });
});

describe('audit', () => {
  it('every catalog write left its audit entry, scoped to the unit it concerns', async () => {
    const rows = await tdb.db
      .selectFrom('audit_log')
      .select(['action', 'unit_id', 'target_type'])
      .where('tenant_id', '=', w.tenantId)
      .where('action', 'like', 'catalog.%')
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'catalog.create',
      'catalog.update',
      'catalog.retire',
      'catalog.entry.create',
      'catalog.entry.update',
      'catalog.entry.retire',
      'catalog.exclusion.claim',
      'catalog.exclusion.reject',
      'catalog.exclusion.accept',
      'catalog.exclusion.withdraw',
    ])
      assert.ok(actions.has(a), `${a} was audited`);
    const claims = rows.filter((r) => r.action === 'catalog.exclusion.claim');
    assert.ok(claims.every((r) => r.unit_id === v1.id || r.unit_id === v2.id));
    const root = (await findUnit(tdb.db, w.tenantId, w.rootId))!;
    assert.ok(rows.some((r) => r.action === 'catalog.create' && r.unit_id === root.id));
  });
});
