import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addGuidingEntry } from './add-guiding-entry.ts';
import { addOwnEntry } from './add-own-entry.ts';
import { type CatalogWorld, catalogWorld, entry, fieldCode, rejectsWith } from './catalog-fixture.ts';
import { createGuidingCatalog } from './create-guiding-catalog.ts';
import { effectiveCatalog, getVisibleCatalog } from './queries.ts';
import { retireCatalogEntry } from './retire-catalog-entry.ts';
import { updateCatalogEntry } from './update-catalog-entry.ts';
import { updateGuidingCatalog } from './update-guiding-catalog.ts';

let s: CatalogWorld;
before(async () => {
  s = await catalogWorld();
});
after(() => s.tdb.cleanup());

describe('catalog authorization', () => {
  it("a township office cannot edit the county's guiding catalog, but the county may edit the township's", async () => {
    const { county, townOffice } = s.actors;
    const id = s.catalogs.villages.id;
    const countyEntry = (await effectiveCatalog(s.tdb.db, s.units.v1)).find(
      (i) => i.catalog?.id === id,
    )!.entry;
    // It sees the county catalog (it applies to its villages) but cannot change it.
    assert.equal((await getVisibleCatalog(s.tdb.db, townOffice, id)).id, id);
    await assert.rejects(
      updateGuidingCatalog(s.w.ctx(townOffice), id, { name: '改' }),
      rejectsWith('auth.forbidden', 403),
    );
    await assert.rejects(
      addGuidingEntry(s.w.ctx(townOffice), id, entry('新增')),
      rejectsWith('auth.forbidden', 403),
    );
    await assert.rejects(
      updateCatalogEntry(s.w.ctx(townOffice), countyEntry.id, entry('改')),
      rejectsWith('catalog.entry_inherited', 403),
    );
    await assert.rejects(
      createGuidingCatalog(s.w.ctx(townOffice), {
        ownerUnitId: s.w.rootId,
        unitKind: 'village',
        domain: 'village',
        name: '越权目录',
      }),
      fieldCode('ownerUnitId', 'unit.not_found'),
    );
    await updateGuidingCatalog(s.w.ctx(county), s.catalogs.finance.id, { name: '甲镇村级财务公开目录' });
  });

  it("a unit cannot delete or change inherited entries; a village cannot touch another village's own entries", async () => {
    const { v1, v2 } = s.units;
    const { county, townOffice, v1Publisher, v1Approver, v2Publisher } = s.actors;
    const list = await effectiveCatalog(s.tdb.db, v1);
    const inherited = list.find((i) => i.source === 'inherited')!;
    const own = list.find((i) => i.source === 'own')!;
    for (const actor of [v1Publisher, v1Approver])
      await assert.rejects(
        retireCatalogEntry(s.w.ctx(actor), inherited.entry.id, { reason: '不需要' }),
        rejectsWith('catalog.entry_inherited', 403),
      );
    await assert.rejects(
      updateCatalogEntry(s.w.ctx(v2Publisher), own.entry.id, entry('改', { domain: 'village' })),
      rejectsWith('catalog.entry.not_found', 404),
    );
    await assert.rejects(
      retireCatalogEntry(s.w.ctx(v2Publisher), own.entry.id, { reason: '删' }),
      rejectsWith('catalog.entry.not_found', 404),
    );
    await assert.rejects(
      addOwnEntry(s.w.ctx(v2Publisher), v1.id, entry('越权', { domain: 'village' })),
      rejectsWith('unit.not_found', 404),
    );
    await addOwnEntry(s.w.ctx(v2Publisher), v2.id, entry('二村事项', { domain: 'village' }));
    // The village's own publisher and the township office may.
    await updateCatalogEntry(
      s.w.ctx(v1Publisher),
      own.entry.id,
      entry('本村特色事项（修订）', { domain: 'village' }),
    );
    await retireCatalogEntry(s.w.ctx(townOffice), own.entry.id, { reason: '并入镇目录' });
    // A village sees only the catalogs that apply to it.
    await assert.rejects(
      getVisibleCatalog(s.tdb.db, v1Publisher, s.catalogs.otherTown.id),
      rejectsWith('catalog.not_found', 404),
    );
    assert.equal((await getVisibleCatalog(s.tdb.db, county, s.catalogs.otherTown.id)).entry_count, 1);
  });

  it('every write left its audit entry, scoped to the unit it concerns', async () => {
    const rows = await s.tdb.db
      .selectFrom('audit_log')
      .select(['action', 'unit_id', 'target_id'])
      .where('tenant_id', '=', s.w.tenantId)
      .where('action', 'like', 'catalog.%')
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'catalog.create',
      'catalog.update',
      'catalog.entry.create',
      'catalog.entry.update',
      'catalog.entry.retire',
    ])
      assert.ok(actions.has(a), `${a} was audited`);
    const created = rows.filter((r) => r.action === 'catalog.create');
    assert.ok(created.some((r) => r.target_id === s.catalogs.villages.id && r.unit_id === s.w.rootId));
    assert.ok(created.some((r) => r.target_id === s.catalogs.finance.id && r.unit_id === s.units.townA.id));
    const ownRetire = rows.find((r) => r.action === 'catalog.entry.retire')!;
    assert.equal(ownRetire.unit_id, s.units.v1.id);
  });
});
