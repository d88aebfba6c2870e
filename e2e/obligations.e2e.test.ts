import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
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
 * Issue #3's journey (公开合规): the county office replaces the starter village finance catalog with
 * one imported from XLSX; 桃源镇's office adds an own ("X") entry to 柳溪村 and marks an inherited
 * entry not applicable for 杏花村; five weeks later the nightly derivation has run and the board
 * shows 桃源镇's villages red for January's overdue monthly disclosure and amber for the one due in
 * two working days; recording the overdue one with evidence turns it 逾期后公开 and the cell amber.
 *
 * The clock is pinned: the county is seeded on Monday 2026-01-05, the catalogs change on Tuesday
 * 2026-01-06, the board is read on Wednesday 2026-02-11 (10:00 China time). January's period ends
 * on the 31st: 5 working days → due Friday 6 February (overdue); 10 working days → due Friday
 * 13 February, two working days ahead (the due-soon window is 3).
 */

const SEEDED = new Date('2026-01-05T01:00:00.000Z');
const CHANGED = new Date('2026-01-06T02:00:00.000Z');
const BOARD_DAY = new Date('2026-02-11T02:00:00.000Z');
const A = '村集体经营性收入明细';
const B = '村级专项资金使用明细';
const X = '光伏电站收益分配情况';

let server: E2EServer;
let browser: Browser;

