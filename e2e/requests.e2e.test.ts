import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { Browser, Locator, Page } from 'playwright-core';
import { shippedCalendar } from '../src/calendar/calendar.ts';
import { type ClockInput, computeReplyDeadline, explainClock } from '../src/requests/clock/index.ts';
import {
  checkA11y,
  launchBrowser,
  newPage,
  pageProblems,
  SCREENSHOT_DIR,
  saveScreenshot,
  screenshotOnFailure,
} from './helpers/browser.ts';
import { choose, signIn as signInAs, text, visible } from './helpers/journey.ts';
import { type E2EServer, startE2EServer } from './helpers/server.ts';

/**
 * Issue #5's journey (依申请公开), as a new user would do it, on the demo county:
 * a citizen finds the request form from the portal's home page and asks 青山县财政局 for a
 * document; the acknowledgement gives a tracking code and a secret. The next day the bureau's
 * handler (czj-publisher) confirms the request (received = the confirmation day, Art. 31) and
 * sends a 补正 notice; the citizen supplements on the tracking page with a file (the clock
 * restarts); the handler consults the third party named in the document (the clock pauses) and
 * records its objection after 劳动节; the county office head (office) approves a 15-day extension;
 * the handler replies 部分公开 with the disclosed part attached and records the delivery. The
 * tracking page shows each step and each document; the 答复书 PDF names the applicant and carries
 * its 文号 (pdftotext); the year's table 三 counts the request in 部分公开 under 自然人.
 *
 * The clock is pinned to 10:00 China time and moved between steps; every deadline the tracking
 * page shows is checked against the engine (src/requests/clock) over the shipped calendar:
 *   Mon 04-20 submitted · Tue 04-21 confirmed (due 05-21) and 补正 notice
 *   Mon 04-27 supplement: restart → due 05-27
 *   Wed 04-29 consultation letter received: paused (05-27 while the pause is one day old)
 *   Wed 05-06 still paused over 劳动节 (05-01…05-05 off): due moves with the pause
 *   Thu 05-07 the third party objects: pause 04-29…05-07 → due 06-01 (05-09 is a make-up workday)
 *   Fri 05-08 extension by 15 working days → due 06-23 (06-19 is 端午)
 *   Wed 06-10 reply 部分公开 · Thu 06-11 delivered by email.
 */

const at = (day: string) => new Date(`${day}T02:00:00.000Z`);
const SUBMITTED = '2026-04-20';
const RECEIVED = '2026-04-21';
const SUPPLEMENTED = '2026-04-27';
const LETTER = '2026-04-29';
const HOLIDAY_CHECK = '2026-05-06';
const OBJECTED = '2026-05-07';
const EXTENDED = '2026-05-08';
const REPLIED = '2026-06-10';
const DELIVERED = '2026-06-11';
const EXTENSION_DAYS = 15;

const UNIT = '青山县财政局';
const APPLICANT = '林秀英';
const ID_NUMBER = '11010519491231002X';
const DESCRIPTION =
  '请公开青山县财政局2025年度县级预算单位政府采购合同清单（含桃源镇污水处理厂提标改造项目）';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const cal = shippedCalendar();
/** What the engine gives for the request's records so far: the date the pages must show. */
const expected = (input: Omit<ClockInput, 'received'>) =>
  computeReplyDeadline(cal, { received: RECEIVED, ...input });

let server: E2EServer;
let browser: Browser;

