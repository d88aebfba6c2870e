import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isValidId15,
  isValidId18,
  luhnValid,
  maskKnownValues,
  maskPersonalData,
  maskPersonalDataInHtml,
  scanText,
  validateCustomPattern,
} from './privacy-guard.ts';

// Checksum-valid test numbers (computed, not real people's).
const ID = '11010519491231002X';
const ID2 = '360799198806150015';

test('18-digit ID numbers are recognised by checksum and date, not by shape alone', () => {
  assert.equal(isValidId18(ID), true);
  assert.equal(isValidId18(ID2), true);
  assert.equal(isValidId18('110105194912310021'), false, 'wrong check digit');
  assert.equal(isValidId18('110105194902300024'), false, 'no February 30th');
  assert.equal(isValidId15('110105491231002'), true);
  assert.equal(isValidId15('110105491331002'), false);
});

test('Luhn', () => {
  assert.equal(luhnValid('6222021234567890128'), true);
  assert.equal(luhnValid('6222021234567890127'), false);
});

test('finds IDs, mobiles and bank cards in Chinese text, with context and masks', () => {
  const text = `低保对象张三，身份证号${ID}，电话 138-1234-5678，银行卡 6222 0212 3456 7890 128，另有合同号 20260315000123456。`;
  const f = scanText(text);
  assert.deepEqual(
    f.map((x) => x.kind),
    ['id_card', 'mobile', 'bank_card'],
  );
  assert.equal(f[0].masked, '1101**********002X');
  assert.equal(f[1].masked, '138****5678');
  assert.equal(f[2].masked, '**** **** **** ***0 128');
  assert.ok(f[0].context.includes('身份证号1101'));
  const masked = maskPersonalData(text).text;
  assert.ok(!masked.includes(ID) && !masked.includes('5678 ') && masked.includes('138****5678'));
  assert.ok(masked.includes('20260315000123456'), 'a non-ID, non-Luhn number is left alone');
});

test('a checksum-invalid 18-digit number and numbers inside longer runs are not findings', () => {
  assert.deepEqual(
    scanText('编号 110105194912310021 与 9138123456789').map((x) => x.kind),
    [],
  );
  assert.deepEqual(scanText(`X${ID}9`).length, 0);
  assert.equal(scanText('+86 13912345678').at(0)?.kind, 'mobile');
  assert.equal(scanText('12345678901').length, 0, 'not a mobile prefix');
});

test('configurable patterns', () => {
  const custom = [{ name: '门牌号', pattern: '\\d+号楼\\d+室', keepStart: 0, keepEnd: 1 }];
  const r = maskPersonalData('住址：8号楼302室', custom);
  assert.equal(r.findings[0].label, '门牌号');
  assert.equal(r.text, '住址：******室');
  assert.equal(validateCustomPattern({ name: 'x', pattern: '(' }) !== null, true);
  assert.equal(validateCustomPattern({ name: 'x', pattern: 'a*' }), 'matches the empty string');
});

test('in HTML only the text is masked: a custom pattern that could match markup leaves it alone', () => {
  const custom = [{ name: '姓名', pattern: '[a-z]+', keepStart: 1, keepEnd: 0 }];
  const html = '<p class="num">联系 zhang，电话 13812345678</p><a href="/files/x">附件</a>';
  const r = maskPersonalDataInHtml(html, custom);
  assert.equal(r.text, '<p class="num">联系 z****，电话 138****5678</p><a href="/files/x">附件</a>');
  assert.deepEqual(r.findings.map((f) => f.kind).sort(), ['custom', 'mobile']);
  // the same pattern on the raw HTML would have broken the markup
  assert.notEqual(maskPersonalData(html, custom).text.slice(0, 15), '<p class="num">');
});

test('values the writer gave are masked where they recur; one-character values are left alone', () => {
  assert.equal(
    maskKnownValues('我是张三，邮箱 zs@example.cn，张三家在村东', ['张三', 'zs@example.cn', '李', null]),
    '我是张*，邮箱 z************，张*家在村东',
  );
});
