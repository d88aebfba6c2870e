import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { addGuidingEntry } from '../src/catalog/add-guiding-entry.ts';
import { claimExclusion } from '../src/catalog/claim-exclusion.ts';
import { createGuidingCatalog } from '../src/catalog/create-guiding-catalog.ts';
import type { Unit } from '../src/db/types.ts';
import { addAttachment } from '../src/disclosure/add-attachment.ts';
import { approveDisclosure } from '../src/disclosure/approve-disclosure.ts';
import { createDraft } from '../src/disclosure/create-draft.ts';
import { publishDisclosure } from '../src/disclosure/publish-disclosure.ts';
import { reviewDisclosure } from '../src/disclosure/review-disclosure.ts';
import { submitDisclosure } from '../src/disclosure/submit-disclosure.ts';
import { engagementRecipes } from '../src/engagement/audit-recipes.ts';
import { notify } from '../src/notify/notify.ts';
import { recordEvent } from '../src/obligations/record-event.ts';
import { createPrivacyPattern } from '../src/privacy/save-privacy-pattern.ts';
import { requestRecipes } from '../src/requests/audit-recipes.ts';
import { makePerson, makeUnit, TEST_PASSWORD } from './helpers/factories.ts';
import { type Client, startTestApp, type TestApp } from './helpers/server.ts';

/**
 * Every state-changing route must leave an audit record in the same transaction as its write.
 * The test enumerates the app's routes: a new POST/PUT/PATCH/DELETE route without a recipe here
 * fails the test, so nobody can add a write path and forget its audit.
 */

/** Routes that change no database state at all, with the reason. */
const NO_DATA_WRITTEN: Record<string, string> = {
  'POST /verify': 'compares an uploaded file with published attachments; reads only',
};

let t: TestApp;
let office: Client;
let officeUser: string;
let town: Unit;

before(async () => {
  t = await startTestApp();
  const gov = await makeUnit(t.world, t.world.rootId, 'county', '县政府', 'GOV');
  town = await makeUnit(t.world, gov.id, 'township', '甲镇', 'TA');
  const p = await makePerson(t.world, gov.id, [
    { role: 'office', unitId: t.world.rootId, coversSubtree: true },
  ]);
  officeUser = p.username;
  office = t.client();
  await office.signIn(officeUser);
});
after(() => t.close());

async function newUnitId(code: string): Promise<string> {
  const u = await makeUnit(t.world, town.id, 'village', `村${code}`, code);
  return u.id;
}
async function newPerson(): Promise<string> {
  return (await makePerson(t.world, town.id)).id;
}
async function grantId(): Promise<string> {
  const pid = await newPerson();
  const r = await office.api('POST', '/api/v1/grants', { personId: pid, role: 'publisher', unitId: town.id });
  return r.json().id;
}
async function tokenId(c: Client): Promise<string> {
  return (await c.api('POST', '/api/v1/tokens', { name: 'x' })).json().id;
}
async function freshSignedIn(): Promise<{ c: Client; username: string }> {
  const p = await makePerson(t.world, town.id);
  const c = t.client();
  await c.signIn(p.username);
  return { c, username: p.username };
}
async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
let importSeq = 0;
async function previewId(): Promise<string> {
  importSeq += 1;
  const file = await xlsx([
    ['单位编码', '单位名称', '单位类型', '上级单位编码'],
    [`IMP${importSeq}`, `导入村${importSeq}`, '村', 'TA'],
  ]);
  const r = await office.upload(
    '/api/v1/unit-imports',
    {},
    { field: 'file', filename: 'u.xlsx', content: file },
  );
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}

const pw = { currentPassword: TEST_PASSWORD, newPassword: 'Changed-2026x', confirmPassword: 'Changed-2026x' };

/** prepare() builds what the call needs (it may audit too); act() is the call under test. */
interface Recipe<P = unknown> {
  prepare?: () => Promise<P>;
  act: (p: P) => Promise<{ statusCode: number; body: string }>;
}
const r = <P>(x: Recipe<P>) => x as Recipe;
const otherParent = () => makeUnit(t.world, t.world.rootId, 'county', `另一政府${Math.random()}`);
const importFile = async (code: string) =>
  xlsx([
    ['单位编码', '单位名称', '单位类型', '上级单位编码'],
    [code, `导入村${code}`, '村', 'TA'],
  ]);

/** An unread notification for the signed-in office person (marking read is audited: src/notify/mark-read.ts). */
let noteSeq = 0;
async function officeNotification(): Promise<string> {
  noteSeq += 1;
  const me = await t.db.db
    .selectFrom('people')
    .select('id')
    .where('username', '=', officeUser)
    .executeTakeFirstOrThrow();
  await notify(t.world.system, {
    personIds: [me.id],
    kind: 'test',
    title: `提醒${noteSeq}`,
    body: '正文',
    dedupeKey: `audit-completeness:${noteSeq}`,
    email: false,
  });
  const n = await t.db.db
    .selectFrom('notifications')
    .select('id')
    .where('dedupe_key', '=', `audit-completeness:${noteSeq}`)
    .executeTakeFirstOrThrow();
  return n.id;
}

