import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, newPage, pageProblems, screenshotOnFailure } from './helpers/browser.ts';
import { signIn as signInAs, text, visible } from './helpers/journey.ts';
import { type E2EServer, startE2EServer } from './helpers/server.ts';

/**
 * Issue #6's feedback journey, as a new user would do it, on the demo county 青山县:
 * an anonymous visitor finds 桃源村 (QS-V-TAOYUAN-01) in the directory and writes to it with their
 * mobile number in the text; the acknowledgement gives a tracking code and a secret. The county
 * office (office) routes the message to the village; the village clerk (cun-publisher) takes it up
 * and replies. The 回音壁 shows question and answer with the number masked. The writer opens their
 * tracking link and rates 不满意; the office finds it in 待处理不满意 and reopens the thread; the
 * village replies again, and the 回音壁 shows the second reply. axe runs on the public form, the
 * echo wall and the back-office detail page.
 *
 * Clock: Mon 2026-03-02 written and routed (due 03-09, 5 working days) · Tue 03-03 replied and rated
 * · Wed 03-04 reopened (due 03-11) and replied again.
 */
const at = (day: string) => new Date(`${day}T02:00:00.000Z`);
const VILLAGE = 'QS-V-TAOYUAN-01';
const MOBILE = '13812345678';
const SUBJECT = '村东头路灯坏了一个月';
const BODY = `村东头三盏路灯坏了一个月，晚上出行不便。请修好后回电 ${MOBILE} 告诉我。`;
const REPLY1 = '已报修，电工将于本周五前更换灯具。';
const REPLY2 = '灯具已于 3 月 4 日全部更换，村委会已电话回访。';

let server: E2EServer;
let browser: Browser;

