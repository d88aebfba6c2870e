import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import {
  checkA11y,
  launchBrowser,
  newPage,
  pageProblems,
  saveScreenshot,
  screenshotOnFailure,
} from './helpers/browser.ts';
import { choose, signIn as signInAs, text, visible } from './helpers/journey.ts';
import { type E2EServer, startE2EServer } from './helpers/server.ts';

/**
 * Issue #4's journey (公开流程与门户), as a new user would do it, on the demo county:
 * 桃源村's publisher drafts the 2026 Q3 finance disclosure (村集体资金管理情况) with an XLSX
 * attachment that contains a resident ID number → submitting is blocked and the finding is shown
 * → one action masks it → submitted; the reviewer returns it once with a reason; the publisher
 * fixes it and submits again; it is reviewed, approved and published; the portal shows it with a
 * fingerprint that /verify accepts; the compliance board counts the obligation as fulfilled; a
 * change publishes version 2 with its explanation in the history. Then 桃源村党支部 publishes a
 * 党内公开 item: an anonymous visitor finds it on no channel (home, unit, column, search, feeds,
 * sitemap, the API) and its URLs answer 404; a party member of the branch sees it.
 *
 * The clock is pinned to Tuesday 13 October 2026, 10:00 China time: the third quarter ended on
 * 30 September and its disclosure is not yet due.
 */

const NOW = new Date('2026-10-13T02:00:00.000Z');
const ENTRY = '村集体资金管理情况';
const TITLE = '桃源村2026年第三季度村集体资金管理情况公开';
const ID_NUMBER = '11010519491231002X';
const PARTY_TITLE = '桃源村党支部关于做好2026年换届选举准备工作的安排（党内公开）';

let server: E2EServer;
let browser: Browser;

