import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, newPage, pageProblems, screenshotOnFailure } from './helpers/browser.ts';
import { signIn as signInAs, text, visible } from './helpers/journey.ts';
import { type E2EServer, startE2EServer } from './helpers/server.ts';

/**
 * 点单式公开 as a new visitor meets it, on the demo county with its history: the village page of
 * 桃源村 shows its demand counts; a visitor asks the village to disclose something (a mobile
 * number in the text is masked on the public page); a neighbour supports it once; the village's
 * publisher (cun-publisher) answers 不予公开 with the legal ground; the answer is public. The demo's
 * answered demands show each kind of answer. The office's engagement settings page is checked too.
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

describe('点单式公开 journey', () => {
  test('ask → support once → answered with the legal ground, public and masked', async () => {
    const citizen = await newPage(browser);
    const neighbour = await newPage(browser);
    const staff = await newPage(browser);
    const a11yFailures: string[] = [];
    const a11y = async (page: Page, label: string) => {
      const r = await checkA11y(page, label);
      if (r.summary) a11yFailures.push(r.summary);
    };
    const title = '村级光伏电站发电收益使用情况';

    await screenshotOnFailure(citizen, 'demands-citizen', async () => {
      await citizen.goto(`${server.baseUrl}/units/QS-V-TAOYUAN-01`);
      const panel = citizen.locator('section.unit-demands');
      await visible(panel);
      assert.match(await text(panel.locator('#unit-demand-counts')), /已答复 [1-9]\d* 件/);
      await a11y(citizen, 'unit page');
      await panel.getByRole('link', { name: '我要点单' }).click();
      await citizen.getByLabel('希望公开的事项').fill(title);
      await citizen
        .getByLabel('具体说明')
        .fill('村里光伏电站每年的发电收益有多少、怎么用的？可以打13912345678联系我。');
      await a11y(citizen, 'demand form');
      await citizen.getByRole('button', { name: '提交点单' }).click();
      await citizen.waitForURL(/\/demands\/[^/?]+\?ok=demand_submitted/);
      assert.equal(await text(citizen.locator('h1')), title);
      const body = await text(citizen.locator('main'));
      assert.doesNotMatch(body, /13912345678/);
      assert.match(body, /139\*+5678/);
      await a11y(citizen, 'demand page');
    });
    const demandUrl = citizen.url().split('?')[0];

    await screenshotOnFailure(neighbour, 'demands-neighbour', async () => {
      await neighbour.goto(demandUrl);
      await neighbour.getByRole('button', { name: '我也想知道（支持）' }).click();
      await neighbour.waitForURL(/ok=demand_supported/);
      assert.equal(await text(neighbour.locator('#support-count')), '1');
      assert.equal(await neighbour.getByRole('button', { name: '我也想知道（支持）' }).count(), 0);
      assert.match(await text(neighbour.locator('main')), /您已支持/);
    });

    await screenshotOnFailure(staff, 'demands-staff', async () => {
      await signInAs(staff, server.baseUrl, 'cun-publisher');
      await staff.getByRole('link', { name: '点单式公开' }).first().click();
      await staff.waitForURL(/\/admin\/demands$/);
      await a11y(staff, 'admin list');
      await staff.getByRole('link', { name: title }).click();
      await staff.getByLabel('不予公开', { exact: true }).check();
      await staff.getByLabel('不予公开的依据').selectOption('withheld_process_info');
      await staff
        .getByLabel('说明')
        .fill('收益分配方案尚在村民代表会议讨论中，属于过程性信息，决定后将主动公开。');
      await a11y(staff, 'admin demand page');
      await staff.getByRole('button', { name: '提交答复（公开，不可修改）' }).click();
      await staff.waitForURL(/ok=demand_answered/);
    });

    await citizen.goto(demandUrl);
    const answer = await text(citizen.locator('section[aria-labelledby="answer"]'));
    assert.match(answer, /不予公开/);
    assert.match(answer, /属于四类过程性信息/);
    assert.match(answer, /第十六条/);

    // the demo's answers, one of each kind
    await citizen.goto(`${server.baseUrl}/units/QS-V-TAOYUAN-01/demands?state=answered`);
    await a11y(citizen, 'unit demand list');
    await citizen.getByRole('link', { name: '村集体土地流转收益分配情况' }).click();
    assert.match(await text(citizen.locator('#answer-entry')), /集体土地流转收益及分配情况/);
    await citizen.goto(`${server.baseUrl}/units/QS-V-TAOYUAN-01/demands?state=answered`);
    await citizen.getByRole('link', { name: '村道硬化工程预算和施工单位' }).click();
    await citizen.locator('#answer-disclosure').click();
    await citizen.waitForURL(/\/d\/[^/]+$/);
    await citizen.goto(`${server.baseUrl}/demands?state=answered&sort=newest`);
    await a11y(citizen, 'county demand list');
    await citizen.getByRole('link', { name: '邻里纠纷调解案件当事人信息' }).click();
    assert.match(await text(citizen.locator('#answer-ground')), /保护第三方合法权益/);

    // the office's settings page
    await signInAs(staff, server.baseUrl, 'office');
    await staff.goto(`${server.baseUrl}/admin/engagement/settings`);
    await visible(staff.getByLabel('意见建议答复时限（工作日）'));
    await a11y(staff, 'engagement settings');

    assert.deepEqual([...pageProblems(citizen), ...pageProblems(neighbour), ...pageProblems(staff)], []);
    assert.equal(a11yFailures.join('\n\n'), '');
  });
});
