import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../lib/errors.ts';
import { acceptExclusion } from './accept-exclusion.ts';
import { addGuidingEntry } from './add-guiding-entry.ts';
import { addOwnEntry } from './add-own-entry.ts';
import { type CatalogWorld, catalogWorld, entry, fieldCode, items, rejectsWith } from './catalog-fixture.ts';
import { claimExclusion } from './claim-exclusion.ts';
import { createGuidingCatalog } from './create-guiding-catalog.ts';
import { effectiveCatalog, pendingClaims } from './queries.ts';
import { rejectExclusion } from './reject-exclusion.ts';
import { retireCatalogEntry } from './retire-catalog-entry.ts';
import { retireGuidingCatalog } from './retire-guiding-catalog.ts';
import type { EntryInput } from './schemas.ts';
import { withdrawExclusion } from './withdraw-exclusion.ts';

let s: CatalogWorld;
before(async () => {
  s = await catalogWorld();
});
after(() => s.tdb.cleanup());

describe('guiding catalogs and the effective catalog (7 + X)', () => {
  it("composes inherited entries by kind and subtree, then the unit's own", async () => {
    const { v1, v3, community, branch, townA } = s.units;
    const db = s.tdb.db;
    assert.deepEqual(items(await effectiveCatalog(db, v1)), [
      'inherited:村务一般事项',
      'inherited:重大事项',
      'inherited:收支明细',
      'own:本村特色事项',
    ]);
    assert.deepEqual(items(await effectiveCatalog(db, v3)), [
      'inherited:村务一般事项',
      'inherited:重大事项',
      'inherited:乙镇事项',
    ]);
    assert.deepEqual(items(await effectiveCatalog(db, community)), ['inherited:居务事项']);
    assert.deepEqual(items(await effectiveCatalog(db, branch)), ['inherited:党费收缴']);
    assert.deepEqual(items(await effectiveCatalog(db, townA)), []);
  });

  it('keeps spheres apart, and drops retired catalogs and entries', async () => {
    const { county, townOffice } = s.actors;
    // A government office cannot define catalogs for party organisations (they are not under it).
    await assert.rejects(
      createGuidingCatalog(s.w.ctx(townOffice), {
        ownerUnitId: s.units.townA.id,
        unitKind: 'party_branch',
        domain: 'party',
        name: '错误目录',
      }),
      fieldCode('unitKind', 'catalog.kind_sphere_mismatch'),
    );
    const extra = await createGuidingCatalog(s.w.ctx(county), {
      ownerUnitId: s.units.townB.id,
      unitKind: 'village',
      domain: 'service',
      name: '乙镇办事目录',
    });
    const e = await addGuidingEntry(
      s.w.ctx(county),
      extra.id,
      entry('代办事项', { timing: 'standing', period: undefined }),
    );
    const doomed = await addGuidingEntry(s.w.ctx(county), extra.id, entry('将删除'));
    await retireCatalogEntry(s.w.ctx(county), doomed.id, { reason: '调整' });
    assert.ok(items(await effectiveCatalog(s.tdb.db, s.units.v3)).includes(`inherited:${e.item}`));
    assert.ok(!items(await effectiveCatalog(s.tdb.db, s.units.v3)).includes('inherited:将删除'));
    await retireGuidingCatalog(s.w.ctx(county), extra.id, { reason: '并入县目录' });
    assert.ok(!items(await effectiveCatalog(s.tdb.db, s.units.v3)).includes(`inherited:${e.item}`));
    await assert.rejects(
      addGuidingEntry(s.w.ctx(county), extra.id, entry('x')),
      rejectsWith('catalog.retired', 409),
    );
  });

  it('applies defaults and cross-field rules to entries', async () => {
    const { county } = s.actors;
    const c = await createGuidingCatalog(s.w.ctx(county), {
      ownerUnitId: s.w.rootId,
      unitKind: 'department',
      domain: 'government',
      name: '部门目录',
    });
    const e = await addGuidingEntry(s.w.ctx(county), c.id, {
      level1: '机构职能',
      item: '机构设置',
      mode: 'proactive',
      timing: 'periodic',
      period: 'yearly',
      audience: 'public',
      requiredChannels: ['wechat', 'portal'],
      optionalChannels: ['gazette'],
    });
    assert.equal(e.domain, 'government');
    assert.equal(e.time_limit_days, 5);
    assert.equal(e.min_display_days, 30);
    assert.equal(e.responsible_role, 'publisher');
    assert.equal(e.required_channels, JSON.stringify(['portal', 'wechat']), 'channels in vocabulary order');
    const bad = (more: Partial<EntryInput>) => addGuidingEntry(s.w.ctx(county), c.id, entry('x', more));
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
      bad({ optionalChannels: ['bulletin_board'] }),
      fieldCode('optionalChannels', 'catalog.entry.channel_both'),
    );
    await assert.rejects(
      bad({ mode: 'sometimes' as never, requiredChannels: ['fax' as never] }),
      (err: unknown) => err instanceof AppError && err.fields.some((f) => f.field === 'mode'),
    );
    const onRequest = await addOwnEntry(
      s.w.ctx(county),
      s.units.townA.id,
      entry('依申请', { domain: 'government', mode: 'on_request' }),
    );
    assert.equal(onRequest.time_limit_days, 20);
  });
});

