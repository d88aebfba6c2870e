import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type DisclosureWorld, disclosureWorld, draftVia } from './disclosure-fixture.ts';

let x: DisclosureWorld;
before(async () => {
  x = await disclosureWorld();
});
after(() => x.t.close());

const form = (more: Record<string, string> = {}) => ({
  unitId: x.units.v1.id,
  entryId: x.entries.quarterly.id,
  periodKey: '2026-Q1',
  title: '一村2026年第一季度财务收支公开',
  bodyHtml: '本季度收入 12,000 元。\n支出 8,000 元。<script>alert(1)</script>',
  decidedOn: '2026-02-28',
  ...more,
});
const row = (id: string) =>
  x.t.db.db.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('提出 → 审核 → 审批 → 发布 with 三级负责, obligation fulfilled, fingerprint verifiable', async () => {
  const { pub1, rev1, app1 } = x.people;
  const id = await draftVia(pub1.c, form());
  const d0 = await row(id);
  assert.equal(d0.state, 'draft');
  assert.doesNotMatch(d0.body_html, /script/);

  assert.equal((await pub1.c.post(`/admin/disclosures/${id}/submit`, { form: {} })).statusCode, 303);
  // a reviewer cannot approve; the approver cannot approve before review
  assert.equal((await rev1.c.post(`/admin/disclosures/${id}/approve`, { form: {} })).statusCode, 403);
  assert.equal((await app1.c.post(`/admin/disclosures/${id}/approve`, { form: {} })).statusCode, 409);
  // return with a reason, shown to the drafter
  assert.equal(
    (await rev1.c.post(`/admin/disclosures/${id}/return`, { form: { reason: '' } })).statusCode,
    422,
  );
  assert.equal(
    (await rev1.c.post(`/admin/disclosures/${id}/return`, { form: { reason: '支出未列明细' } })).statusCode,
    303,
  );
  const page = await pub1.c.get(`/admin/disclosures/${id}`);
  assert.match(page.body, /支出未列明细/);
  const upd = await pub1.c.post(`/admin/disclosures/${id}`, {
    form: { ...form(), bodyHtml: '本季度收入 12,000 元。\n支出 8,000 元，其中办公费 3,000 元。' },
  });
  assert.equal(upd.statusCode, 303, upd.body.slice(0, 400));
  assert.equal((await pub1.c.post(`/admin/disclosures/${id}/submit`, { form: {} })).statusCode, 303);
  assert.equal((await rev1.c.post(`/admin/disclosures/${id}/review`, { form: {} })).statusCode, 303);
  assert.equal((await app1.c.post(`/admin/disclosures/${id}/approve`, { form: {} })).statusCode, 303);
  // the approver may not publish (publisher/office only)
  assert.equal((await app1.c.post(`/admin/disclosures/${id}/publish`, { form: {} })).statusCode, 403);
  assert.equal((await pub1.c.post(`/admin/disclosures/${id}/publish`, { form: {} })).statusCode, 303);

  const d = await row(id);
  assert.equal(d.state, 'published');
  assert.equal(d.drafted_by, pub1.id);
  assert.equal(d.reviewed_by, rev1.id);
  assert.equal(d.approved_by, app1.id);
  const v = await x.t.db.db
    .selectFrom('disclosure_versions')
    .selectAll()
    .where('disclosure_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(v.version, 1);
  assert.match(v.fingerprint, /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);

  const ob = await x.t.db.db
    .selectFrom('obligations')
    .selectAll()
    .where('unit_id', '=', x.units.v1.id)
    .where('period_key', '=', '2026-Q1')
    .executeTakeFirstOrThrow();
  assert.equal(ob.disclosure_id, id);
  assert.equal(ob.fulfilment_kind, 'disclosure');

  const anon = x.t.client();
  const pub = await anon.get(`/d/${id}`);
  assert.equal(pub.statusCode, 200);
  assert.match(pub.body, new RegExp(v.fingerprint));
  assert.match(pub.body, /办公费/);
  const verify = await anon.get(`/verify?fp=${v.fingerprint.toUpperCase().replace(/-/g, '')}`);
  assert.equal(verify.statusCode, 200);
  assert.match(verify.body, new RegExp(`/d/${id}`));
  assert.doesNotMatch((await anon.get('/verify?fp=000000000000')).body, /\/d\//);
  assert.equal((await anon.get('/verify?fp=zz')).statusCode, 422);

  const events = await x.t.db.db
    .selectFrom('disclosure_events')
    .select('action')
    .where('disclosure_id', '=', id)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    events.map((e) => e.action),
    ['draft', 'submit', 'return', 'update', 'submit', 'review', 'approve', 'publish'],
  );
});

test('published records are immutable: no draft edit, a revision is version 2 with a change note, chained', async () => {
  const { pub1, rev1, app1 } = x.people;
  const id = await draftVia(pub1.c, form({ periodKey: '2025-Q4', title: '第四季度财务公开' }));
  for (const [c, s] of [
    [pub1.c, 'submit'],
    [rev1.c, 'review'],
    [app1.c, 'approve'],
    [pub1.c, 'publish'],
  ] as const)
    assert.equal((await c.post(`/admin/disclosures/${id}/${s}`, { form: {} })).statusCode, 303, s);
  assert.equal((await pub1.c.post(`/admin/disclosures/${id}`, { form: form() })).statusCode, 409);
  const noNote = await pub1.c.post(`/admin/disclosures/${id}/revise`, {
    form: { title: '第四季度财务公开（更正）', bodyHtml: '更正后的正文' },
  });
  assert.equal(noNote.statusCode, 422);
  const ok = await pub1.c.post(`/admin/disclosures/${id}/revise`, {
    form: { title: '第四季度财务公开（更正）', bodyHtml: '更正后的正文', changeNote: '更正支出金额' },
  });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
  const vs = await x.t.db.db
    .selectFrom('disclosure_versions')
    .selectAll()
    .where('disclosure_id', '=', id)
    .orderBy('version')
    .execute();
  assert.deepEqual(
    vs.map((v) => v.version),
    [1, 2],
  );
  assert.equal(vs[1].change_note, '更正支出金额');
  assert.equal(vs[1].previous_digest, vs[0].digest);
  const pub = await x.t.client().get(`/d/${id}`);
  assert.match(pub.body, /更正支出金额/);
  assert.match(pub.body, /<ins>/);

  // revocation needs a reason and leaves a public notice
  assert.equal((await pub1.c.post(`/admin/disclosures/${id}/revoke`, { form: {} })).statusCode, 422);
  assert.equal(
    (await pub1.c.post(`/admin/disclosures/${id}/revoke`, { form: { reason: '重复发布' } })).statusCode,
    303,
  );
  const gone = await x.t.client().get(`/d/${id}`);
  assert.equal(gone.statusCode, 200);
  assert.match(gone.body, /重复发布/);
  assert.doesNotMatch(gone.body, /更正后的正文/);
});

test('the drafter cannot review their own draft unless the unit allows it', async () => {
  const { pub1 } = x.people;
  // make pub1 a reviewer of the unit too
  const { grantRole } = await import('../people/grant-role.ts');
  await grantRole(x.w.system, { personId: pub1.id, role: 'reviewer', unitId: x.units.v1.id });
  const c = x.t.client();
  const p = await x.t.db.db
    .selectFrom('people')
    .select('username')
    .where('id', '=', pub1.id)
    .executeTakeFirstOrThrow();
  await c.signIn(p.username);
  const id = await draftVia(c, form({ periodKey: '2025-Q3', title: '第三季度' }));
  assert.equal((await c.post(`/admin/disclosures/${id}/submit`, { form: {} })).statusCode, 303);
  const self = await c.post(`/admin/disclosures/${id}/review`, { form: {} });
  assert.equal(self.statusCode, 403);
  // the unit's office allows it (a publisher may not change the setting)
  const setting = { unitId: x.units.v1.id, allowed: 'true' };
  assert.equal(
    (await x.people.pub1b.c.post('/admin/disclosures/settings', { form: setting })).statusCode,
    403,
  );
  assert.equal(
    (await x.people.townOffice.c.post('/admin/disclosures/settings', { form: setting })).statusCode,
    303,
  );
  assert.equal((await c.post(`/admin/disclosures/${id}/review`, { form: {} })).statusCode, 303);
});

test("another unit's publisher cannot see or touch the item; anonymous cannot see a draft", async () => {
  const id = await draftVia(x.people.pub1.c, form({ periodKey: '2025-Q2', title: '第二季度' }));
  const other = x.people.pub2.c;
  assert.equal((await other.get(`/admin/disclosures/${id}`)).statusCode, 404);
  assert.equal((await other.post(`/admin/disclosures/${id}/submit`, { form: {} })).statusCode, 404);
  assert.equal((await other.post(`/admin/disclosures/${id}`, { form: form() })).statusCode, 404);
  assert.equal((await x.t.client().get(`/d/${id}`)).statusCode, 404);
  // and cannot draft against v1
  const res = await other.post('/admin/disclosures', { form: form() });
  assert.equal(res.statusCode, 404);
  // a periodic entry needs a matching period; an entry outside the unit's catalog is refused
  const bad = await x.people.pub1.c.post('/admin/disclosures', { form: form({ periodKey: '2026-M01' }) });
  assert.equal(bad.statusCode, 422);
  const notMine = await x.people.pub1.c.post('/admin/disclosures', {
    form: form({ entryId: x.entries.partyInternal.id, periodKey: '' }),
  });
  assert.equal(notMine.statusCode, 422);
});

test('back-office pages render', async () => {
  const c = x.people.pub1.c;
  const list = await c.get('/admin/disclosures');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /一村/);
  const page = await c.get(`/admin/disclosures/new?unitId=${x.units.v1.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /财务收支明细/);
});

test('a decision not to disclose (不予公开) needs reason and basis, is filed, never public, listed for the office', async () => {
  const { pub1, rev1, app1, townOffice } = x.people;
  const base = form({
    entryId: x.entries.standing.id,
    periodKey: '',
    title: '不予公开：涉及个人隐私的调解协议',
    attribute: 'withheld',
  });
  assert.equal((await pub1.c.post('/admin/disclosures', { form: base })).statusCode, 422);
  const id = await draftVia(pub1.c, {
    ...base,
    withheldReason: '涉及第三方个人隐私',
    withheldBasis: '《条例》第十五条',
  });
  for (const [c, s] of [
    [pub1.c, 'submit'],
    [rev1.c, 'review'],
    [app1.c, 'approve'],
    [pub1.c, 'publish'],
  ] as const)
    assert.equal((await c.post(`/admin/disclosures/${id}/${s}`, { form: {} })).statusCode, 303, s);
  assert.equal((await row(id)).state, 'withheld');
  assert.equal((await x.t.client().get(`/d/${id}`)).statusCode, 404);
  const listed = await townOffice.c.get('/admin/disclosures?state=withheld');
  assert.match(listed.body, /涉及个人隐私的调解协议/);
  const versions = await x.t.db.db
    .selectFrom('disclosure_versions')
    .select('id')
    .where('disclosure_id', '=', id)
    .execute();
  assert.equal(versions.length, 0);
});

test('the JSON API runs the same workflow, privacy findings included', async () => {
  const { pub1, rev1, app1 } = x.people;
  const created = await pub1.c.api('POST', '/api/v1/disclosures', {
    unitId: x.units.v1.id,
    entryId: x.entries.quarterly.id,
    periodKey: '2025-Q1',
    title: '接口起草',
    bodyHtml: '联系电话 13812345678',
    decidedOn: '2025-03-31',
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id;
  const findings = (await pub1.c.api('GET', `/api/v1/disclosures/${id}/privacy`)).json().findings;
  assert.equal(findings.length, 1);
  assert.equal(findings[0].kind, 'mobile');
  const blocked = await pub1.c.api('POST', `/api/v1/disclosures/${id}/submit`, {});
  assert.equal(blocked.statusCode, 422);
  assert.equal(blocked.json().error.code, 'disclosure.privacy_findings');
  assert.equal((await pub1.c.api('POST', `/api/v1/disclosures/${id}/mask`)).statusCode, 200);
  assert.equal((await pub1.c.api('POST', `/api/v1/disclosures/${id}/submit`)).json().state, 'submitted');
  assert.equal((await rev1.c.api('POST', `/api/v1/disclosures/${id}/review`)).json().state, 'reviewed');
  assert.equal((await app1.c.api('POST', `/api/v1/disclosures/${id}/approve`)).json().state, 'approved');
  const pub = await pub1.c.api('POST', `/api/v1/disclosures/${id}/publish`);
  assert.equal(pub.json().state, 'published');
  const open = await x.t.client().api('GET', `/api/v1/public/disclosures/${id}`);
  assert.equal(open.statusCode, 200);
  assert.match(open.json().versions[0].bodyHtml, /138\*\*\*\*5678/);
});
