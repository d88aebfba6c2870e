import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp, TestClock } from '../../../test/helpers/server.ts';
import type { Actor } from '../../auth/actor.ts';
import { shippedCalendar } from '../../calendar/calendar.ts';
import { BOARD_NOW, type BoardWorld, boardWorld } from './board-fixture.ts';
import { cellColor } from './board-model.ts';
import { loadBoard } from './load-board.ts';
import { BOARD_PERMISSION } from './routes.ts';

let bw: BoardWorld;
let app: TestApp;

before(async () => {
  bw = await boardWorld();
  app = await startTestApp({ db: bw.tdb, world: bw.w, clock: new TestClock(BOARD_NOW) });
});
after(async () => {
  await app?.close();
  await bw?.tdb.cleanup();
});

const board = (actor: Actor, filter = {}, region: { id: string; path: string } | null = null) =>
  loadBoard({
    db: bw.db,
    actor,
    perm: BOARD_PERMISSION,
    now: BOARD_NOW,
    calendar: shippedCalendar(),
    settings: { dueSoonDays: 3, staleDays: 90 },
    filter,
    region: region && { ...region, name: '', code: '', kind: 'township', depth: 0 },
    overdueLimit: null,
  });

describe('compliance board queries', () => {
  test('the county sees every unit with obligations, coloured by the worst state per domain', async () => {
    const b = await board(bw.people.county.actor);
    assert.equal(b.dates.today, '2026-03-11');
    assert.equal(b.dates.soonCutoff, '2026-03-16');
    assert.deepEqual(
      b.rows.map((r) => r.unit.name),
      ['一村', '二村', '三村'],
    );
    const [v1, v2, v3] = b.rows;
    assert.equal(cellColor(v1.cells.finance), 'red');
    assert.deepEqual(
      { overdue: v1.cells.finance.overdue, soon: v1.cells.finance.due_soon, total: v1.cells.finance.total },
      { overdue: 1, soon: 1, total: 2 },
      'the open obligation of a retired entry does not count',
    );
    assert.equal(cellColor(v1.cells.village), 'red');
    assert.equal(cellColor(v2.cells.finance), 'amber');
    assert.deepEqual(
      { on_time: v2.cells.finance.on_time, late: v2.cells.finance.late, total: v2.cells.finance.total },
      { on_time: 1, late: 1, total: 3 },
      'the excluded entry keeps its fulfilled history but its open obligation is gone',
    );
    assert.equal(cellColor(v2.cells.village), 'none');
    assert.equal(cellColor(v3.cells.village), 'green');
    assert.equal(v3.cells.village.total, 1, 'fulfilled obligations due before the window are not counted');
    assert.deepEqual(
      { overdue: b.totals.overdue, soon: b.totals.due_soon, onTime: b.totals.on_time, late: b.totals.late },
      { overdue: 2, soon: 2, onTime: 3, late: 1 },
    );
    assert.equal(b.unitsWithout, 4);
  });

  test('overdue list, stale columns and the trend', async () => {
    const b = await board(bw.people.county.actor);
    assert.deepEqual(
      b.overdue.map((o) => [o.unitName, o.item, o.dueDate, o.daysLate]),
      [
        ['一村', '村务一般事项', '2026-01-08', 40],
        ['一村', '收入明细', '2026-02-06', 19],
      ],
    );
    assert.equal(b.overdueTotal, 2);
    assert.deepEqual(
      b.stale.map((s) => [s.unitName, s.item, s.lastItem]),
      [['一村', '村务一般事项', '2025-10-10']],
    );
    assert.equal(b.trend.length, 12);
    assert.equal(b.trend[0].month, '2025-04');
    const month = (m: string) => b.trend.find((t) => t.month === m);
    assert.deepEqual(month('2025-10'), { month: '2025-10', onTime: 1, late: 0, overdue: 0, pending: 0 });
    assert.deepEqual(month('2026-01'), { month: '2026-01', onTime: 1, late: 0, overdue: 1, pending: 0 });
    assert.deepEqual(month('2026-02'), { month: '2026-02', onTime: 1, late: 0, overdue: 1, pending: 0 });
    assert.deepEqual(month('2026-03'), { month: '2026-03', onTime: 0, late: 1, overdue: 0, pending: 2 });
  });

  test('a township office sees its own subtree; filters narrow by region, kind and domain', async () => {
    const town = await board(bw.people.t1Office.actor);
    assert.deepEqual(
      town.rows.map((r) => r.unit.name),
      ['一村', '二村'],
    );
    const region = await board(bw.people.county.actor, { regionId: bw.units.t2.id }, bw.units.t2);
    assert.deepEqual(
      region.rows.map((r) => r.unit.name),
      ['三村'],
    );
    const fin = await board(bw.people.county.actor, { domain: 'finance' });
    assert.deepEqual(fin.domains, ['finance']);
    assert.deepEqual(
      fin.rows.map((r) => r.unit.name),
      ['一村', '二村'],
    );
    assert.equal(fin.totals.overdue, 1);
    const kind = await board(bw.people.county.actor, { kind: 'township' });
    assert.equal(kind.rows.length, 0);
    const own = await board(bw.people.v1Publisher.actor);
    assert.deepEqual(
      own.rows.map((r) => r.unit.name),
      ['一村'],
    );
  });
});

