import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePerson, makeUnit } from '../../../test/helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from '../../../test/helpers/server.ts';
import type { Unit } from '../../db/types.ts';
import { pdfText, squash } from '../../requests/documents/test-support.ts';
import { ENGAGEMENT_LIMITS } from '../throttle.ts';
import { closeSurvey } from './close-survey.ts';
import { rateUnits } from './rate-units.ts';
import { computeResults } from './results.ts';

// FIXED_NOW is 2026-03-02 (China date): periods are set around it.
let t: TestApp;
let office: Client;
let town: Unit;
let villages: Unit[];
let raterA: Client;
let raterB: Client;

before(async () => {
  t = await startTestApp();
  const gov = await makeUnit(t.world, t.world.rootId, 'county', '县政府', 'GOV');
  town = await makeUnit(t.world, gov.id, 'township', '甲镇', 'TA');
  villages = [
    await makeUnit(t.world, town.id, 'village', '东村', 'V1'),
    await makeUnit(t.world, town.id, 'village', '西村', 'V2'),
    await makeUnit(t.world, town.id, 'village', '南村', 'V3'),
  ];
  const o = await makePerson(t.world, gov.id, [
    { role: 'office', unitId: t.world.rootId, coversSubtree: true },
  ]);
  office = t.client();
  await office.signIn(o.username);
  raterA = t.client();
  await raterA.signIn((await makePerson(t.world, town.id)).username);
  raterB = t.client();
  await raterB.signIn((await makePerson(t.world, town.id)).username);
});
after(() => t.close());

async function create(over: Record<string, string> = {}): Promise<string> {
  const res = await office.post('/admin/surveys', {
    form: {
      title: '2026年一季度村务满意度测评',
      description: '请对各村工作作出评价',
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      audience: 'signed_in',
      childrenOf: town.id,
      ...over,
    },
  });
  assert.equal(res.statusCode, 303, res.body);
  return String(res.headers.location).split('/').pop()!.split('?')[0];
}
const rate = (c: Client, id: string, form: Record<string, string>) =>
  c.post(`/surveys/${id}/ratings`, { form });
