import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makePerson } from '../../test/helpers/factories.ts';
import { addGuidingEntry } from '../catalog/add-guiding-entry.ts';
import { createGuidingCatalog } from '../catalog/create-guiding-catalog.ts';
import { findEntry } from '../catalog/queries.ts';
import { buildCatalogWorkbook } from '../catalog/xlsx/build-catalog-workbook.ts';
import { parseCatalogFile } from '../catalog/xlsx/parse-catalog-file.ts';
import { validateCatalogRows } from '../catalog/xlsx/validate-catalog-rows.ts';
import { type DisclosureWorld, disclosureWorld, draftVia } from './disclosure-fixture.ts';

let x: DisclosureWorld;
let entryId: string;
before(async () => {
  x = await disclosureWorld();
  const w = x.w;
  const c = await createGuidingCatalog(w.system, {
    ownerUnitId: w.rootId,
    unitKind: 'village',
    domain: 'village',
    name: '村务决策目录',
  });
  const entry = await addGuidingEntry(w.system, c.id, {
    level1: '村务决策',
    item: '村规民约修订',
    mode: 'proactive',
    timing: 'standing',
    audience: 'public',
    requiredChannels: ['portal'],
    requiresInterpretation: true,
  });
  entryId = entry.id;
});
after(() => x.t.close());

const row = (id: string) =>
  x.t.db.db.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function through(id: string, steps: [ReturnType<DisclosureWorld['t']['client']>, string][]) {
  for (const [c, s] of steps) {
    const res = await c.post(`/admin/disclosures/${id}/${s}`, { form: {} });
    assert.equal(res.statusCode, 303, `${s}: ${res.body.slice(0, 300)}`);
  }
}

test('the catalog entry carries 须政策解读 (API view, entry form, export)', async () => {
  const office = x.people.townOffice.c;
  const v = await office.api('GET', `/api/v1/units/${x.units.v1.id}/catalog`);
  assert.equal(v.statusCode, 200, v.body);
  const item = v.json().items.find((i: { entry: { id: string } }) => i.entry.id === entryId);
  assert.equal(item.entry.requiresInterpretation, true);
  const quarterly = v
    .json()
    .items.find((i: { entry: { id: string } }) => i.entry.id === x.entries.quarterly.id);
  assert.equal(quarterly.entry.requiresInterpretation, false);

  // the entry form: a checkbox, unticked → 0, ticked → 1 (the owning office edits guiding entries)
  const root = await makePerson(x.w, x.w.rootId, [
    { role: 'office', unitId: x.w.rootId, coversSubtree: true },
  ]);
  const rc = x.t.client();
  await rc.signIn(root.username);
  const page = await rc.get(`/admin/catalog-entries/${entryId}`);
  assert.match(page.body, /name="requiresInterpretation" value="true" checked/);
  const form = {
    level1: '村务决策',
    item: '村规民约修订',
    mode: 'proactive',
    timing: 'standing',
    audience: 'public',
    requiredChannels: 'portal',
  };
  assert.equal((await rc.post(`/admin/catalog-entries/${entryId}`, { form })).statusCode, 303);
  const stored = async () => (await findEntry(x.t.db.db, x.w.tenantId, entryId))!;
  assert.equal((await stored()).requires_interpretation, 0);
  const again = { ...form, requiresInterpretation: 'true' };
  assert.equal((await rc.post(`/admin/catalog-entries/${entryId}`, { form: again })).statusCode, 303);
  assert.equal((await stored()).requires_interpretation, 1);

  // export → import keeps it (column 政策解读（三同时）: 是)
  const file = await buildCatalogWorkbook('目录', [await stored()]);
  const parsed = await parseCatalogFile(file);
  assert.equal(parsed.rows[0].requiresInterpretation, '是');
  const { plan, errors } = validateCatalogRows(parsed.rows, 'village', []);
  assert.deepEqual(errors, []);
  assert.equal(plan[0].values.requires_interpretation, 1);
});