before(async () => {
  const [s, b] = await Promise.allSettled([startE2EServer({ now: NOW, demoHistory: true }), launchBrowser()]);
  if (s.status === 'fulfilled') server = s.value;
  if (b.status === 'fulfilled') browser = b.value;
  if (s.status === 'rejected') throw s.reason;
  if (b.status === 'rejected') throw b.reason;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const signIn = (page: Page, username: string) => signInAs(page, server.baseUrl, username);

async function fundsSheet(withId: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('资金管理');
  ws.addRow(['桃源村2026年第三季度村集体资金管理情况']);
  ws.addRow(['项目', '金额（元）', '经办人', '备注']);
  ws.addRow(['银行存款余额', 386520.35, '黄小燕', '']);
  ws.addRow(['库存现金', 1200, '黄小燕', '']);
  ws.addRow(['专项资金余额（高标准农田）', 150000, '赖永福', withId ? `收款人身份证 ${ID_NUMBER}` : '']);
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf);
}

async function workflowStep(page: Page, button: string, reason?: string) {
  const form = page
    .locator('form.step')
    .filter({ has: page.getByRole('button', { name: button, exact: true }) });
  if (reason) await form.getByLabel('理由').fill(reason);
  await form.getByRole('button', { name: button, exact: true }).click();
  await page.waitForLoadState('load');
}

describe('公开流程与门户 journey', () => {
  test('village finance disclosure from draft to portal, verify, board and version 2; 党内公开 stays hidden', async () => {
    const page = await newPage(browser);
    const a11yFailures: string[] = [];
    const a11y = async (label: string) => {
      const r = await checkA11y(page, label);
      if (r.summary) a11yFailures.push(r.summary);
    };
    try {
      await screenshotOnFailure(page, 'disclosure-journey', async () => {
        // 1. 桃源村's publisher drafts the Q3 funds disclosure and attaches the sheet.
        await signIn(page, 'cun-publisher');
        await page.goto(`${server.baseUrl}/admin/disclosures/new`);
        const unitSelect = page.getByLabel('单位');
        if ((await unitSelect.locator('option').count()) > 1) {
          await choose(unitSelect, '桃源村');
          await page.getByRole('button', { name: '选择单位' }).click();
        } else if (!(await page.getByLabel('标题').isVisible())) {
          await page.getByRole('button', { name: '选择单位' }).click();
        }
        await choose(page.getByLabel('目录事项'), ENTRY);
        await page.getByLabel('期间').fill('2026-Q3');
        await page.getByLabel('标题').fill(TITLE);
        await page
          .getByLabel('正文')
          .fill(
            '根据《中华人民共和国农村集体经济组织法》和村级财务公开有关规定，现将本村2026年第三季度集体资金管理情况公开如下，明细见附件。\n如有疑问，请于公开之日起十日内向村务监督委员会反映。',
          );
        await page.getByLabel('形成或发生日期').fill('2026-10-10');
        await page.getByRole('button', { name: '保存草稿' }).click();
        await page.waitForURL(/\/admin\/disclosures\/[0-9a-f-]{36}/);
        const adminUrl = page.url().split('?')[0];
        const id = /\/admin\/disclosures\/([0-9a-f-]{36})/.exec(adminUrl)?.[1];
        assert.ok(id);

        await page.getByLabel(/附件/).setInputFiles({
          name: '资金管理情况.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await fundsSheet(true),
        });
        await page.getByRole('button', { name: '上传附件' }).click();
        await page.waitForLoadState('load');

        // 2. Submitting is blocked: the ID number in the sheet is shown in context.
        await workflowStep(page, '提交审核');
        await visible(page.getByText(/发现 1 处个人信息/).first());
        const finding = page.locator('ul.findings li').first();
        assert.match(await text(finding), /附件.*资金管理情况\.xlsx.*身份证号/);
        assert.ok(!(await text(finding)).includes(ID_NUMBER), 'the finding shows the number masked');
        await a11y('draft with a privacy finding');
        await saveScreenshot(page, 'disclosure-finding');

        // 3. One action masks it (a masked copy of the XLSX replaces the original); then submit.
        await page.getByRole('button', { name: /一键遮盖/ }).click();
        await page.waitForLoadState('load');
        await visible(page.getByText('未发现个人信息。').first());
        await workflowStep(page, '提交审核');
        await visible(page.getByText('待审核').first());

        // 4. The reviewer returns it once with a reason.
        await signIn(page, 'cun-reviewer');
        await page.goto(adminUrl);
        await workflowStep(page, '退回修改', '请在正文中注明专项资金的用途和拨付文号。');
        await signIn(page, 'cun-publisher');
        await page.goto(adminUrl);
        await visible(page.getByText(/已被退回，理由：请在正文中注明专项资金的用途和拨付文号。/));
        const body = page.getByLabel('正文');
        await body.fill(
          `${await body.inputValue()}\n专项资金为高标准农田建设补助资金，依据青财农〔2026〕12号文件拨付，专款专用。`,
        );
        await page.getByRole('button', { name: '保存修改' }).click();
        await page.waitForLoadState('load');
        await workflowStep(page, '提交审核');

        // 5. Reviewed, approved and published by the three responsible people (三级负责).
        await signIn(page, 'cun-reviewer');
        await page.goto(adminUrl);
        await workflowStep(page, '审核通过');
        await signIn(page, 'cun-approver');
        await page.goto(adminUrl);
        await workflowStep(page, '审批同意');
        await signIn(page, 'cun-publisher');
        await page.goto(adminUrl);
        await workflowStep(page, '发布');
        await visible(page.getByText('已发布').first());

        // 6. The portal: the item page with its fingerprint, which /verify accepts.
        await page.context().clearCookies();
        await page.goto(`${server.baseUrl}/d/${id}`);
        await visible(page.getByRole('heading', { level: 1, name: TITLE }));
        for (const name of ['黄小燕', '钟明华', '赖永福'])
          await visible(page.locator('dl.responsible').getByText(name));
        const fp = await text(page.locator('.fingerprint code').first());
        assert.match(fp, /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
        await a11y('item page');
        await saveScreenshot(page, 'disclosure-item');
        await page.goto(`${server.baseUrl}/verify`);
        await page.getByLabel(/指纹/).first().fill(fp);
        await page.getByRole('button', { name: /核验/ }).first().click();
        await page.waitForLoadState('load');
        await visible(page.getByRole('link', { name: TITLE }));

        // Reached as a visitor would: home → 桃源村 → its column.
        await page.goto(`${server.baseUrl}/`);
        await a11y('home');
        await page.goto(`${server.baseUrl}/units`);
        await page.getByRole('link', { name: '桃源村', exact: true }).first().click();
        await visible(page.getByRole('heading', { level: 1, name: /桃源村/ }));
        await visible(page.getByRole('link', { name: TITLE }).first());
        await a11y('unit page');
        const column = page.locator(`a[href*="/columns/"]`).filter({ hasText: ENTRY }).first();
        await column.click();
        await visible(page.getByRole('link', { name: TITLE }).first());
        await a11y('column page');
        await saveScreenshot(page, 'disclosure-column');

        // 7. The compliance board: 桃源村's Q3 funds obligation is fulfilled.
        await signIn(page, 'taoyuan-office');
        const village = await server.db.db
          .selectFrom('units')
          .select('id')
          .where('name', '=', '桃源村')
          .executeTakeFirstOrThrow();
        await page.goto(`${server.baseUrl}/admin/obligations/unit/${village.id}`);
        // The drill-down lists what is still open or was late; on-time ones are only counted.
        await visible(page.getByRole('heading', { level: 1, name: /桃源村公开义务明细/ }));
        await visible(page.getByText(/按时公开 \d+ 项未列出/));
        const row = page.getByRole('row').filter({ hasText: ENTRY }).filter({ hasText: '2026年第3季度' });
        assert.equal(await row.count(), 0, 'the Q3 funds obligation is no longer open');
        const obligation = await server.db.db
          .selectFrom('obligations')
          .select(['fulfilled_on', 'disclosure_id', 'due_date'])
          .where('unit_id', '=', village.id)
          .where('period_key', '=', '2026-Q3')
          .where('disclosure_id', '=', id)
          .executeTakeFirstOrThrow();
        assert.equal(obligation.fulfilled_on, '2026-10-13');
        assert.ok(obligation.fulfilled_on <= obligation.due_date, 'fulfilled on time');
        await a11y('board drill-down');

        // 8. A change is a new version with a published explanation.
        await signIn(page, 'cun-publisher');
        await page.goto(adminUrl);
        const revise = page.locator(`form[action$="/revise"]`);
        await revise.getByLabel('标题').fill(`${TITLE}（更正）`);
        await revise.getByLabel(/变更说明/).fill('更正库存现金金额的书写错误。');
        await revise.getByRole('button', { name: /发布变更/ }).click();
        await page.waitForLoadState('load');
        await page.context().clearCookies();
        await page.goto(`${server.baseUrl}/d/${id}`);
        await visible(page.getByText('更正库存现金金额的书写错误。').first());
        await visible(page.getByText(/第 2 版/).first());

        // 9. 桃源村党支部 publishes a 党内公开 item through its own three people.
        await signIn(page, 'zhibu-publisher');
        await page.goto(`${server.baseUrl}/admin/disclosures/new`);
        const us = page.getByLabel('单位');
        if ((await us.locator('option').count()) > 1) {
          await choose(us, '桃源村');
          await page.getByRole('button', { name: '选择单位' }).click();
        } else if (!(await page.getByLabel('标题').isVisible())) {
          await page.getByRole('button', { name: '选择单位' }).click();
        }
        const entries = page.getByLabel('目录事项');
        await choose(entries, '党组织换届选举情况');
        await page.getByLabel('标题').fill(PARTY_TITLE);
        await page
          .getByLabel('正文')
          .fill(
            '经支部委员会研究，定于2026年11月召开党员大会进行换届选举，请全体党员按时参加，候选人初步人选名单另行通知。',
          );
        await page.getByLabel('形成或发生日期').fill('2026-10-09');
        await page.getByLabel('公开范围').selectOption('partyInternal');
        await page.getByRole('button', { name: '保存草稿' }).click();
        await page.waitForURL(/\/admin\/disclosures\/[0-9a-f-]{36}/);
        const partyAdmin = page.url().split('?')[0];
        const partyId = /([0-9a-f-]{36})/.exec(partyAdmin)?.[1];
        await workflowStep(page, '提交审核');
        await signIn(page, 'zhibu-reviewer');
        await page.goto(partyAdmin);
        await workflowStep(page, '审核通过');
        await signIn(page, 'zhibu-approver');
        await page.goto(partyAdmin);
        await workflowStep(page, '审批同意');
        await signIn(page, 'zhibu-publisher');
        await page.goto(partyAdmin);
        await workflowStep(page, '发布');
        await visible(page.getByText('已发布').first());

        // An anonymous visitor: absent everywhere, 404 on its URLs.
        await page.context().clearCookies();
        const branch = await server.db.db
          .selectFrom('units as u')
          .innerJoin('disclosures as d', 'd.unit_id', 'u.id')
          .select(['u.id', 'u.code', 'd.entry_id'])
          .where('d.id', '=', partyId ?? '')
          .executeTakeFirstOrThrow();
        const q = encodeURIComponent('换届选举准备');
        const channels = [
          '/',
          '/?domain=party',
          `/units/${branch.code}`,
          `/search?q=${q}`,
          `/units/${branch.code}/columns/${branch.entry_id}`,
          `/units/${branch.code}/columns/${branch.entry_id}?archived=1`,
          `/units/${branch.code}/feed.atom`,
          `/units/${branch.code}/columns/${branch.entry_id}/feed.atom`,
          `/api/v1/public/units/${branch.code}/columns/${branch.entry_id}/items`,
          '/sitemap.xml',
          `/api/v1/public/disclosures?q=${q}`,
          `/api/v1/public/disclosures?unit=${branch.code}`,
        ];
        for (const path of channels) {
          const res = await page.request.get(`${server.baseUrl}${path}`);
          const body = await res.text();
          assert.ok(!body.includes(PARTY_TITLE), `${path} must not show the 党内公开 item`);
          assert.ok(!body.includes(partyId ?? '-'), `${path} must not link the 党内公开 item`);
        }
        for (const path of [`/d/${partyId}`, `/api/v1/public/disclosures/${partyId}`]) {
          const res = await page.request.get(`${server.baseUrl}${path}`);
          assert.equal(res.status(), 404, `${path} answers 404`);
        }
        const res = await page.goto(`${server.baseUrl}/d/${partyId}`);
        assert.equal(res?.status(), 404);

        // A party member of the branch, signed in, sees it on the unit page and the item page.
        await signIn(page, 'dangyuan1');
        await page.goto(`${server.baseUrl}/units/${branch.code}`);
        await visible(page.getByRole('link', { name: PARTY_TITLE }).first());
        await page.goto(`${server.baseUrl}/d/${partyId}`);
        await visible(page.getByRole('heading', { level: 1, name: PARTY_TITLE }));
        // …and a member of another branch does not.
        await signIn(page, 'dangyuan2');
        const other = await page.goto(`${server.baseUrl}/d/${partyId}`);
        assert.equal(other?.status(), 404);
      });
      assert.deepEqual(pageProblems(page), []);
      assert.deepEqual(a11yFailures, [], a11yFailures.join('\n'));
    } finally {
      await page.close();
    }
  });
});