const count = async (id: string) =>
  Number(
    (
      await t.db.db
        .selectFrom('survey_ratings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('survey_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('surveys', () => {
  test('computeResults: rate, weighted score and shared ranks', () => {
    const w = { weight_satisfied: 100, weight_basic: 60, weight_dissatisfied: 0 };
    const rows = computeResults(
      w,
      [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
        { id: 'c', name: 'C' },
        { id: 'd', name: 'D' },
      ],
      {
        a: { satisfied: 2, basic: 1, dissatisfied: 1 },
        b: { satisfied: 3 },
        c: { satisfied: 2, basic: 1, dissatisfied: 1 },
      },
    );
    assert.deepEqual(
      rows.map((r) => [r.unitId, r.raters, r.rate, r.score, r.rank]),
      [
        ['b', 3, 100, 100, 1],
        ['a', 4, 75, 65, 2],
        ['c', 4, 75, 65, 2],
        ['d', 0, null, null, null],
      ],
    );
  });

  test('draft → open → closed → finalized, one rating per person, results and immutable snapshot', async () => {
    const id = await create();
    // a draft is not public, and cannot be rated
    assert.equal((await t.client().get(`/surveys/${id}`)).statusCode, 404);
    assert.equal((await rate(raterA, id, { [`r_${villages[0].id}`]: 'satisfied' })).statusCode, 404);
    const opened = await office.post(`/admin/surveys/${id}/open`, { form: {} });
    assert.equal(opened.statusCode, 303, opened.body);
    assert.equal((await office.post(`/admin/surveys/${id}/open`, { form: {} })).statusCode, 409);

    // the survey is listed publicly and on the page of each unit it rates
    assert.match((await t.client().get('/surveys')).body, new RegExp(`/surveys/${id}`));
    assert.match((await t.client().get('/units/V1')).body, new RegExp(`href="/surveys/${id}"`));
    const adminList = await office.get('/admin/surveys');
    assert.match(adminList.body, /2026年一季度村务满意度测评/);
    assert.match((await office.get('/admin/surveys/new')).body, /name="childrenOf"/);
    // the public page lists each unit with radio buttons; anonymous visitors are asked to sign in
    const page = await t.client().get(`/surveys/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /登录后参加/);
    const anon = await rate(t.client(), id, { [`r_${villages[0].id}`]: 'satisfied' });
    assert.equal(anon.statusCode, 401);
    assert.equal(await count(id), 0);
    const form = await raterA.get(`/surveys/${id}`);
    for (const v of villages) assert.match(form.body, new RegExp(`name="r_${v.id}" value="basic"`));

    // rater A: double submit → still one rating per unit; a change replaces the level
    const ratingA = {
      [`r_${villages[0].id}`]: 'satisfied',
      [`r_${villages[1].id}`]: 'basic',
      [`c_${villages[1].id}`]: '村干部电话13812345678打不通',
    };
    const [r1, r2] = await Promise.all([rate(raterA, id, ratingA), rate(raterA, id, ratingA)]);
    assert.equal(r1.statusCode, 303, r1.body);
    assert.equal(r2.statusCode, 303, r2.body);
    assert.equal(await count(id), 2);
    // ballot secrecy: the audit entry says how many units were rated, not the levels
    const audits = await t.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'survey.rate')
      .where('target_id', '=', id)
      .execute();
    assert.ok(audits.length >= 1);
    for (const a of audits) {
      assert.deepEqual(JSON.parse(String(a.after_json)), { rated: 2 });
      assert.doesNotMatch(String(a.after_json), /satisfied|basic|level/);
    }
    const thanks = await raterA.get(String(r1.headers.location));
    assert.match(thanks.body, /感谢参与/);
    await rate(raterA, id, { ...ratingA, [`r_${villages[0].id}`]: 'dissatisfied' });
    assert.equal(await count(id), 2);
    // rater B
    const rb = await rate(raterB, id, {
      [`r_${villages[0].id}`]: 'satisfied',
      [`r_${villages[1].id}`]: 'dissatisfied',
      [`r_${villages[2].id}`]: 'basic',
    });
    assert.equal(rb.statusCode, 303);
    // the staff API: live results and the comments, masked; 404 for people without survey.view
    const staff = await office.api('GET', `/api/v1/surveys/${id}`);
    assert.equal(staff.statusCode, 200, staff.body);
    const sv = staff.json();
    assert.equal(sv.results.final, false);
    assert.equal(sv.results.participants, 2);
    assert.equal(sv.results.rows.find((r: { unitId: string }) => r.unitId === villages[0].id).raters, 2);
    assert.equal(sv.comments.length, 1);
    assert.match(sv.comments[0].text, /138\*\*\*\*5678/);
    assert.doesNotMatch(staff.body, /13812345678/);
    assert.equal((await raterA.api('GET', `/api/v1/surveys/${id}`)).statusCode, 404);
    assert.equal(await count(id), 5);
    // nothing chosen → a clear message, nothing written
    const empty = await rate(raterB, id, {});
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /请至少对一个单位作出评价/);

    // results are not public while open; the office sees them live
    assert.equal((await t.client().api('GET', `/api/v1/public/surveys/${id}/results`)).statusCode, 404);
    const admin = await office.get(`/admin/surveys/${id}`);
    assert.match(admin.body, /138\*{4}5678|138\*+678|1381234\*{4}|\*{4}/);
    assert.doesNotMatch(admin.body, /13812345678/);
    assert.doesNotMatch((await t.client().get(`/surveys/${id}`)).body, /打不通/);

    // close early → results public (live), ratings refused
    assert.equal((await office.post(`/admin/surveys/${id}/close`, { form: {} })).statusCode, 303);
    assert.equal((await rate(raterB, id, { [`r_${villages[2].id}`]: 'satisfied' })).statusCode, 409);
    const live = (await t.client().api('GET', `/api/v1/public/surveys/${id}/results`)).json();
    assert.equal(live.final, false);
    assert.equal(live.participants, 2);
    const byName = Object.fromEntries(live.rows.map((r: { unitName: string }) => [r.unitName, r]));
    // 东村: 不满意 (A, changed) + 满意 (B) → rate 50 %, score (0 + 100) / 2 = 50
    assert.deepEqual(
      [
        byName.东村.satisfied,
        byName.东村.dissatisfied,
        byName.东村.raters,
        byName.东村.rate,
        byName.东村.score,
      ],
      [1, 1, 2, 50, 50],
    );
    // 西村: 基本满意 + 不满意 → 50 %, 30; 南村: 基本满意 → 100 %, 60 (rank 1)
    assert.deepEqual([byName.西村.rate, byName.西村.score, byName.西村.rank], [50, 30, 3]);
    assert.deepEqual([byName.南村.rate, byName.南村.score, byName.南村.rank], [100, 60, 1]);

    // finalize → snapshot stored; the snapshot cannot change, and finalizing again is refused
    const fin = await office.api('POST', `/api/v1/surveys/${id}/finalize`);
    assert.equal(fin.statusCode, 200, fin.body);
    assert.equal(fin.json().status, 'finalized');
    assert.equal((await office.api('POST', `/api/v1/surveys/${id}/finalize`)).statusCode, 409);
    const snap = await t.db.db.selectFrom('survey_results').selectAll().where('survey_id', '=', id).execute();
    assert.equal(snap.length, 3);
    await assert.rejects(
      t.db.db.updateTable('survey_results').set({ score: 99 }).where('survey_id', '=', id).execute(),
    );
    await assert.rejects(t.db.db.deleteFrom('survey_results').where('survey_id', '=', id).execute());
    // a rating slipped into the table afterwards does not change the published (snapshot) results
    await t.db.db
      .insertInto('survey_ratings')
      .values({
        tenant_id: t.world.tenantId,
        id: 'late',
        survey_id: id,
        unit_id: villages[2].id,
        rater_key: 'p:late',
        person_id: null,
        level: 'dissatisfied',
        comment: null,
        created_at: 'x',
        updated_at: 'x',
      })
      .execute();
    const final = (await t.client().api('GET', `/api/v1/public/surveys/${id}/results`)).json();
    assert.equal(final.final, true);
    assert.equal(final.rows[0].unitName, '南村');
    assert.equal(final.rows[0].raters, 1);

    // printable sheet (HTML + print CSS) and the PDF
    const sheet = await t.client().get(`/surveys/${id}/sheet`);
    assert.equal(sheet.statusCode, 200);
    assert.match(sheet.body, /\/surveys\/sheet\.css/);
    assert.match(sheet.body, /负责人（签字）/);
    assert.match((await t.client().get('/surveys/sheet.css')).body, /@media print/);
    const pdf = await t.client().get(`/surveys/${id}/results.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = squash(pdfText(pdf.rawPayload));
    for (const s of [
      '2026年一季度村务满意度测评结果表',
      '东村',
      '西村',
      '南村',
      '满意率',
      '得分',
      '100.00%',
      '60.00',
      '负责人（签字）',
    ])
      assert.ok(text.includes(s), `PDF lacks ${s}: ${text.slice(0, 400)}`);
  });

  test('anonymous surveys: one rating per device, throttled per IP', async () => {
    const id = await create({
      audience: 'anonymous',
      title: '匿名测评',
      childrenOf: '',
      unitIds: villages[0].id,
    });
    assert.equal((await office.api('POST', `/api/v1/surveys/${id}/open`)).statusCode, 200);
    const dev1 = t.client();
    const form = { [`r_${villages[0].id}`]: 'satisfied' };
    const [a, b] = await Promise.all([rate(dev1, id, form), rate(dev1, id, form)]);
    // the first call sets the device cookie; send again with it to be sure the key holds
    assert.ok([a.statusCode, b.statusCode].every((s) => s === 303));
    const before = await count(id);
    await rate(dev1, id, { [`r_${villages[0].id}`]: 'basic' });
    await rate(dev1, id, { [`r_${villages[0].id}`]: 'basic' });
    assert.equal(await count(id), before);
    const dev2 = t.client();
    const api = await dev2.api('POST', `/api/v1/public/surveys/${id}/ratings`, {
      ratings: [{ unitId: villages[0].id, level: 'dissatisfied' }],
    });
    assert.equal(api.statusCode, 200, api.body);
    assert.equal(await count(id), before + 1);
    // a unit outside the survey is refused
    const bad = await dev2.api('POST', `/api/v1/public/surveys/${id}/ratings`, {
      ratings: [{ unitId: villages[1].id, level: 'basic' }],
    });
    assert.equal(bad.statusCode, 422);
    // per IP: new devices from one address are stopped at the limit
    const ip = '192.0.2.77';
    const post = () =>
      t.client().request('POST', `/api/v1/public/surveys/${id}/ratings`, {
        json: { ratings: [{ unitId: villages[0].id, level: 'basic' }] },
        headers: { accept: 'application/json' },
        ip,
      });
    for (let i = 0; i < ENGAGEMENT_LIMITS.survey_rating.max; i++)
      assert.equal((await post()).statusCode, 200);
    const stopped = await post();
    assert.equal(stopped.statusCode, 429);
    assert.ok(stopped.headers['retry-after']);
  });

  test('a draft can be edited (units, scale); an open survey cannot', async () => {
    const id = await create({ title: '待修改' });
    const edit = await office.get(`/admin/surveys/${id}/edit`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, new RegExp(`value="${villages[2].id}" checked`));
    const put = await office.api('PUT', `/api/v1/surveys/${id}`, {
      title: '已修改',
      opensOn: '2026-03-02',
      closesOn: '2026-03-20',
      audience: 'anonymous',
      unitIds: [villages[1].id],
      weightBasic: 80,
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.deepEqual(
      [put.json().title, put.json().weights.basic, put.json().units.map((u: { name: string }) => u.name)],
      ['已修改', 80, ['西村']],
    );
    assert.equal((await office.api('POST', `/api/v1/surveys/${id}/open`)).statusCode, 200);
    const late = await office.post(`/admin/surveys/${id}`, {
      form: {
        title: 'x',
        opensOn: '2026-03-02',
        closesOn: '2026-03-20',
        audience: 'anonymous',
        unitIds: villages[0].id,
      },
    });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /进行中/);
  });

  test('the office needs grants on every unit; a period cannot be reversed', async () => {
    const clerk = t.client();
    await clerk.signIn(
      (await makePerson(t.world, villages[0].id, [{ role: 'office', unitId: villages[0].id }])).username,
    );
    const res = await clerk.api('POST', '/api/v1/surveys', {
      title: '越权',
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      audience: 'signed_in',
      unitIds: [villages[0].id, villages[1].id],
    });
    assert.ok([403, 404].includes(res.statusCode), res.body);
    const own = await clerk.api('POST', '/api/v1/surveys', {
      title: '本村',
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      audience: 'signed_in',
      unitIds: [villages[0].id],
    });
    assert.equal(own.statusCode, 201, own.body);
    const list = (await clerk.api('GET', '/api/v1/surveys')).json();
    // only surveys whose every unit the clerk covers: not the township-wide one
    assert.deepEqual(list.items.map((s: { title: string }) => s.title).sort(), ['本村', '匿名测评'].sort());
    const reversed = await office.api('POST', '/api/v1/surveys', {
      title: '颠倒',
      opensOn: '2026-03-31',
      closesOn: '2026-03-01',
      audience: 'signed_in',
      childrenOf: town.id,
    });
    assert.equal(reversed.statusCode, 422);
  });

  test('impossible dates are refused with a field error (create and edit)', async () => {
    const res = await office.api('POST', '/api/v1/surveys', {
      title: '二月测评',
      opensOn: '2026-02-01',
      closesOn: '2026-02-30',
      audience: 'signed_in',
      childrenOf: town.id,
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.fields[0].field, 'closesOn');
    const page = await office.post('/admin/surveys', {
      form: {
        title: '二月测评',
        opensOn: '2026-04-31',
        closesOn: '2026-05-31',
        audience: 'signed_in',
        childrenOf: town.id,
      },
    });
    assert.equal(page.statusCode, 422);
    assert.match(page.body, /日期不存在/);
  });

  test('a close that commits between the check and the write: the rating is refused inside the transaction', async () => {
    const made = await office.api('POST', '/api/v1/surveys', {
      title: '竞态测评',
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      audience: 'anonymous',
      unitIds: [villages[0].id],
    });
    assert.equal(made.statusCode, 201, made.body);
    const id = made.json().id as string;
    assert.equal((await office.api('POST', `/api/v1/surveys/${id}/open`, {})).statusCode, 200);
    const real = t.db.db;
    const system = { ...t.world.system, now: t.clock.now() };
    // the office closes the survey just as the rater's transaction begins
    const racing = new Proxy(real, {
      get(target, prop) {
        if (prop === 'transaction')
          return () => ({
            execute: async (fn: never) => {
              await closeSurvey(system, id);
              return target.transaction().execute(fn);
            },
          });
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    await assert.rejects(
      rateUnits(
        { ...system, db: racing, ip: '203.0.113.77' },
        id,
        { ratings: [{ unitId: villages[0].id, level: 'satisfied' }] },
        'race-device',
      ),
      (e: { code?: string }) => e.code === 'survey.not_accepting',
    );
    assert.equal(await count(id), 0);
  });
});
