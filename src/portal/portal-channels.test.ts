import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Client } from '../../test/helpers/server.ts';
import type { CatalogEntry } from '../db/types.ts';
import { type DisclosureWorld, disclosureWorld } from '../disclosure/disclosure-fixture.ts';
import { assertWellFormedXml, PNG, publicColumn, publishItem } from './portal-fixture.ts';

/**
 * The core privacy requirement: 党内公开, 本单位 and 特定对象 items of a village party
 * branch are absent from EVERY public channel for an anonymous visitor and for a member of another
 * party organisation — listings, counts, feeds, sitemap, search, API, attachments, version history,
 * /verify — and their URLs answer 404 (never 403); a party member of the branch sees what the
 * branch's members are entitled to (党内公开 and 本单位), never 特定对象.
 * (src/disclosure/disclosure-visibility.test.ts covers the item page alone.)
 */
type Kind = 'public' | 'partyInternal' | 'unitInternal' | 'specificGroup';
const TITLES: Record<Kind, string> = {
  public: '支部公开事项青松',
  partyInternal: '支部党内事项翠柏',
  unitInternal: '支部本单位事项红枫',
  specificGroup: '支部特定对象事项白杨',
};
// words only in the revised body (version 2) of each item
const BODY: Record<Kind, string> = {
  public: '修订正文甲一',
  partyInternal: '修订正文乙二',
  unitInternal: '修订正文丙三',
  specificGroup: '修订正文丁四',
};
const KINDS = Object.keys(TITLES) as Kind[];

let x: DisclosureWorld;
let entry: CatalogEntry;
const items = {} as Record<Kind, { id: string; fileId: string; fingerprint: string }>;

before(async () => {
  x = await disclosureWorld();
  const ctx = x.w.system;
  entry = (await publicColumn(
    ctx,
    x.w.rootId,
    'party_branch',
    'party',
    '组织建设',
    '支部工作动态',
  )) as CatalogEntry;
  for (const kind of KINDS) {
    const p = await publishItem(
      ctx,
      {
        unitId: x.units.branchA.id,
        entryId: entry.id,
        title: TITLES[kind],
        audience: kind,
        bodyHtml: `<p>第一版正文 ${kind}</p>`,
        displayUntil: '2026-06-30',
      },
      { file: PNG, reviseBody: `<p>${BODY[kind]}</p>` },
    );
    const v = await x.t.db.db
      .selectFrom('disclosure_versions')
      .select('fingerprint')
      .where('disclosure_id', '=', p.id)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    items[kind] = { id: p.id, fileId: p.fileId!, fingerprint: v.fingerprint };
  }
});
after(() => x.t.close());

const who = () =>
  [
    { label: 'anonymous visitor', c: x.t.client(), sees: ['public'] as Kind[] },
    { label: 'member of another party branch', c: x.people.memberB.c, sees: ['public'] as Kind[] },
    {
      label: 'party member of the branch',
      c: x.people.memberA.c,
      sees: ['public', 'partyInternal', 'unitInternal'] as Kind[],
    },
  ] as const;

/** Every title (and revised body word) present iff entitled; `text` is a page, feed or JSON body. */
function assertOnly(text: string, sees: readonly Kind[], where: string, withBody = false, idsOnly = false) {
  for (const k of KINDS) {
    const present = sees.includes(k);
    if (!idsOnly) assert.equal(text.includes(TITLES[k]), present, `${where}: title of the ${k} item`);
    assert.equal(text.includes(items[k].id), present, `${where}: id of the ${k} item`);
    if (withBody) assert.equal(text.includes(BODY[k]), present, `${where}: body of the ${k} item`);
  }
}

async function ok(c: Client, url: string, accept = 'text/html') {
  const res = await c.get(url, { headers: { accept } });
  assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
  return res;
}

function partyCount(html: string): number {
  const m = /href="\/\?domain=party"[^>]*>党务 <span class="muted">\((\d+)\)/.exec(html);
  assert.ok(m, 'the 党务 tab shows a count');
  return Number(m[1]);
}

