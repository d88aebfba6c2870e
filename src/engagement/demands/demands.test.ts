import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makePerson, makeUnit } from '../../../test/helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from '../../../test/helpers/server.ts';
import { addOwnEntry } from '../../catalog/add-own-entry.ts';
import type { Unit } from '../../db/types.ts';
import { approveDisclosure } from '../../disclosure/approve-disclosure.ts';
import { createDraft } from '../../disclosure/create-draft.ts';
import { publishDisclosure } from '../../disclosure/publish-disclosure.ts';
import { reviewDisclosure } from '../../disclosure/review-disclosure.ts';
import { revokeDisclosure } from '../../disclosure/revoke-disclosure.ts';
import { submitDisclosure } from '../../disclosure/submit-disclosure.ts';
import { newId } from '../../lib/ids.ts';
import { saveSensitiveWords } from '../sensitive-words.ts';

/** 点单式公开 through HTTP: intake guards, support once, moderation, the three answers, permissions. */
let t: TestApp;
let town: Unit;
let village: Unit;
let neighbour: Unit;
let office: Client;
let villagePub: Client;
let neighbourPub: Client;
let villagePubUser: string;

before(async () => {
  t = await startTestApp();
  const gov = await makeUnit(t.world, t.world.rootId, 'county', '县政府', 'GOV');
  town = await makeUnit(t.world, gov.id, 'township', '甲镇', 'TA');
  village = await makeUnit(t.world, town.id, 'village', '桃源村', 'V1');
  neighbour = await makeUnit(t.world, town.id, 'village', '李家村', 'V2');
  const o = await makePerson(t.world, gov.id, [
    { role: 'office', unitId: t.world.rootId, coversSubtree: true },
  ]);
  const vp = await makePerson(t.world, village.id, [{ role: 'publisher', unitId: village.id }]);
  const np = await makePerson(t.world, neighbour.id, [{ role: 'publisher', unitId: neighbour.id }]);
  villagePubUser = vp.username;
  office = t.client();
  await office.signIn(o.username);
  villagePub = t.client();
  await villagePub.signIn(vp.username);
  neighbourPub = t.client();
  await neighbourPub.signIn(np.username);
});
after(() => t.close());

let ipSeq = 0;
const freshIp = () => {
  ipSeq += 1;
  return `198.51.100.${ipSeq}`;
};
let titleSeq = 0;
const form = (over: Record<string, string> = {}) => {
  titleSeq += 1;
  return {
    unitId: village.id,
    title: `村集体收益分配明细第${titleSeq}项`,
    description: '希望公开近三年的收支明细。',
    ...over,
  };
};
/** Submits through the public form as a fresh anonymous visitor; returns the new demand id. */
async function submitted(over: Record<string, string> = {}): Promise<string> {
  const c = t.client();
  const res = await c.post('/demands', { form: form(over), ip: freshIp() });
  assert.equal(res.statusCode, 303, res.body.slice(0, 400));
  const m = /\/demands\/([^?]+)\?ok=demand_submitted/.exec(String(res.headers.location));
  assert.ok(m, String(res.headers.location));
  return m[1];
}
const row = (id: string) =>
  t.db.db.selectFrom('demands').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('anonymous demand: public at once, masked, contact never shown; CSRF, honeypot, limits, throttle', async () => {
  const c = t.client();
  await c.get('/demands/new');
  const res = await c.post('/demands', {
    form: form({
      description: '请公开土地流转合同，有问题可联系13812345678。',
      authorName: '张三',
      contact: 'zhangsan@example.com',
    }),
    ip: freshIp(),
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 400));
  const id = /\/demands\/([^?]+)/.exec(String(res.headers.location))![1];
  const page = await t.client().get(`/demands/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /村集体收益分配明细/);
  assert.doesNotMatch(page.body, /13812345678/, 'phone masked by the privacy guard');
  assert.match(page.body, /138\*+5678|138\*{4}5678/);
  assert.doesNotMatch(page.body, /zhangsan@example\.com/);
  assert.doesNotMatch(page.body, /张三/);
  const api = await t
    .client()
    .get(`/api/v1/public/demands/${id}`, { headers: { accept: 'application/json' } });
  assert.equal(api.statusCode, 200);
  assert.doesNotMatch(api.body, /13812345678|zhangsan|张三/);
  assert.equal(api.json().status, 'open');

  // without the form token
  const noCsrf = await t.client().post('/demands', { form: form(), csrf: false, ip: freshIp() });
  assert.equal(noCsrf.statusCode, 403);
  // the honeypot
  const before = await t.db.db
    .selectFrom('demands')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const bot = await t
    .client()
    .post('/demands', { form: form({ website: 'http://spam.example' }), ip: freshIp() });
  assert.equal(bot.statusCode, 422);
  // length limits
  const long = await t.client().post('/demands', { form: form({ title: '长'.repeat(101) }), ip: freshIp() });
  assert.equal(long.statusCode, 422);
  assert.match(long.body, /不能超过|超过/);
  const afterCount = await t.db.db
    .selectFrom('demands')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  assert.equal(Number(afterCount?.n), Number(before?.n), 'nothing written by refused submissions');

  // throttle: 5 an hour per IP
  const ip = freshIp();
  const spammer = t.client();
  for (let i = 0; i < 5; i += 1)
    assert.equal((await spammer.post('/demands', { form: form(), ip })).statusCode, 303);
  const sixth = await spammer.post('/demands', { form: form(), ip });
  assert.equal(sixth.statusCode, 429);
  assert.ok(sixth.headers['retry-after']);
});

test('a repeated demand (same normalised title, same unit, open) points to the first one', async () => {
  const id = await submitted({ title: '村务 监督委员会 名单' });
  const res = await t.client().post('/demands', {
    form: form({ title: '村务监督委员会名单！' }),
    ip: freshIp(),
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/demands/${id}?ok=demand_duplicate`);
  // at another unit it is a new demand
  await submitted({ title: '村务监督委员会名单', unitId: neighbour.id });
  // the API says 409 with the existing id
  const api = t.client();
  const r = await api.request('POST', '/api/v1/public/demands', {
    json: form({ title: '村务监督委员会名单' }),
    ip: freshIp(),
  });
  assert.equal(r.statusCode, 409);
  assert.equal(r.json().error.code, 'demand.duplicate');
  assert.match(r.json().error.message, new RegExp(id));
});