describe('not applicable claims', () => {
  it('a unit claims with a reason; the office sees it and rejects it; the entry applies again', async () => {
    const { v1 } = s.units;
    const { county, townOffice, v1Publisher, v1Approver } = s.actors;
    const db = s.tdb.db;
    const target = (await effectiveCatalog(db, v1)).find((i) => i.source === 'inherited')!.entry;
    await assert.rejects(
      claimExclusion(s.w.ctx(v1Publisher), v1.id, { entryId: target.id, reason: '无' }),
      rejectsWith('auth.forbidden', 403),
    );
    const claim = await claimExclusion(s.w.ctx(v1Approver), v1.id, {
      entryId: target.id,
      reason: '本村无集体收入',
    });
    assert.equal(claim.status, 'claimed');
    const claimed = (await effectiveCatalog(db, v1)).find((i) => i.entry.id === target.id)!;
    assert.equal(claimed.applies, false);
    assert.equal(claimed.exclusion?.reason, '本村无集体收入');
    await assert.rejects(
      claimExclusion(s.w.ctx(v1Approver), v1.id, { entryId: target.id, reason: '再次' }),
      rejectsWith('catalog.exclusion_exists', 409),
    );

    // Offices above see it; the unit's own people do not decide.
    assert.deepEqual(
      (await pendingClaims(db, townOffice)).map((c) => c.exclusion.id),
      [claim.id],
    );
    assert.equal((await pendingClaims(db, county)).length, 1);
    assert.equal((await pendingClaims(db, v1Approver)).length, 0);
    await assert.rejects(
      rejectExclusion(s.w.ctx(v1Approver), claim.id, { reason: '不行' }),
      rejectsWith('auth.forbidden'),
    );
    await assert.rejects(
      rejectExclusion(s.w.ctx(townOffice), claim.id, {}),
      fieldCode('reason', 'validation.required'),
    );

    const rejected = await rejectExclusion(s.w.ctx(townOffice), claim.id, {
      reason: '该村有经营性收入，应当公开',
    });
    assert.equal(rejected.status, 'rejected');
    const again = (await effectiveCatalog(db, v1)).find((i) => i.entry.id === target.id)!;
    assert.equal(again.applies, true);
    assert.equal(again.exclusion?.decision_reason, '该村有经营性收入，应当公开');
    assert.equal((await pendingClaims(db, townOffice)).length, 0);
    await assert.rejects(
      rejectExclusion(s.w.ctx(townOffice), claim.id, { reason: '再驳回' }),
      rejectsWith('catalog.exclusion_decided', 409),
    );

    // A new claim after a rejection is allowed; accepted, then withdrawn by the unit.
    const second = await claimExclusion(s.w.ctx(v1Approver), v1.id, {
      entryId: target.id,
      reason: '情况变化',
    });
    assert.equal((await acceptExclusion(s.w.ctx(county), second.id, {})).status, 'accepted');
    assert.equal((await effectiveCatalog(db, v1)).find((i) => i.entry.id === target.id)!.applies, false);
    assert.equal((await withdrawExclusion(s.w.ctx(v1Approver), second.id, {})).status, 'withdrawn');
    assert.equal((await effectiveCatalog(db, v1)).find((i) => i.entry.id === target.id)!.applies, true);

    const audited = await db
      .selectFrom('audit_log')
      .select(['action', 'unit_id'])
      .where('tenant_id', '=', s.w.tenantId)
      .where('action', 'like', 'catalog.exclusion.%')
      .execute();
    assert.deepEqual(audited.map((r) => r.action).sort(), [
      'catalog.exclusion.accept',
      'catalog.exclusion.claim',
      'catalog.exclusion.claim',
      'catalog.exclusion.reject',
      'catalog.exclusion.withdraw',
    ]);
    assert.ok(
      audited.every((r) => r.unit_id === v1.id),
      'scoped to the unit',
    );
  });

  it('refuses claims on own entries, on entries of other catalogs, and self-decisions', async () => {
    const { v1, v2, community } = s.units;
    const { county, townOffice, v1Approver } = s.actors;
    const own = (await effectiveCatalog(s.tdb.db, v1)).find((i) => i.source === 'own')!;
    await assert.rejects(
      claimExclusion(s.w.ctx(v1Approver), v1.id, { entryId: own.entry.id, reason: '无' }),
      fieldCode('entryId', 'catalog.exclusion_own_entry'),
    );
    const ofCommunity = (await effectiveCatalog(s.tdb.db, community))[0];
    await assert.rejects(
      claimExclusion(s.w.ctx(v1Approver), v1.id, { entryId: ofCommunity.entry.id, reason: '无' }),
      fieldCode('entryId', 'catalog.entry_not_in_catalog'),
    );
    const forV2 = (await effectiveCatalog(s.tdb.db, v2)).find((i) => i.source === 'inherited')!;
    const mine = await claimExclusion(s.w.ctx(townOffice), v2.id, {
      entryId: forV2.entry.id,
      reason: '乡镇代报',
    });
    await assert.rejects(
      acceptExclusion(s.w.ctx(townOffice), mine.id, {}),
      rejectsWith('catalog.exclusion_self_decision', 403),
    );
    await acceptExclusion(s.w.ctx(county), mine.id, { reason: '属实' });
  });
});
