import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makePerson, makeUnit } from '../../test/helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from '../../test/helpers/server.ts';
import type { Unit } from '../db/types.ts';

let t: TestApp;
let town: Unit;
let otherTown: Unit;
let v1: Unit;
let office: Client;
let townOffice: Client;
let publisher: Client;
let approver: Client;
let catalogId: string;
let entryId: string;

async function signedIn(unitId: string, grants: Parameters<typeof makePerson>[2]): Promise<Client> {
  const p = await makePerson(t.world, unitId, grants);
  const c = t.client();
  const res = await c.signIn(p.username);
  assert.equal(res.statusCode, 303);
  return c;
}
const location = (res: { headers: Record<string, unknown> }) => String(res.headers.location);

before(async () => {
  t = await startTestApp();
  const gov = await makeUnit(t.world, t.world.rootId, 'county', '县政府');
  town = await makeUnit(t.world, gov.id, 'township', '甲镇');
  otherTown = await makeUnit(t.world, gov.id, 'township', '乙镇');
  v1 = await makeUnit(t.world, town.id, 'village', '一村');
  office = await signedIn(gov.id, [{ role: 'office', unitId: t.world.rootId, coversSubtree: true }]);
  townOffice = await signedIn(town.id, [{ role: 'office', unitId: town.id, coversSubtree: true }]);
  publisher = await signedIn(v1.id, [{ role: 'publisher', unitId: v1.id }]);
  approver = await signedIn(v1.id, [{ role: 'approver', unitId: v1.id }]);
});
after(() => t.close());

