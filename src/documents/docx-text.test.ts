import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanText } from '../privacy/privacy-guard.ts';
import { parseParagraphs, rewritePieces } from './docx-text.ts';
import { maskPieces } from './mask-pieces.ts';

test('parseParagraphs: nested text-box paragraphs, tab stops vs tabs, empty and self-closing paragraphs', () => {
  const xml =
    '<w:body><w:p/><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
    '<w:r><w:t>外</w:t><w:tab/><w:t>层</w:t></w:r>' +
    '<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>文本框&amp;内</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>' +
    '<w:r><w:br/><w:t xml:space="preserve"> 尾 </w:t></w:r></w:p></w:body>';
  const paras = parseParagraphs(xml, '正文');
  assert.deepEqual(
    paras.map((p) => [p.where, p.text]),
    [
      ['', ''],
      ['正文第1段', '外\t层\n 尾 '],
      ['正文第2段', '文本框&内'],
    ],
  );
  const inner = paras[2].pieces[0];
  assert.equal(xml.slice(inner.from, inner.to), '文本框&amp;内');
  assert.equal(
    rewritePieces(xml, [{ piece: inner, text: '<A&B>' }]).includes('<w:t>&lt;A&amp;B&gt;</w:t>'),
    true,
  );
});

test('maskPieces keeps boundaries, skips unwritable pieces, moves a shorter mask into the first piece', () => {
  const pieces = ['电话 138', '0013', '8000。'];
  const found = scanText(pieces.join(''));
  assert.deepEqual(maskPieces(pieces, found), ['电话 138', '****', '8000。']);
  const intl = ['+86 138 ', '0013 8000', '！'];
  const f2 = scanText(intl.join(''));
  assert.equal(f2[0].masked, '138****8000');
  assert.deepEqual(maskPieces(intl, f2), ['138****8000', '', '！']);
  // A tab piece in the middle of a custom match stays.
  const custom = [{ name: 'x', pattern: 'AB\\tCD' }];
  const tabbed = ['AB', '\t', 'CD'];
  assert.deepEqual(maskPieces(tabbed, scanText(tabbed.join(''), custom), [true, false, true]), [
    'A*',
    '\t',
    '*D',
  ]);
});