test('三同时: the document cannot be published without an approved 政策解读; then both publish together', async () => {
  const { pub1, rev1, app1, pub2 } = x.people;
  const docId = await draftVia(pub1.c, {
    unitId: x.units.v1.id,
    entryId,
    title: '一村村规民约（2026年修订）',
    bodyHtml: '第一条 本村村民应当遵守本村规民约。',
    decidedOn: '2026-02-20',
  });
  await through(docId, [
    [pub1.c, 'submit'],
    [rev1.c, 'review'],
    [app1.c, 'approve'],
  ]);
  // no interpretation: refused with a clear message, on the page and in the API
  const blocked = await pub1.c.post(`/admin/disclosures/${docId}/publish`, { form: {} });
  assert.equal(blocked.statusCode, 409);
  assert.match(blocked.body, /三同时/);
  const apiBlocked = await pub1.c.api('POST', `/api/v1/disclosures/${docId}/publish`);
  assert.equal(apiBlocked.statusCode, 409);
  assert.equal(apiBlocked.json().error.code, 'disclosure.interpretation_required');
  assert.equal((await row(docId)).state, 'approved');

  // the document's page offers 起草政策解读; another village's publisher does not even see it
  assert.match((await pub1.c.get(`/admin/disclosures/${docId}`)).body, /起草政策解读/);
  assert.equal(
    (await pub2.c.post(`/admin/disclosures/${docId}/interpretation`, { form: {} })).statusCode,
    404,
  );
  const made = await pub1.c.post(`/admin/disclosures/${docId}/interpretation`, { form: {} });
  assert.equal(made.statusCode, 303, made.body.slice(0, 300));
  const interpId = /\/admin\/disclosures\/([0-9a-f-]{36})/.exec(String(made.headers.location))![1];
  const interp = await row(interpId);
  assert.equal(interp.interprets_id, docId);
  assert.equal(interp.unit_id, x.units.v1.id);
  assert.equal(interp.state, 'draft');
  // one live interpretation per document; an interpretation has none of its own
  const again = await pub1.c.api('POST', `/api/v1/disclosures/${docId}/interpretation`, {});
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'disclosure.interpretation_exists');
  const nested = await pub1.c.api('POST', `/api/v1/disclosures/${interpId}/interpretation`, {});
  assert.equal(nested.json().error.code, 'disclosure.interpretation_of_interpretation');

  // the pages link both ways
  assert.match(
    (await pub1.c.get(`/admin/disclosures/${docId}`)).body,
    new RegExp(`/admin/disclosures/${interpId}`),
  );
  assert.match((await pub1.c.get(`/admin/disclosures/${interpId}`)).body, /所解读的文件/);

  // written, reviewed and approved through the same steps
  const upd = await pub1.c.post(`/admin/disclosures/${interpId}`, {
    form: {
      title: '《一村村规民约（2026年修订）》政策解读',
      bodyHtml: '一、修订背景。\n二、主要内容。',
      decidedOn: '2026-02-20',
    },
  });
  assert.equal(upd.statusCode, 303, upd.body.slice(0, 300));
  // still a draft: publishing the document stays refused
  assert.equal((await pub1.c.post(`/admin/disclosures/${docId}/publish`, { form: {} })).statusCode, 409);
  await through(interpId, [
    [pub1.c, 'submit'],
    [rev1.c, 'review'],
    [app1.c, 'approve'],
  ]);
  // an interpretation is not published ahead of its document
  const alone = await pub1.c.api('POST', `/api/v1/disclosures/${interpId}/publish`);
  assert.equal(alone.statusCode, 409);
  assert.equal(alone.json().error.code, 'disclosure.interpretation_with_document');

  assert.equal((await pub1.c.post(`/admin/disclosures/${docId}/publish`, { form: {} })).statusCode, 303);
  const [doc, it] = [await row(docId), await row(interpId)];
  assert.equal(doc.state, 'published');
  assert.equal(it.state, 'published');
  const versions = await x.t.db.db
    .selectFrom('disclosure_versions')
    .selectAll()
    .where('unit_id', '=', x.units.v1.id)
    .orderBy('id')
    .execute();
  const vDoc = versions.find((v) => v.disclosure_id === docId)!;
  const vInt = versions.find((v) => v.disclosure_id === interpId)!;
  assert.ok(vDoc && vInt, 'both have a version');
  assert.equal(vInt.previous_digest, vDoc.digest, 'the interpretation follows the document in the chain');
  assert.equal(vDoc.published_at, vInt.published_at, 'one transaction, one instant');
  const trail = await x.t.db.db
    .selectFrom('disclosure_events')
    .select('action')
    .where('disclosure_id', '=', docId)
    .orderBy('id')
    .execute();
  assert.ok(trail.some((e) => e.action === 'publish_interpretation'));

  // the portal links both ways
  const anon = x.t.client();
  const docPage = await anon.get(`/d/${docId}`);
  assert.equal(docPage.statusCode, 200);
  assert.match(docPage.body, new RegExp(`/d/${interpId}`));
  assert.match(docPage.body, /政策解读/);
  const intPage = await anon.get(`/d/${interpId}`);
  assert.equal(intPage.statusCode, 200);
  assert.match(intPage.body, new RegExp(`/d/${docId}`));
  assert.match(intPage.body, /所解读的文件/);

  // revoking the document revokes its interpretation with it, saying why, in one step
  const revoked = await pub1.c.post(`/admin/disclosures/${docId}/revoke`, {
    form: { reason: '上级文件废止' },
  });
  assert.equal(revoked.statusCode, 303, revoked.body.slice(0, 300));
  const [doc2, it2] = [await row(docId), await row(interpId)];
  assert.equal(doc2.state, 'revoked');
  assert.equal(it2.state, 'revoked');
  assert.match(it2.revoked_reason ?? '', /所解读的文件《一村村规民约（2026年修订）》已撤销：上级文件废止/);
  const audit = await x.t.db.db
    .selectFrom('audit_log')
    .select('target_id')
    .where('target_id', '=', interpId)
    .where('action', 'like', '%revoke%')
    .execute();
  assert.equal(audit.length, 1, "the interpretation's revocation is audited");
  assert.match((await anon.get(`/d/${interpId}`)).body, /已撤销/);
});

