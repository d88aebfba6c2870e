import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, newPage, pageProblems, screenshotOnFailure } from './helpers/browser.ts';
import { signIn as signInAs, text, visible } from './helpers/journey.ts';
import { type E2EServer, startE2EServer } from './helpers/server.ts';

/**
 * 满意度测评 and the feedback statistics on the demo county with its history: a visitor reads the
 * finalized 民主评议 of 桃源镇's villages; a party member signs in and rates this month's survey
 * with the no-JS form; the township office sees the survey's results and comments; the village
 * page shows this year's feedback figures with links to the statistics and the printable form.
 * Every page passes axe (WCAG 2.1 AA, serious/critical).
 */
let server: E2EServer;
let browser: Browser;

before(async () => {
  const [s, b] = await Promise.allSettled([startE2EServer({ demoHistory: true }), launchBrowser()]);
  if (s.status === 'fulfilled') server = s.value;
  if (b.status === 'fulfilled') browser = b.value;
  if (s.status === 'rejected') throw s.reason;
  if (b.status === 'rejected') throw b.reason;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('满意度测评 journey', () => {
  test('read results → rate signed in → office results; feedback statistics pages', async () => {
    const visitor = await newPage(browser);
    const rater = await newPage(browser);
    const office = await newPage(browser);
    const a11yFailures: string[] = [];
    const a11y = async (page: Page, label: string) => {
      const r = await checkA11y(page, label);
      if (r.summary) a11yFailures.push(r.summary);
    };

    await screenshotOnFailure(visitor, 'surveys-visitor', async () => {
      await visitor.goto(`${server.baseUrl}/surveys`);
      await a11y(visitor, 'survey list');
      await visitor.getByRole('link', { name: '桃源镇村级组织民主评议（上季度）' }).click();
      await visible(visitor.locator('table.survey-results'));
      assert.match(await text(visitor.locator('main')), /结果已于 .* 确认/);
      assert.doesNotMatch(await text(visitor.locator('main')), /财务明细再细一些/);
      await a11y(visitor, 'finalized survey');
      await visitor.goto(`${server.baseUrl}/units/QS-V-TAOYUAN-01`);
      await visible(visitor.locator('section.feedback-stats'));
      await a11y(visitor, 'unit page with statistics');
      await visitor.locator('section.feedback-stats').getByRole('link', { name: '查看办理统计' }).click();
      await visitor.getByLabel('统计期间').selectOption('quarter');
      await visitor.getByRole('button', { name: '查看' }).click();
      await visitor.waitForURL(/period=quarter/);
      await a11y(visitor, 'unit statistics');
    });

    await screenshotOnFailure(rater, 'surveys-rater', async () => {
      await signInAs(rater, server.baseUrl, 'taoyuan-reviewer');
      await rater.goto(`${server.baseUrl}/surveys`);
      await rater.getByRole('link', { name: '桃源镇村务公开满意度测评（本月）' }).click();
      const first = rater.locator('fieldset').first();
      await first.getByLabel('基本满意').check();
      await first.getByLabel('意见（选填，不公开）').fill('希望公开栏字再大一些');
      await a11y(rater, 'rating form');
      await rater.getByRole('button', { name: '提交评价' }).click();
      await rater.waitForURL(/\/thanks/);
      assert.match(await text(rater.locator('h1')), /感谢参与/);
      await a11y(rater, 'thanks');
      // back on the form, the rating is remembered
      await rater.getByRole('link', { name: '返回测评' }).click();
      assert.ok(await rater.locator('fieldset').first().getByLabel('基本满意').isChecked());
    });

    await screenshotOnFailure(office, 'surveys-office', async () => {
      await signInAs(office, server.baseUrl, 'taoyuan-office');
      await office
        .getByRole('navigation', { name: '后台菜单' })
        .getByRole('link', { name: '满意度测评' })
        .click();
      await office.waitForURL(/\/admin\/surveys$/);
      await a11y(office, 'admin survey list');
      await office.getByRole('link', { name: '桃源镇村务公开满意度测评（本月）' }).click();
      assert.match(await text(office.locator('main')), /希望公开栏字再大一些/);
      await a11y(office, 'admin survey page');
      await office.goto(`${server.baseUrl}/admin/surveys/new`);
      await a11y(office, 'new survey form');
      await office.goto(`${server.baseUrl}/admin/feedback/stats`);
      await a11y(office, 'admin feedback statistics');
    });

    for (const p of [visitor, rater, office]) assert.deepEqual(pageProblems(p), []);
    assert.deepEqual(a11yFailures, []);
  });
});
