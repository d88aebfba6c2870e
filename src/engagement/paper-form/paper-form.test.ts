import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import QRCode from 'qrcode';
import { makeUnit } from '../../../test/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/server.ts';
import { pdfText, squash } from '../../requests/documents/test-support.ts';
import { QUIET_ZONE, qrRects, qrSquares } from './qr.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ config: { publicUrl: 'https://gk.example.gov.cn/' } });
  const gov = await makeUnit(t.world, t.world.rootId, 'county', '县政府', 'GOV');
  const town = await makeUnit(t.world, gov.id, 'township', '甲镇', 'TA');
  await makeUnit(t.world, town.id, 'village', '东村', 'V1');
});
after(() => t.close());

describe('printable feedback form', () => {
  test('the QR squares are exactly the dark modules of QRCode.create for the URL', () => {
    const url = 'https://gk.example.gov.cn/units/V1/feedback/new';
    const q = qrSquares(url);
    const ref = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    assert.equal(q.size, ref.size);
    const set = new Set(q.dark.map(([c, r]) => `${c},${r}`));
    let dark = 0;
    for (let r = 0; r < ref.size; r++)
      for (let c = 0; c < ref.size; c++) {
        const on = Boolean(ref.get(r, c));
        if (on) dark += 1;
        assert.equal(set.has(`${c},${r}`), on, `module ${c},${r}`);
      }
    assert.equal(q.dark.length, dark);
    // placed inside a quiet zone of 4 modules
    const rects = qrRects(q, 100, 200, (q.size + 2 * QUIET_ZONE) * 2);
    assert.equal(Math.min(...rects.map((r) => r.x)), 100 + QUIET_ZONE * 2);
    assert.equal(Math.min(...rects.map((r) => r.y)), 200 + QUIET_ZONE * 2);
    assert.ok(rects.every((r) => r.w === 2));
  });

  test('GET /units/:code/feedback/form.pdf: the labels, the reply days and the online form URL', async () => {
    const res = await t.client().get('/units/V1/feedback/form.pdf');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['cache-control'], 'no-store');
    const raw = pdfText(res.rawPayload);
    assert.equal((raw.match(/\f/g) ?? []).length, 1, 'one A4 page');
    const text = squash(raw);
    for (const s of [
      '东村意见建议征集表',
      '姓名（可不填）',
      '联系电话（选填）',
      '□意见建议',
      '□咨询',
      '□投诉',
      '□举报',
      '内容',
      '□不公开我的留言',
      '日期',
      '回音壁',
      '5个工作日',
      'https://gk.example.gov.cn/units/V1/feedback/new',
    ])
      assert.ok(text.includes(s), `PDF lacks ${s}: ${text}`);
    assert.equal((await t.client().get('/units/NOPE/feedback/form.pdf')).statusCode, 404);
  });
});