test('without the requirement a document publishes alone, and a late interpretation publishes after it', async () => {
  const { pub1, rev1, app1 } = x.people;
  const docId = await draftVia(pub1.c, {
    unitId: x.units.v1.id,
    entryId: x.entries.standing.id,
    title: '一村红白理事会章程',
    bodyHtml: '章程正文。',
    decidedOn: '2026-02-21',
  });
  await through(docId, [
    [pub1.c, 'submit'],
    [rev1.c, 'review'],
    [app1.c, 'approve'],
    [pub1.c, 'publish'],
  ]);
  const made = await pub1.c.api('POST', `/api/v1/disclosures/${docId}/interpretation`, {
    title: '章程解读',
    bodyHtml: '解读正文',
  });
  assert.equal(made.statusCode, 201, made.body);
  const interpId = made.json().id;
  assert.equal(made.json().interpretsId, docId);
  await through(interpId, [
    [pub1.c, 'submit'],
    [rev1.c, 'review'],
    [app1.c, 'approve'],
    [pub1.c, 'publish'],
  ]);
  assert.equal((await row(interpId)).state, 'published');
  // the interpretation does not fulfil the document's obligation, nor does it count twice
  const obligations = await x.t.db.db
    .selectFrom('obligations')
    .select('disclosure_id')
    .where('disclosure_id', '=', interpId)
    .execute();
  assert.equal(obligations.length, 0);
});

test('a document with an interpretation is not turned into a 不予公开 filing; an interpretation stays 主动公开', async () => {
  const { pub1 } = x.people;
  const base = {
    unitId: x.units.v1.id,
    entryId,
    title: '一村集体经济组织章程',
    bodyHtml: '章程',
    decidedOn: '2026-02-22',
  };
  const doc = (await pub1.c.api('POST', '/api/v1/disclosures', base)).json();
  const interp = (await pub1.c.api('POST', `/api/v1/disclosures/${doc.id}/interpretation`, {})).json();
  assert.equal(interp.title, '关于《一村集体经济组织章程》的政策解读');
  const withheld = { ...base, attribute: 'withheld', withheldReason: '涉密', withheldBasis: '《保密法》' };
  delete (withheld as Record<string, unknown>).unitId;
  delete (withheld as Record<string, unknown>).entryId;
  for (const id of [doc.id, interp.id]) {
    const res = await pub1.c.api('PATCH', `/api/v1/disclosures/${id}`, withheld);
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.fields[0].code, 'disclosure.interpretation_withheld');
  }
});
