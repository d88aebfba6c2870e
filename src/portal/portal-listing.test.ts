import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makePerson, makeUnit } from '../../test/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../test/helpers/server.ts';
import type { CatalogEntry } from '../db/types.ts';
import { revokeDisclosure } from '../disclosure/revoke-disclosure.ts';
import { chinaDate } from '../disclosure/store.ts';
import { assertWellFormedXml, publicColumn, publishItem } from './portal-fixture.ts';
import { sitemapPage, sitemapPlan } from './sitemap.ts';

/** Paging, the unit page's columns, revoked notices, feeds, search, the API's paging, sitemap pages, ETag/304. */
let t: TestApp;
let busy: CatalogEntry;
let quiet: CatalogEntry;
const ids: string[] = []; // oldest first
let revoked: string;
let person: { username: string };
const BASE = 'https://gk.example.gov.cn';
const ODD_TITLE = 'A&B <村务> "公开" \'测试\'';

before(async () => {
  t = await startTestApp({ config: { publicUrl: `${BASE}/` } });
  const w = t.world;
  const gov = await makeUnit(w, w.rootId, 'county', '县政府', 'GOV');
  const town = await makeUnit(w, gov.id, 'township', '甲镇', 'TA');
  const v1 = await makeUnit(w, town.id, 'village', '一村', 'V1');
  busy = (await publicColumn(
    w.system,
    w.rootId,
    'village',
    'village',
    '村务管理',
    '村务动态',
  )) as CatalogEntry;
  quiet = (await publicColumn(
    w.system,
    w.rootId,
    'village',
    'finance',
    '财务收支',
    '集体资产',
  )) as CatalogEntry;
  for (let i = 0; i < 25; i++) {
    const at = new Date(w.system.now.getTime() - (25 - i) * 3600_000);
    const title = i === 24 ? ODD_TITLE : `一村村务动态第${String(i + 1).padStart(2, '0')}号`;
    ids.push((await publishItem(w.ctx(w.system.actor, at), { unitId: v1.id, entryId: busy.id, title })).id);
  }
  revoked = ids[0];
  await revokeDisclosure(w.system, revoked, { reason: '内容有误，已重新发布' });
  person = await makePerson(w, v1.id, [{ role: 'publisher', unitId: v1.id }]);
});
after(() => t.close());

const col = () => `/units/V1/columns/${busy.id}`;
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;
const itemLinks = (html: string) => count(html, /<li><a href="\/d\/[0-9a-f-]{36}">/g);

test('a column pages by 20, newest first, with rel=prev/next links and the entry facts', async () => {
  const c = t.client();
  const p1 = await c.get(col());
  assert.equal(p1.statusCode, 200);
  assert.equal(itemLinks(p1.body), 20);
  assert.ok(p1.body.indexOf(ids[24]) < p1.body.indexOf(ids[23]), 'newest first');
  assert.match(p1.body, new RegExp(`rel="next" href="${col()}\\?page=2"`));
  assert.doesNotMatch(p1.body, /rel="prev"/);
  assert.match(p1.body, /第 1 \/ 2 页/);
  assert.match(p1.body, /公开时限/);
  assert.match(p1.body, /长期公开/);
  assert.match(
    p1.body,
    new RegExp(`<link rel="alternate" type="application/atom\\+xml" href="${col()}/feed.atom"`),
  );
  const p2 = await c.get(`${col()}?page=2`);
  assert.equal(itemLinks(p2.body), 5);
  assert.match(p2.body, new RegExp(`rel="prev" href="${col()}\\?page=1"`));
  assert.doesNotMatch(p2.body, /rel="next"/);
  // the revoked item is still listed, as a notice, and its page says so
  assert.match(p2.body, new RegExp(`href="/d/${revoked}">[^<]*</a><span class="tag warn">已撤销</span>`));
  assert.match((await c.get(`/d/${revoked}`)).body, /内容有误，已重新发布/);
  assert.equal((await c.get('/units/V1/columns/not-an-id')).statusCode, 404);
  assert.equal((await c.get(`/units/NOPE/columns/${busy.id}`)).statusCode, 404);
});