test('the same demand sent several times at once is recorded once', async () => {
  const same = form({ title: '村级防汛物资储备清单' });
  const results = await Promise.all(
    Array.from({ length: 4 }, () => t.client().post('/demands', { form: same, ip: freshIp() })),
  );
  const rows = await t.db.db
    .selectFrom('demands')
    .select('id')
    .where('title', '=', '村级防汛物资储备清单')
    .execute();
  assert.equal(rows.length, 1);
  assert.deepEqual(
    results.map((r) => r.statusCode),
    [303, 303, 303, 303],
  );
  const locations = results.map((r) => String(r.headers.location));
  assert.equal(locations.filter((l) => l.endsWith('ok=demand_submitted')).length, 1);
  assert.ok(locations.every((l) => l.startsWith(`/demands/${rows[0].id}?`)));
});

test('sensitive words hold a demand: never public until released; rejected never public', async () => {
  await saveSensitiveWords({ ...t.world.system, now: t.clock.now() }, { words: '赌博网站' });
  try {
    const c = t.client();
    const res = await c.post('/demands', {
      form: form({ title: '有人开赌博网站请公开查处' }),
      ip: freshIp(),
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/demands?ok=demand_held');
    const held = await t.db.db
      .selectFrom('demands')
      .selectAll()
      .where('title', '=', '有人开赌博网站请公开查处')
      .executeTakeFirstOrThrow();
    assert.equal(held.status, 'held');
    assert.equal((await t.client().get(`/demands/${held.id}`)).statusCode, 404);
    assert.equal(
      (await t.client().get(`/api/v1/public/demands/${held.id}`, { headers: { accept: 'application/json' } }))
        .statusCode,
      404,
    );
    assert.doesNotMatch((await t.client().get('/demands')).body, /赌博网站/);
    assert.doesNotMatch((await t.client().get('/units/V1')).body, /赌博网站/);
    // another unit's staff: not found; the unit's staff: in the queue
    assert.equal((await neighbourPub.get(`/admin/demands/${held.id}`)).statusCode, 404);
    const queue = await villagePub.get('/admin/demands?status=held');
    assert.match(queue.body, /赌博网站/);
    assert.doesNotMatch((await neighbourPub.get('/admin/demands')).body, /赌博网站/);
    // reject needs a note; rejected stays hidden
    const noNote = await villagePub.post(`/admin/demands/${held.id}/moderate`, {
      form: { decision: 'reject' },
    });
    assert.equal(noNote.statusCode, 422);
    const rej = await villagePub.post(`/admin/demands/${held.id}/moderate`, {
      form: { decision: 'reject', note: '与公开无关' },
    });
    assert.equal(rej.statusCode, 303);
    assert.equal((await row(held.id)).status, 'rejected');
    assert.equal((await t.client().get(`/demands/${held.id}`)).statusCode, 404);
    const list = await t.client().get('/api/v1/public/demands', { headers: { accept: 'application/json' } });
    assert.ok(!list.json().items.some((i: { id: string }) => i.id === held.id));

    // a second held one is released and becomes public
    await c.post('/demands', { form: form({ title: '赌博网站查处结果' }), ip: freshIp() });
    const h2 = await t.db.db
      .selectFrom('demands')
      .selectAll()
      .where('title', '=', '赌博网站查处结果')
      .executeTakeFirstOrThrow();
    const other = await neighbourPub.post(`/admin/demands/${h2.id}/moderate`, {
      form: { decision: 'release' },
    });
    assert.equal(other.statusCode, 404, 'other units’ staff cannot see it');
    const rel = await office.api('POST', `/api/v1/demands/${h2.id}/moderate`, { decision: 'release' });
    assert.equal(rel.statusCode, 200, rel.body);
    assert.equal((await t.client().get(`/demands/${h2.id}`)).statusCode, 200);
  } finally {
    await saveSensitiveWords({ ...t.world.system, now: t.clock.now() }, { words: '' });
  }
});

test('one support per device and per person, enforced by the database, even when sent at once', async () => {
  const id = await submitted();
  const anon = t.client();
  await anon.get(`/demands/${id}`);
  const first = await anon.post(`/demands/${id}/support`, { form: {}, ip: freshIp() });
  assert.equal(first.statusCode, 303);
  assert.match(String(first.headers.location), /ok=demand_supported/);
  const again = await anon.post(`/demands/${id}/support`, { form: {}, ip: freshIp() });
  assert.match(String(again.headers.location), /ok=demand_already_supported/);
  assert.equal((await row(id)).support_count, 1);
  const page = await anon.get(`/demands/${id}`);
  assert.match(page.body, /您已支持/);
  assert.match(page.body, /id="support-count">1</);

  // the same device five times at once: one row
  const burst = t.client();
  await burst.get(`/demands/${id}`);
  await burst.post(`/demands/${id}/support`, { form: {}, ip: freshIp() }); // gets the device cookie
  const id2 = await submitted();
  await Promise.all(
    Array.from({ length: 5 }, () =>
      burst.request('POST', `/api/v1/public/demands/${id2}/support`, { json: {}, ip: freshIp() }),
    ),
  );
  const rows = await t.db.db.selectFrom('demand_supports').selectAll().where('demand_id', '=', id2).execute();
  assert.equal(rows.length, 1);
  assert.equal((await row(id2)).support_count, 1);

  // a signed-in person is one supporter whatever the device
  const p1 = t.client();
  await p1.signIn(villagePubUser);
  await p1.post(`/demands/${id}/support`, { form: {} });
  await villagePub.post(`/demands/${id}/support`, { form: {} });
  assert.equal((await row(id)).support_count, 3);
  const keys = await t.db.db
    .selectFrom('demand_supports')
    .select('supporter_key')
    .where('demand_id', '=', id)
    .execute();
  assert.equal(keys.filter((k) => k.supporter_key.startsWith('p:')).length, 1);
});

test('added_to_catalog: the unit’s own entry is created and shown; other units’ staff may not answer', async () => {
  const id = await submitted({ title: '村级公益事业一事一议筹资情况' });
  const anon = await t.client().post(`/admin/demands/${id}/answer`, { form: { kind: 'cannot_disclose' } });
  assert.ok([401, 403, 303].includes(anon.statusCode));
  const other = await neighbourPub.post(`/admin/demands/${id}/answer`, {
    form: {
      kind: 'added_to_catalog',
      domain: 'village',
      level1: '村务',
      item: '一事一议',
      timing: 'standing',
    },
  });
  assert.equal(other.statusCode, 403);
  const missing = await villagePub.post(`/admin/demands/${id}/answer`, {
    form: { kind: 'added_to_catalog' },
  });
  assert.equal(missing.statusCode, 422);
  const ok = await villagePub.post(`/admin/demands/${id}/answer`, {
    form: {
      kind: 'added_to_catalog',
      domain: 'village',
      level1: '村务管理',
      level2: '一事一议',
      item: '一事一议筹资筹劳情况',
      timing: 'periodic',
      period: 'yearly',
      explanation: '已纳入目录，每年公开。',
    },
  });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 600));
  const answer = await t.db.db
    .selectFrom('demand_answers')
    .selectAll()
    .where('demand_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(answer.kind, 'added_to_catalog');
  const entry = await t.db.db
    .selectFrom('catalog_entries')
    .selectAll()
    .where('id', '=', answer.catalog_entry_id!)
    .executeTakeFirstOrThrow();
  assert.equal(entry.unit_id, village.id);
  assert.equal(entry.audience, 'public');
  const catalog = await office.get(`/api/v1/units/${village.id}/catalog`, {
    headers: { accept: 'application/json' },
  });
  assert.ok(
    catalog
      .json()
      .items.some(
        (i: { source: string; entry: { id: string } }) => i.source === 'own' && i.entry.id === entry.id,
      ),
  );
  const page = await t.client().get(`/demands/${id}`);
  assert.match(page.body, /已纳入公开目录/);
  assert.match(page.body, /一事一议筹资筹劳情况/);
  // the answer links to the new column of the unit, which the portal serves
  const column = await t.client().get(`/units/V1/columns/${entry.id}`);
  assert.equal(column.statusCode, 200);
  assert.match(page.body, new RegExp(`href="/units/V1/columns/${entry.id}"`));
  // immutable: no second answer, no support after the answer
  const twice = await villagePub.post(`/admin/demands/${id}/answer`, {
    form: { kind: 'cannot_disclose', ground: 'withheld_third_party', explanation: '改口' },
  });
  assert.equal(twice.statusCode, 409);
  const late = await t.client().post(`/demands/${id}/support`, { form: {}, ip: freshIp() });
  assert.equal(late.statusCode, 409);
});

async function publishedAt(unit: Unit, audience?: 'partyInternal', publish = true): Promise<string> {
  const ctx = { ...t.world.system, now: t.clock.now() };
  titleSeq += 1;
  const entry = await addOwnEntry(ctx, unit.id, {
    domain: 'village',
    level1: '村务',
    item: `测试事项${titleSeq}`,
    mode: 'proactive',
    timing: 'standing',
    audience: 'public',
    requiredChannels: ['portal'],
  });
  const d = await createDraft(ctx, {
    unitId: unit.id,
    entryId: entry.id,
    title: `已公开事项${titleSeq}`,
    bodyHtml: '正文',
    decidedOn: '2026-02-27',
    ...(audience ? { audience } : {}),
  });
  if (publish)
    for (const step of [submitDisclosure, reviewDisclosure, approveDisclosure, publishDisclosure])
      await step(ctx, d.id);
  return d.id;
}

test('already_published: only a published 社会公开 disclosure of the unit or below', async () => {
  const id = await submitted({ title: '村财务收支月报' });
  const answer = (disclosureId: string) =>
    villagePub.post(`/admin/demands/${id}/answer`, { form: { kind: 'already_published', disclosureId } });
  const draft = await publishedAt(village, undefined, false);
  assert.equal((await answer(draft)).statusCode, 422);
  const party = await publishedAt(village, 'partyInternal');
  const partyRes = await answer(party);
  assert.equal(partyRes.statusCode, 422);
  assert.match(partyRes.body, /不是社会公开/);
  const otherUnit = await publishedAt(neighbour);
  const otherRes = await answer(otherUnit);
  assert.equal(otherRes.statusCode, 422);
  assert.match(otherRes.body, /不属于本单位/);
  assert.equal((await answer('no-such-id')).statusCode, 422);
  assert.equal((await row(id)).status, 'open', 'nothing written by refused answers');
  const good = await publishedAt(village);
  const ok = await answer(`https://gk.example/d/${good}`);
  assert.equal(ok.statusCode, 303, /error-summary.*?<\/div>/s.exec(ok.body)?.[0]);
  const page = await t.client().get(`/demands/${id}`);
  assert.match(page.body, new RegExp(`href="/d/${good}"`));
  // revoked later: the answer stays, the link goes (page and API)
  await revokeDisclosure({ ...t.world.system, now: t.clock.now() }, good, { reason: '内容有误' });
  const after = await t.client().get(`/demands/${id}`);
  assert.equal(after.statusCode, 200);
  assert.doesNotMatch(after.body, new RegExp(`/d/${good}`));
  assert.match(after.body, /已经公开/);
  const afterApi = (await t.client().api('GET', `/api/v1/public/demands/${id}`)).json();
  assert.equal(afterApi.answer.kind, 'already_published');
  assert.equal(afterApi.answer.disclosure, null);
  // a township answers with its village's disclosure (a unit it covers)
  const townDemand = await submitted({ unitId: town.id, title: '镇村财务公开汇总' });
  const viaTown = await office.api('POST', `/api/v1/demands/${townDemand}/answer`, {
    kind: 'already_published',
    disclosureId: await publishedAt(village),
  });
  assert.equal(viaTown.statusCode, 200, viaTown.body);
  assert.equal(viaTown.json().answer.kind, 'already_published');
});

test('cannot_disclose requires a ground and an explanation; the answer is public', async () => {
  const id = await submitted({ title: '调解案件当事人名单' });
  const none = await villagePub.post(`/admin/demands/${id}/answer`, { form: { kind: 'cannot_disclose' } });
  assert.equal(none.statusCode, 422);
  assert.match(none.body, /f-ground/);
  assert.match(none.body, /f-explanation/);
  const badGround = await villagePub.api('POST', `/api/v1/demands/${id}/answer`, {
    kind: 'cannot_disclose',
    ground: 'because',
    explanation: 'x',
  });
  assert.equal(badGround.statusCode, 422);
  const ok = await villagePub.post(`/admin/demands/${id}/answer`, {
    form: {
      kind: 'cannot_disclose',
      ground: 'withheld_third_party',
      explanation: '涉及个人隐私。如有疑问请致电 13812345678。',
    },
  });
  assert.equal(ok.statusCode, 303);
  const page = await t.client().get(`/demands/${id}`);
  assert.match(page.body, /保护第三方合法权益/);
  assert.match(page.body, /第十五条/);
  assert.match(page.body, /涉及个人隐私/);
  // the staff's explanation is masked publicly like the public's own text
  assert.match(page.body, /138\*\*\*\*5678/);
  assert.doesNotMatch(page.body, /13812345678/);
  const api = (await t.client().api('GET', `/api/v1/public/demands/${id}`)).json();
  assert.equal(api.answer.explanation, '涉及个人隐私。如有疑问请致电 138****5678。');
});

test('public lists, filters and the unit panel show counts; the API lists the same', async () => {
  const page = await t.client().get('/demands?state=answered&sort=newest');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /调解案件当事人名单/);
  assert.doesNotMatch(page.body, /<a href="\/demands\/[^"]+">村务 监督委员会 名单/);
  const unitList = await t.client().get('/units/V2/demands');
  assert.equal(unitList.statusCode, 200);
  assert.match(unitList.body, /村务监督委员会名单/);
  assert.doesNotMatch(unitList.body, /村财务收支月报/);
  const unitPage = await t.client().get('/units/V1');
  assert.equal(unitPage.statusCode, 200);
  assert.match(unitPage.body, /id="unit-demand-counts">待答复 \d+ 件，已答复 \d+ 件，累计支持 \d+ 人次/);
  assert.match(unitPage.body, /href="\/units\/V1\/demands\/new"/);
  const api = await t
    .client()
    .get('/api/v1/public/demands?unit=V1&state=open', { headers: { accept: 'application/json' } });
  assert.equal(api.statusCode, 200);
  assert.ok(api.json().items.length > 0);
  assert.ok(
    api
      .json()
      .items.every((i: { unitCode: string; status: string }) => i.unitCode === 'V1' && i.status === 'open'),
  );
  const counts = await t.client().get('/api/v1/public/units/V1/demand-counts', {
    headers: { accept: 'application/json' },
  });
  assert.equal(counts.statusCode, 200);
  const shown = /待答复 (\d+) 件，已答复 (\d+) 件，累计支持 (\d+) 人次/.exec(unitPage.body)!;
  assert.deepEqual(counts.json(), {
    open: Number(shown[1]),
    answered: Number(shown[2]),
    supports: Number(shown[3]),
  });
  assert.ok(counts.json().answered >= 3 && counts.json().supports >= 3);
  // paging: pages of 20, disjoint, adding up to the total
  for (let i = 0; i < 8; i += 1) await submitted({ unitId: neighbour.id });
  const json = { headers: { accept: 'application/json' } };
  const p1 = (await t.client().get('/api/v1/public/demands?sort=newest', json)).json();
  const p2 = (await t.client().get('/api/v1/public/demands?sort=newest&page=2', json)).json();
  assert.ok(p1.total > 20, `enough demands to page: ${p1.total}`);
  assert.equal(p1.items.length, 20);
  assert.equal(p2.items.length, Math.min(20, p1.total - 20));
  const ids = new Set(p1.items.map((i: { id: string }) => i.id));
  assert.ok(p2.items.every((i: { id: string }) => !ids.has(i.id)));
  const html = await t.client().get('/demands?page=2&sort=newest');
  assert.match(html.body, /rel="prev" href="\/demands\?sort=newest"/);
  const form = await t.client().get('/units/V1/demands/new');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /桃源村/);
  const staff = await villagePub.api('GET', '/api/v1/demands');
  assert.equal(staff.statusCode, 200);
  assert.ok(staff.json().items.every((i: { unitCode: string }) => i.unitCode === 'V1'));
});