// Catalogs: made through the operations as the system, so the office signed in here is never the
// claimant of a claim it decides.
const entryJson = {
  level1: '机构职能',
  item: '机构设置',
  mode: 'proactive',
  timing: 'standing',
  audience: 'public',
  requiredChannels: ['portal'],
};
const entryForm = { ...entryJson, requiredChannels: 'portal' } as Record<string, string>;
let catalogSeq = 0;
async function catalogId(): Promise<string> {
  catalogSeq += 1;
  const c = await createGuidingCatalog(t.world.system, {
    ownerUnitId: t.world.rootId,
    unitKind: 'village',
    domain: 'village',
    name: `村务目录${catalogSeq}`,
  });
  return c.id;
}
async function guidingEntryId(): Promise<string> {
  return (
    await addGuidingEntry(t.world.system, await catalogId(), { ...entryJson, item: `事项${catalogSeq}` })
  ).id;
}
async function ownEntryId(): Promise<string> {
  const r = await office.api('POST', `/api/v1/units/${town.id}/catalog/entries`, {
    ...entryJson,
    domain: 'government',
    item: `自有事项${Math.random()}`,
  });
  return r.json().id;
}
let claimSeq = 0;
async function claimId(): Promise<string> {
  claimSeq += 1;
  const village = await newUnitId(`CLM${claimSeq}`);
  const entry = await guidingEntryId();
  return (await claimExclusion(t.world.system, village, { entryId: entry, reason: '本村无此事项' })).id;
}
async function catalogFile(item: string): Promise<Buffer> {
  return xlsx([
    ['一级事项', '事项名称', '公开方式', '公开对象', '公开时间类型', '公开渠道和载体（必选）'],
    ['村务', item, '主动', '社会公开', '长期', '公开栏'],
  ]);
}
async function catalogPreviewId(): Promise<string> {
  const id = await catalogId();
  const r = await office.upload(
    `/api/v1/catalogs/${id}/imports`,
    {},
    { field: 'file', filename: 'c.xlsx', content: await catalogFile('导入事项') },
    { headers: { accept: 'application/json' } },
  );
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id;
}

// Obligations: a village catalog with an event-driven and a standing entry, made once by the system.
let obligationEntries: Promise<{ event: string; standing: string }> | null = null;
function obligationCatalog() {
  obligationEntries ??= (async () => {
    const c = await createGuidingCatalog(t.world.system, {
      ownerUnitId: t.world.rootId,
      unitKind: 'village',
      domain: 'village',
      name: '义务测试目录',
    });
    const add = (item: string, timing: string) =>
      addGuidingEntry(t.world.system, c.id, { ...entryJson, item, timing });
    return {
      event: (await add('重大事项', 'immediate')).id,
      standing: (await add('村规民约', 'standing')).id,
    };
  })();
  return obligationEntries;
}
let obligationSeq = 0;
async function obligationVillage(): Promise<{ unitId: string; event: string; standing: string }> {
  obligationSeq += 1;
  const entries = await obligationCatalog();
  return { unitId: await newUnitId(`OBL${obligationSeq}`), ...entries };
}
async function eventObligationId(): Promise<string> {
  const v = await obligationVillage();
  return (
    await recordEvent(t.world.system, {
      unitId: v.unitId,
      entryId: v.event,
      eventDate: '2026-02-27',
      title: '事件',
    })
  ).id;
}

// Disclosures: brought to the state each step needs by the system through the operations, so the
// office signed in here is never the drafter it would review.
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const DISCLOSURE_STATES = ['draft', 'submitted', 'reviewed', 'approved', 'published'] as const;
let disclosureSeq = 0;
async function disclosureAt(state: (typeof DISCLOSURE_STATES)[number]): Promise<string> {
  disclosureSeq += 1;
  const v = await obligationVillage();
  const ctx = t.world.system;
  const d = await createDraft(ctx, {
    unitId: v.unitId,
    entryId: v.standing,
    title: `公开事项${disclosureSeq}`,
    bodyHtml: '正文',
    decidedOn: '2026-02-27',
  });
  const steps = [submitDisclosure, reviewDisclosure, approveDisclosure, publishDisclosure];
  for (const step of steps.slice(0, DISCLOSURE_STATES.indexOf(state))) await step(ctx, d.id);
  return d.id;
}
async function draftWithAttachment(): Promise<{ id: string; fileId: string }> {
  const id = await disclosureAt('draft');
  const ref = await addAttachment(t.world.system, id, { name: 'a.png', content: PNG_1PX }, 1024 * 1024);
  return { id, fileId: ref.fileId };
}
const disclosureStep = (
  step: string,
  state: (typeof DISCLOSURE_STATES)[number],
  form: Record<string, string> = {},
) =>
  r({
    prepare: () => disclosureAt(state),
    act: (id) => office.post(`/admin/disclosures/${id}/${step}`, { form }),
  });

