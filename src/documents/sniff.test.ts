import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { AppError } from '../lib/errors.ts';
import { checkUpload, detectFileType, extensionOf } from './sniff.ts';
import { buildDocx, buildPdf, buildXlsx, JPEG_HEADER, PNG_HEADER } from './test-files.ts';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError);
    return e.code;
  }
  return 'no error';
}

test('detects each allowed type from its content', async () => {
  assert.equal(await detectFileType(buildPdf([['公开']])), 'pdf');
  assert.equal(await detectFileType(await buildDocx([['正文']])), 'docx');
  assert.equal(await detectFileType(await buildXlsx({ Sheet1: [['a', 1]] })), 'xlsx');
  assert.equal(await detectFileType(PNG_HEADER), 'png');
  assert.equal(await detectFileType(JPEG_HEADER), 'jpg');
});

test('refuses other content: text, html, plain zip, macro workbook, old binary Office', async () => {
  assert.equal(await detectFileType(new TextEncoder().encode('<html><script>x</script>')), null);
  assert.equal(await detectFileType(new TextEncoder().encode('<html>%PDF-1.7<script>x</script>')), null);
  const zip = new JSZip();
  zip.file('a.txt', 'hello');
  assert.equal(await detectFileType(await zip.generateAsync({ type: 'uint8array' })), null);
  const xlsm = await JSZip.loadAsync(await buildXlsx({ S: [['x']] }));
  xlsm.file('xl/vbaProject.bin', 'macro');
  assert.equal(await detectFileType(await xlsm.generateAsync({ type: 'uint8array' })), null);
  const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  assert.equal(await detectFileType(ole), null);
  // A truncated zip (just the magic) is not a document.
  assert.equal(await detectFileType(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0])), null);
});

test('checkUpload returns the canonical extension and mime type', async () => {
  const ok = await checkUpload(await buildXlsx({ S: [['x']] }), '三月收支.xlsx');
  assert.deepEqual(ok, {
    type: 'xlsx',
    ext: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name: '三月收支.xlsx',
  });
  const jpeg = await checkUpload(JPEG_HEADER, '现场照片.JPEG');
  assert.equal(jpeg.type, 'jpg');
  assert.equal(jpeg.mime, 'image/jpeg');
  assert.equal(jpeg.name, '现场照片.JPEG');
});

test('a name without an extension is given the one the content has', async () => {
  const r = await checkUpload(buildPdf([['x']]), '会议纪要');
  assert.equal(r.name, '会议纪要.pdf');
});

test('empty, too large, not allowed and mismatched uploads are refused with stable codes', async () => {
  assert.equal(await codeOf(checkUpload(new Uint8Array(0), 'a.pdf')), 'file.empty');
  assert.equal(await codeOf(checkUpload(PNG_HEADER, 'a.png', 10)), 'file.too_large');
  assert.equal(await codeOf(checkUpload(new TextEncoder().encode('hi'), 'a.pdf')), 'file.type_not_allowed');
  assert.equal(await codeOf(checkUpload(PNG_HEADER, '报告.pdf')), 'file.mismatch');
  assert.equal(await codeOf(checkUpload(await buildXlsx({ S: [['x']] }), '收支.xls')), 'file.mismatch');
  try {
    await checkUpload(PNG_HEADER, 'a.png', 5 * 1024 * 1024 - 1);
    await checkUpload(new Uint8Array(21 * 1024 * 1024).fill(0x89), 'big.png');
    assert.fail('expected too large');
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, 'file.too_large');
    assert.equal(e.status, 413);
    assert.equal(e.params.limitMb, 20);
  }
});

test('extensionOf ignores directories and dotfiles', () => {
  assert.equal(extensionOf('C:\\docs\\a.b\\报告.PDF'), 'pdf');
  assert.equal(extensionOf('.bashrc'), '');
  assert.equal(extensionOf('noext'), '');
});
