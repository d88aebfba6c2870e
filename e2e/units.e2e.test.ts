import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/auth/passwords.ts';
import {
  checkA11y,
  launchBrowser,
  newPage,
  pageProblems,
  saveScreenshot,
  screenshotOnFailure,
} from './helpers/browser.ts';
import { type E2EServer, startE2EServer } from './helpers/server.ts';

/**
 * The first journey, as a new county office user would take it: from the public home page to
 * signing in, adding a village under 桃源镇 and finding that change in the audit log.
 * A second run does the same with JavaScript off: the back office is plain forms; htmx only enhances.
 */

let server: E2EServer;
let browser: Browser;

before(async () => {
  // Both start at once; if one fails, the other is still kept so after() can close it.
  const [s, b] = await Promise.allSettled([startE2EServer(), launchBrowser()]);
  if (s.status === 'fulfilled') server = s.value;
  if (b.status === 'fulfilled') browser = b.value;
  if (s.status === 'rejected') throw s.reason;
  if (b.status === 'rejected') throw b.reason;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const visible = (l: Locator) => l.waitFor({ state: 'visible' });

async function text(l: Locator): Promise<string> {
  return ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

function adminMenu(page: Page): Locator {
  return page.getByRole('navigation', { name: '后台菜单' });
}

/** Home page → 登录 → username and password by their labels → 工作台; `at` runs on each page. */
async function signInFromHome(page: Page, at?: (where: 'home page' | 'sign-in page') => Promise<void>) {
  await page.goto(`${server.baseUrl}/`);
  await visible(page.getByRole('heading', { level: 1, name: '青山县三务公开平台' }));
  await at?.('home page');
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '登录', exact: true })
    .click();
  await page.waitForURL('**/signin');
  await visible(page.getByRole('heading', { level: 1, name: '登录' }));
  await at?.('sign-in page');
  await page.getByLabel('用户名').fill('office');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(/\/admin$/);
  await visible(page.getByRole('heading', { level: 1, name: '工作台' }));
}

/** The link of a unit in the 单位管理 tree, and the <li> that holds it. */
function treeItem(page: Page, name: string): { link: Locator; item: Locator } {
  const link = page.locator('ul.tree').first().getByRole('link', { name, exact: true });
  return { link, item: link.locator('xpath=parent::li') };
}

describe('单位管理 journey', () => {
  test('a county office user signs in, adds a village under 桃源镇 and finds it in the tree and the audit log', async () => {
    const page = await newPage(browser);
    const a11yFailures: string[] = [];
    const a11y = async (label: string) => {
      const r = await checkA11y(page, label);
      if (r.summary) a11yFailures.push(r.summary);
    };
    const name = '桃源镇新建村';
    const code = 'QS-V-TAOYUAN-NEW';
    try {
      await screenshotOnFailure(page, 'units-journey', async () => {
        await signInFromHome(page, async (where) => {
          await a11y(where);
          if (where === 'home page') await saveScreenshot(page, 'home');
        });
        await saveScreenshot(page, 'admin-dashboard');

        // 工作台 → 单位管理 through the back-office menu.
        await adminMenu(page).getByRole('link', { name: '单位管理' }).click();
        await page.waitForURL('**/admin/units');
        await visible(page.getByRole('heading', { level: 1, name: '单位管理' }));
        await a11y('unit tree page');
        await saveScreenshot(page, 'unit-tree');

        // Open 桃源镇 in the tree, then 新增下级单位.
        await treeItem(page, '桃源镇').link.click();
        await page.waitForURL(/\/admin\/units\/[^/?]+$/);
        await visible(page.getByRole('heading', { level: 1, name: '桃源镇' }));
        const taoyuanUrl = page.url();
        await page.getByRole('link', { name: '新增下级单位' }).click();
        await page.waitForURL(/\/admin\/units\/new\?parentId=/);
        await visible(page.getByRole('heading', { level: 1, name: '新建单位' }));
        await a11y('new-unit form page');

        // The parent is preselected; a person fills in the rest by the labels they read.
        const parent = page.getByLabel('上级单位');
        const chosen = await parent.evaluate(
          (s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '',
        );
        assert.match(chosen, /桃源镇（QS-TS-TAOYUAN）/, 'the form opens with 桃源镇 chosen as 上级单位');
        await page.getByLabel('单位名称').fill(name);
        await page.getByLabel('单位编码').fill(code);
        await page.getByLabel('单位类型').selectOption({ label: '村' });
        await page.getByRole('button', { name: '创建', exact: true }).click();

        // Success: the flash and the new unit's detail page.
        await page.waitForURL(/\/admin\/units\/[^/?]+\?ok=unit_created$/);
        assert.equal(await text(page.getByRole('status')), '单位已创建。');
        await visible(page.getByRole('heading', { level: 1, name }));
        assert.equal(await text(page.locator('dl.facts code')), code);
        const breadcrumb = page.getByRole('navigation', { name: '当前位置' });
        const crumb = breadcrumb.getByRole('link', { name: '桃源镇', exact: true });
        assert.equal(await crumb.getAttribute('href'), new URL(taoyuanUrl).pathname);
        const newUnitUrl = page.url().split('?')[0];
        await a11y('new unit detail page');

        // Back in 单位管理, the village sits inside 桃源镇's own list item.
        await adminMenu(page).getByRole('link', { name: '单位管理' }).click();
        await page.waitForURL('**/admin/units');
        const taoyuan = treeItem(page, '桃源镇');
        await visible(taoyuan.item.getByRole('link', { name, exact: true }));
        const created = treeItem(page, name);
        assert.equal(await created.item.count(), 1, 'the new unit appears once in the tree');
        const parentOfNew = created.item.locator('xpath=parent::ul/parent::li/a[1]');
        assert.equal(await text(parentOfNew), '桃源镇', 'the new village is a direct child of 桃源镇');
        assert.equal(await text(created.item.locator('.tag').first()), '村');
        assert.equal(await created.link.getAttribute('href'), new URL(newUnitUrl).pathname);

        // 审计日志 from the menu: the creation entry, newest first.
        await adminMenu(page).getByRole('link', { name: '审计日志' }).click();
        await page.waitForURL('**/admin/audit');
        await visible(page.getByRole('heading', { level: 1, name: '审计日志' }));
        const entry = page.getByRole('row').filter({ hasText: 'unit.create' }).filter({ hasText: name });
        assert.equal(await entry.count(), 1, 'one unit.create entry names the new unit');
        const cells = entry.getByRole('cell');
        assert.equal(await text(cells.nth(1)), '陈建华（office）', 'the entry names who did it');
        assert.equal(await text(cells.nth(2)), 'unit.create');
        assert.match(await text(cells.nth(3)), new RegExp(`新建单位“${name}”（${code}），上级：桃源镇`));
        await a11y('audit log page');

        // The audit filter, used like a person would: 摘要 contains the name.
        await page.getByLabel('摘要').fill(name);
        await page.getByRole('button', { name: '筛选', exact: true }).click();
        await page.waitForURL(/\/admin\/audit\?.*q=/);
        const filtered = page.locator('table.audit tbody').getByRole('row');
        assert.equal(await filtered.count(), 1);
        assert.match(await text(filtered), /unit\.create/);

        // And from the unit itself: 查看变更记录 lists exactly its history.
        await page.goto(newUnitUrl);
        await page.getByRole('link', { name: '查看变更记录' }).click();
        await page.waitForURL(/\/admin\/audit\?targetId=/);
        const history = page.locator('table.audit tbody').getByRole('row');
        assert.equal(await history.count(), 1, 'a new unit has one history entry');
        assert.match(await text(history), new RegExp(`unit\\.create.*${name}`));

        // What the pages showed is what the database holds.
        const row = await server.db.db
          .selectFrom('units as u')
          .innerJoin('units as p', (j) =>
            j.onRef('p.id', '=', 'u.parent_id').onRef('p.tenant_id', '=', 'u.tenant_id'),
          )
          .select(['u.kind', 'u.status', 'p.code as parentCode'])
          .where('u.code', '=', code)
          .executeTakeFirstOrThrow();
        assert.deepEqual(row, { kind: 'village', status: 'active', parentCode: 'QS-TS-TAOYUAN' });
      });
      assert.deepEqual(a11yFailures, [], `accessibility violations:\n${a11yFailures.join('\n\n')}`);
      assert.deepEqual(pageProblems(page), [], 'no script or console errors in the pages');
    } finally {
      await page.context().close();
    }
  });

  test('without JavaScript, the same user signs in and creates a unit with plain forms', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    const name = '桃源镇无脚本村';
    const code = 'QS-V-TAOYUAN-NOJS';
    try {
      await screenshotOnFailure(page, 'units-nojs', async () => {
        await signInFromHome(page);
        await adminMenu(page).getByRole('link', { name: '单位管理' }).click();
        await page.waitForURL('**/admin/units');
        await page.getByRole('link', { name: '新建单位' }).click();
        await page.waitForURL('**/admin/units/new');

        // A person picks 桃源镇 by the text they see in the list.
        const parent = page.getByLabel('上级单位');
        const option = parent.locator('option', { hasText: '桃源镇（QS-TS-TAOYUAN）' });
        await parent.selectOption((await option.getAttribute('value'))!);
        await page.getByLabel('单位名称').fill(name);
        // First a code already in use: the form comes back with the error and keeps the input.
        await page.getByLabel('单位编码').fill('QS-TS-TAOYUAN');
        await page.getByLabel('单位类型').selectOption({ label: '村' });
        await page.getByRole('button', { name: '创建', exact: true }).click();
        await page.waitForURL('**/admin/units');
        const alert = page.getByRole('alert');
        await visible(alert);
        assert.match(await text(alert), /单位编码“QS-TS-TAOYUAN”已被使用/);
        assert.equal(await page.getByLabel('单位名称').inputValue(), name);
        const codeField = page.getByLabel('单位编码');
        assert.equal(await codeField.getAttribute('aria-invalid'), 'true');

        await codeField.fill(code);
        await page.getByRole('button', { name: '创建', exact: true }).click();
        await page.waitForURL(/\/admin\/units\/[^/?]+\?ok=unit_created$/);
        assert.equal(await text(page.getByRole('status')), '单位已创建。');
        await visible(page.getByRole('heading', { level: 1, name }));

        await adminMenu(page).getByRole('link', { name: '单位管理' }).click();
        await page.waitForURL('**/admin/units');
        await visible(treeItem(page, '桃源镇').item.getByRole('link', { name, exact: true }));
      });
      assert.deepEqual(pageProblems(page), []);
    } finally {
      await page.context().close();
    }
  });
});
