import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OUTCOME_KEYS } from '../outcomes.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { DOCUMENT_KINDS, isReplyKind, unknownPlaceholders } from './kinds.ts';
import { BLANK, chineseDate, fillPlaceholders, renderPdf } from './render-pdf.ts';
import { LEGAL_BASIS, replyDocumentKind } from './reply-documents.ts';
import { pdfText, squash } from './test-support.ts';

const FIELDS = {
  applicantName: '王小明',
  number: '青政信复〔2026〕12号',
  unitName: '青山县人民政府办公室',
  date: '2026年3月2日',
  receivedDate: '2026年2月10日',
  requestCode: 'QS2026000123',
  description: '青山镇2025年度农村道路建设项目的招标文件',
  deadline: '2026年3月10日',
  reason: '该信息涉及商业秘密',
  legalBasis: '《中华人民共和国政府信息公开条例》第十五条',
  thirdPartyName: '青山建设有限公司',
  reconsiderationOrgan: '青山县人民政府',
  court: '青山县人民法院',
};

/** A phrase each kind's text must contain, besides the common fields. */
const KEY_PHRASE: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  acknowledgement: '受理回执',
  supplement_notice: '补正告知书',
  extension_notice: '延期答复告知书',
  third_party_consultation: '第三方意见征询函',
  fee_notice: '收费通知书',
  reply_disclosed: '决定予以公开',
  reply_partial: '第三十七条',
  reply_withheld: '决定不予公开',
  reply_unavailable: '无法向你（单位）提供',
  reply_not_processed: '不予处理',
  reply_other: '现答复如下',
};

test('the shipped templates use only known placeholders', () => {
  for (const kind of DOCUMENT_KINDS) {
    const t = DEFAULT_TEMPLATES[kind];
    for (const part of [t.title, t.numberLine, t.addressee, t.body, t.signature])
      assert.deepEqual(unknownPlaceholders(part), [], `${kind}: ${part}`);
  }
});

test('placeholders: filled, and blank lines where a field is missing', () => {
  assert.equal(fillPlaceholders('{applicantName}：{reason}', { applicantName: '张三' }), `张三：${BLANK}`);
  assert.equal(chineseDate('2026-03-02'), '2026年3月2日');
});

for (const kind of DOCUMENT_KINDS)
  test(`renders ${kind}: pdftotext finds the name, the 文号 and the key phrases`, async () => {
    const pdf = await renderPdf(DEFAULT_TEMPLATES[kind], FIELDS);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = squash(pdfText(pdf));
    const addressee = kind === 'third_party_consultation' ? FIELDS.thirdPartyName : FIELDS.applicantName;
    for (const s of [addressee, FIELDS.number, FIELDS.unitName, FIELDS.date, KEY_PHRASE[kind], '—1—'])
      assert.ok(text.includes(squash(s)), `${kind}: "${s}" not in ${text}`);
    if (isReplyKind(kind)) {
      assert.ok(text.includes('政府信息公开申请答复书'));
      assert.ok(
        text.includes(
          '如对本答复不服，可以在收到本答复之日起60日内向青山县人民政府申请行政复议，或者在6个月内向青山县人民法院提起行政诉讼',
        ),
      );
    }
  });

test('the font is embedded as a subset with a ToUnicode map, A4, deterministic', async () => {
  const a = await renderPdf(DEFAULT_TEMPLATES.acknowledgement, FIELDS);
  const b = await renderPdf(DEFAULT_TEMPLATES.acknowledgement, FIELDS);
  const raw = a.toString('latin1');
  assert.match(raw, /\/FontFile3/);
  assert.match(raw, /\/ToUnicode/);
  assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSansHans-Bold/);
  assert.match(raw, /\/MediaBox \[0 0 595\.28 841\.89\]/);
  assert.ok(a.length < 200_000, `a one-page letter stays small (${a.length} bytes)`);
  assert.equal(a.length, b.length);
});

test('long texts flow onto numbered pages', async () => {
  const long = Array.from({ length: 40 }, (_, i) => `第${i + 1}段：${'政府信息公开'.repeat(12)}`).join('\n');
  const pdf = await renderPdf({ ...DEFAULT_TEMPLATES.reply_other, body: long }, FIELDS);
  const text = squash(pdfText(pdf));
  assert.ok(text.includes('—2—') && text.includes('第40段'));
});

test('every outcome has a reply template and a legal basis', () => {
  for (const o of OUTCOME_KEYS) {
    assert.ok(isReplyKind(replyDocumentKind(o)), o);
    assert.match(LEGAL_BASIS[o], /条例/);
  }
  assert.equal(replyDocumentKind('partial'), 'reply_partial');
  assert.equal(replyDocumentKind('withheld_third_party'), 'reply_withheld');
  assert.equal(replyDocumentKind('unavailable_needs_creation'), 'reply_unavailable');
  assert.equal(replyDocumentKind('not_processed_repeat'), 'reply_not_processed');
  assert.equal(replyDocumentKind('other_fee_unpaid'), 'reply_other');
});