const apiStep = (
  step: string,
  state: (typeof DISCLOSURE_STATES)[number],
  json: Record<string, string> = {},
) =>
  r({
    prepare: () => disclosureAt(state),
    act: (id) => office.api('POST', `/api/v1/disclosures/${id}/${step}`, json),
  });

// Disclosure extras (政策解读, finance sheet, withheld filings, privacy patterns): made by the system.
let financeEntry: Promise<string> | null = null;
function financeEntryId(): Promise<string> {
  financeEntry ??= (async () => {
    const c = await createGuidingCatalog(t.world.system, {
      ownerUnitId: t.world.rootId,
      unitKind: 'village',
      domain: 'finance',
      name: '财务测试目录',
    });
    return (
      await addGuidingEntry(t.world.system, c.id, {
        ...entryJson,
        level1: '财务收支',
        item: '月度财务收支',
        timing: 'periodic',
        period: 'monthly',
      })
    ).id;
  })();
  return financeEntry;
}
let financeSeq = 0;
async function financeVillage(): Promise<{ unitId: string; entryId: string; sheet: Buffer }> {
  financeSeq += 1;
  const entryId = await financeEntryId();
  const sheet = await xlsx([
    ['摘要', '收入', '支出', '余额'],
    ['上月结余', '', '', '1000'],
    ['出租收入', '500', '', '1500'],
  ]);
  return { unitId: await newUnitId(`FIN${financeSeq}`), entryId, sheet };
}
async function withheldFiling(): Promise<string> {
  disclosureSeq += 1;
  const v = await obligationVillage();
  const ctx = t.world.system;
  const d = await createDraft(ctx, {
    unitId: v.unitId,
    entryId: v.standing,
    title: `不予公开${disclosureSeq}`,
    bodyHtml: '正文',
    decidedOn: '2026-02-27',
    attribute: 'withheld',
    withheldReason: '涉及个人隐私',
    withheldBasis: '《条例》第十五条',
    reviewDate: '2026-03-01',
  });
  for (const step of [submitDisclosure, reviewDisclosure, approveDisclosure, publishDisclosure])
    await step(ctx, d.id);
  return d.id;
}
let patternSeq = 0;
async function privacyPatternId(): Promise<string> {
  patternSeq += 1;
  return (
    await createPrivacyPattern(t.world.system, {
      name: `车牌${patternSeq}`,
      pattern: '粤B[0-9A-Z]{5}',
      example: '粤B12345',
    })
  ).id;
}

