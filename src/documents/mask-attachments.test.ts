import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppError } from '../lib/errors.ts';
import { extractText } from './extract-text.ts';
import { maskAttachment, maskDocx, maskXlsx, scanAttachment } from './mask-attachments.ts';
import { buildDocx, buildPdf, buildXlsx, PNG_HEADER } from './test-files.ts';

// Checksum-valid test numbers (computed, not real people's).
const ID = '11010519491231002X';
const CARD = '6222020000000000000'; // Luhn-valid 19 digits

async function sheetOf(bytes: Uint8Array, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb.getWorksheet(name)!;
}

test('XLSX: an ID number in a cell is masked in a copy; other cells and formatting are kept', async () => {
  const input = await buildXlsx(
    {
      花名册: [
        ['姓名', '身份证号', '金额', '电话'],
        ['张三', ID, 1234.5, 13800138000],
      ],
    },
    (wb) => {
      const ws = wb.getWorksheet('花名册')!;
      ws.getCell('B2').font = { bold: true, color: { argb: 'FFFF0000' } };
      ws.getCell('C2').numFmt = '#,##0.00';
      ws.getColumn(2).width = 24;
      ws.getCell('A3').value = {
        richText: [{ text: '卡号 6222 0200' }, { text: ' 0000 0000 000', font: { italic: true } }],
      };
    },
  );
  const { bytes, findings } = await maskXlsx(input);
  assert.deepEqual(
    findings.map((f) => [f.kind, f.where]),
    [
      ['id_card', '花名册!B2'],
      ['mobile', '花名册!D2'],
      ['bank_card', '花名册!A3'],
    ],
  );
  const ws = await sheetOf(bytes, '花名册');
  assert.equal(ws.getCell('B2').value, '1101**********002X');
  assert.equal(ws.getCell('B2').font.bold, true);
  assert.equal(ws.getCell('B2').font.color?.argb, 'FFFF0000');
  assert.equal(ws.getColumn(2).width, 24);
  assert.equal(ws.getCell('A2').value, '张三');
  assert.equal(ws.getCell('C2').value, 1234.5);
  assert.equal(ws.getCell('C2').numFmt, '#,##0.00');
  assert.equal(ws.getCell('D2').value, '138****8000');
  const rich = ws.getCell('A3').value as ExcelJS.CellRichTextValue;
  assert.deepEqual(
    rich.richText.map((r) => r.text),
    ['卡号 **** ****', ' **** ***0 000'],
  );
  assert.equal(rich.richText[1].font?.italic, true);
  // The original is untouched and still scans dirty; the copy scans clean.
  assert.equal((await scanAttachment(input, 'xlsx')).findings.length, 3);
  assert.equal((await scanAttachment(bytes, 'xlsx')).findings.length, 0);
});

test('XLSX: a formula whose result is personal data becomes the masked value', async () => {
  const input = await buildXlsx({ S: [['x']] }, (wb) => {
    wb.getWorksheet('S')!.getCell('B1').value = { formula: 'A1&""', result: CARD };
  });
  const { bytes, findings } = await maskXlsx(input);
  assert.equal(findings.length, 1);
  assert.equal((await sheetOf(bytes, 'S')).getCell('B1').value, '***************0000');
});

test('XLSX: nothing found returns the same bytes', async () => {
  const input = await buildXlsx({
    S: [
      ['摘要', '收入'],
      ['补助', 100],
    ],
  });
  const r = await maskXlsx(input);
  assert.equal(r.bytes, input);
  assert.deepEqual(r.findings, []);
});

test('DOCX: a phone number split across two runs is found and masked, runs kept', async () => {
  const input = await buildDocx([['联系电话：', '**138001', '38000', '（村委会）'], ['无个人信息']]);
  const { bytes, findings } = await maskDocx(input);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].kind, 'mobile');
  assert.equal(findings[0].where, '正文第1段');
  assert.equal(findings[0].context, '联系电话：138****8000（村委会）');
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  assert.match(xml, /<w:rPr><w:b\/><\/w:rPr><w:t xml:space="preserve">138\*\*\*<\/w:t>/);
  assert.match(xml, /<w:t xml:space="preserve">\*8000<\/w:t>/);
  assert.doesNotMatch(xml, /13800138000|38000/);
  const text = await extractText(bytes, 'docx');
  assert.deepEqual(
    text.parts.map((p) => p.text),
    ['联系电话：138****8000（村委会）', '无个人信息'],
  );
});

test('DOCX: tables, tracked deletions and a masked value of another length', async () => {
  const input = await buildDocx(
    [{ table: [[['身份证'], [ID.slice(0, 9), ID.slice(9)]]] }, ['电话 +86 138', ' 0013 8000 请联系']],
    '<w:p><w:del><w:r><w:delText>旧号 13900139000</w:delText></w:r></w:del></w:p>',
  );
  const { bytes, findings } = await maskDocx(input);
  assert.deepEqual(
    findings.map((f) => [f.kind, f.where]),
    [
      ['id_card', '正文第2段（表格）'],
      ['mobile', '正文第3段'],
      ['mobile', '正文第4段'],
    ],
  );
  const parts = (await extractText(bytes, 'docx')).parts.map((p) => p.text);
  assert.deepEqual(parts, ['身份证', '1101**********002X', '电话 138****8000 请联系', '旧号 139****9000']);
  assert.equal((await scanAttachment(bytes, 'docx')).findings.length, 0);
});

test('custom patterns apply to attachments too', async () => {
  const input = await buildDocx([['住址：幸福村3组12号']]);
  const custom = [{ name: '门牌', pattern: '\\d+组\\d+号' }];
  const { findings } = await maskDocx(input, custom);
  assert.equal(findings[0].label, '门牌');
  assert.equal(findings[0].masked, '3***号');
});

test('PDF: findings with page context; cannot be masked, the user must upload a masked file', async () => {
  const pdf = buildPdf([['公示名单'], ['联系人 张三 13800138000']]);
  const scan = await scanAttachment(pdf, 'pdf');
  assert.equal(scan.findings.length, 1);
  assert.equal(scan.findings[0].where, '第2页');
  assert.equal(scan.findings[0].context, '联系人 张三 138****8000');
  assert.equal(scan.canMask, false);
  assert.equal(scan.mustUploadMasked, true);
  assert.equal(scan.textScanned, true);
  await assert.rejects(
    maskAttachment(pdf, 'pdf'),
    (e) => e instanceof AppError && e.code === 'file.mask_unsupported',
  );
  const clean = await scanAttachment(buildPdf([['无']]), 'pdf');
  assert.equal(clean.mustUploadMasked, false);
});

test('images are not scanned and say so', async () => {
  const scan = await scanAttachment(PNG_HEADER, 'png');
  assert.deepEqual(scan, { findings: [], textScanned: false, canMask: false, mustUploadMasked: false });
});

test('maskAttachment dispatches by type', async () => {
  const r = await maskAttachment(await buildXlsx({ S: [[ID]] }), 'xlsx');
  assert.equal(r.findings.length, 1);
});
