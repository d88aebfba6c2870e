import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { extractText } from '../documents/extract-text.ts';
import { type DisclosureWorld, disclosureWorld, draftVia, VALID_ID, xlsxWith } from './disclosure-fixture.ts';

let x: DisclosureWorld;
before(async () => {
  x = await disclosureWorld();
});
after(() => x.t.close());

const form = (more: Record<string, string> = {}) => ({
  unitId: x.units.v1.id,
  entryId: x.entries.quarterly.id,
  periodKey: '2026-Q1',
  title: '2026年第一季度财务收支公开',
  bodyHtml: '收支情况见附件。',
  decidedOn: '2026-02-28',
  ...more,
});
const row = (id: string) =>
  x.t.db.db.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('an XLSX attachment with an ID number blocks submit, shows the finding, and one action masks it', async () => {
  const c = x.people.pub1.c;
  const id = await draftVia(c, form({ bodyHtml: '联系人电话 13812345678。' }));
  const sheet = await xlsxWith([
    ['摘要', '收入', '支出', '经手人身份证'],
    ['低保金发放', '', '1200', VALID_ID],
  ]);
  const up = await c.upload(
    `/admin/disclosures/${id}/attachments`,
    {},
    { field: 'file', filename: '收支.xlsx', content: sheet },
  );
  assert.equal(up.statusCode, 303, up.body.slice(0, 300));

  // a file whose content is not an allowed type is refused, whatever its name
  const fake = await c.upload(
    `/admin/disclosures/${id}/attachments`,
    {},
    { field: 'file', filename: 'x.pdf', content: Buffer.from('MZ not a pdf') },
  );
  assert.equal(fake.statusCode, 415);

  const blocked = await c.post(`/admin/disclosures/${id}/submit`, { form: {} });
  assert.equal(blocked.statusCode, 422);
  assert.match(blocked.body, /1101\*+002X/);
  assert.match(blocked.body, /138\*\*\*\*5678/);
  assert.equal((await row(id)).state, 'draft');

  assert.equal((await c.post(`/admin/disclosures/${id}/mask`, { form: {} })).statusCode, 303);
  const d = await row(id);
  assert.doesNotMatch(d.body_html, /13812345678/);
  const [att] = JSON.parse(d.attachments);
  const f = await x.t.db.db
    .selectFrom('files')
    .selectAll()
    .where('id', '=', att.fileId)
    .executeTakeFirstOrThrow();
  const text = (await extractText(Buffer.from(f.content_b64, 'base64'), 'xlsx')).parts
    .map((p) => p.text)
    .join('\n');
  assert.doesNotMatch(text, new RegExp(VALID_ID));
  assert.match(text, /低保金发放/);
  assert.equal((await c.post(`/admin/disclosures/${id}/submit`, { form: {} })).statusCode, 303);
  assert.equal((await row(id)).privacy_override_reason, null);
});

test('an override with a reason lets the item through and is audited', async () => {
  const c = x.people.pub1.c;
  const id = await draftVia(c, form({ periodKey: '2025-Q4', bodyHtml: `公示对象身份证号 ${VALID_ID}` }));
  const res = await c.post(`/admin/disclosures/${id}/submit`, {
    form: { overrideReason: '依法须公示身份信息（经批准）' },
  });
  assert.equal(res.statusCode, 303);
  const d = await row(id);
  assert.equal(d.state, 'submitted');
  assert.equal(d.privacy_override_reason, '依法须公示身份信息（经批准）');
  const audit = await x.t.db.db
    .selectFrom('audit_log')
    .selectAll()
    .where('target_id', '=', id)
    .where('action', '=', 'disclosure.privacy_override')
    .execute();
  assert.equal(audit.length, 1);
  // publishing re-runs the guard; the recorded override stands
  assert.equal((await x.people.rev1.c.post(`/admin/disclosures/${id}/review`, { form: {} })).statusCode, 303);
  assert.equal(
    (await x.people.app1.c.post(`/admin/disclosures/${id}/approve`, { form: {} })).statusCode,
    303,
  );
  assert.equal((await c.post(`/admin/disclosures/${id}/publish`, { form: {} })).statusCode, 303);
});

test('a revision that adds personal data is blocked without an override', async () => {
  const c = x.people.pub1.c;
  const id = await draftVia(c, form({ periodKey: '2025-Q3' }));
  for (const [cl, s] of [
    [c, 'submit'],
    [x.people.rev1.c, 'review'],
    [x.people.app1.c, 'approve'],
    [c, 'publish'],
  ] as const)
    assert.equal((await cl.post(`/admin/disclosures/${id}/${s}`, { form: {} })).statusCode, 303, s);
  const res = await c.post(`/admin/disclosures/${id}/revise`, {
    form: { title: '更正', bodyHtml: '联系电话 13812345678', changeNote: '补充联系方式' },
  });
  assert.equal(res.statusCode, 422);
  const vs = await x.t.db.db
    .selectFrom('disclosure_versions')
    .select('id')
    .where('disclosure_id', '=', id)
    .execute();
  assert.equal(vs.length, 1);
});