describe('compliance board pages', () => {
  test('the board page: cells with words and counts linking to the drill-down, lists and the chart', async () => {
    const c = app.client();
    await c.signIn(bw.people.county.username);
    const res = await c.get('/admin/obligations');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<h1>公开合规看板<\/h1>/);
    assert.match(html, /href="\/admin\/obligations"[^>]*aria-current="page">公开合规</);
    assert.match(html, /<th scope="row"[^>]*><a href="\/admin\/obligations\/unit\/[^"]+">一村<\/a><\/th>/);
    const v1 = bw.units.v1.id;
    assert.match(
      html,
      new RegExp(
        `<td class="cell red"><a href="/admin/obligations/unit/${v1}\\?domain=finance"><strong>红</strong> <span>逾期 1 · 临期 1 · 共 2</span>`,
      ),
    );
    assert.match(html, /<td class="cell amber"><a [^>]+><strong>黄<\/strong> <span>临期 1 · 共 3<\/span>/);
    assert.match(html, /<td class="cell green"><a [^>]+><strong>绿<\/strong> <span>共 1<\/span>/);
    assert.match(html, /逾期未公开事项（2 项）/);
    assert.match(html, /僵尸栏目（1 个）/);
    assert.match(html, /<figure class="trend"><figcaption>/);
    assert.match(html, /<svg[^>]+role="img"[^>]+aria-label="近 12 个月公开义务完成趋势"/);
    assert.match(html, /<th scope="row">2026-03<\/th><td class="num">0<\/td><td class="num">1<\/td>/);

    const filtered = await c.get(`/admin/obligations?region=${bw.units.t2.id}&domain=village&kind=village`);
    assert.equal(filtered.statusCode, 200);
    assert.doesNotMatch(filtered.body, />一村</);
    assert.match(filtered.body, />三村</);
    assert.match(
      filtered.body,
      /href="\/admin\/obligations\/export.xlsx\?region=[^"&]+&amp;kind=village&amp;domain=village"/,
    );
  });

  test('drill-down lists the missing and late items of one unit and domain', async () => {
    const c = app.client();
    await c.signIn(bw.people.t1Office.username);
    const res = await c.get(`/admin/obligations/unit/${bw.units.v2.id}?domain=finance`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /二村公开义务明细/);
    assert.match(
      res.body,
      /即将到期<\/span><\/td><td>财务<\/td><th scope="row">支出明细<\/th><td>2026年2月<\/td><td>2026-03-13/,
    );
    assert.match(
      res.body,
      /逾期后公开<\/span><\/td><td>财务<\/td><th scope="row">收入明细<\/th><td>2026年2月<\/td><td>2026-03-06<\/td><td>2026-03-09/,
    );
    assert.match(res.body, /按时公开 1 项未列出/);
    assert.match(res.body, new RegExp(`href="/admin/units/${bw.units.v2.id}/obligations"`));
    // 乙镇's village is outside 甲镇's office: not found, its existence not revealed.
    assert.equal((await c.get(`/admin/obligations/unit/${bw.units.v3.id}`)).statusCode, 404);
    assert.equal((await c.get(`/admin/obligations?region=${bw.units.t2.id}`)).statusCode, 404);
  });

  test('XLSX export of exactly the filtered board, with Chinese headers', async () => {
    const c = app.client();
    await c.signIn(bw.people.county.username);
    const res = await c.get('/admin/obligations/export.xlsx?domain=finance');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['合规看板', '逾期清单', '僵尸栏目', '月度趋势'],
    );
    const cells = wb.getWorksheet('合规看板')!;
    assert.match(String(cells.getRow(2).getCell(1).value), /公开领域 财务/);
    assert.deepEqual((cells.getRow(3).values as unknown[]).slice(1), [
      '单位',
      '单位编码',
      '单位类型',
      '公开领域',
      '状态',
      '逾期未公开',
      '即将到期',
      '未到期',
      '按时公开',
      '逾期后公开',
      '合计',
    ]);
    const body = [4, 5].map((r) => (cells.getRow(r).values as unknown[]).slice(1));
    assert.deepEqual(
      body.map((r) => [r[0], r[3], r[4], r[5], r[6], r[10]]),
      [
        ['一村', '财务', '红（有逾期）', 1, 1, 2],
        ['二村', '财务', '黄（有临期）', 0, 1, 3],
      ],
    );
    assert.equal(cells.rowCount, 5, 'nothing but the filtered board');
    const overdue = wb.getWorksheet('逾期清单')!;
    assert.deepEqual((overdue.getRow(4).values as unknown[]).slice(1), [
      '一村',
      '财务',
      '收入明细',
      '2026年1月',
      '2026-02-06',
      19,
    ]);
    assert.equal(wb.getWorksheet('月度趋势')!.rowCount, 15);
  });

  test('access: signed-out visitors are sent to sign in; people without obligation.view are refused', async () => {
    const anon = app.client();
    const res = await anon.get('/admin/obligations');
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/signin\?next=/);
    assert.equal((await anon.get('/admin/obligations/export.xlsx')).statusCode, 401);
    const member = app.client();
    await member.signIn(bw.people.member.username);
    assert.equal((await member.get('/admin/obligations')).statusCode, 403);
    assert.equal((await member.get('/admin/obligations/export.xlsx')).statusCode, 403);
  });
});
