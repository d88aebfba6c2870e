import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Client } from '../../../test/helpers/server.ts';
import { publicColumn, publishItem } from '../../portal/portal-fixture.ts';
import { saveSensitiveWords } from '../sensitive-words.ts';
import { ackKeys, type FeedbackWorld, feedbackWorld, idOf, message, writeTo } from './feedback-fixture.ts';

/**
 * 举报 (reports) are never public and reach only the discipline-inspection role covering the unit:
 * every public channel is walked as anonymous, office and unit staff looking for the report's text.
 */
let x: FeedbackWorld;
let disclosureId: string;
let entryId: string;
const SUBJECT = '举报主题甲乙丙QWX';
const BODY = '举报村干部虚报冒领补贴赌博，内容丁戊己RTY789。';
const REPLY = '纪检答复庚辛壬UIO456，已立案调查。';
let report: { id: string; code: string; secret: string };
let normal: { id: string; code: string };

before(async () => {
  x = await feedbackWorld();
  const entry = await publicColumn(x.w.system, x.w.rootId, 'village', 'village', '村务公开', '惠农补贴发放');
  entryId = entry.id;
  disclosureId = (
    await publishItem(x.w.system, {
      unitId: x.units.va.id,
      entryId: entry.id,
      title: '2026 年惠农补贴发放名单',
      audience: 'public',
      bodyHtml: '<p>补贴名单</p>',
      displayUntil: '2026-12-31',
    })
  ).id;
  await saveSensitiveWords(x.w.system, { words: '赌博' });
  // an ordinary answered message, so the echo wall is not empty
  const c = x.t.client();
  const n = await writeTo(
    c,
    'VA',
    message({ subject: '普通留言', body: '建议在村口增设公交站牌，方便老人出行。' }),
    '10.2.0.1',
  );
  const nk = ackKeys(n.body);
  normal = { id: await idOf(x, nk.code), code: nk.code };
  await x.people.office.c.api('POST', `/api/v1/feedback/${normal.id}/route`, {});
  await x.people.pubA.c.api('POST', `/api/v1/feedback/${normal.id}/reply`, { body: '已向县交通局反映。' });
});
after(() => x.t.close());

test('a 举报 about a disclosure goes straight to the inspector, even with sensitive words', async () => {
  const c = x.t.client();
  const item = await c.get(`/d/${disclosureId}`);
  assert.match(item.body, /对此事项留言/);
  const go = await c.get(`/feedback/new?d=${disclosureId}`);
  assert.equal(go.statusCode, 303);
  const form = await c.get(go.headers.location as string);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /关于公开事项：2026 年惠农补贴发放名单/);
  const res = await writeTo(
    c,
    'VA',
    { ...message({ kind: 'report', subject: SUBJECT, body: BODY }), disclosureId },
    '10.2.0.2',
  );
  assert.equal(res.statusCode, 201, res.body.slice(0, 300));
  const keys = ackKeys(res.body);
  report = { ...keys, id: await idOf(x, keys.code) };
  const row = await x.t.db.db
    .selectFrom('feedback')
    .selectAll()
    .where('id', '=', report.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'assigned');
  assert.equal(row.held_words, null);
  assert.equal(row.disclosure_id, disclosureId);
  assert.equal(row.due_on, '2026-03-09');
});

test('only the inspector covering the unit sees and handles it; the writer sees the reply by the link', async () => {
  const ins = x.people.inspector.c;
  const list = await ins.get('/admin/feedback');
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes(report.code));
  assert.ok(!list.body.includes(normal.code), 'an inspector sees no ordinary messages');
  assert.equal((await ins.get(`/admin/feedback/${normal.id}`)).statusCode, 404);
  assert.equal((await x.people.inspectorB.c.get(`/admin/feedback/${report.id}`)).statusCode, 404);
  assert.equal(
    (await x.people.inspectorB.c.api('POST', `/api/v1/feedback/${report.id}/accept`)).statusCode,
    404,
  );
  assert.equal((await ins.get(`/admin/feedback/${report.id}`)).statusCode, 200);
  assert.equal((await ins.api('POST', `/api/v1/feedback/${report.id}/accept`)).statusCode, 200);
  // it stays with the inspectors of the unit it is about: no routing, by page or API
  assert.equal(
    (await ins.api('POST', `/api/v1/feedback/${report.id}/route`, { unitId: x.units.vb.id })).statusCode,
    409,
  );
  assert.equal(
    (await ins.post(`/admin/feedback/${report.id}/reply`, { form: { body: REPLY } })).statusCode,
    303,
  );
  const track = await x.t.client().get(`/feedback/track?c=${report.code}&s=${report.secret}`);
  assert.ok(track.body.includes(REPLY));
  const rate = await x.t.client().api('POST', '/api/v1/feedback/rate', {
    code: report.code,
    secret: report.secret,
    rating: 'dissatisfied',
  });
  assert.equal(rate.statusCode, 200);
  const told = await x.t.db.db
    .selectFrom('notifications')
    .select('person_id')
    .where('kind', '=', 'feedback.dissatisfied')
    .where('link', '=', `/admin/feedback/${report.id}`)
    .execute();
  assert.deepEqual(
    told.map((n) => n.person_id),
    [x.people.inspector.id],
  );
  assert.equal((await ins.api('POST', `/api/v1/feedback/${report.id}/reopen`)).statusCode, 200);
  assert.equal(
    (await ins.api('POST', `/api/v1/feedback/${report.id}/reply`, { body: `${REPLY}（补充）` })).statusCode,
    200,
  );
  assert.equal((await ins.api('POST', `/api/v1/feedback/${report.id}/close`)).statusCode, 200);
});