test('the unit page lists every column by 一级事项, five newest items each, counts and 更多; empty columns say so', async () => {
  const res = await t.client().get('/units/V1');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h3 id="l1-\d">村务管理<\/h3>/);
  assert.match(res.body, /<h3 id="l1-\d">财务收支<\/h3>/);
  assert.match(res.body, /共 25 条/);
  assert.equal(itemLinks(res.body), 5);
  assert.match(res.body, new RegExp(`href="${col()}">更多`));
  assert.match(
    res.body,
    new RegExp(`href="/units/V1/columns/${quiet.id}">集体资产</a> <span class="muted">共 0 条`),
  );
  assert.match(res.body, /暂无公开内容/);
  assert.match(res.body, /<link rel="alternate" type="application\/atom\+xml" href="\/units\/V1\/feed.atom"/);
});

test('home: latest items, domain tabs as links with aria-current, counts, the search box', async () => {
  const c = t.client();
  const home = await c.get('/');
  assert.equal(itemLinks(home.body), 20);
  assert.match(home.body, /<a href="\/" aria-current="page">全部 <span class="muted">\(24\)/);
  assert.match(home.body, /<strong>24<\/strong> 条公开事项/);
  assert.match(home.body, /<form method="get" action="\/search" role="search"/);
  const tab = await c.get('/?domain=village');
  assert.match(tab.body, /href="\/\?domain=village" aria-current="page">村务 <span class="muted">\(24\)/);
  const finance = await c.get('/?domain=finance');
  assert.equal(itemLinks(finance.body), 0);
  assert.match((await c.get('/?domain=bogus')).body, /<a href="\/" aria-current="page">/);
});

test('search: empty query shows the form only; substring, no wildcards, capped length, paging', async () => {
  const c = t.client();
  const empty = await c.get('/search');
  assert.equal(empty.statusCode, 200);
  assert.doesNotMatch(empty.body, /搜索结果/);
  const hits = await c.get(`/search?q=${encodeURIComponent('村务动态第')}`);
  assert.match(hits.body, /共 24 条/);
  assert.equal(itemLinks(hits.body), 20);
  assert.match(
    hits.body,
    /rel="next" href="\/search\?q=%E6%9D%91%E5%8A%A1%E5%8A%A8%E6%80%81%E7%AC%AC&amp;page=2"/,
  );
  assert.equal(itemLinks((await c.get(`/search?q=${encodeURIComponent('村务动态第')}&page=2`)).body), 4);
  assert.match((await c.get('/search?q=%25')).body, /共 0 条/);
  assert.match((await c.get('/search?q=_')).body, /共 0 条/);
  const long = await c.get(`/search?q=${'长'.repeat(80)}`);
  assert.match(long.body, new RegExp(`value="${'长'.repeat(50)}"`));
});