before(async () => {
  const [s, b] = await Promise.allSettled([startE2EServer({ now: SEEDED }), launchBrowser()]);
  if (s.status === 'fulfilled') server = s.value;
  if (b.status === 'fulfilled') browser = b.value;
  if (s.status === 'rejected') throw s.reason;
  if (b.status === 'rejected') throw b.reason;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A table row's cells (th and td) as text, one space between cells. */
const cells = async (row: Locator) =>
  (await row.locator('th, td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim()).join(' ');
const menu = (page: Page) => page.getByRole('navigation', { name: '后台菜单' });

const signIn = (page: Page, username: string) => signInAs(page, server.baseUrl, username);

async function catalogFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('村级财务');
  ws.addRow(['青山县村级财务公开目录（2026年修订）']);
  ws.addRow([
    '一级事项',
    '事项名称',
    '公开方式',
    '公开对象',
    '公开时间类型',
    '周期',
    '时限（工作日）',
    '公开渠道和载体（必选）',
  ]);
  ws.addRow(['财务收支', A, '主动公开', '社会公开', '定期', '每月', 5, '村务公开栏']);
  ws.addRow(['专项资金', B, '主动公开', '社会公开', '定期', '每月', 10, '村务公开栏']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A 1×1 PNG: the evidence photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The board's cell of a unit (row header) and a domain (column header). */
async function cell(page: Page, unit: string, domain: string): Promise<Locator> {
  const headers = await page.locator('table.board-grid thead th').allTextContents();
  const col = headers.findIndex((h) => h.trim() === domain);
  assert.ok(col > 0, `a ${domain} column`);
  const row = page
    .locator('table.board-grid tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: unit }) });
  return row.locator('th, td').nth(col);
}

describe('公开合规 journey', () => {
  test('catalog import, X entry and not-applicable claim, then the board turns red, amber and fulfilled late', async () => {
    const page = await newPage(browser);
    const a11yFailures: string[] = [];
    const a11y = async (label: string) => {
      const r = await checkA11y(page, label);
      if (r.summary) a11yFailures.push(r.summary);
    };
    try {
      await screenshotOnFailure(page, 'obligations-journey', async () => {
        // Tuesday 6 January: the county office retires the starter catalog and imports the revision.
        server.setNow(CHANGED);
        await signIn(page, 'office');
        await menu(page).getByRole('link', { name: '公开目录' }).click();
        await page.getByRole('link', { name: '村级财务公开指导目录', exact: true }).click();
        await page.getByLabel('废止原因').fill('由2026年修订版替代');
        await page.getByRole('button', { name: '废止指导目录' }).click();
        await page.waitForURL(/ok=catalog_retired/);

        await menu(page).getByRole('link', { name: '公开目录' }).click();
        const create = page
          .locator('section')
          .filter({ has: page.getByRole('heading', { name: '新建指导目录' }) });
        await choose(create.getByLabel('制定单位'), '青山县');
        await create.getByLabel('适用单位类型').selectOption({ label: '村' });
        await create.getByLabel('领域').selectOption({ label: '财务' });
        await create.getByLabel('目录名称').fill('村级财务公开目录（2026年修订）');
        await create.getByRole('button', { name: '创建', exact: true }).click();
        await page.waitForURL(/ok=catalog_created/);
        await page.getByRole('link', { name: '从 Excel 导入' }).click();
        await page.getByLabel('选择文件').setInputFiles({
          name: '村级财务公开目录.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await catalogFile(),
        });
        await page.getByRole('button', { name: '上传并预览' }).click();
        await visible(page.getByText('检查通过，可以提交导入。'));
        await page.getByRole('button', { name: '确认导入 2 个条目' }).click();
        await page.waitForURL(/\/admin\/catalogs\/[^/?]+(\?|$)/);
        await visible(page.getByRole('cell', { name: A }));
        await visible(page.getByRole('cell', { name: B }));
        await page.context().clearCookies();

        // The same day, 桃源镇's office: an own entry for 柳溪村, and A does not apply to 杏花村.
        await signIn(page, 'taoyuan-office');
        await menu(page).getByRole('link', { name: '公开目录' }).click();
        await choose(page.getByLabel('查看单位的公开目录'), '柳溪村');
        await page.getByRole('button', { name: '查看', exact: true }).click();
        await page.getByText('新增自有条目', { exact: true }).first().click();
        const own = page.locator('form[action$="/catalog/entries"]');
        await own.getByLabel('领域').selectOption('finance');
        await own.getByLabel('一级事项').fill('集体经济');
        await own.getByLabel('事项名称').fill(X);
        await own.getByLabel('公开方式').selectOption('proactive');
        await own.getByLabel('公开对象').selectOption('public');
        await own.getByLabel('公开时间类型').selectOption('periodic');
        await own.getByLabel('周期').selectOption('quarterly');
        await own.getByRole('group', { name: /必选/ }).getByLabel('公开栏').check();
        await own.getByRole('button', { name: '新增自有条目' }).click();
        await visible(page.getByRole('cell', { name: X }));

        await menu(page).getByRole('link', { name: '公开目录' }).click();
        await choose(page.getByLabel('查看单位的公开目录'), '杏花村');
        await page.getByRole('button', { name: '查看', exact: true }).click();
        const rowA = page.getByRole('row').filter({ hasText: A });
        await rowA.getByText('标记为不适用').first().click();
        await rowA.getByLabel('不适用理由').fill('本村无集体经营性收入，经村民代表会议确认。');
        await rowA.getByRole('button', { name: '标记为不适用' }).click();
        await page.waitForURL(/ok=catalog_claimed/);
        await visible(page.getByRole('row').filter({ hasText: A }).getByText('不适用（待审核）'));
        await page.context().clearCookies();

        // Wednesday 11 February: the nightly job has derived January's and February's obligations.
        server.setNow(BOARD_DAY);
        const derived = await server.deriveObligations();
        assert.ok(derived.created > 0);
        await signIn(page, 'office');
        await menu(page).getByRole('link', { name: '公开合规' }).click();
        await visible(page.getByRole('heading', { level: 1, name: '公开合规看板' }));
        await choose(page.getByLabel('区域'), '桃源镇');
        await page.getByLabel('单位类型').selectOption({ label: '村' });
        await page.getByLabel('公开领域').selectOption({ label: '财务' });
        await page.getByRole('button', { name: '筛选', exact: true }).click();
        await page.waitForURL(/region=.*kind=village.*domain=finance/);
        const boardUrl = page.url();

        assert.equal(await text(await cell(page, '桃源村', '财务')), '红 逾期 1 · 临期 1 · 共 4');
        assert.equal(await text(await cell(page, '柳溪村', '财务')), '红 逾期 1 · 临期 1 · 共 5');
        assert.equal(
          await text(await cell(page, '杏花村', '财务')),
          '黄 临期 1 · 共 2',
          'A does not apply to 杏花村',
        );
        const overdue = page
          .locator('table')
          .filter({ has: page.getByRole('columnheader', { name: '逾期（工作日）' }) });
        const taoyuanA = overdue.getByRole('row').filter({ hasText: '桃源村' }).filter({ hasText: A });
        assert.match(await cells(taoyuanA), /2026年1月 2026-02-06 3 登记$/);
        await a11y('compliance board');
        await saveScreenshot(page, 'obligations-board');

        // The export is the filtered board.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: '导出 Excel' }).click(),
        ]);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
        const sheet = wb.getWorksheet('合规看板')!;
        const rows: string[] = [];
        sheet.eachRow((r, n) => {
          if (n > 3) rows.push(`${r.getCell(1).value} ${r.getCell(4).value} ${r.getCell(5).value}`);
        });
        assert.ok(rows.includes('桃源村 财务 红（有逾期）'), rows.join('\n'));
        assert.ok(rows.includes('杏花村 财务 黄（有临期）'));
        assert.ok(
          rows.every((r) => / 财务 /.test(r)),
          'only the finance domain',
        );

        // Drill down from 桃源村's cell: what is missing, then record January's with evidence.
        await (await cell(page, '桃源村', '财务')).getByRole('link').click();
        await visible(page.getByRole('heading', { level: 1, name: /桃源村公开义务明细/ }));
        const missing = page.getByRole('row').filter({ hasText: A }).filter({ hasText: '2026年1月' });
        assert.match(await cells(missing), /^逾期未公开 财务 /);
        assert.match(
          await cells(page.getByRole('row').filter({ hasText: B }).filter({ hasText: '2026年1月' })),
          /^即将到期 .*2026-02-13/,
        );
        await a11y('board drill-down');
        await saveScreenshot(page, 'obligations-drill-down');

        await page.getByRole('link', { name: '到本单位公开义务页面登记履行' }).click();
        await page.waitForURL(/\/admin\/units\/[^/]+\/obligations/);
        await choose(page.getByLabel('公开义务'), `${A} · 2026年1月`);
        await page.getByLabel('公开日期').fill('2026-02-11');
        await page.getByLabel(/佐证说明/).fill('2026年1月收入明细已在村务公开栏张贴。');
        await page
          .getByLabel(/佐证图片/)
          .setInputFiles({ name: '公开栏.png', mimeType: 'image/png', buffer: PNG });
        await page.getByRole('button', { name: '保存', exact: true }).click();
        await page.waitForURL(/ok=obligation_fulfilled/);
        await visible(page.getByRole('row').filter({ hasText: A }).filter({ hasText: '逾期后公开' }).first());

        await page.goto(boardUrl);
        assert.equal(await text(await cell(page, '桃源村', '财务')), '黄 临期 1 · 共 4');
        await (await cell(page, '桃源村', '财务')).getByRole('link').click();
        const done = page.getByRole('row').filter({ hasText: A }).filter({ hasText: '2026年1月' });
        assert.match(await cells(done), /^逾期后公开 财务 .*2026-02-06 2026-02-11$/);
        await saveScreenshot(page, 'obligations-fulfilled-late');
      });
      assert.deepEqual(a11yFailures, [], `accessibility violations:\n${a11yFailures.join('\n\n')}`);
      assert.deepEqual(pageProblems(page), [], 'no script or console errors in the pages');
    } finally {
      await page.context().close();
    }
  });
});