test('office and unit staff cannot open it: back office, API, steps all answer 404', async () => {
  for (const who of ['office', 'pubA', 'pubB'] as const) {
    const c = x.people[who].c;
    assert.equal((await c.get(`/admin/feedback/${report.id}`)).statusCode, 404, who);
    assert.equal((await c.api('GET', `/api/v1/feedback/${report.id}`)).statusCode, 404, who);
    for (const s of ['accept', 'reply', 'close', 'reopen', 'route'])
      assert.equal(
        (await c.api('POST', `/api/v1/feedback/${report.id}/${s}`, { body: '答复内容', reason: '原因说明' }))
          .statusCode,
        404,
        `${who} ${s}`,
      );
    const list = await c.get('/admin/feedback?kind=report');
    assert.ok(!list.body.includes(report.code) && !list.body.includes(SUBJECT), who);
    const api = await c.api('GET', '/api/v1/feedback');
    assert.ok(!api.body.includes(report.id), who);
  }
  // nor its audit trail: sealed to the inspectors, even from a county-wide audit.view
  const office = x.people.office.c;
  for (const url of [`/api/v1/audit?targetId=${report.id}`, `/api/v1/audit?q=${report.code}`]) {
    const res = await office.api('GET', url);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().items, [], url);
  }
  const all = await office.get('/admin/audit');
  assert.ok(!all.body.includes(report.code));
  const sealed = await x.people.inspector.c.api('GET', `/api/v1/audit?targetId=${report.id}`);
  assert.ok(sealed.json().items.length >= 3, 'the inspector reads the 举报’s audit trail');
  const normalAudit = await office.api('GET', `/api/v1/audit?targetId=${normal.id}`);
  assert.ok(normalAudit.json().items.length >= 2, 'ordinary messages stay in the office’s audit log');
});

test('a 举报 never appears on any public channel, for anyone', async () => {
  const anon = x.t.client();
  const viewers: [string, Client][] = [
    ['anonymous', anon],
    ['office', x.people.office.c],
    ['village', x.people.pubA.c],
  ];
  const urls = [
    '/',
    '/units',
    '/units/VA',
    '/units/TA',
    '/units/VA/feed.atom',
    `/units/VA/columns/${entryId}`,
    `/units/VA/columns/${entryId}/feed.atom`,
    '/sitemap.xml',
    '/sitemap-1.xml',
    `/search?q=${encodeURIComponent('举报主题')}`,
    `/search?q=${encodeURIComponent('虚报冒领')}`,
    `/d/${disclosureId}`,
    '/echo',
    '/echo?kind=report',
    '/units/VA/echo',
    '/units/VA/echo?kind=report',
    `/echo/${normal.id}`,
    '/api/v1/echo',
    '/api/v1/echo?kind=report',
    '/api/v1/echo?unit=VA',
    '/api/v1/public/units',
    '/api/v1/public/units/VA/columns',
    `/api/v1/public/units/VA/columns/${entryId}/items`,
    '/api/v1/public/disclosures',
    '/units/VA/feedback/stats',
    '/api/v1/units/VA/feedback-stats',
    '/consultations',
    '/demands',
    '/surveys',
  ];
  const needles = [SUBJECT, BODY.slice(0, 12), 'RTY789', 'UIO456', report.code, report.id];
  let checked = 0;
  for (const [who, c] of viewers) {
    for (const url of urls) {
      const res = await c.get(url);
      if (res.statusCode === 404) continue;
      assert.ok(res.statusCode < 400, `${who} ${url} ${res.statusCode}`);
      checked += 1;
      for (const n of needles) assert.ok(!res.body.includes(n), `${who} ${url} shows ${n}`);
    }
    assert.equal((await c.get(`/echo/${report.id}`)).statusCode, 404, who);
    assert.equal((await c.get(`/api/v1/echo/${report.id}`)).statusCode, 404, who);
  }
  assert.ok(checked >= viewers.length * 15, `walked ${checked} pages`);
  // the walk can fail: the ordinary message's text is on the echo wall
  assert.match((await anon.get('/echo')).body, /增设公交站牌/);
  assert.match((await anon.get('/units/VA')).body, /增设公交站牌/);
  // the sitemap lists the answered message's echo page, and not the report's
  const sitemap = (await anon.get('/sitemap.xml')).body;
  assert.ok(sitemap.includes(`/echo/${normal.id}<`), 'the echo entry is in the sitemap');
  assert.ok(!sitemap.includes(report.id));
});
