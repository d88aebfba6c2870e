import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../lib/errors.ts';
import { cellWhere, extractText } from './extract-text.ts';
import { buildDocx, buildPdf, buildXlsx, PNG_HEADER } from './test-files.ts';

test('PDF: Chinese text comes back page by page', async () => {
  const pdf = buildPdf([
    ['关于2026年3月村级财务收支情况的公开', '联系人：王会计'],
    ['第二页：监督电话 0791-1234567'],
  ]);
  const r = await extractText(pdf, 'pdf');
  assert.deepEqual(
    r.parts.map((p) => p.where),
    ['第1页', '第2页'],
  );
  assert.match(r.parts[0].text, /关于2026年3月村级财务收支情况的公开\n联系人：王会计/);
  assert.equal(r.parts[1].text, '第二页：监督电话 0791-1234567');
  assert.equal(r.text, `${r.parts[0].text}\n${r.parts[1].text}`);
});

test('PDF: Chinese fonts with a predefined CMap (UniGB-UCS2-H, no ToUnicode) are read too', async () => {
  const pdf = buildPdf([['村务公开 联系电话13800138000']], { predefinedCMap: true });
  assert.equal((await extractText(pdf, 'pdf')).text, '村务公开 联系电话13800138000');
});

test('PDF: the caller keeps its bytes (pdf.js must not detach them)', async () => {
  const pdf = buildPdf([['公开']]);
  await extractText(pdf, 'pdf');
  assert.ok(pdf.byteLength > 0);
  assert.equal((await extractText(pdf, 'pdf')).parts[0].text, '公开');
});

test('PDF: a broken file is file.unreadable', async () => {
  const broken = new TextEncoder().encode('%PDF-1.7\nnot really');
  await assert.rejects(
    extractText(broken, 'pdf'),
    (e) => e instanceof AppError && e.code === 'file.unreadable',
  );
});

test('DOCX: paragraphs, runs, tables, tabs and entities', async () => {
  const docx = await buildDocx([
    ['**一、', '公开内容'],
    [],
    ['张三 & 李四 <村委会>'],
    {
      table: [
        [['姓名'], ['电话']],
        [['王五'], ['138', '0013', '8000']],
      ],
    },
  ]);
  const r = await extractText(docx, 'docx');
  assert.deepEqual(r.parts, [
    { where: '正文第1段', text: '一、公开内容' },
    { where: '正文第2段', text: '张三 & 李四 <村委会>' },
    { where: '正文第3段（表格）', text: '姓名' },
    { where: '正文第4段（表格）', text: '电话' },
    { where: '正文第5段（表格）', text: '王五' },
    { where: '正文第6段（表格）', text: '13800138000' },
  ]);
});

test('DOCX: text in tracked deletions is extracted too', async () => {
  const docx = await buildDocx(
    [['正文']],
    '<w:p><w:del><w:r><w:delText>已删除 13800138000</w:delText></w:r></w:del></w:p>',
  );
  const r = await extractText(docx, 'docx');
  assert.equal(r.parts[1].text, '已删除 13800138000');
});

test('XLSX: every cell of every sheet with its address', async () => {
  const xlsx = await buildXlsx(
    {
      收支: [
        ['日期', '摘要'],
        ['2026-03-01', '购买办公用品'],
      ],
      'Sheet 2': [[null, 12.5]],
    },
    (wb) => {
      const ws = wb.getWorksheet('收支')!;
      ws.getCell('C1').value = { richText: [{ text: '经' }, { text: '手人', font: { bold: true } }] };
      ws.mergeCells('D1:E1');
      ws.getCell('D1').value = '合并';
    },
  );
  const r = await extractText(xlsx, 'xlsx');
  assert.deepEqual(r.parts, [
    { where: '收支!A1', text: '日期' },
    { where: '收支!B1', text: '摘要' },
    { where: '收支!C1', text: '经手人' },
    { where: '收支!D1', text: '合并' },
    { where: '收支!A2', text: '2026-03-01' },
    { where: '收支!B2', text: '购买办公用品' },
    { where: "'Sheet 2'!B1", text: '12.5' },
  ]);
});

test('images have no text; cellWhere quotes odd sheet names', async () => {
  assert.deepEqual(await extractText(PNG_HEADER, 'png'), { text: '', parts: [] });
  assert.equal(cellWhere("O'Neil 表", 'A1'), "'O''Neil 表'!A1");
});
