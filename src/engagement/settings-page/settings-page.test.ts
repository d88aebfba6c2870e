import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makePerson, makeUnit } from '../../../test/helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from '../../../test/helpers/server.ts';
import { loadSensitiveWords } from '../sensitive-words.ts';
import { feedbackDirectDelivery, feedbackReplyDays } from '../settings.ts';

/** The office's engagement settings page and API: who may, validation, audit, round trip. */
let t: TestApp;
let office: Client;
let townOffice: Client;
let publisher: Client;

before(async () => {
  t = await startTestApp();
  const gov = await makeUnit(t.world, t.world.rootId, 'county', '县政府', 'GOV');
  const town = await makeUnit(t.world, gov.id, 'township', '甲镇', 'TA');
  const o = await makePerson(t.world, gov.id, [
    { role: 'office', unitId: t.world.rootId, coversSubtree: true },
  ]);
  const to = await makePerson(t.world, town.id, [{ role: 'office', unitId: town.id, coversSubtree: true }]);
  const p = await makePerson(t.world, town.id, [{ role: 'publisher', unitId: town.id }]);
  office = t.client();
  await office.signIn(o.username);
  townOffice = t.client();
  await townOffice.signIn(to.username);
  publisher = t.client();
  await publisher.signIn(p.username);
});
after(() => t.close());

const audits = (action: string) =>
  t.db.db.selectFrom('audit_log').select('after_json').where('action', '=', action).execute();

test('only the region office sees and saves the settings; the menu follows', async () => {
  const anon = await t.client().get('/admin/engagement/settings');
  assert.equal(anon.statusCode, 303);
  assert.equal((await townOffice.get('/admin/engagement/settings')).statusCode, 403);
  assert.equal((await publisher.get('/admin/engagement/settings')).statusCode, 403);
  const denied = await townOffice.post('/admin/engagement/settings', { form: { replyDays: '9' } });
  assert.equal(denied.statusCode, 403);
  assert.equal(
    (await townOffice.api('PUT', '/api/v1/engagement/settings', { replyDays: 9, direct: true })).statusCode,
    403,
  );
  assert.equal((await townOffice.api('GET', '/api/v1/engagement/settings')).statusCode, 403);
  assert.equal(await feedbackReplyDays(t.db.db, t.world.tenantId), 5);
  const page = await office.get('/admin/engagement/settings');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /name="replyDays"[^>]*value="5"/);
  assert.match(page.body, /href="\/admin\/engagement\/settings"/);
  assert.doesNotMatch((await townOffice.get('/admin')).body, /href="\/admin\/engagement\/settings"/);
});

test('reply days 1..60 and 直达 are validated, saved and audited', async () => {
  for (const bad of ['0', '61', 'abc', '']) {
    const res = await office.post('/admin/engagement/settings', { form: { replyDays: bad, direct: 'true' } });
    assert.equal(res.statusCode, 422, `replyDays=${bad}`);
    assert.match(res.body, /f-replyDays/);
  }
  assert.equal(await feedbackReplyDays(t.db.db, t.world.tenantId), 5, 'nothing saved by refused input');
  const ok = await office.post('/admin/engagement/settings', { form: { replyDays: '10', direct: 'true' } });
  assert.equal(ok.statusCode, 303);
  assert.equal(await feedbackReplyDays(t.db.db, t.world.tenantId), 10);
  assert.equal(await feedbackDirectDelivery(t.db.db, t.world.tenantId), true);
  const page = await office.get('/admin/engagement/settings');
  assert.match(page.body, /name="replyDays"[^>]*value="10"/);
  assert.match(page.body, /name="direct" value="true" checked/);
  // unticked checkbox = off
  await office.post('/admin/engagement/settings', { form: { replyDays: '10' } });
  assert.equal(await feedbackDirectDelivery(t.db.db, t.world.tenantId), false);
  const rows = await audits('engagement.settings');
  assert.equal(rows.length, 2);
  assert.ok(rows.some((r) => r.after_json === JSON.stringify({ replyDays: 10, direct: true })));
});

test('the sensitive-word list: one word per line, can be cleared, too long refused', async () => {
  const ok = await office.post('/admin/engagement/settings/words', {
    form: { words: '赌博\n  代开发票 \n赌博\n\n' },
  });
  assert.equal(ok.statusCode, 303);
  assert.deepEqual(await loadSensitiveWords(t.db.db, t.world.tenantId), ['赌博', '代开发票']);
  const page = await office.get('/admin/engagement/settings');
  assert.match(page.body, /当前共 2 个敏感词/);
  const long = await office.post('/admin/engagement/settings/words', { form: { words: '长'.repeat(31) } });
  assert.equal(long.statusCode, 422);
  assert.deepEqual(await loadSensitiveWords(t.db.db, t.world.tenantId), ['赌博', '代开发票']);
  const cleared = await office.post('/admin/engagement/settings/words', { form: { words: '' } });
  assert.equal(cleared.statusCode, 303);
  assert.deepEqual(await loadSensitiveWords(t.db.db, t.world.tenantId), []);
});

test('API: GET and PUT round trip, validated, all or nothing', async () => {
  const put = await office.api('PUT', '/api/v1/engagement/settings', {
    replyDays: 7,
    direct: true,
    sensitiveWords: ['甲词', '乙词'],
  });
  assert.equal(put.statusCode, 200, put.body);
  assert.deepEqual(put.json(), { replyDays: 7, direct: true, sensitiveWords: ['甲词', '乙词'] });
  const get = await office.api('GET', '/api/v1/engagement/settings');
  assert.deepEqual(get.json(), { replyDays: 7, direct: true, sensitiveWords: ['甲词', '乙词'] });
  const bad = await office.api('PUT', '/api/v1/engagement/settings', { replyDays: 100, direct: true });
  assert.ok(bad.statusCode === 400 || bad.statusCode === 422, String(bad.statusCode));
  // a bad word list rolls the settings back too
  const partial = await office.api('PUT', '/api/v1/engagement/settings', {
    replyDays: 3,
    direct: false,
    sensitiveWords: ['长'.repeat(31)],
  });
  assert.equal(partial.statusCode, 422);
  assert.equal(await feedbackReplyDays(t.db.db, t.world.tenantId), 7);
});