test('every listing, count, feed, sitemap, search and API channel shows exactly what the visitor is entitled to', async () => {
  const col = `/units/PA1/columns/${entry.id}`;
  for (const { label, c, sees } of who()) {
    const home = (await ok(c, '/')).body;
    assertOnly(home, sees, `${label} home`);
    assert.equal(partyCount(home), sees.length, `${label} home count`);
    const tab = (await ok(c, '/?domain=party')).body;
    assertOnly(tab, sees, `${label} 党务 tab`);
    assert.match(tab, /href="\/\?domain=party" aria-current="page"/);
    const unit = (await ok(c, '/units/PA1')).body;
    assertOnly(unit, sees, `${label} unit page`);
    assert.match(unit, new RegExp(`共 ${sees.length} 条`), `${label} unit page column count`);
    assertOnly((await ok(c, col)).body, sees, `${label} column page`);
    for (const q of ['支部', '事项']) {
      assertOnly((await ok(c, `/search?q=${encodeURIComponent(q)}`)).body, sees, `${label} search ${q}`);
    }
    for (const k of KINDS) {
      const res = (await ok(c, `/search?q=${encodeURIComponent(BODY[k])}`)).body;
      assert.equal(res.includes(items[k].id), sees.includes(k), `${label} body search for the ${k} item`);
    }
    const unitFeed = (await ok(c, '/units/PA1/feed.atom', 'application/atom+xml')).body;
    assertWellFormedXml(unitFeed);
    assertOnly(unitFeed, sees, `${label} unit feed`, true);
    assertOnly((await ok(c, `${col}/feed.atom`, 'application/atom+xml')).body, sees, `${label} column feed`);
    // the sitemap is the anonymous view whoever asks
    const sitemap = (await ok(c, '/sitemap.xml', 'application/xml')).body;
    assertWellFormedXml(sitemap);
    assertOnly(sitemap, ['public'], `${label} sitemap`, false, true);

    const columns = await c.api('GET', '/api/v1/public/units/PA1/columns');
    assert.equal(columns.statusCode, 200);
    const apiCol = columns.json().items.find((i: { id: string }) => i.id === entry.id);
    assert.equal(apiCol.count, sees.length, `${label} API column count`);
    const apiItems = await c.api('GET', `/api/v1/public/units/PA1/columns/${entry.id}/items`);
    assert.equal(apiItems.json().total, sees.length, `${label} API items total`);
    assertOnly(apiItems.body, sees, `${label} API items`);
    for (const qs of ['q=%E6%94%AF%E9%83%A8', 'unit=PA1', 'domain=party', '']) {
      const r = await c.api('GET', `/api/v1/public/disclosures?${qs}`);
      assert.equal(r.statusCode, 200, r.body);
      assertOnly(r.body, sees, `${label} API search ${qs}`);
      assert.equal(r.json().total, sees.length, `${label} API search total ${qs}`);
    }
  }
});

test('the item, its attachment, its versions and /verify answer 404 (not 403) unless entitled', async () => {
  for (const { label, c, sees } of who()) {
    for (const k of KINDS) {
      const { id, fileId, fingerprint } = items[k];
      const entitled = sees.includes(k);
      const page = await c.get(`/d/${id}`);
      assert.equal(page.statusCode, entitled ? 200 : 404, `${label} /d/ ${k}`);
      if (entitled) {
        assert.match(page.body, new RegExp(BODY[k]), `${label} sees the current version of ${k}`);
        assert.match(
          page.body,
          /第 1 版[\s\S]*第 2 版[\s\S]*补充说明/,
          `${label} sees the version history of ${k}`,
        );
      } else {
        assert.doesNotMatch(page.body, new RegExp(`${TITLES[k]}|${BODY[k]}|第 1 版|补充说明`));
      }
      assert.equal(
        (await c.get(`/d/${id}/files/${fileId}`)).statusCode,
        entitled ? 200 : 404,
        `${label} file ${k}`,
      );
      const api = await c.api('GET', `/api/v1/public/disclosures/${id}`);
      assert.equal(api.statusCode, entitled ? 200 : 404, `${label} API item ${k}`);
      if (entitled) assert.equal(api.json().versions.length, 2);
      const verify = await c.get(`/verify?fp=${fingerprint}`);
      assert.equal(verify.body.includes(id), entitled, `${label} /verify ${k}`);
    }
  }
});

test('after the display-until date: gone from current listings, in the archived list only for the entitled', async () => {
  const saved = x.t.clock.current;
  x.t.clock.current = new Date('2026-07-01T02:00:00.000Z');
  // four months later the member's session has expired: sign in again
  const member = await x.t.db.db
    .selectFrom('people')
    .select('username')
    .where('id', '=', x.people.memberA.id)
    .executeTakeFirstOrThrow();
  await x.people.memberA.c.signIn(member.username);
  try {
    const col = `/units/PA1/columns/${entry.id}`;
    for (const { label, c, sees } of who()) {
      assertOnly((await ok(c, '/')).body, [], `${label} home after archiving`);
      assertOnly((await ok(c, col)).body, [], `${label} column after archiving`);
      const archived = (await ok(c, `${col}?archived=1`)).body;
      assertOnly(archived, sees, `${label} archived list`);
      assert.match(archived, /已归档/);
      const api = await c.api('GET', `/api/v1/public/units/PA1/columns/${entry.id}/items?archived=true`);
      assertOnly(api.body, sees, `${label} API archived list`);
      // archived items stay reachable and findable
      for (const k of sees) assert.equal((await c.get(`/d/${items[k].id}`)).statusCode, 200);
      assertOnly(
        (await ok(c, `/search?q=${encodeURIComponent('支部')}`)).body,
        sees,
        `${label} search archived`,
      );
    }
  } finally {
    x.t.clock.current = saved;
  }
});