test('a new demand notifies those who answer for the unit (not the region-wide office)', async () => {
  const id = await submitted({ title: '村小组长补贴发放标准' });
  const notes = await t.db.db
    .selectFrom('notifications as n')
    .innerJoin('people as p', (j) =>
      j.onRef('p.tenant_id', '=', 'n.tenant_id').onRef('p.id', '=', 'n.person_id'),
    )
    .select(['p.username', 'n.link'])
    .where('n.dedupe_key', '=', `demand.new:${id}`)
    .execute();
  assert.deepEqual(
    notes.map((n) => n.username),
    [villagePubUser],
  );
  assert.equal(notes[0].link, `/admin/demands/${id}`);
});

test('two answers at once: one wins, the other gets 409 (the unique key), never a 500', async () => {
  const id = await submitted({ title: '村道维修资金使用情况' });
  const body = { kind: 'cannot_disclose', ground: 'withheld_third_party', explanation: '涉及第三方。' };
  const both = await Promise.all([
    villagePub.api('POST', `/api/v1/demands/${id}/answer`, body),
    office.api('POST', `/api/v1/demands/${id}/answer`, body),
  ]);
  assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409]);
  // the race itself: an answer row already there while the demand still reads 'open'
  const raced = await submitted({ title: '村办企业承包合同' });
  const d = await row(raced);
  await t.db.db
    .insertInto('demand_answers')
    .values({
      tenant_id: d.tenant_id,
      id: newId(t.clock.now().getTime()),
      demand_id: raced,
      unit_id: d.unit_id,
      kind: 'cannot_disclose',
      catalog_entry_id: null,
      disclosure_id: null,
      ground: 'withheld_third_party',
      explanation: '先到的答复',
      answered_by: null,
      answered_by_name: '他人',
      answered_at: t.clock.now().toISOString(),
    })
    .execute();
  const lost = await villagePub.api('POST', `/api/v1/demands/${raced}/answer`, body);
  assert.equal(lost.statusCode, 409, lost.body);
  assert.equal(lost.json().error.code, 'demand.already_answered');
  assert.equal((await row(raced)).status, 'open', 'the losing transaction wrote nothing');
});

test('staff API detail: writer and contact for those who answer for the unit, 404 for others', async () => {
  const id = await submitted({
    title: '村集体土地征收补偿标准',
    contact: 'li@example.com',
    authorName: '李四',
  });
  const mine = await villagePub.api('GET', `/api/v1/demands/${id}`);
  assert.equal(mine.statusCode, 200, mine.body);
  assert.equal(mine.json().contact, 'li@example.com');
  assert.equal(mine.json().authorName, '李四');
  assert.equal(mine.json().title, '村集体土地征收补偿标准');
  assert.equal((await neighbourPub.api('GET', `/api/v1/demands/${id}`)).statusCode, 404);
  assert.equal((await villagePub.api('GET', '/api/v1/demands/no-such-id')).statusCode, 404);
  const anon = await t.client().api('GET', `/api/v1/demands/${id}`);
  assert.ok([401, 404].includes(anon.statusCode));
  assert.doesNotMatch(anon.body, /li@example\.com/);
});
