import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDb, type TestDb } from '../../../test/helpers/db.ts';
import { FIXED_NOW, makePerson, makeUnit, makeWorld, type World } from '../../../test/helpers/factories.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Unit } from '../../db/types.ts';
import { inTransaction } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { issueDocument } from './issue-document.ts';
import { documentPdf, listDocuments } from './list-documents.ts';
import { saveTemplate } from './save-template.ts';
import { setNumberPattern } from './set-number-pattern.ts';
import { insertTestRequest, pdfText, squash } from './test-support.ts';

let db: TestDb;
let w: World;
let office: Actor;
let handler: Actor;
let townA: Unit;
let townB: Unit;

before(async () => {
  db = await freshDb();
  w = await makeWorld(db.db);
  const gov = await makeUnit(w, w.rootId, 'county', '青山县人民政府', 'QS');
  townA = await makeUnit(w, gov.id, 'township', '青山镇人民政府', 'QSA');
  townB = await makeUnit(w, gov.id, 'township', '绿水镇人民政府', 'QSB');
  office = await (
    await makePerson(w, gov.id, [{ role: 'office', unitId: w.rootId, coversSubtree: true }])
  ).actor();
  handler = await (await makePerson(w, townA.id, [{ role: 'publisher', unitId: townA.id }])).actor();
});
after(() => db.cleanup());

const issue = (
  actor: Actor,
  unit: Unit,
  requestId: string,
  now = FIXED_NOW,
  fields: Record<string, string> = {},
) => issueDocument(w.ctx(actor, now), { requestId, unitId: unit.id, kind: 'reply_partial', fields });

test('issues a numbered PDF stored with the request, readable by pdftotext', async () => {
  const requestId = await insertTestRequest(db.db, w.tenantId, townA.id, { applicantName: '赵一鸣' });
  const doc = await issueDocument(w.ctx(handler), {
    requestId,
    unitId: townA.id,
    kind: 'acknowledgement',
    fields: { contact: '李干事 0571-12345678' },
  });
  assert.equal(doc.number, '青山镇人民政府信复〔2026〕1号');
  const list = await listDocuments(db.db, w.tenantId, requestId);
  assert.equal(list.length, 1);
  assert.equal(list[0].title, '政府信息公开申请受理回执');
  assert.equal(list[0].fileId, doc.fileId);
  const file = await documentPdf(db.db, w.tenantId, doc.id);
  assert.ok(file);
  assert.equal(file.requestId, requestId);
  assert.match(file.fileName, /受理回执.*1号.*\.pdf$/);
  const text = squash(pdfText(file.bytes));
  for (const s of [
    '赵一鸣',
    '青山镇人民政府信复〔2026〕1号',
    '2026年3月2日',
    '李干事',
    '本镇2025年度道路建设项目的招标文件',
  ])
    assert.ok(text.includes(s), s);
  const audit = await db.db
    .selectFrom('audit_log')
    .select(['action', 'target_id', 'unit_id'])
    .where('tenant_id', '=', w.tenantId)
    .where('action', '=', 'request_docs.issued')
    .execute();
  assert.deepEqual(audit, [{ action: 'request_docs.issued', target_id: requestId, unit_id: townA.id }]);
});

test('numbers run per unit and per year; a rollback returns its number', async () => {
  const rA = await insertTestRequest(db.db, w.tenantId, townA.id);
  const rB = await insertTestRequest(db.db, w.tenantId, townB.id);
  assert.equal((await issue(office, townA, rA)).number, '青山镇人民政府信复〔2026〕2号');
  assert.equal((await issue(office, townB, rB)).number, '绿水镇人民政府信复〔2026〕1号');
  await assert.rejects(
    inTransaction(w.ctx(office), async (tx) => {
      await issueDocument(tx, { requestId: rA, unitId: townA.id, kind: 'fee_notice', fields: {} });
      throw new Error('later step failed');
    }),
    /later step failed/,
  );
  assert.equal((await issue(office, townA, rA)).number, '青山镇人民政府信复〔2026〕3号');
  // 2027-01-01 08:30 Beijing time is still 2026-12-31 in UTC: the year follows Beijing time
  const newYear = new Date('2027-01-01T00:30:00Z');
  assert.equal((await issue(office, townA, rA, newYear)).number, '青山镇人民政府信复〔2027〕1号');
});

test('parallel issues get distinct consecutive numbers', async () => {
  const unit = await makeUnit(w, townA.id, 'village', '青山村', 'QSA1');
  const requestId = await insertTestRequest(db.db, w.tenantId, unit.id);
  const docs = await Promise.all(Array.from({ length: 8 }, () => issue(office, unit, requestId)));
  const seqs = docs.map((d) => Number(/〔2026〕(\d+)号/.exec(d.number)![1])).sort((a, b) => a - b);
  assert.deepEqual(seqs, [1, 2, 3, 4, 5, 6, 7, 8]);
  const rows = await db.db
    .selectFrom('request_documents')
    .select('seq')
    .where('tenant_id', '=', w.tenantId)
    .where('unit_id', '=', unit.id)
    .execute();
  assert.equal(new Set(rows.map((r) => r.seq)).size, 8);
});

