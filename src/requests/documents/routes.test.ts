import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makePerson, makeUnit } from '../../../test/helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from '../../../test/helpers/server.ts';
import type { Unit } from '../../db/types.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { issueDocument } from './issue-document.ts';
import { insertTestRequest, pdfText, squash } from './test-support.ts';

let t: TestApp;
let office: Client;
let otherHandler: Client;
let town: Unit;
let requestId: string;
let documentId: string;

before(async () => {
  t = await startTestApp();
  const w = t.world;
  const gov = await makeUnit(w, w.rootId, 'county', '青山县人民政府', 'QS');
  town = await makeUnit(w, gov.id, 'township', '青山镇人民政府', 'QSA');
  const other = await makeUnit(w, gov.id, 'township', '绿水镇人民政府', 'QSB');
  const p = await makePerson(w, gov.id, [{ role: 'office', unitId: w.rootId, coversSubtree: true }]);
  office = t.client();
  await office.signIn(p.username);
  const q = await makePerson(w, other.id, [{ role: 'publisher', unitId: other.id }]);
  otherHandler = t.client();
  await otherHandler.signIn(q.username);
  requestId = await insertTestRequest(t.db.db, w.tenantId, town.id, { applicantName: '钱多多' });
  documentId = (
    await issueDocument(w.ctx(await p.actor()), {
      requestId,
      unitId: town.id,
      kind: 'reply_disclosed',
      fields: {},
    })
  ).id;
});
after(() => t.close());

const form = (over: Record<string, string> = {}) => {
  const d = DEFAULT_TEMPLATES.supplement_notice;
  return {
    title: d.title,
    numberLine: d.numberLine,
    addressee: d.addressee,
    body: d.body,
    signature: d.signature,
    ...over,
  };
};

test('templates page lists every kind with a preview link and the 文号 form', async () => {
  const res = await office.get('/admin/requests/templates');
  assert.equal(res.statusCode, 200);
  for (const s of [
    '受理回执',
    '补正告知书',
    '延期答复告知书',
    '第三方意见征询函',
    '收费通知书',
    '答复书（不予处理）',
    '文号格式',
  ])
    assert.ok(res.body.includes(s), s);
  assert.ok(res.body.includes('/admin/requests/templates/fee_notice/preview.pdf'));
});

test('edit form: help lists the placeholders; an unknown one is refused and the input kept', async () => {
  const page = await office.get('/admin/requests/templates/supplement_notice');
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('{supplementDeadline}') && page.body.includes('补正期限'));
  const bad = await office.post('/admin/requests/templates/supplement_notice', {
    form: form({ body: '请于{supplementDeadlin}前补正。' }),
  });
  assert.equal(bad.statusCode, 422);
  assert.ok(bad.body.includes('有未定义的占位符：{supplementDeadlin}'));
  assert.ok(bad.body.includes('请于{supplementDeadlin}前补正。'));
  const ok = await office.post('/admin/requests/templates/supplement_notice', {
    form: form({ body: '请于{supplementDeadline}前补正：{supplementItems}' }),
  });
  assert.equal(ok.statusCode, 303);
  const list = await office.get('/admin/requests/templates');
  assert.ok(list.body.includes('第 1 版'));
  const pdf = await office.get('/admin/requests/templates/supplement_notice/preview.pdf');
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.ok(squash(pdfText(pdf.rawPayload)).includes('请于2026年3月20日前补正'));
  assert.equal(
    (await otherHandler.post('/admin/requests/templates/supplement_notice', { form: form() })).statusCode,
    403,
  );
});

test('文号 pattern form: validated, saved, listed', async () => {
  const bad = await office.post('/admin/requests/numbering', {
    form: { unitId: town.id, pattern: '青政信复〔2026〕号' },
  });
  assert.equal(bad.statusCode, 422);
  assert.ok(bad.body.includes('必须包含'));
  const ok = await office.post('/admin/requests/numbering', {
    form: { unitId: town.id, pattern: '青镇信复〔{year}〕{seq}号' },
  });
  assert.equal(ok.statusCode, 303);
  assert.ok((await office.get('/admin/requests/templates')).body.includes('青镇信复〔{year}〕{seq}号'));
});

test('staff download and the API list of a request’s documents follow request visibility', async () => {
  const pdf = await office.get(`/admin/requests/documents/${documentId}/pdf`);
  assert.equal(pdf.statusCode, 200);
  const text = squash(pdfText(pdf.rawPayload));
  assert.ok(text.includes('钱多多') && text.includes('青山镇人民政府信复〔2026〕1号'));
  assert.equal((await otherHandler.get(`/admin/requests/documents/${documentId}/pdf`)).statusCode, 404);
  const api = await office.request('GET', `/api/v1/requests/${requestId}/documents`, {
    headers: { accept: 'application/json' },
  });
  assert.equal(api.statusCode, 200);
  assert.equal(api.json().items[0].number, '青山镇人民政府信复〔2026〕1号');
  const hidden = await otherHandler.request('GET', `/api/v1/requests/${requestId}/documents`, {
    headers: { accept: 'application/json' },
  });
  assert.equal(hidden.statusCode, 404);
  const templates = await office.request('GET', '/api/v1/requests/document-templates', {
    headers: { accept: 'application/json' },
  });
  assert.equal(templates.json().items.length, 11);
});