describe('catalog pages', () => {
  it('the office creates a guiding catalog and adds entries through forms', async () => {
    const list = await office.get('/admin/catalogs');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /新建指导目录/);
    const created = await office.post('/admin/catalogs', {
      form: { ownerUnitId: t.world.rootId, unitKind: 'village', domain: 'village', name: '村务公开指导目录' },
    });
    assert.equal(created.statusCode, 303, created.body);
    catalogId = location(created).split('/')[3].split('?')[0];
    const bad = await office.post(`/admin/catalogs/${catalogId}/entries`, {
      form: {
        level1: '村务',
        item: '无类型',
        mode: 'proactive',
        audience: 'public',
        requiredChannels: 'bulletin_board',
      },
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /提交的内容有误/);
    assert.match(bad.body, /value="无类型"/, 'the form keeps what was typed');
    const added = await office.post(`/admin/catalogs/${catalogId}/entries`, {
      form: {
        level1: '村民会议决定事项',
        item: '征地补偿费的使用、分配方案',
        mode: 'proactive',
        timing: 'immediate',
        audience: 'public',
        requiredChannels: 'bulletin_board',
        optionalChannels: 'wechat',
      },
    });
    assert.equal(added.statusCode, 303, added.body);
    const detail = await office.get(`/admin/catalogs/${catalogId}`);
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /征地补偿费的使用、分配方案/);
    assert.match(detail.body, /■公开栏 □政务新媒体/);
    const api = await office.api('GET', `/api/v1/catalogs/${catalogId}`);
    entryId = api.json().entries[0].id;
    const edit = await office.get(`/admin/catalog-entries/${entryId}`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /删除条目/);
    // Derived wording is not put in the form, or saving it back would freeze it as custom text.
    assert.match(edit.body, /name="timeLimitText" type="text" value maxlength/);
  });

  it('export → upload → preview → commit, with an upload page that shows progress', async () => {
    const exported = await office.get(`/admin/catalogs/${catalogId}/export.xlsx`);
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-type']), /spreadsheetml/);
    const target = await office.api('POST', '/api/v1/catalogs', {
      ownerUnitId: town.id,
      unitKind: 'village',
      domain: 'village',
      name: '甲镇补充目录',
    });
    assert.equal(target.statusCode, 201, target.body);
    const targetId = target.json().id;
    const page = await office.get(`/admin/catalogs/${targetId}/import`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<progress id="catalog-import-progress"/);
    assert.match(page.body, /<script src="\/static\/catalog-import.js" defer/);
    assert.equal((await office.get('/static/catalog-import.js')).statusCode, 200);
    const uploaded = await office.upload(
      `/admin/catalogs/${targetId}/import`,
      {},
      { field: 'file', filename: 'export.xlsx', content: exported.rawPayload },
    );
    assert.equal(uploaded.statusCode, 303, uploaded.body);
    const previewUrl = location(uploaded);
    const preview = await office.get(previewUrl);
    assert.match(preview.body, /检查通过/);
    const committed = await office.post(`${previewUrl}/commit`, { form: {} });
    assert.equal(committed.statusCode, 303);
    assert.equal(location(committed), `/admin/catalogs/${targetId}?ok=catalog_imported`);
    const entries = (await office.api('GET', `/api/v1/catalogs/${targetId}`)).json().entries;
    assert.deepEqual(
      entries.map((e: { item: string }) => e.item),
      ['征地补偿费的使用、分配方案'],
    );
    const template = await office.get('/admin/catalogs/template.xlsx');
    assert.equal(template.statusCode, 200);
  });

  it("a village sees its catalog, cannot delete inherited entries, and claims 'not applicable'", async () => {
    const nav = await publisher.get('/admin');
    assert.match(nav.body, /href="\/admin\/catalogs"/);
    const mine = await publisher.get(`/admin/units/${v1.id}/catalog`);
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /征地补偿费的使用、分配方案/);
    assert.match(mine.body, /甲镇补充目录/);
    // The publisher may read the catalogs that apply to its village, and only those.
    const visible = (await publisher.api('GET', '/api/v1/catalogs')).json();
    assert.equal(visible.total, 2);
    const retire = await publisher.api('POST', `/api/v1/catalog-entries/${entryId}/retire`, {
      reason: '本村不需要',
    });
    assert.equal(retire.statusCode, 403);
    assert.equal(retire.json().error.code, 'catalog.entry_inherited');
    assert.equal((await publisher.api('DELETE', `/api/v1/catalog-entries/${entryId}`)).statusCode, 404);
    const update = await publisher.api('PATCH', `/api/v1/catalog-entries/${entryId}`, {
      level1: '改',
      item: '改',
      mode: 'proactive',
      timing: 'standing',
      audience: 'public',
      requiredChannels: ['portal'],
    });
    assert.equal(update.json().error.code, 'catalog.entry_inherited');
    // A publisher may not claim; the approver may.
    const denied = await publisher.api('POST', `/api/v1/units/${v1.id}/catalog/exclusions`, {
      entryId,
      reason: '无',
    });
    assert.equal(denied.statusCode, 403);
    const claimed = await approver.post(`/admin/units/${v1.id}/catalog/exclusions`, {
      form: { entryId, reason: '本村近三年无征地' },
    });
    assert.equal(claimed.statusCode, 303, claimed.body);
    const page = await approver.get(location(claimed));
    assert.match(page.body, /不适用（待审核）/);
    assert.match(page.body, /本村近三年无征地/);
    assert.match(page.body, /已标记为不适用/);
  });

  it('the township office sees the pending claim and rejects it; the entry applies again', async () => {
    const claims = await townOffice.get('/admin/catalog-claims');
    assert.equal(claims.statusCode, 200);
    assert.match(claims.body, /本村近三年无征地/);
    const pending = (await townOffice.api('GET', '/api/v1/catalog-exclusions')).json().items;
    assert.equal(pending.length, 1);
    assert.equal(pending[0].unitName, '一村');
    // The other township's office does not see it.
    const other = await signedIn(otherTown.id, [
      { role: 'office', unitId: otherTown.id, coversSubtree: true },
    ]);
    assert.equal((await other.api('GET', '/api/v1/catalog-exclusions')).json().items.length, 0);
    const rejected = await townOffice.api(
      'POST',
      `/api/v1/catalog-exclusions/${pending[0].exclusion.id}/reject`,
      {
        reason: '去年有征地补偿，应当公开',
      },
    );
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.equal(rejected.json().status, 'rejected');
    const catalog = (await publisher.api('GET', `/api/v1/units/${v1.id}/catalog`)).json();
    const item = catalog.items.find((i: { entry: { id: string } }) => i.entry.id === entryId);
    assert.equal(item.applies, true);
    assert.equal(item.source, 'inherited');
    assert.equal(item.exclusion.status, 'rejected');
    assert.equal(item.exclusion.decisionReason, '去年有征地补偿，应当公开');
  });

  it("a village's own entries: its publisher adds them, another village's cannot", async () => {
    const added = await publisher.post(`/admin/units/${v1.id}/catalog/entries`, {
      form: {
        domain: 'village',
        level1: '乡村振兴',
        item: '人居环境整治项目',
        mode: 'proactive',
        timing: 'staged',
        audience: 'public',
        requiredChannels: 'bulletin_board',
      },
    });
    assert.equal(added.statusCode, 303, added.body);
    const v2 = await makeUnit(t.world, town.id, 'village', '二村');
    const outsider = await signedIn(v2.id, [{ role: 'publisher', unitId: v2.id }]);
    const own = (await publisher.api('GET', `/api/v1/units/${v1.id}/catalog`))
      .json()
      .items.find((i: { source: string }) => i.source === 'own');
    const res = await outsider.api('POST', `/api/v1/catalog-entries/${own.entry.id}/retire`, {
      reason: '删',
    });
    assert.equal(res.statusCode, 404);
    assert.equal((await outsider.get(`/admin/units/${v1.id}/catalog`)).statusCode, 404);
    const export_ = await publisher.get(`/api/v1/units/${v1.id}/catalog/export.xlsx`);
    assert.equal(export_.statusCode, 200);
  });
});