const recipes: Record<string, Recipe> = {
  ...requestRecipes(() => ({ t, office, unitId: town.id, otherUnitId: t.world.rootId })),
  ...engagementRecipes(() => ({ t, office, unitId: town.id, otherUnitId: t.world.rootId })),
  'POST /admin/disclosures': r({
    prepare: obligationVillage,
    act: (v) =>
      office.post('/admin/disclosures', {
        form: {
          unitId: v.unitId,
          entryId: v.standing,
          title: '页面起草',
          bodyHtml: '正文',
          decidedOn: '2026-02-27',
        },
      }),
  }),
  'POST /admin/disclosures/:id': r({
    prepare: () => disclosureAt('draft'),
    act: (id) =>
      office.post(`/admin/disclosures/${id}`, {
        form: { title: '改后标题', bodyHtml: '改后正文', decidedOn: '2026-02-27' },
      }),
  }),
  'POST /api/v1/disclosures': r({
    prepare: obligationVillage,
    act: (v) =>
      office.api('POST', '/api/v1/disclosures', {
        unitId: v.unitId,
        entryId: v.standing,
        title: '接口起草',
        bodyHtml: '正文',
        decidedOn: '2026-02-27',
      }),
  }),
  'PATCH /api/v1/disclosures/:id': r({
    prepare: () => disclosureAt('draft'),
    act: (id) =>
      office.api('PATCH', `/api/v1/disclosures/${id}`, {
        title: '接口改',
        bodyHtml: '正文',
        decidedOn: '2026-02-27',
      }),
  }),
  'POST /api/v1/disclosures/:id/attachments': r({
    prepare: () => disclosureAt('draft'),
    act: (id) =>
      office.upload(
        `/api/v1/disclosures/${id}/attachments`,
        {},
        { field: 'file', filename: 'a.png', content: PNG_1PX },
        { headers: { accept: 'application/json' } },
      ),
  }),
  'DELETE /api/v1/disclosures/:id/attachments/:fileId': r({
    prepare: draftWithAttachment,
    act: (x) => office.api('DELETE', `/api/v1/disclosures/${x.id}/attachments/${x.fileId}`),
  }),
  'POST /api/v1/disclosures/:id/submit': apiStep('submit', 'draft'),
  'POST /api/v1/disclosures/:id/review': apiStep('review', 'submitted'),
  'POST /api/v1/disclosures/:id/approve': apiStep('approve', 'reviewed'),
  'POST /api/v1/disclosures/:id/return': apiStep('return', 'reviewed', { reason: '请补充' }),
  'POST /api/v1/disclosures/:id/publish': apiStep('publish', 'approved'),
  'POST /api/v1/disclosures/:id/revise': apiStep('revise', 'published', {
    title: '更正',
    bodyHtml: '更正正文',
    changeNote: '更正说明',
  }),
  'POST /api/v1/disclosures/:id/revoke': apiStep('revoke', 'published', { reason: '撤销理由' }),
  'POST /api/v1/disclosures/:id/mask': apiStep('mask', 'draft'),
  'POST /admin/disclosures/settings': r({
    prepare: obligationVillage,
    act: (v) => office.post('/admin/disclosures/settings', { form: { unitId: v.unitId, allowed: 'true' } }),
  }),
  'POST /admin/disclosures/:id/submit': disclosureStep('submit', 'draft'),
  'POST /admin/disclosures/:id/review': disclosureStep('review', 'submitted'),
  'POST /admin/disclosures/:id/approve': disclosureStep('approve', 'reviewed'),
  'POST /admin/disclosures/:id/return': disclosureStep('return', 'submitted', { reason: '请补充' }),
  'POST /admin/disclosures/:id/publish': disclosureStep('publish', 'approved'),
  'POST /admin/disclosures/:id/revise': disclosureStep('revise', 'published', {
    title: '更正',
    bodyHtml: '更正正文',
    changeNote: '更正说明',
  }),
  'POST /admin/disclosures/:id/revoke': disclosureStep('revoke', 'published', { reason: '撤销理由' }),
  'POST /admin/disclosures/:id/mask': disclosureStep('mask', 'draft'),
  'POST /admin/disclosures/:id/attachments': r({
    prepare: () => disclosureAt('draft'),
    act: (id) =>
      office.upload(
        `/admin/disclosures/${id}/attachments`,
        {},
        { field: 'file', filename: 'a.png', content: PNG_1PX },
      ),
  }),
  'POST /admin/disclosures/:id/attachments/:fileId/remove': r({
    prepare: draftWithAttachment,
    act: (x) => office.post(`/admin/disclosures/${x.id}/attachments/${x.fileId}/remove`, { form: {} }),
  }),
  'POST /admin/disclosures/:id/interpretation': r({
    prepare: () => disclosureAt('draft'),
    act: (id) => office.post(`/admin/disclosures/${id}/interpretation`, { form: {} }),
  }),
  'POST /api/v1/disclosures/:id/interpretation': r({
    prepare: () => disclosureAt('approved'),
    act: (id) => office.api('POST', `/api/v1/disclosures/${id}/interpretation`, { title: '解读' }),
  }),
  'POST /admin/disclosures/:id/filing-review': r({
    prepare: withheldFiling,
    act: (id) =>
      office.post(`/admin/disclosures/${id}/filing-review`, {
        form: { decision: 'keep', reviewDate: '2027-03-01', note: '仍涉及个人隐私' },
      }),
  }),
  'POST /api/v1/disclosures/:id/filing-review': r({
    prepare: withheldFiling,
    act: (id) =>
      office.api('POST', `/api/v1/disclosures/${id}/filing-review`, { decision: 'reopen', note: '可以公开' }),
  }),
  'POST /admin/disclosures/finance-sheet': r({
    prepare: financeVillage,
    act: (v) =>
      office.upload(
        '/admin/disclosures/finance-sheet',
        { unitId: v.unitId, entryId: v.entryId, period: '2026-02' },
        { field: 'file', filename: '收支.xlsx', content: v.sheet },
      ),
  }),
  'POST /api/v1/disclosures/finance-sheet': r({
    prepare: financeVillage,
    act: (v) =>
      office.upload(
        '/api/v1/disclosures/finance-sheet',
        { unitId: v.unitId, entryId: v.entryId, period: '2026-01' },
        { field: 'file', filename: '收支.xlsx', content: v.sheet },
        { headers: { accept: 'application/json' } },
      ),
  }),
  'PUT /api/v1/disclosure-settings/drafter-may-review': r({
    prepare: obligationVillage,
    act: (v) =>
      office.api('PUT', '/api/v1/disclosure-settings/drafter-may-review', {
        unitId: v.unitId,
        allowed: true,
      }),
  }),
  'POST /admin/settings/privacy-patterns': r({
    act: () =>
      office.post('/admin/settings/privacy-patterns', {
        form: { name: '页面车牌', pattern: '京A[0-9]{5}', example: '京A12345' },
      }),
  }),
  'POST /admin/settings/privacy-patterns/:id': r({
    prepare: privacyPatternId,
    act: (id) =>
      office.post(`/admin/settings/privacy-patterns/${id}`, {
        form: { name: `改名${id.slice(-6)}`, pattern: '粤B[0-9A-Z]{5}', example: '粤B12345' },
      }),
  }),
  'POST /admin/settings/privacy-patterns/:id/delete': r({
    prepare: privacyPatternId,
    act: (id) => office.post(`/admin/settings/privacy-patterns/${id}/delete`, { form: {} }),
  }),
  'POST /api/v1/privacy-patterns': r({
    act: () =>
      office.api('POST', '/api/v1/privacy-patterns', {
        name: '接口车牌',
        pattern: '沪C[0-9]{5}',
        example: '沪C12345',
      }),
  }),
  'PUT /api/v1/privacy-patterns/:id': r({
    prepare: privacyPatternId,
    act: (id) =>
      office.api('PUT', `/api/v1/privacy-patterns/${id}`, {
        name: `接口改${id.slice(-6)}`,
        pattern: '粤B[0-9A-Z]{5}',
        example: '粤B12345',
      }),
  }),
  'DELETE /api/v1/privacy-patterns/:id': r({
    prepare: privacyPatternId,
    act: (id) => office.api('DELETE', `/api/v1/privacy-patterns/${id}`),
  }),
  'POST /admin/units/:id/obligations/events': r({
    prepare: obligationVillage,
    act: (v) =>
      office.post(`/admin/units/${v.unitId}/obligations/events`, {
        form: { entryId: v.event, eventDate: '2026-02-27', title: '页面事件' },
      }),
  }),
  'POST /admin/units/:id/obligations/decisions': r({
    prepare: obligationVillage,
    act: (v) =>
      office.post(`/admin/units/${v.unitId}/obligations/decisions`, {
        form: { entryId: v.standing, decisionDate: '2026-02-27', title: '页面决定' },
      }),
  }),
  'POST /admin/obligations/fulfil': r({
    prepare: eventObligationId,
    act: (id) =>
      office.post('/admin/obligations/fulfil', {
        form: { obligationId: id, fulfilledOn: '2026-03-02', note: '已张贴' },
      }),
  }),
  'POST /admin/obligations/settings': r({
    act: () =>
      office.post('/admin/obligations/settings', {
        form: { dueSoonDays: '3', escalateAfterDays: '3', staleDays: '90', derivationStart: '2025-01-01' },
      }),
  }),
  'POST /api/v1/obligations/events': r({
    prepare: obligationVillage,
    act: (v) =>
      office.api('POST', '/api/v1/obligations/events', {
        unitId: v.unitId,
        entryId: v.event,
        eventDate: '2026-02-27',
        title: '接口事件',
      }),
  }),
  'POST /api/v1/obligations/decisions': r({
    prepare: obligationVillage,
    act: (v) =>
      office.api('POST', '/api/v1/obligations/decisions', {
        unitId: v.unitId,
        entryId: v.standing,
        decisionDate: '2026-02-27',
        title: '接口决定',
      }),
  }),
  'POST /api/v1/obligations/:id/fulfil': r({
    prepare: eventObligationId,
    act: (id) =>
      office.api('POST', `/api/v1/obligations/${id}/fulfil`, { fulfilledOn: '2026-03-02', note: '会议公开' }),
  }),
  'POST /api/v1/obligations/derive': r({ act: () => office.api('POST', '/api/v1/obligations/derive', {}) }),
  'PUT /api/v1/obligations/settings': r({
    act: () => office.api('PUT', '/api/v1/obligations/settings', { dueSoonDays: 4 }),
  }),
  'POST /admin/catalogs': r({
    act: () =>
      office.post('/admin/catalogs', {
        form: { ownerUnitId: t.world.rootId, unitKind: 'village', domain: 'finance', name: '页面目录' },
      }),
  }),
  'POST /admin/catalogs/:id': r({
    prepare: catalogId,
    act: (id) => office.post(`/admin/catalogs/${id}`, { form: { name: '改名目录' } }),
  }),
  'POST /admin/catalogs/:id/retire': r({
    prepare: catalogId,
    act: (id) => office.post(`/admin/catalogs/${id}/retire`, { form: { reason: '合并' } }),
  }),
  'POST /admin/catalogs/:id/entries': r({
    prepare: catalogId,
    act: (id) => office.post(`/admin/catalogs/${id}/entries`, { form: entryForm }),
  }),
  'POST /admin/catalog-entries/:id': r({
    prepare: guidingEntryId,
    act: (id) => office.post(`/admin/catalog-entries/${id}`, { form: { ...entryForm, item: '改名事项' } }),
  }),
  'POST /admin/catalog-entries/:id/retire': r({
    prepare: guidingEntryId,
    act: (id) => office.post(`/admin/catalog-entries/${id}/retire`, { form: { reason: '不再需要' } }),
  }),
  'POST /admin/units/:id/catalog/entries': r({
    act: () =>
      office.post(`/admin/units/${town.id}/catalog/entries`, {
        form: { ...entryForm, domain: 'government', item: '页面自有事项' },
      }),
  }),
  'POST /admin/units/:id/catalog/exclusions': r({
    prepare: async () => ({ village: await newUnitId('PGX1'), entry: await guidingEntryId() }),
    act: ({ village, entry }) =>
      office.post(`/admin/units/${village}/catalog/exclusions`, {
        form: { entryId: entry, reason: '无此事项' },
      }),
  }),
  'POST /admin/catalog-exclusions/:id/accept': r({
    prepare: claimId,
    act: (id) => office.post(`/admin/catalog-exclusions/${id}/accept`, { form: {} }),
  }),
  'POST /admin/catalog-exclusions/:id/reject': r({
    prepare: claimId,
    act: (id) => office.post(`/admin/catalog-exclusions/${id}/reject`, { form: { reason: '应当公开' } }),
  }),
  'POST /admin/catalog-exclusions/:id/withdraw': r({
    prepare: claimId,
    act: (id) => office.post(`/admin/catalog-exclusions/${id}/withdraw`, { form: { back: 'claims' } }),
  }),
  'POST /admin/catalogs/:id/import': r({
    prepare: async () => ({ id: await catalogId(), content: await catalogFile('页面导入') }),
    act: ({ id, content }) =>
      office.upload(`/admin/catalogs/${id}/import`, {}, { field: 'file', filename: 'c.xlsx', content }),
  }),
  'POST /admin/units/:id/catalog/import': r({
    prepare: () => catalogFile('页面自有导入'),
    act: (content) =>
      office.upload(
        `/admin/units/${town.id}/catalog/import`,
        {},
        { field: 'file', filename: 'c.xlsx', content },
      ),
  }),
  'POST /admin/catalog-imports/:id/commit': r({
    prepare: catalogPreviewId,
    act: (id) => office.post(`/admin/catalog-imports/${id}/commit`, { form: {} }),
  }),
  'POST /api/v1/catalogs': r({
    act: () =>
      office.api('POST', '/api/v1/catalogs', {
        ownerUnitId: t.world.rootId,
        unitKind: 'township',
        domain: 'government',
        name: '接口目录',
      }),
  }),
  'PATCH /api/v1/catalogs/:id': r({
    prepare: catalogId,
    act: (id) => office.api('PATCH', `/api/v1/catalogs/${id}`, { name: '接口改名' }),
  }),
  'POST /api/v1/catalogs/:id/retire': r({
    prepare: catalogId,
    act: (id) => office.api('POST', `/api/v1/catalogs/${id}/retire`, { reason: '废止' }),
  }),
  'POST /api/v1/catalogs/:id/entries': r({
    prepare: catalogId,
    act: (id) => office.api('POST', `/api/v1/catalogs/${id}/entries`, entryJson),
  }),
  'PATCH /api/v1/catalog-entries/:id': r({
    prepare: ownEntryId,
    act: (id) =>
      office.api('PATCH', `/api/v1/catalog-entries/${id}`, {
        ...entryJson,
        domain: 'government',
        item: '改',
      }),
  }),
  'POST /api/v1/catalog-entries/:id/retire': r({
    prepare: ownEntryId,
    act: (id) => office.api('POST', `/api/v1/catalog-entries/${id}/retire`, { reason: '删除' }),
  }),
  'POST /api/v1/units/:id/catalog/entries': r({
    act: () =>
      office.api('POST', `/api/v1/units/${town.id}/catalog/entries`, {
        ...entryJson,
        domain: 'government',
        item: '接口自有事项',
      }),
  }),
  'POST /api/v1/units/:id/catalog/exclusions': r({
    prepare: async () => ({ village: await newUnitId('APIX1'), entry: await guidingEntryId() }),
    act: ({ village, entry }) =>
      office.api('POST', `/api/v1/units/${village}/catalog/exclusions`, { entryId: entry, reason: '无' }),
  }),
  'POST /api/v1/catalog-exclusions/:id/accept': r({
    prepare: claimId,
    act: (id) => office.api('POST', `/api/v1/catalog-exclusions/${id}/accept`, {}),
  }),
  'POST /api/v1/catalog-exclusions/:id/reject': r({
    prepare: claimId,
    act: (id) => office.api('POST', `/api/v1/catalog-exclusions/${id}/reject`, { reason: '应公开' }),
  }),
  'POST /api/v1/catalog-exclusions/:id/withdraw': r({
    prepare: claimId,
    act: (id) => office.api('POST', `/api/v1/catalog-exclusions/${id}/withdraw`, {}),
  }),
  'POST /api/v1/catalogs/:id/imports': r({
    prepare: async () => ({ id: await catalogId(), content: await catalogFile('接口导入') }),
    act: ({ id, content }) =>
      office.upload(
        `/api/v1/catalogs/${id}/imports`,
        {},
        { field: 'file', filename: 'c.xlsx', content },
        { headers: { accept: 'application/json' } },
      ),
  }),
  'POST /api/v1/units/:id/catalog/imports': r({
    prepare: () => catalogFile('接口自有导入'),
    act: (content) =>
      office.upload(
        `/api/v1/units/${town.id}/catalog/imports`,
        {},
        { field: 'file', filename: 'c.xlsx', content },
        { headers: { accept: 'application/json' } },
      ),
  }),
  'POST /api/v1/catalog-imports/:id/commit': r({
    prepare: catalogPreviewId,
    act: (id) => office.api('POST', `/api/v1/catalog-imports/${id}/commit`),
  }),
  'POST /admin/requests/templates/:kind': r({
    act: () =>
      office.post('/admin/requests/templates/acknowledgement', {
        form: {
          title: '政府信息公开申请受理回执',
          numberLine: '{number}',
          addressee: '{applicantName}：',
          body: '本机关于{receivedDate}收到你的申请。',
          signature: '{unitName}\n{date}',
        },
      }),
  }),
  'POST /admin/requests/numbering': r({
    act: () =>
      office.post('/admin/requests/numbering', {
        form: { unitId: town.id, pattern: '甲政信复〔{year}〕{seq}号' },
      }),
  }),
  'POST /admin/calendar/:year': r({
    act: () =>
      office.post('/admin/calendar/2031', {
        form: { holidays: '2031-01-01', makeupWorkdays: '', source: '页面录入' },
      }),
  }),
  'POST /admin/calendar/:year/upload': r({
    act: () =>
      office.upload(
        '/admin/calendar/2032/upload',
        {},
        {
          field: 'file',
          filename: '2032.csv',
          content: Buffer.from('2032-01-01,放假\n'),
        },
      ),
  }),
  'PUT /api/v1/calendar/:year': r({
    act: () =>
      office.api('PUT', '/api/v1/calendar/2033', {
        holidays: ['2033-01-01'],
        makeupWorkdays: [],
        source: '接口录入',
      }),
  }),
  'POST /signin': r({
    prepare: async () => {
      const c = t.client();
      await c.refreshCsrf();
      return c;
    },
    act: (c: Client) => c.post('/signin', { form: { username: officeUser, password: TEST_PASSWORD } }),
  }),
  'POST /signout': r({ prepare: freshSignedIn, act: ({ c }) => c.post('/signout', { form: {} }) }),
  'POST /account/password': r({
    prepare: freshSignedIn,
    act: ({ c }) => c.post('/account/password', { form: pw }),
  }),
  'POST /account/tokens': r({ act: () => office.post('/account/tokens', { form: { name: '页面令牌' } }) }),
  'POST /account/tokens/:id/revoke': r({
    prepare: () => tokenId(office),
    act: (id) => office.post(`/account/tokens/${id}/revoke`, { form: {} }),
  }),
  'POST /admin/units': r({
    act: () =>
      office.post('/admin/units', {
        form: { parentId: town.id, code: 'PG1', name: '页面村', kind: 'village' },
      }),
  }),
  'POST /admin/units/:id': r({
    prepare: () => newUnitId('PG2'),
    act: (id) => office.post(`/admin/units/${id}`, { form: { name: '改名村' } }),
  }),
  'POST /admin/units/:id/move': r({
    prepare: async () => ({ id: await newUnitId('PG3'), to: (await otherParent()).id }),
    act: ({ id, to }) => office.post(`/admin/units/${id}/move`, { form: { parentId: to } }),
  }),
  'POST /admin/units/:id/retire': r({
    prepare: () => newUnitId('PG4'),
    act: (id) => office.post(`/admin/units/${id}/retire`, { form: { reason: '合并' } }),
  }),
  'POST /admin/units/import': r({
    prepare: () => importFile('PGIMP'),
    act: (content) =>
      office.upload('/admin/units/import', {}, { field: 'file', filename: 'u.xlsx', content }),
  }),
  'POST /admin/units/import/:id/commit': r({
    prepare: previewId,
    act: (id) => office.post(`/admin/units/import/${id}/commit`, { form: {} }),
  }),
  'POST /admin/people': r({
    act: () =>
      office.post('/admin/people', {
        form: { username: 'pageuser', displayName: '页面用户', unitId: town.id, password: 'Init-pass-2026' },
      }),
  }),
  'POST /admin/people/:id': r({
    prepare: newPerson,
    act: (id) => office.post(`/admin/people/${id}`, { form: { displayName: '新名字', unitId: town.id } }),
  }),
  'POST /admin/people/:id/password': r({
    prepare: newPerson,
    act: (id) => office.post(`/admin/people/${id}/password`, { form: { password: 'Reset-pass-2026' } }),
  }),
  'POST /admin/people/:id/grants': r({
    prepare: newPerson,
    act: (id) => office.post(`/admin/people/${id}/grants`, { form: { role: 'reviewer', unitId: town.id } }),
  }),
  'POST /admin/grants/:id/revoke': r({
    prepare: grantId,
    act: (id) => office.post(`/admin/grants/${id}/revoke`, { form: {} }),
  }),
  'POST /api/v1/session': r({
    act: () =>
      t
        .client()
        .request('POST', '/api/v1/session', { json: { username: officeUser, password: TEST_PASSWORD } }),
  }),
  'DELETE /api/v1/session': r({ prepare: freshSignedIn, act: ({ c }) => c.api('DELETE', '/api/v1/session') }),
  'POST /api/v1/me/password': r({
    prepare: freshSignedIn,
    act: ({ c }) => c.api('POST', '/api/v1/me/password', pw),
  }),
  'POST /api/v1/tokens': r({ act: () => office.api('POST', '/api/v1/tokens', { name: 'api' }) }),
  'DELETE /api/v1/tokens/:id': r({
    prepare: () => tokenId(office),
    act: (id) => office.api('DELETE', `/api/v1/tokens/${id}`),
  }),
  'POST /api/v1/units': r({
    act: () =>
      office.api('POST', '/api/v1/units', {
        parentId: town.id,
        code: 'API1',
        name: '接口村',
        kind: 'village',
      }),
  }),
  'PATCH /api/v1/units/:id': r({
    prepare: () => newUnitId('API2'),
    act: (id) => office.api('PATCH', `/api/v1/units/${id}`, { name: '接口改名' }),
  }),
  'POST /api/v1/units/:id/move': r({
    prepare: async () => ({ id: await newUnitId('API3'), to: (await otherParent()).id }),
    act: ({ id, to }) => office.api('POST', `/api/v1/units/${id}/move`, { parentId: to }),
  }),
  'POST /api/v1/units/:id/retire': r({
    prepare: () => newUnitId('API4'),
    act: (id) => office.api('POST', `/api/v1/units/${id}/retire`, { reason: '撤并' }),
  }),
  'POST /api/v1/unit-imports': r({
    prepare: () => importFile('APIIMP'),
    act: (content) =>
      office.upload(
        '/api/v1/unit-imports',
        {},
        { field: 'file', filename: 'u.xlsx', content },
        { headers: { accept: 'application/json' } },
      ),
  }),
  'POST /api/v1/unit-imports/:id/commit': r({
    prepare: previewId,
    act: (id) => office.api('POST', `/api/v1/unit-imports/${id}/commit`),
  }),
  'POST /api/v1/people': r({
    act: () =>
      office.api('POST', '/api/v1/people', {
        username: 'apiuser',
        displayName: '接口用户',
        unitId: town.id,
        password: 'Init-pass-2026',
      }),
  }),
  'PATCH /api/v1/people/:id': r({
    prepare: newPerson,
    act: (id) => office.api('PATCH', `/api/v1/people/${id}`, { displayName: '接口新名', unitId: town.id }),
  }),
  'POST /api/v1/people/:id/password-reset': r({
    prepare: newPerson,
    act: (id) => office.api('POST', `/api/v1/people/${id}/password-reset`, { password: 'Reset-pass-2026' }),
  }),
  'POST /api/v1/grants': r({
    prepare: newPerson,
    act: (id) => office.api('POST', '/api/v1/grants', { personId: id, role: 'approver', unitId: town.id }),
  }),
  'DELETE /api/v1/grants/:id': r({
    prepare: grantId,
    act: (id) => office.api('DELETE', `/api/v1/grants/${id}`),
  }),
  'POST /notifications/:id/read': r({
    prepare: officeNotification,
    act: (id) => office.post(`/notifications/${id}/read`, { form: {} }),
  }),
  'POST /notifications/read-all': r({
    prepare: officeNotification,
    act: () => office.post('/notifications/read-all', { form: {} }),
  }),
  'POST /api/v1/notifications/:id/read': r({
    prepare: officeNotification,
    act: (id) => office.api('POST', `/api/v1/notifications/${id}/read`),
  }),
  'POST /api/v1/notifications/read-all': r({
    prepare: officeNotification,
    act: () => office.api('POST', '/api/v1/notifications/read-all'),
  }),
};

async function auditCount(): Promise<number> {
  const r = await t.db.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

test('every state-changing route leaves an audit record', async () => {
  const writes = t.app.gk.routes
    .filter((x) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(x.method))
    .map((x) => `${x.method} ${x.url}`);
  const uncovered = writes.filter((k) => !(k in recipes) && !(k in NO_DATA_WRITTEN));
  assert.deepEqual(uncovered, [], 'state-changing routes without an audit recipe');
  const stale = Object.keys(recipes).filter((k) => !writes.includes(k));
  assert.deepEqual(stale, [], 'recipes for routes that no longer exist');

  for (const key of writes) {
    if (key in NO_DATA_WRITTEN) continue;
    const recipe = recipes[key];
    const prepared = recipe.prepare ? await recipe.prepare() : undefined;
    const before = await auditCount();
    const res = await recipe.act(prepared);
    assert.ok(res.statusCode < 400, `${key} failed with ${res.statusCode}: ${res.body.slice(0, 300)}`);
    const after = await auditCount();
    assert.ok(after > before, `${key} wrote no audit record`);
  }
});