before(async () => {
  const [s, b] = await Promise.allSettled([startE2EServer({ now: at(SUBMITTED) }), launchBrowser()]);
  if (s.status === 'fulfilled') server = s.value;
  if (b.status === 'fulfilled') browser = b.value;
  if (s.status === 'rejected') throw s.reason;
  if (b.status === 'rejected') throw b.reason;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const run = promisify(execFile);

const signIn = (page: Page, username: string) => signInAs(page, server.baseUrl, username);

/** Opens a step form of the back-office request page (a <details> card) and returns the form. */
async function step(page: Page, label: string, segment: string): Promise<Locator> {
  await page.locator('details > summary').filter({ hasText: label }).click();
  const form = page.locator(`form[action$="/${segment}"]`);
  await visible(form);
  return form;
}

async function submitStep(page: Page, form: Locator, label: string) {
  await form.getByRole('button', { name: label, exact: true }).click();
  await page.waitForURL(/ok=request_saved/);
}

/**
 * What a download button of the tracking page (a POST form carrying code + secret and the CSRF
 * token) answers. Chromium shows inline PDFs in its viewer, whose bytes a page cannot read, so the
 * form's own fields are posted through the browser context (same cookies) instead of clicking.
 */
async function fetchVia(button: Locator): Promise<{ bytes: Buffer; type: string; disposition: string }> {
  const form = button.locator('xpath=ancestor::form[1]');
  const { action, fields } = await form.evaluate((f: HTMLFormElement) => ({
    action: f.action,
    fields: Object.fromEntries([...new FormData(f).entries()].map(([k, v]) => [k, String(v)])),
  }));
  const res = await button.page().context().request.post(action, { form: fields });
  assert.equal(res.status(), 200, `${action} answered ${res.status()}`);
  const headers = res.headers();
  return {
    bytes: await res.body(),
    type: headers['content-type'] ?? '',
    disposition: decodeURIComponent(headers['content-disposition'] ?? ''),
  };
}

describe('依申请公开 journey', () => {
  test('online request → 补正 → consultation → extension → 部分公开 → delivered, tracked and counted', async () => {
    const citizen = await newPage(browser);
    const staff = await newPage(browser);
    const a11yFailures: string[] = [];
    const a11y = async (page: Page, label: string) => {
      const r = await checkA11y(page, label);
      if (r.summary) a11yFailures.push(r.summary);
    };
    let code = '';
    let secret = '';

    /** The citizen opens the tracking page with code + secret. */
    const track = async () => {
      await citizen.goto(`${server.baseUrl}/requests/track`);
      await citizen.getByLabel('查询码').fill(code);
      await citizen.getByLabel('查询密码').fill(secret);
      await citizen.getByRole('button', { name: '查询', exact: true }).click();
      await visible(citizen.locator('#request-state'));
    };
    /** The deadline box of the current page: the date, and the steps of “how it was computed”. */
    const assertDeadline = async (page: Page, input: Omit<ClockInput, 'received'>, paused: boolean) => {
      const want = expected(input);
      const box = page
        .locator('section.card')
        .filter({ has: page.getByRole('heading', { name: /答复期限/ }) });
      assert.equal(await text(box.locator('h2 strong')), want.due, `deadline on ${page.url()}`);
      assert.equal(await box.getByText('期限中止中').count(), paused ? 1 : 0, `paused: ${paused}`);
      const lines = (await box.locator('ol > li').allTextContents()).map((l) => l.trim());
      assert.deepEqual(lines, explainClock(want));
    };
    /** The handler's page of the request. */
    let requestUrl = '';

    // The dates the header promises, hard-coded (checked by hand against the 2026 notice), so an
    // engine regression cannot hide behind the engine-computed expectations below.
    const third = (end: string) => [{ start: LETTER, end, kind: 'third_party' as const }];
    assert.equal(expected({}).due, '2026-05-21');
    assert.equal(expected({ supplementReceived: SUPPLEMENTED }).due, '2026-05-27');
    assert.equal(expected({ supplementReceived: SUPPLEMENTED, pauses: third(OBJECTED) }).due, '2026-06-01');
    assert.equal(
      expected({ supplementReceived: SUPPLEMENTED, pauses: third(OBJECTED), extendDays: EXTENSION_DAYS }).due,
      '2026-06-23',
    );

    try {
      await screenshotOnFailure(citizen, 'requests-journey-citizen', () =>
        screenshotOnFailure(staff, 'requests-journey-staff', async () => {
          // Monday 20 April: the citizen finds the form from the portal's home page.
          await citizen.goto(`${server.baseUrl}/`);
          await citizen.getByRole('link', { name: '政府信息公开申请' }).first().click();
          await citizen.waitForURL(/\/requests\/new/);
          await visible(citizen.getByRole('heading', { level: 1, name: '政府信息公开申请' }));
          await citizen.getByRole('searchbox', { name: '搜索受理单位' }).fill('财政');
          await citizen.getByRole('button', { name: '筛选' }).click();
          await citizen.waitForURL(/q=/);
          await choose(citizen.getByRole('combobox', { name: '受理单位' }), UNIT);
          await citizen.getByLabel('申请人类型').selectOption({ label: '自然人' });
          await citizen.getByLabel('申请人姓名或名称').fill(APPLICANT);
          await citizen.getByLabel('身份证件名称').fill('居民身份证');
          await citizen.getByLabel(/身份证件号码/).fill(ID_NUMBER);
          await citizen.getByLabel('联系电话').fill('13907311234');
          await citizen.getByLabel('电子邮箱').fill('lin.xiuying@example.cn');
          await citizen.getByLabel('通信地址').fill('青山县桃源镇桃源村二组 17 号');
          await citizen.getByLabel('所需政府信息的名称或内容描述').fill(DESCRIPTION);
          await citizen.getByLabel('信息提供形式').selectOption({ label: '电子' });
          await citizen.getByLabel('获取方式').selectOption({ label: '在线下载' });
          await a11y(citizen, 'request form');
          await citizen.getByRole('button', { name: '提交申请' }).click();

          await visible(citizen.getByRole('heading', { level: 1, name: '申请已提交' }));
          code = await text(citizen.locator('#tracking-code'));
          secret = await text(citizen.locator('#tracking-secret'));
          assert.match(code, /^YS2026[2-9A-Z]{8}$/);
          assert.ok(secret.length >= 8, 'a secret is shown');
          await visible(citizen.getByText('待确认收到'));
          await visible(citizen.getByText('本页可打印作为提交凭证。'));
          await a11y(citizen, 'acknowledgement');
          await saveScreenshot(citizen, 'requests-acknowledgement');
          // Printable: the print stylesheet keeps the code and the secret on paper.
          await citizen.emulateMedia({ media: 'print' });
          assert.ok(await citizen.locator('#tracking-secret').isVisible(), 'the secret prints');
          await citizen.emulateMedia({ media: 'screen' });

          await track();
          assert.equal(await text(citizen.locator('#request-state')), '待确认收到');
          await visible(citizen.getByText('尚未确认收到申请'));
          await visible(citizen.getByText('网上提交申请'));

          // Tuesday 21 April: the bureau's handler confirms it and asks for a 补正 at once.
          server.setNow(at(RECEIVED));
          await signIn(staff, 'czj-publisher');
          await staff.goto(`${server.baseUrl}/admin/requests`);
          await staff.getByRole('link', { name: code }).click();
          await staff.waitForURL(/\/admin\/requests\/[0-9a-f-]{36}$/);
          requestUrl = staff.url();
          await visible(staff.getByText(APPLICANT, { exact: true }));
          await visible(staff.getByText(`居民身份证 ${ID_NUMBER}`));
          assert.equal(await text(staff.locator('#request-state')), '待确认收到');
          const confirm = await step(staff, '确认收到', 'confirm');
          await submitStep(staff, confirm, '确认收到');
          assert.equal(await text(staff.locator('#request-state')), '办理中');
          await assertDeadline(staff, {}, false);

          const notice = await step(staff, '发出补正告知', 'supplement-notice');
          await notice
            .getByLabel('需要补正的事项')
            .fill('请写明所需合同清单的年度范围，以及是否包括乡镇一级采购项目。');
          await notice.getByLabel('补正期限（工作日）').fill('10');
          await submitStep(staff, notice, '发出补正告知');
          assert.equal(await text(staff.locator('#request-state')), '待补正');

          await track();
          assert.equal(await text(citizen.locator('#request-state')), '待补正');
          await assertDeadline(citizen, {}, true);
          const asked = citizen
            .locator('section.card')
            .filter({ has: citizen.getByRole('heading', { name: '需要补正' }) });
          await visible(asked.getByText('请写明所需合同清单的年度范围'));
          const supplementDue = cal.addWorkingDays(RECEIVED, 10).date;
          await visible(asked.getByText(`请在 ${supplementDue} 前补正`));

          // Monday 27 April: the citizen supplements on the tracking page; the clock restarts.
          server.setNow(at(SUPPLEMENTED));
          await track();
          await a11y(citizen, 'tracking page (supplement asked)');
          await citizen
            .getByLabel('补正内容')
            .fill('需要2025年1月至12月的合同清单，包括乡镇一级的采购项目。');
          await citizen.getByLabel('附件').setInputFiles({
            name: '补正说明.png',
            mimeType: 'image/png',
            buffer: PNG,
          });
          await citizen.getByRole('button', { name: '提交补正' }).click();
          await visible(citizen.getByRole('status'));
          assert.equal(await text(citizen.locator('#request-state')), '办理中');
          await assertDeadline(citizen, { supplementReceived: SUPPLEMENTED }, false);
          await visible(citizen.getByText('收到补正材料'));

          // Wednesday 29 April: the third party named in the contracts receives the letter.
          server.setNow(at(LETTER));
          await signIn(staff, 'czj-publisher');
          await staff.goto(requestUrl);
          await visible(staff.getByText('需要2025年1月至12月的合同清单'));
          await visible(staff.getByRole('link', { name: '补正说明.png' }));
          const consult = await step(staff, '发出征询', 'consult');
          await consult.getByLabel('征询对象类型').selectOption('third_party');
          await consult.getByRole('textbox', { name: '征询对象' }).fill('青山县清源环保工程有限公司');
          await consult.getByLabel('对方收到征询函之日').fill(LETTER);
          await submitStep(staff, consult, '发出征询');
          assert.equal(await text(staff.locator('#request-state')), '征求意见中');
          const open = {
            supplementReceived: SUPPLEMENTED,
            pauses: third(LETTER),
          };
          await assertDeadline(staff, open, true);
          await a11y(staff, 'back-office request page');
          await saveScreenshot(staff, 'requests-backoffice-consulting');

          await track();
          assert.equal(await text(citizen.locator('#request-state')), '征求意见中');
          await assertDeadline(citizen, open, true);

          // Wednesday 6 May, after 劳动节: still paused; the shown date moves on with the pause.
          server.setNow(at(HOLIDAY_CHECK));
          await track();
          await assertDeadline(
            citizen,
            {
              supplementReceived: SUPPLEMENTED,
              pauses: third(HOLIDAY_CHECK),
            },
            true,
          );

          // Thursday 7 May: the third party objects in writing; the pause ends that day.
          server.setNow(at(OBJECTED));
          await signIn(staff, 'czj-publisher');
          await staff.goto(requestUrl);
          const end = await step(staff, '记录结果', 'consult-end');
          await choose(end.getByRole('combobox', { name: '征询对象' }), '青山县清源环保工程有限公司');
          await end.getByLabel('结果').selectOption('objected');
          await end.getByLabel('日期').fill(OBJECTED);
          await end.getByLabel('说明').fill('该公司认为合同单价属于商业秘密，不同意公开。');
          await submitStep(staff, end, '记录结果');
          assert.equal(await text(staff.locator('#request-state')), '办理中');
          const consulted = {
            supplementReceived: SUPPLEMENTED,
            pauses: third(OBJECTED),
          };
          await assertDeadline(staff, consulted, false);
          await track();
          await assertDeadline(citizen, consulted, false);

          // Friday 8 May: the county office head approves an extension of 15 working days.
          server.setNow(at(EXTENDED));
          await signIn(staff, 'czj-publisher');
          await staff.goto(requestUrl);
          assert.equal(await staff.locator('details > summary').filter({ hasText: '批准延期' }).count(), 0);
          await signIn(staff, 'office');
          await staff.goto(requestUrl);
          const extend = await step(staff, '批准延期', 'extend');
          await extend.getByLabel('延长工作日数').fill(String(EXTENSION_DAYS));
          await extend.getByLabel('理由').fill('合同数量较多，需逐份区分处理涉及商业秘密的内容。');
          await submitStep(staff, extend, '批准延期');
          const extended = { ...consulted, extendDays: EXTENSION_DAYS };
          await assertDeadline(staff, extended, false);
          await visible(staff.locator('li').filter({ hasText: '延期答复' }).filter({ hasText: '陈建华' }));
          await track();
          await assertDeadline(citizen, extended, false);

          // Wednesday 10 June: the handler replies 部分公开 with the disclosed part attached.
          server.setNow(at(REPLIED));
          await signIn(staff, 'czj-publisher');
          await staff.goto(requestUrl);
          const reply = await step(staff, '作出答复', 'reply');
          await reply.getByLabel('答复类型').selectOption('partial');
          await reply.getByLabel(/理由/).selectOption('withheld_third_party');
          await reply
            .getByLabel('答复内容')
            .fill('合同单价涉及第三方商业秘密，已作区分处理，提供删除单价后的合同清单');
          await reply.getByLabel('附件').setInputFiles({
            name: '2025年度政府采购合同清单（公开部分）.png',
            mimeType: 'image/png',
            buffer: PNG,
          });
          await submitStep(staff, reply, '作出答复');
          assert.equal(await text(staff.locator('#request-state')), '已答复待送达');

          // Thursday 11 June: sent by email; delivered that day.
          server.setNow(at(DELIVERED));
          await signIn(staff, 'czj-publisher');
          await staff.goto(requestUrl);
          const deliver = await step(staff, '记录送达', 'deliver');
          await deliver.getByLabel('送达方式').selectOption('email');
          await submitStep(staff, deliver, '记录送达');
          assert.equal(await text(staff.locator('#request-state')), '已送达');
          await visible(staff.getByText(/（二） ?部分公开/));

          // The tracking page: every step and every document, downloadable.
          await track();
          assert.equal(await text(citizen.locator('#request-state')), '已送达');
          const trail = citizen
            .locator('section')
            .filter({ has: citizen.getByRole('heading', { name: '办理过程' }) });
          const steps = (await trail.locator('li > strong').allTextContents()).map((s) => s.trim());
          assert.deepEqual(steps, [
            '网上提交申请',
            '确认收到申请',
            '发出补正告知',
            '收到补正材料',
            '征求第三方意见',
            '意见征询结束',
            '延期答复',
            '作出答复',
            '送达',
          ]);
          assert.equal(
            await citizen.getByText('青山县清源环保工程有限公司').count(),
            0,
            'third party not named',
          );
          const docs = citizen
            .locator('section')
            .filter({ has: citizen.getByRole('heading', { name: '文书' }) });
          const items = (await docs.locator('li').allTextContents()).map((s) =>
            s.replace(/\s+/g, ' ').trim(),
          );
          const titles = ['受理回执', '补正告知书', '延期答复告知书', '答复书'];
          for (const [i, title] of titles.entries())
            assert.match(
              items[i] ?? '',
              new RegExp(`${title}（${UNIT}信复〔2026〕\\d+号）`),
              items.join('\n'),
            );
          // The applicant's own supplement stays in the back office (it may carry identity papers).
          assert.ok(!items.some((i) => i.includes('补正说明.png')));
          assert.ok(items.some((i) => i.includes('2025年度政府采购合同清单（公开部分）.png')));
          assert.ok(
            !items.some((i) => i.includes('征询函')),
            'the consultation letter is not the applicant’s',
          );
          await a11y(citizen, 'tracking page (delivered)');
          await saveScreenshot(citizen, 'requests-tracking-delivered');

          // The disclosed part downloads as it was uploaded.
          const part = docs.locator('li').filter({ hasText: '公开部分' });
          const partFile = await fetchVia(part.getByRole('button', { name: '下载' }));
          assert.match(partFile.disposition, /filename\*=UTF-8''.*\.png/);
          assert.ok(partFile.bytes.equals(PNG), 'the disclosed part, byte for byte');

          // The 答复书: its PDF names the applicant and carries its 文号.
          const replyItem = docs.locator('li').filter({ hasText: '答复书' });
          const number = /（(青山县财政局信复〔2026〕\d+号)）/.exec(await text(replyItem))?.[1];
          assert.ok(number, 'the reply’s 文号');
          const pdf = await fetchVia(replyItem.getByRole('button', { name: '下载' }));
          assert.equal(pdf.type, 'application/pdf');
          const pdfPath = `${SCREENSHOT_DIR}/requests-reply.pdf`;
          await writeFile(pdfPath, pdf.bytes);
          const { stdout } = await run('/usr/bin/pdftotext', ['-enc', 'UTF-8', pdfPath, '-']);
          const pdfText = stdout.replace(/\s+/g, '');
          assert.ok(pdfText.includes(APPLICANT), `applicant in the PDF:\n${stdout}`);
          assert.ok(pdfText.includes(number), `文号 in the PDF:\n${stdout}`);
          assert.ok(pdfText.includes('第三十七条'), 'the partial-disclosure basis');
          assert.ok(
            pdfText.includes('第十五条'),
            'the withheld part cites its own ground (third-party rights)',
          );
          assert.ok(
            pdfText.includes('以电子形式，通过在线下载方式提供'),
            'the provision the applicant chose',
          );
          await writeFile(`${SCREENSHOT_DIR}/requests-reply.txt`, stdout);

          // The year's table 三, as the county office: one 部分公开 under 自然人.
          await signIn(staff, 'office');
          await staff.goto(`${server.baseUrl}/admin/requests/report?year=2026`);
          await visible(staff.getByRole('table', { name: /表三|收到和处理政府信息公开申请情况/ }).first());
          const table3 = staff.locator('table.report-table').first();
          const headers = (await table3.locator('thead tr').nth(1).locator('th').allTextContents()).map((h) =>
            h.trim(),
          );
          assert.equal(headers[0], '自然人');
          const row = async (label: RegExp) =>
            (
              await table3
                .getByRole('row')
                .filter({ has: staff.getByRole('rowheader', { name: label }) })
                .first()
                .locator('td')
                .allTextContents()
            ).map((c) => c.trim());
          assert.deepEqual(await row(/^（二）部分公开/), ['1', '0', '0', '0', '0', '0', '1']);
          assert.deepEqual(await row(/^一、本年新收/), ['1', '0', '0', '0', '0', '0', '1']);
          assert.deepEqual(await row(/^（七）总计/), ['1', '0', '0', '0', '0', '0', '1']);
          assert.deepEqual(await row(/^（一）予以公开/), ['0', '0', '0', '0', '0', '0', '0']);
          await a11y(staff, 'annual report tables');
          await saveScreenshot(staff, 'requests-report-table3');
        }),
      );
      assert.deepEqual(a11yFailures, [], `accessibility violations:\n${a11yFailures.join('\n\n')}`);
      assert.deepEqual(pageProblems(citizen), [], 'no script or console errors in the citizen’s pages');
      assert.deepEqual(pageProblems(staff), [], 'no script or console errors in the back office');
    } finally {
      await citizen.context().close();
      await staff.context().close();
    }
  });
});