test('the 文号 pattern is configurable per unit and validated', async () => {
  await assert.rejects(
    setNumberPattern(w.ctx(office), { unitId: townB.id, pattern: '绿政信复〔{year}〕号' }),
    (e) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.fields[0].code, 'request_docs.pattern_incomplete');
      return true;
    },
  );
  await assert.rejects(
    setNumberPattern(w.ctx(office), { unitId: townB.id, pattern: '{unit}〔{year}〕{seq}号' }),
    (e) => {
      assert.equal((e as AppError).fields[0].code, 'request_docs.pattern_unknown');
      return true;
    },
  );
  await assert.rejects(
    setNumberPattern(w.ctx(handler), { unitId: townA.id, pattern: '青政信复〔{year}〕{seq}号' }),
    (e) => (e as AppError).code === 'auth.forbidden',
  );
  await setNumberPattern(w.ctx(office), { unitId: townB.id, pattern: '绿政信复〔{year}〕{seq}号' });
  const rB = await insertTestRequest(db.db, w.tenantId, townB.id);
  assert.equal((await issue(office, townB, rB)).number, '绿政信复〔2026〕2号');
});

test('a handler of another unit cannot issue; unknown fields are refused', async () => {
  const rB = await insertTestRequest(db.db, w.tenantId, townB.id);
  await assert.rejects(issue(handler, townB, rB), (e) => (e as AppError).code === 'request.not_found');
  await assert.rejects(
    issue(office, townB, rB, FIXED_NOW, { applicantNmae: 'x' }),
    (e) => (e as AppError).code === 'validation.failed',
  );
});

test('template edits: unknown placeholders rejected, saved text used by the next document, audited', async () => {
  const base = DEFAULT_TEMPLATES.reply_partial;
  await assert.rejects(
    saveTemplate(w.ctx(office), { ...base, body: `${base.body}\n{applicantNmae}` }),
    (e) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.code, 'validation.failed');
      assert.deepEqual(e.fields, [
        { field: 'body', code: 'request_docs.unknown_placeholder', params: { names: '{applicantNmae}' } },
      ]);
      return true;
    },
  );
  await assert.rejects(saveTemplate(w.ctx(handler), base), (e) => (e as AppError).code === 'auth.forbidden');
  const saved = await saveTemplate(w.ctx(office), {
    ...base,
    body: `${base.body}\n本答复书一式两份，申请人{applicantName}留存一份。`,
  });
  assert.equal(saved.version, 1);
  const requestId = await insertTestRequest(db.db, w.tenantId, townA.id, { applicantName: '孙二娘' });
  const doc = await issue(office, townA, requestId);
  const file = await documentPdf(db.db, w.tenantId, doc.id);
  assert.ok(squash(pdfText(file!.bytes)).includes('本答复书一式两份，申请人孙二娘留存一份。'));
  const audit = await db.db
    .selectFrom('audit_log')
    .select('summary')
    .where('tenant_id', '=', w.tenantId)
    .where('action', '=', 'request_docs.template_saved')
    .execute();
  assert.equal(audit.length, 1);
});

test('a reply cites the legal basis of the request’s outcome unless the handler writes one', async () => {
  const requestId = await insertTestRequest(db.db, w.tenantId, townA.id, {
    outcomeKey: 'withheld_third_party',
  });
  const doc = await issueDocument(w.ctx(office), {
    requestId,
    unitId: townA.id,
    kind: 'reply_withheld',
    fields: {},
  });
  const text = squash(pdfText((await documentPdf(db.db, w.tenantId, doc.id))!.bytes));
  assert.ok(text.includes('根据《中华人民共和国政府信息公开条例》第十五条和'), text);
  const own = await issueDocument(w.ctx(office), {
    requestId,
    unitId: townA.id,
    kind: 'reply_withheld',
    fields: { legalBasis: '《中华人民共和国反不正当竞争法》第九条' },
  });
  assert.ok(
    squash(pdfText((await documentPdf(db.db, w.tenantId, own.id))!.bytes)).includes('反不正当竞争法》第九条'),
  );
});

test('a reply says how the information is provided: the form and way the applicant chose', async () => {
  const requestId = await insertTestRequest(db.db, w.tenantId, townA.id, { outcomeKey: 'partial' });
  const doc = await issue(handler, townA, requestId);
  const file = await documentPdf(db.db, w.tenantId, doc.id);
  assert.ok(file);
  const text = squash(pdfText(file.bytes));
  assert.ok(text.includes('提供可以公开的部分，以电子形式，通过在线下载方式提供；'), text);
  // the caller may still word it itself
  const own = await issue(handler, townA, requestId, FIXED_NOW, { provisionMethod: '请到本机关窗口领取' });
  const ownText = squash(pdfText((await documentPdf(db.db, w.tenantId, own.id))?.bytes ?? Buffer.alloc(0)));
  assert.ok(ownText.includes('提供可以公开的部分，请到本机关窗口领取；'), ownText);
});
