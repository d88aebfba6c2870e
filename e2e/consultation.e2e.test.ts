import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
 * Issue #6's consultation journey (预公开 / 征求意见), as a new user would do it, on the demo
 * county: 桃源村's publisher drafts the revised 村规民约 as numbered paragraphs and opens it for
 * comment; an anonymous visitor comments on paragraph 2 (with a mobile number in the text); the
 * publisher approves the comment, which appears masked under paragraph 2; the period ends (the
 * server's clock moves); the publisher records the decision (部分采纳, with a reason) and
 * publishes the adoption report; the final decision is started from the consultation and goes
 * through 提交 → 审核 → 审批 → 发布 by the village's three responsible people; the public decision
 * page says 本决定已公开征求意见 and links back to the consultation and its report. axe on the
 * public pages.
 *
 * The clock is pinned to Tuesday 13 October 2026, 10:00 China time.
 */

const NOW = new Date('2026-10-13T02:00:00.000Z');
const AFTER_PERIOD = new Date('2026-10-28T02:00:00.000Z');
const TITLE = '桃源村村规民约（修订征求意见稿）';
const DECISION = '桃源村村规民约（2026年修订）';
const PARAGRAPHS = [
  '第一条 为推进移风易俗，维护本村公共秩序，根据有关法律法规，结合本村实际，制定本村规民约。',
  '第二条 红白喜事从简办理，婚事宴席不超过15桌，丧事不搞大操大办。',
  '第三条 村民应当爱护村内道路、路灯和公共设施，不得占道堆放杂物。',
  '第四条 本村规民约经村民会议讨论通过后施行，由村民委员会负责解释。',
];
const MOBILE = '13912345678';

let server: E2EServer;
let browser: Browser;

before(async () => {
  const [s, b] = await Promise.allSettled([startE2EServer({ now: NOW }), launchBrowser()]);
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

async function workflowStep(page: Page, button: string) {
  const form = page
    .locator('form.step')
    .filter({ has: page.getByRole('button', { name: button, exact: true }) });
  await form.getByRole('button', { name: button, exact: true }).click();
  await page.waitForLoadState('load');
}

describe('征求意见 journey', () => {
  test('a consultation goes from draft to adoption report to the linked final decision', async () => {
    const page = await newPage(browser);
    const a11yFailures: string[] = [];
    const a11y = async (label: string) => {
      const r = await checkA11y(page, label);
      if (r.summary) a11yFailures.push(r.summary);
    };
    try {
      await screenshotOnFailure(page, 'consultation-journey', async () => {
        // 1. The village publisher drafts the consultation and opens it for two weeks.
        await signIn(page, 'cun-publisher');
        await page.goto(`${server.baseUrl}/admin`);
        await page.getByRole('link', { name: '征求意见管理' }).click();
        await page.getByRole('link', { name: '起草征求意见稿' }).click();
        await choose(page.getByLabel('单位'), '桃源村');
        await page.getByLabel(/^标题/).fill(TITLE);
        await page
          .getByLabel('起草说明')
          .fill('为推进移风易俗、规范红白喜事办理，村民委员会在广泛听取村民代表意见的基础上起草了本修订稿。');
        await page.getByLabel('征求意见稿正文').fill(PARAGRAPHS.join('\n'));
        await page.getByRole('button', { name: '保存草稿' }).click();
        await page.waitForURL(/\/admin\/consultations\/[0-9a-f-]{36}/);
        const adminUrl = page.url().split('?')[0];
        const id = /\/admin\/consultations\/([0-9a-f-]{36})/.exec(adminUrl)?.[1];
        assert.ok(id);
        await visible(page.getByText('征求意见稿已保存为草稿。'));
        // too short a period is refused with a clear message
        await page.getByLabel('截止日期').fill('2026-10-15');
        await page.getByRole('button', { name: '发布', exact: true }).click();
        await visible(page.getByText(/征求意见期不少于 7 天/).first());
        await page.getByLabel('截止日期').fill('2026-10-27');
        await page.getByRole('button', { name: '发布', exact: true }).click();
        await visible(page.getByText('征求意见稿已发布。'));

        // 2. An anonymous visitor finds it and comments on paragraph 2.
        await page.context().clearCookies();
        await page.goto(`${server.baseUrl}/consultations`);
        await visible(page.getByRole('heading', { level: 2, name: '正在征求意见' }));
        await visible(page.getByText('剩余 15 天').first());
        await a11y('consultation list');
        await page.getByRole('link', { name: TITLE }).click();
        await visible(page.getByRole('heading', { level: 1, name: TITLE }));
        await a11y('consultation page (open)');
        await page
          .locator('#p-2')
          .getByRole('link', { name: /对本条提意见/ })
          .click();
        assert.equal(await page.getByLabel('针对').inputValue(), '2');
        await page
          .getByLabel('意见内容')
          .fill(`建议将婚事宴席上限改为10桌，并明确超标的处理办法。我是三组村民，电话${MOBILE}。`);
        await page.getByLabel(/姓名或称呼/).fill('李大伯');
        await page.getByLabel(/联系方式/).fill(MOBILE);
        await page.getByRole('button', { name: '提交意见' }).click();
        await visible(page.getByText('意见已收到，经审核后公开显示。感谢参与！'));
        assert.ok(!(await page.content()).includes('改为10桌'), 'not shown before moderation');

        // 3. The publisher approves it in the moderation queue; it appears masked under paragraph 2.
        await signIn(page, 'cun-publisher');
        await page.goto(`${server.baseUrl}/admin/consultations/moderation`);
        await visible(page.getByText(/含个人信息/).first());
        await page.getByRole('button', { name: '通过', exact: true }).click();
        await visible(page.getByText('意见已审核通过。'));
        await page.context().clearCookies();
        await page.goto(`${server.baseUrl}/consultations/${id}`);
        const p2 = page.locator('#p-2');
        await visible(p2.getByText(/改为10桌/));
        const shown = await text(p2);
        assert.ok(!shown.includes(MOBILE), 'the mobile number is masked');
        assert.match(shown, /139\*{4}5678/);
        assert.match(shown, /李大伯/);

        // 4. The period ends; the comment form is gone.
        server.setNow(AFTER_PERIOD);
        await page.goto(`${server.baseUrl}/consultations/${id}`);
        await visible(page.getByText('征求意见已截止，不再接收意见。'));
        assert.equal(await page.getByRole('button', { name: '提交意见' }).count(), 0);

        // 5. The publisher records the decision and publishes the adoption report.
        await signIn(page, 'cun-publisher');
        await page.goto(adminUrl);
        await page.getByRole('checkbox').first().check();
        await page.getByLabel('处理结果').selectOption({ label: '部分采纳' });
        await page.getByLabel(/^理由/).fill('宴席上限调整为12桌；超标处理办法另行制定。');
        await page.getByRole('button', { name: '记录', exact: true }).click();
        await visible(page.getByText('采纳情况已记录。'));
        await page.getByRole('button', { name: '公布采纳情况' }).click();
        await visible(page.getByText('采纳情况已公布。'));

        // 6. The final decision is drafted from the consultation and goes through the workflow.
        await choose(page.getByLabel('公开目录条目'), '村民普遍关心');
        await page.getByLabel('决定标题').fill(DECISION);
        await page.getByRole('button', { name: '起草最终决定' }).click();
        await page.waitForURL(/\/admin\/disclosures\/[0-9a-f-]{36}/);
        const decisionUrl = page.url().split('?')[0];
        const did = /\/admin\/disclosures\/([0-9a-f-]{36})/.exec(decisionUrl)?.[1];
        assert.ok(did);
        // the adopted change goes into the decision's text before it is submitted
        const body = page.getByLabel('正文');
        await body.fill((await body.inputValue()).replace('不超过15桌', '不超过12桌'));
        await page.getByRole('button', { name: '保存修改' }).click();
        await page.waitForLoadState('load');
        await workflowStep(page, '提交审核');
        await signIn(page, 'cun-reviewer');
        await page.goto(decisionUrl);
        await workflowStep(page, '审核通过');
        await signIn(page, 'cun-approver');
        await page.goto(decisionUrl);
        await workflowStep(page, '审批同意');
        await signIn(page, 'cun-publisher');
        await page.goto(decisionUrl);
        await workflowStep(page, '发布');
        await visible(page.getByText('已发布').first());

        // 7. The public decision page links back to the consultation and its report.
        await page.context().clearCookies();
        await page.goto(`${server.baseUrl}/d/${did}`);
        await visible(page.getByRole('heading', { level: 1, name: DECISION }));
        await visible(page.getByText(/本决定已公开征求意见/));
        await visible(page.getByText(/不超过12桌/));
        await a11y('decision page');
        await saveScreenshot(page, 'consultation-decision');
        await page.getByRole('link', { name: '意见采纳情况' }).click();
        await visible(page.getByRole('heading', { level: 2, name: '意见采纳情况' }));
        const report = await text(page.locator('#report'));
        assert.match(report, /共收到并公开意见 1 条：采纳 0 条，部分采纳 1 条，未采纳 0 条/);
        assert.match(report, /宴席上限调整为12桌/);
        await visible(page.getByRole('link', { name: DECISION }));
        await visible(page.getByText('已形成最终决定').first());
        await a11y('consultation page (concluded)');
        await saveScreenshot(page, 'consultation-report');
        await page.goto(`${server.baseUrl}/consultations`);
        await visible(page.getByRole('heading', { level: 2, name: '往期征求意见' }));
        await visible(page.getByRole('link', { name: TITLE }));
      });
    } finally {
      await page.context().close();
    }
    assert.deepEqual(a11yFailures, [], a11yFailures.join('\n\n'));
    assert.deepEqual(pageProblems(page), []);
  });
});