test('feeds: Atom 1.0, well-formed, escaped, absolute URLs from publicUrl, newest first', async () => {
  const c = t.client();
  for (const url of ['/units/V1/feed.atom', `${col()}/feed.atom`]) {
    const res = await c.get(url);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
    assert.equal(assertWellFormedXml(res.body), 'feed');
    assert.match(res.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.match(
      res.body,
      new RegExp(`<link rel="self" type="application/atom\\+xml" href="${BASE}${url}"/>`),
    );
    assert.equal(count(res.body, /<entry>/g), 25);
    assert.match(
      res.body,
      /<title type="text">A&amp;B &lt;村务&gt; &quot;公开&quot; &apos;测试&apos;<\/title>/,
    );
    assert.match(res.body, new RegExp(`href="${BASE}/d/${ids[24]}"`));
    assert.match(res.body, /【已撤销】/);
    assert.ok(res.body.indexOf(ids[24]) < res.body.indexOf(ids[1]));
    assert.match(res.body, /<updated>\d{4}-\d\d-\d\dT/);
  }
  assert.equal((await c.get('/units/NOPE/feed.atom')).statusCode, 404);
});

test('the public API pages every list (pageSize ≤ 100) and is in the OpenAPI document', async () => {
  const c = t.client();
  const items = await c.api('GET', `/api/v1/public/units/V1/columns/${busy.id}/items?page=3&pageSize=10`);
  assert.equal(items.statusCode, 200);
  const body = items.json();
  assert.deepEqual([body.page, body.pageSize, body.total, body.items.length], [3, 10, 25, 5]);
  assert.equal(body.items.at(-1).id, revoked);
  assert.equal(body.items.at(-1).state, 'revoked');
  const tooBig = await c.api('GET', '/api/v1/public/disclosures?pageSize=101');
  assert.ok([400, 422].includes(tooBig.statusCode), String(tooBig.statusCode));
  assert.ok(tooBig.json().error.code);
  const units = await c.api('GET', '/api/v1/public/units?pageSize=2');
  assert.deepEqual([units.json().items.length, units.json().total], [2, 3]);
  const noUnit = await c.api('GET', '/api/v1/public/units/NOPE/columns');
  assert.equal(noUnit.statusCode, 404);
  assert.equal(noUnit.json().error.code, 'unit.not_found');
  const noCol = await c.api('GET', `/api/v1/public/units/V1/columns/${'0'.repeat(8)}/items`);
  assert.equal(noCol.json().error.code, 'column.not_found');
  const byDomain = await c.api('GET', '/api/v1/public/disclosures?domain=finance');
  assert.equal(byDomain.json().total, 0);
  const doc = (await c.get('/api/v1/openapi.json')).json();
  for (const p of [
    '/api/v1/public/units',
    '/api/v1/public/units/{code}/columns',
    '/api/v1/public/units/{code}/columns/{entryId}/items',
    '/api/v1/public/disclosures',
  ])
    assert.deepEqual(doc.paths[p]?.get?.tags, ['public'], p);
});

test('sitemap: anonymous view, absolute URLs; pages cover every URL once in order', async () => {
  const c = t.client();
  const res = await c.get('/sitemap.xml');
  assert.equal(res.statusCode, 200);
  assert.equal(assertWellFormedXml(res.body), 'urlset');
  assert.match(res.body, new RegExp(`<loc>${BASE}/units/V1/columns/${busy.id}</loc>`));
  assert.match(res.body, new RegExp(`<loc>${BASE}/d/${ids[24]}</loc>`));
  assert.doesNotMatch(res.body, new RegExp(revoked), 'revoked items are not offered to crawlers');
  assert.equal((await c.get('/sitemap-1.xml')).statusCode, 200);
  assert.equal((await c.get('/sitemap-2.xml')).statusCode, 404);

  const today = chinaDate(t.clock.now());
  const db = t.db.db;
  const all = await sitemapPage(db, t.world.tenantId, today, 1, 1000);
  const plan = await sitemapPlan(db, t.world.tenantId, today, 7);
  assert.equal(plan.total, all.length);
  assert.equal(plan.pages, Math.ceil(all.length / 7));
  const pages = [];
  for (let n = 1; n <= plan.pages; n++) pages.push(...(await sitemapPage(db, t.world.tenantId, today, n, 7)));
  assert.deepEqual(
    pages.map((u) => u.loc),
    all.map((u) => u.loc),
  );
});

test('ETag and Last-Modified: 304 on a match, a new validator after a publication; private for signed-in people', async () => {
  const c = t.client();
  const urls = [
    '/',
    '/units/V1',
    col(),
    `/d/${ids[5]}`,
    '/units/V1/feed.atom',
    '/sitemap.xml',
    '/search?q=村务',
  ];
  const first = new Map<string, { etag: string; lm: string }>();
  for (const url of urls) {
    const res = await c.get(url);
    const etag = String(res.headers.etag);
    const lm = String(res.headers['last-modified']);
    assert.match(etag, /^"[\w-]+"$/, url);
    assert.ok(!Number.isNaN(Date.parse(lm)), `${url} Last-Modified`);
    assert.equal(res.headers['cache-control'], 'public, no-cache', url);
    first.set(url, { etag, lm });
    const again = await c.get(url, { headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304, url);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    assert.equal((await c.get(url, { headers: { 'if-none-match': `W/${etag}, "other"` } })).statusCode, 304);
    assert.equal((await c.get(url, { headers: { 'if-modified-since': lm } })).statusCode, 304, url);
    const stale = new Date(Date.parse(lm) - 1000).toUTCString();
    assert.equal((await c.get(url, { headers: { 'if-modified-since': stale } })).statusCode, 200, url);
  }

  // a new publication changes the listings (and their validators), not the untouched item page
  t.clock.advanceMinutes(5);
  const w = t.world;
  const v1 = await w.system.db
    .selectFrom('units')
    .select('id')
    .where('code', '=', 'V1')
    .executeTakeFirstOrThrow();
  await publishItem(w.ctx(w.system.actor, t.clock.now()), {
    unitId: v1.id,
    entryId: busy.id,
    title: '新发布事项',
  });
  for (const url of ['/', '/units/V1', col(), '/units/V1/feed.atom', '/sitemap.xml']) {
    const res = await c.get(url, { headers: { 'if-none-match': first.get(url)!.etag } });
    assert.equal(res.statusCode, 200, `${url} changed`);
    assert.notEqual(res.headers.etag, first.get(url)!.etag);
    const lm = first.get(url)!.lm;
    assert.equal((await c.get(url, { headers: { 'if-modified-since': lm } })).statusCode, 200, `${url} IMS`);
  }
  const item = await c.get(`/d/${ids[5]}`, { headers: { 'if-none-match': first.get(`/d/${ids[5]}`)!.etag } });
  assert.equal(item.statusCode, 304);

  // signed in: a different variant, never stored by shared caches
  const signed = t.client();
  await signed.signIn(person.username);
  const mine = await signed.get('/', { headers: { 'if-none-match': first.get('/')!.etag } });
  assert.equal(mine.statusCode, 200);
  assert.equal(mine.headers['cache-control'], 'private, no-cache');
  assert.match(String(mine.headers.vary), /Cookie/);
});

test('cached anonymous pages: the same bytes for every visitor (no form token, no cookie), and no page outlives a change', async () => {
  const a = t.client();
  const b = t.client();
  const url = `/d/${ids[10]}`;
  const pa = await a.get(url);
  const pb = await b.get(url);
  // public pages show no form that needs a token, so none is issued (src/server/auth-hooks.ts)
  assert.doesNotMatch(pa.body, /name="_csrf"/);
  assert.equal(pa.headers['set-cookie'], undefined);
  assert.equal(a.cookies.size, 0);
  assert.equal(pa.body, pb.body);
  assert.equal(pa.headers.etag, pb.headers.etag);
  assert.equal(pa.headers['cache-control'], 'public, no-cache');

  // a revision through the application: the next anonymous view shows it
  const { reviseDisclosure } = await import('../disclosure/revise-disclosure.ts');
  t.clock.advanceMinutes(1);
  await reviseDisclosure(t.world.ctx(t.world.system.actor, t.clock.now()), ids[10], {
    title: '一村村务动态第11号（更正）',
    bodyHtml: '<p>更正后的正文</p>',
    changeNote: '更正金额',
  });
  for (const u of [url, '/', col()])
    assert.match((await a.get(u)).body, /第11号（更正）/, `${u} after the revision`);

  // a write by another process on the same SQLite file (another app server, the CLI)
  if (t.db.dialect === 'sqlite') {
    const { default: Sqlite } = await import('better-sqlite3');
    const other = new Sqlite(t.db.url.slice('sqlite:'.length));
    try {
      other
        .prepare('update units set name = ? where tenant_id = ? and code = ?')
        .run('一村（改名）', t.world.tenantId, 'V1');
    } finally {
      other.close();
    }
    for (const u of [url, '/units/V1', col()])
      assert.match((await a.get(u)).body, /一村（改名）/, `${u} after another process wrote`);
  }
});
