import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import { addGuidingEntry } from '../catalog/add-guiding-entry.ts';
import { createGuidingCatalog } from '../catalog/create-guiding-catalog.ts';
import { dailySchedules } from '../jobs/schedule-daily.ts';
import { type DisclosureWorld, disclosureWorld, draftVia, xlsxWith } from './disclosure-fixture.ts';
import { FILING_REVIEW_JOB, registerFilingReviewReminders, sweepFilingReviews } from './filing-reminders.ts';

registerFilingReviewReminders();

let x: DisclosureWorld;
let monthly: string;
before(async () => {
  x = await disclosureWorld();
  const c = await createGuidingCatalog(x.w.system, {
    ownerUnitId: x.w.rootId,
    unitKind: 'village',
    domain: 'finance',
    name: '村级月度财务公开目录',
  });
  monthly = (
    await addGuidingEntry(x.w.system, c.id, {
      level1: '财务收支',
      item: '月度财务收支明细',
      mode: 'proactive',
      timing: 'periodic',
      period: 'monthly',
      audience: 'public',
      requiredChannels: ['portal'],
    })
  ).id;
});
after(() => x.t.close());

const row = (id: string) =>
  x.t.db.db.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const count = async () =>
  Number(
    (
      await x.t.db.db
        .selectFrom('disclosures')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
async function through(
  id: string,
  steps: [DisclosureWorld['people']['pub1']['c'], string, Record<string, string>?][],
) {
  for (const [c, s, form] of steps) {
    const res = await c.post(`/admin/disclosures/${id}/${s}`, { form: form ?? {} });
    assert.equal(res.statusCode, 303, `${s}: ${res.body.slice(0, 300)}`);
  }
}

test('display-until is optional, a short one is moved to the minimum at publication, and a past one reads 已归档', async () => {
  const { pub1, rev1, app1 } = x.people;
  const early = await pub1.c.post('/admin/disclosures', {
    form: {
      unitId: x.units.v1.id,
      entryId: x.entries.quarterly.id,
      periodKey: '2025-Q4',
      title: '显示期限',
      bodyHtml: '正文',
      decidedOn: '2026-01-10',
      displayUntil: '2026-01-01',
    },
  });
  assert.equal(early.statusCode, 422);
  assert.match(early.body, /公开截止日期不能早于形成或发生日期/);
  // without a date the item stays listed: the minimum display period is a floor, not an end date
  const standing = await draftVia(pub1.c, {
    unitId: x.units.v1.id,
    entryId: x.entries.quarterly.id,
    periodKey: '2025-Q3',
    title: '2025年第三季度财务收支公开',
    bodyHtml: '正文',
    decidedOn: '2026-01-10',
  });
  assert.equal((await row(standing)).display_until, null);
  const id = await draftVia(pub1.c, {
    unitId: x.units.v1.id,
    entryId: x.entries.quarterly.id,
    periodKey: '2025-Q4',
    title: '2025年第四季度财务收支公开',
    bodyHtml: '正文',
    decidedOn: '2026-01-10',
    displayUntil: '2026-01-20',
  });
  assert.equal((await row(id)).display_until, '2026-01-20');
  // a periodic entry's 最短公开时长 is 30 working days
  const cal = await loadCalendar(x.t.db.db, x.w.tenantId);
  await through(id, [
    [pub1.c, 'submit'],
    [rev1.c, 'review'],
    [app1.c, 'approve'],
    [pub1.c, 'publish'],
  ]);
  // published 2026-03-02: shown at least 30 working days from then
  const until = cal.addWorkingDays('2026-03-02', 30).date;
  assert.equal((await row(id)).display_until, until);
  const anon = x.t.client();
  assert.doesNotMatch((await anon.get(`/d/${id}`)).body, /已归档/);
  assert.doesNotMatch((await pub1.c.get(`/admin/disclosures/${id}`)).body, /已归档/);
  const saved = x.t.clock.current;
  x.t.clock.current = new Date(`${until}T23:00:00Z`); // the next day in China
  try {
    const page = await anon.get(`/d/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`已归档：本事项公开至 ${until}`));
    // (a fresh session: the others would expire if used this far ahead)
    const { makePerson } = await import('../../test/helpers/factories.ts');
    const p = await makePerson(x.w, x.units.v1.id, [{ role: 'publisher', unitId: x.units.v1.id }]);
    const c = x.t.client();
    await c.signIn(p.username);
    assert.match((await c.get(`/admin/disclosures/${id}`)).body, /已归档（公开至/);
  } finally {
    x.t.clock.current = saved;
  }
});

test('withheld filings: listed for the office, reminded once on the review date, 复核 keeps or reopens', async () => {
  const { pub1, rev1, app1, townOffice, pub2 } = x.people;
  assert.ok(dailySchedules().some((s) => s.kind === FILING_REVIEW_JOB && s.hourBeijing === 8));
  const filing = async (title: string, reviewDate: string) => {
    const id = await draftVia(pub1.c, {
      unitId: x.units.v1.id,
      entryId: x.entries.standing.id,
      title,
      bodyHtml: '调解协议',
      decidedOn: '2026-02-10',
      attribute: 'withheld',
      withheldReason: '涉及第三方个人隐私',
      withheldBasis: '《政府信息公开条例》第十五条',
      reviewDate,
    });
    await through(id, [
      [pub1.c, 'submit'],
      [rev1.c, 'review'],
      [app1.c, 'approve'],
      [pub1.c, 'publish'],
    ]);
    assert.equal((await row(id)).state, 'withheld');
    return id;
  };
  const a = await filing('不予公开：甲调解协议', '2026-03-02');
  const b = await filing('不予公开：乙调解协议', '2026-06-30');

  const list = await townOffice.c.get('/admin/disclosures/filings');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /甲调解协议/);
  assert.match(list.body, /《政府信息公开条例》第十五条/);
  assert.match(list.body, /待复核/);
  assert.equal((await pub1.c.get('/admin/disclosures/filings')).statusCode, 403);
  const api = await townOffice.c.api('GET', '/api/v1/disclosure-filings');
  assert.deepEqual(
    api.json().items.map((f: { id: string; due: boolean }) => [f.id, f.due]),
    [
      [a, true],
      [b, false],
    ],
  );
  assert.equal((await pub1.c.api('GET', '/api/v1/disclosure-filings')).statusCode, 403);

  // the daily sweep: the office covering the unit, once per filing and review date
  const notes = () =>
    x.t.db.db
      .selectFrom('notifications')
      .select(['person_id', 'dedupe_key', 'title'])
      .where('kind', '=', 'disclosure.filing_review')
      .execute();
  const opts = { date: '2026-03-02', notify: { mailEnabled: false, publicUrl: null } };
  assert.deepEqual(await sweepFilingReviews(x.w.system, opts), { due: 1, created: 1, emailed: 0 });
  assert.deepEqual(await sweepFilingReviews(x.w.system, opts), { due: 1, created: 0, emailed: 0 });
  const got = await notes();
  assert.equal(got.length, 1);
  assert.equal(got[0].person_id, townOffice.id);
  assert.equal(got[0].dedupe_key, `disclosure.filing_review:${a}:2026-03-02`);
  assert.match(got[0].title, /复核提醒/);

  // 复核: a publisher may not; another unit's publisher does not see it; the office must give a future date
  const keep = { decision: 'keep', reviewDate: '2027-03-02', note: '当事人仍不同意公开' };
  assert.equal((await pub1.c.post(`/admin/disclosures/${a}/filing-review`, { form: keep })).statusCode, 403);
  assert.equal((await pub2.c.post(`/admin/disclosures/${a}/filing-review`, { form: keep })).statusCode, 404);
  const past = await townOffice.c.post(`/admin/disclosures/${a}/filing-review`, {
    form: { ...keep, reviewDate: '2026-03-01' },
  });
  assert.equal(past.statusCode, 422);
  assert.match(past.body, /下次复核日期须晚于今天/);
  const noNote = await townOffice.c.api('POST', `/api/v1/disclosures/${a}/filing-review`, {
    decision: 'keep',
  });
  assert.equal(noNote.statusCode, 422);
  assert.equal(
    (await townOffice.c.post(`/admin/disclosures/${a}/filing-review`, { form: keep })).statusCode,
    303,
  );
  const kept = await row(a);
  assert.equal(kept.state, 'withheld');
  assert.equal(kept.review_date, '2027-03-02');
  // a new review date is a new reminder when it comes (b's date has passed by then too)
  const later = await sweepFilingReviews(x.w.system, { ...opts, date: '2027-03-02' });
  assert.deepEqual([later.due, later.created], [2, 2]);
  assert.ok((await notes()).some((n) => n.dedupe_key === `disclosure.filing_review:${a}:2027-03-02`));

  const reopened = await townOffice.c.api('POST', `/api/v1/disclosures/${b}/filing-review`, {
    decision: 'reopen',
    note: '当事人同意公开',
  });
  assert.equal(reopened.statusCode, 200, reopened.body);
  assert.equal(reopened.json().state, 'draft');
  assert.equal(reopened.json().attribute, 'proactive');
  const rb = await row(b);
  assert.equal(rb.withheld_reason, null);
  assert.equal(rb.approved_by, null);
  const trail = await x.t.db.db
    .selectFrom('disclosure_events')
    .select(['action', 'reason'])
    .where('disclosure_id', 'in', [a, b])
    .orderBy('id')
    .execute();
  assert.ok(trail.some((e) => e.action === 'filing_keep' && e.reason === '当事人仍不同意公开'));
  assert.ok(trail.some((e) => e.action === 'filing_reopen' && e.reason === '当事人同意公开'));
  const audits = await x.t.db.db
    .selectFrom('audit_log')
    .select('action')
    .where('target_id', 'in', [a, b])
    .where('action', 'in', ['disclosure.filing_keep', 'disclosure.filing_reopen'])
    .execute();
  assert.equal(audits.length, 2);
  // the reopened item is a draft again: the drafter edits and submits it for 公开
  assert.match((await pub1.c.get(`/admin/disclosures/${b}`)).body, /提交审核/);
  assert.doesNotMatch((await townOffice.c.get('/admin/disclosures/filings')).body, /乙调解协议/);
});

test('privacy overrides are listed for the office: who, when, reason, kinds, link', async () => {
  const { pub1, townOffice } = x.people;
  const id = await draftVia(pub1.c, {
    unitId: x.units.v1.id,
    entryId: x.entries.standing.id,
    title: '村民代表名单',
    bodyHtml: '联系人：张三，电话 13812345678',
    decidedOn: '2026-02-12',
  });
  assert.equal(
    (
      await pub1.c.post(`/admin/disclosures/${id}/submit`, {
        form: { overrideReason: '村委会公开电话，本人同意' },
      })
    ).statusCode,
    303,
  );
  const page = await townOffice.c.get('/admin/disclosures/privacy-overrides');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /村委会公开电话，本人同意/);
  assert.match(page.body, /正文：手机号/);
  assert.match(page.body, new RegExp(`/admin/disclosures/${id}`));
  assert.doesNotMatch(page.body, /13812345678/);
  const api = await townOffice.c.api('GET', '/api/v1/disclosure-privacy-overrides');
  const item = api.json().items.find((o: { disclosureId: string }) => o.disclosureId === id);
  assert.equal(item.reason, '村委会公开电话，本人同意');
  assert.deepEqual(item.kinds, [{ part: 'body', kind: 'mobile' }]);
  assert.equal((await pub1.c.get('/admin/disclosures/privacy-overrides')).statusCode, 403);
  assert.equal((await x.people.pub2.c.api('GET', '/api/v1/disclosure-privacy-overrides')).statusCode, 403);
});

test('a month of village finance from an XLSX sheet: one draft, rendered table with totals, the sheet attached', async () => {
  const { pub1, pub2 } = x.people;
  const sheet = await xlsxWith([
    ['一村2026年2月财务收支公开表'],
    ['日期', '摘要', '收入', '支出', '余额'],
    ['', '上月结余', '', '', '10,000.00'],
    ['02-03', '土地承包费', '5,000.00', '', '15,000.00'],
    ['02-15', '道路维修<script>', '', '2,500.50', '12,499.50'],
    ['', '本月合计', '5,000.00', '2,500.50', ''],
    ['制表人：李四'],
  ]);
  const form = { unitId: x.units.v1.id, entryId: monthly, period: '2026-02' };
  const page = await pub1.c.get(`/admin/disclosures/finance-sheet?unitId=${x.units.v1.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /月度财务收支明细/);

  const before = await count();
  // not a spreadsheet at all; a spreadsheet without the header; a bad month: localized, nothing written
  const fake = await pub1.c.upload('/admin/disclosures/finance-sheet', form, {
    field: 'file',
    filename: '收支.xlsx',
    content: Buffer.from('not a spreadsheet'),
  });
  assert.equal(fake.statusCode, 415);
  const noHeader = await pub1.c.upload('/admin/disclosures/finance-sheet', form, {
    field: 'file',
    filename: '收支.xlsx',
    content: await xlsxWith([
      ['名称', '数量'],
      ['桌子', '3'],
    ]),
  });
  assert.equal(noHeader.statusCode, 422);
  assert.match(noHeader.body, /找不到表头/);
  const badMonth = await pub1.c.upload(
    '/admin/disclosures/finance-sheet',
    { ...form, period: '2026-13' },
    { field: 'file', filename: '收支.xlsx', content: sheet },
  );
  assert.equal(badMonth.statusCode, 422);
  const wrongUnit = await pub2.c.upload('/admin/disclosures/finance-sheet', form, {
    field: 'file',
    filename: '收支.xlsx',
    content: sheet,
  });
  assert.equal(wrongUnit.statusCode, 404);
  assert.equal(await count(), before);

  const ok = await pub1.c.upload('/admin/disclosures/finance-sheet', form, {
    field: 'file',
    filename: '一村2月收支.xlsx',
    content: sheet,
  });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
  const id = /\/admin\/disclosures\/([0-9a-f-]{36})/.exec(String(ok.headers.location))![1];
  const d = await row(id);
  assert.equal(d.title, '一村2026年2月财务收支公开');
  assert.equal(d.period_key, '2026-M02');
  assert.equal(d.state, 'draft');
  assert.match(d.body_html, /<table class="finance-table">/);
  assert.match(d.body_html, /<tfoot>/);
  // amounts stay right-aligned after sanitising
  assert.match(d.body_html, /<td class="num">5,000\.00<\/td>/);
  assert.match(d.body_html, /土地承包费/);
  assert.match(d.body_html, /5,000\.00/);
  assert.match(d.body_html, /12,499\.50/);
  assert.match(d.body_html, /本期收入合计 5,000\.00 元，支出合计 2,500\.50 元，期末结余 12,499\.50 元/);
  assert.doesNotMatch(d.body_html, /<script/);
  const [att] = JSON.parse(d.attachments);
  assert.equal(att.type, 'xlsx');
  assert.equal(att.name, '一村2月收支.xlsx');
  const f = await x.t.db.db
    .selectFrom('files')
    .selectAll()
    .where('id', '=', att.fileId)
    .executeTakeFirstOrThrow();
  assert.ok(Buffer.from(f.content_b64, 'base64').equals(sheet), 'the sheet is kept as uploaded');

  // the API, with a figure that does not add up: a warning, still one draft
  const off = await xlsxWith([
    ['摘要', '收入', '支出', '余额'],
    ['上月结余', '', '', '100'],
    ['出租收入', '50', '', '160'],
  ]);
  const api = await pub1.c.upload(
    '/api/v1/disclosures/finance-sheet',
    { unitId: x.units.v1.id, entryId: monthly, period: '2026-01' },
    { field: 'file', filename: 's.xlsx', content: off },
    { headers: { accept: 'application/json' } },
  );
  assert.equal(api.statusCode, 201, api.body);
  assert.equal(api.json().disclosure.periodKey, '2026-M01');
  assert.equal(api.json().warnings.length, 1);
  assert.match(api.json().warnings[0], /余额为 160\.00.*应为 150\.00/);
  const bad = await pub1.c.upload(
    '/api/v1/disclosures/finance-sheet',
    { unitId: x.units.v1.id, entryId: monthly, period: '2026-01' },
    { field: 'file', filename: 's.xlsx', content: await xlsxWith([['备注'], ['无']]) },
    { headers: { accept: 'application/json' } },
  );
  assert.equal(bad.statusCode, 422);
  assert.equal(bad.json().error.code, 'finance.header_not_found');
});

test('custom privacy patterns: validated and audited; the guard uses them on submit; masking covers them', async () => {
  const { pub1, townOffice } = x.people;
  const root = x.t.client();
  const { makePerson } = await import('../../test/helpers/factories.ts');
  const p = await makePerson(x.w, x.w.rootId, [{ role: 'office', unitId: x.w.rootId, coversSubtree: true }]);
  await root.signIn(p.username);
  const post = (form: Record<string, string>) => root.post('/admin/settings/privacy-patterns', { form });
  const bad = async (form: Record<string, string>, message: RegExp) => {
    const res = await post(form);
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.match(res.body, message);
  };
  await bad({ name: '坏规则', pattern: '([a-z', example: 'abc' }, /写法有误/);
  await bad({ name: '慢规则', pattern: '^(a+)+$', example: 'aaaa' }, /嵌套重复/);
  await bad({ name: '慢规则二', pattern: '(a|a)*b', example: 'aab' }, /过慢/);
  await bad({ name: '长规则', pattern: `${'a'.repeat(201)}`, example: 'a' }, /不能超过 200 个字符/);
  await bad({ name: '空规则', pattern: 'x*', example: 'x' }, /空文字/);
  await bad({ name: '不符', pattern: '粤B[0-9]{5}', example: '京A12345' }, /找不出示例/);
  // only a whole-tenant office manages them
  const townTry = await townOffice.c.api('POST', '/api/v1/privacy-patterns', {
    name: '车牌',
    pattern: '粤B[0-9A-Z]{5}',
    example: '粤B12345',
  });
  assert.equal(townTry.statusCode, 403);
  assert.equal((await pub1.c.get('/admin/settings/privacy-patterns')).statusCode, 403);
  assert.equal(
    (await post({ name: '车牌号', pattern: '粤B[0-9A-Z]{5}', example: '粤B12345' })).statusCode,
    303,
  );
  const dup = await root.api('POST', '/api/v1/privacy-patterns', {
    name: '车牌号',
    pattern: '粤B[0-9]{5}',
    example: '粤B12345',
  });
  assert.equal(dup.statusCode, 409);
  const listed = await root.api('GET', '/api/v1/privacy-patterns');
  assert.deepEqual(
    listed.json().items.map((i: { name: string }) => i.name),
    ['车牌号'],
  );
  const audit = await x.t.db.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'privacy.pattern.%')
    .execute();
  assert.equal(audit.length, 1);

  const id = await draftVia(pub1.c, {
    unitId: x.units.v1.id,
    entryId: x.entries.standing.id,
    title: '村集体车辆使用情况',
    bodyHtml: '村集体车辆 粤BX7K21 本月维修一次。',
    decidedOn: '2026-02-12',
  });
  const blocked = await pub1.c.post(`/admin/disclosures/${id}/submit`, { form: {} });
  assert.equal(blocked.statusCode, 422);
  assert.match(blocked.body, /车牌号/);
  assert.match(blocked.body, /粤\*+1/);
  const findings = (await pub1.c.api('GET', `/api/v1/disclosures/${id}/privacy`)).json().findings;
  assert.equal(findings[0].kind, 'custom');
  assert.equal((await pub1.c.post(`/admin/disclosures/${id}/mask`, { form: {} })).statusCode, 303);
  assert.doesNotMatch((await row(id)).body_html, /粤BX7K21/);
  assert.equal((await pub1.c.post(`/admin/disclosures/${id}/submit`, { form: {} })).statusCode, 303);

  // edit and delete are audited too
  const pid = listed.json().items[0].id;
  const upd = await root.api('PUT', `/api/v1/privacy-patterns/${pid}`, {
    name: '车牌号（粤B）',
    pattern: '粤B[0-9A-Z]{5}',
    example: '粤BX7K21',
  });
  assert.equal(upd.statusCode, 200, upd.body);
  assert.equal((await root.api('DELETE', `/api/v1/privacy-patterns/${pid}`)).statusCode, 204);
  assert.equal((await root.api('DELETE', `/api/v1/privacy-patterns/${pid}`)).statusCode, 404);
  const audits = await x.t.db.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'privacy.pattern.%')
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audits.map((a) => a.action),
    ['privacy.pattern.create', 'privacy.pattern.update', 'privacy.pattern.delete'],
  );
});

test('the rest of the back office in /api/v1: unit setting, versions, attachment download', async () => {
  const { pub1, townOffice, pub2 } = x.people;
  const body = { unitId: x.units.v1.id, allowed: true };
  assert.equal(
    (await pub1.c.api('PUT', '/api/v1/disclosure-settings/drafter-may-review', body)).statusCode,
    403,
  );
  const ok = await townOffice.c.api('PUT', '/api/v1/disclosure-settings/drafter-may-review', body);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), body);
  await townOffice.c.api('PUT', '/api/v1/disclosure-settings/drafter-may-review', {
    ...body,
    allowed: false,
  });

  const created = await pub1.c.api('POST', '/api/v1/disclosures', {
    unitId: x.units.v1.id,
    entryId: x.entries.standing.id,
    title: '接口附件',
    bodyHtml: '正文',
    decidedOn: '2026-02-20',
  });
  const id = created.json().id;
  const sheet = await xlsxWith([
    ['摘要', '收入'],
    ['利息', '1'],
  ]);
  const up = await pub1.c.upload(
    `/api/v1/disclosures/${id}/attachments`,
    {},
    { field: 'file', filename: 'a.xlsx', content: sheet },
    { headers: { accept: 'application/json' } },
  );
  assert.equal(up.statusCode, 201, up.body);
  const file = await pub1.c.api('GET', `/api/v1/disclosures/${id}/files/${up.json().fileId}`);
  assert.equal(file.statusCode, 200);
  assert.ok(file.rawPayload.equals(sheet));
  assert.equal(
    (await pub2.c.api('GET', `/api/v1/disclosures/${id}/files/${up.json().fileId}`)).statusCode,
    404,
  );
  const versions = await pub1.c.api('GET', `/api/v1/disclosures/${id}/versions`);
  assert.deepEqual(versions.json(), { items: [] });
  const events = await pub1.c.api('GET', `/api/v1/disclosures/${id}/events`);
  assert.deepEqual(
    events.json().items.map((e: { action: string }) => e.action),
    ['draft', 'attach'],
  );
});