before(async () => {
  const [s, b] = await Promise.allSettled([startE2EServer({ now: at('2026-03-02') }), launchBrowser()]);
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

describe('留言 journey', () => {
  test('write → route → reply → 回音壁 (masked) → 不满意 → reopen → second reply', async () => {
    const citizen = await newPage(browser);
    const staff = await newPage(browser);
    const a11yFailures: string[] = [];
    const a11y = async (page: Page, label: string) => {
      const r = await checkA11y(page, label);
      if (r.summary) a11yFailures.push(r.summary);
    };
    let code = '';
    let secret = '';
    let detailUrl = '';

    /** Opens the message's back-office page from the list, as the signed-in staff member. */
    const openFromList = async () => {
      await staff.goto(`${server.baseUrl}/admin`);
      await staff.getByRole('link', { name: '留言办理' }).first().click();
      await staff.getByRole('link', { name: code }).first().click();
      await visible(staff.locator('#feedback-status'));
      detailUrl = staff.url();
    };

    await screenshotOnFailure(citizen, 'feedback-journey-citizen', () =>
      screenshotOnFailure(staff, 'feedback-journey-staff', async () => {
        // Monday: the visitor finds the village in the directory and writes to it.
        await citizen.goto(`${server.baseUrl}/units/${VILLAGE}`);
        await citizen.getByRole('link', { name: '我要留言' }).first().click();
        await visible(citizen.locator('#f-subject'));
        await a11y(citizen, 'public feedback form');
        await citizen.locator('#f-kind').selectOption('suggestion');
        await citizen.locator('#f-subject').fill(SUBJECT);
        await citizen.locator('#f-body').fill(BODY);
        await citizen.getByRole('button', { name: '提交留言' }).click();
        await visible(citizen.locator('#tracking-code'));
        code = await text(citizen.locator('#tracking-code'));
        secret = await text(citizen.locator('#tracking-secret'));
        assert.match(code, /^LY2026/);
        assert.match(await text(citizen.locator('main, body').first()), /已受理/);

        // The county office routes it to the village (the addressed unit is preselected).
        await signIn(staff, 'office');
        await openFromList();
        await a11y(staff, 'back-office feedback detail');
        assert.ok(
          (await text(staff.locator('#feedback-body'))).includes(MOBILE),
          'staff see the text as written',
        );
        await staff.getByRole('button', { name: '分办', exact: true }).click();
        await staff.waitForURL(/ok=feedback_done/);
        assert.equal(await text(staff.locator('#feedback-status')), '已分办');
        assert.match(await text(staff.locator('#feedback-trail')), /分办至 桃源村，答复期限 2026-03-09/);

        // Tuesday: the village clerk takes it up and replies.
        server.setNow(at('2026-03-03'));
        await signIn(staff, 'cun-publisher');
        await openFromList();
        await staff.getByRole('button', { name: '开始办理', exact: true }).click();
        await staff.waitForURL(/ok=feedback_done/);
        await staff.locator('#reply-body').fill(REPLY1);
        await staff.getByRole('button', { name: '答复', exact: true }).click();
        await staff.waitForURL(/ok=feedback_done/);
        assert.equal(await text(staff.locator('#feedback-status')), '已答复');

        // The 回音壁 shows question and answer, the mobile number masked.
        await citizen.goto(`${server.baseUrl}/echo`);
        const card = citizen.locator('article.echo').filter({ hasText: SUBJECT });
        await visible(card);
        await a11y(citizen, 'echo wall');
        const shown = await text(card);
        assert.ok(shown.includes('138****5678'), shown);
        assert.ok(!shown.includes(MOBILE), 'the number is masked');
        assert.ok(shown.includes(REPLY1), shown);
        await card.getByRole('link', { name: SUBJECT }).click();
        await visible(citizen.locator('article.echo'));
        const echoUrl = citizen.url();
        await a11y(citizen, 'echo wall item');
        assert.ok(!(await citizen.content()).includes(MOBILE));

        // The writer opens the tracking link and rates 不满意.
        await citizen.goto(`${server.baseUrl}/feedback/track?c=${code}&s=${secret}`);
        await visible(citizen.locator('#feedback-status'));
        assert.equal(await text(citizen.locator('#feedback-status')), '已答复');
        await citizen.getByLabel('不满意').check();
        await citizen.getByLabel('评价意见（可不填）').fill('路灯还是不亮。');
        await citizen.getByRole('button', { name: '提交评价' }).click();
        await visible(citizen.getByText('评价已提交，谢谢！'));
        assert.match(await text(citizen.locator('#feedback-trail')), /留言人评价：不满意/);

        // Wednesday: the office finds it under 待处理不满意 and reopens it.
        server.setNow(at('2026-03-04'));
        await signIn(staff, 'office');
        await staff.goto(`${server.baseUrl}/admin/feedback`);
        const dissatisfied = staff.locator('#dissatisfied-list');
        await visible(dissatisfied);
        await dissatisfied.getByRole('link', { name: code }).click();
        await staff.locator('#reopen-note').fill('请村委会现场核实。');
        await staff.getByRole('button', { name: '重新办理', exact: true }).click();
        await staff.waitForURL(/ok=feedback_done/);
        assert.equal(await text(staff.locator('#feedback-status')), '已分办');
        assert.match(await text(staff.locator('#feedback-trail')), /重新办理，答复期限 2026-03-11/);

        // The village replies again; the 回音壁 shows the second reply.
        await signIn(staff, 'cun-publisher');
        await staff.goto(detailUrl);
        await staff.locator('#reply-body').fill(REPLY2);
        await staff.getByRole('button', { name: '答复', exact: true }).click();
        await staff.waitForURL(/ok=feedback_done/);
        await citizen.goto(echoUrl);
        const item = await text(citizen.locator('article.echo'));
        assert.ok(item.includes(REPLY2), item);
        assert.match(item, /第 2 次答复/);
        assert.ok(!item.includes(MOBILE));

        // The writer may rate the new round.
        await citizen.goto(`${server.baseUrl}/feedback/track?c=${code}&s=${secret}`);
        await visible(citizen.getByRole('button', { name: '提交评价' }));
      }),
    );
    assert.deepEqual(a11yFailures, [], a11yFailures.join('\n\n'));
    assert.deepEqual(pageProblems(citizen), [], 'no script or console errors on the public pages');
    assert.deepEqual(pageProblems(staff), [], 'no script or console errors in the back office');
  });
});
