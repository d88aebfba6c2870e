import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { freshDb, type TestDb } from '../../test/helpers/db.ts';
import { makePerson, makeUnit, makeWorld, type World } from '../../test/helpers/factories.ts';
import type { Actor } from '../auth/actor.ts';
import type { CatalogEntry, Unit } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { addGuidingEntry } from './add-guiding-entry.ts';
import { addOwnEntry } from './add-own-entry.ts';
import { commitCatalogImport } from './commit-catalog-import.ts';
import { createGuidingCatalog } from './create-guiding-catalog.ts';
import { entryToInput } from './entry-rules.ts';
import { exportGuidingCatalog, exportOwnEntries } from './export-catalog.ts';
import { previewCatalogImport } from './preview-catalog-import.ts';
import { listEntries } from './queries.ts';

const HEAD = [
  '一级事项',
  '二级事项',
  '事项名称',
  '公开方式',
  '公开对象',
  '公开时间类型',
  '周期',
  '公开渠道和载体（必选）',
];

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let tdb: TestDb;
let w: World;
let v1: Unit;
let v2: Unit;
let county: Actor;
let other: Actor;
let v1Publisher: Actor;
let seq = 0;

before(async () => {
  tdb = await freshDb();
  w = await makeWorld(tdb.db);
  const town = await makeUnit(w, w.rootId, 'township', '甲镇');
  v1 = await makeUnit(w, town.id, 'village', '一村');
  v2 = await makeUnit(w, town.id, 'village', '二村');
  county = await (
    await makePerson(w, w.rootId, [{ role: 'office', unitId: w.rootId, coversSubtree: true }])
  ).actor();
  other = await (
    await makePerson(w, w.rootId, [{ role: 'office', unitId: w.rootId, coversSubtree: true }])
  ).actor();
  v1Publisher = await (await makePerson(w, v1.id, [{ role: 'publisher', unitId: v1.id }])).actor();
});
after(() => tdb.cleanup());

async function newCatalog(domain: 'village' | 'finance' = 'village') {
  seq += 1;
  return createGuidingCatalog(w.ctx(county), {
    ownerUnitId: w.rootId,
    unitKind: 'village',
    domain,
    name: `目录${seq}`,
  });
}

const preview = (actor: Actor, catalogId: string, buffer: Buffer) =>
  previewCatalogImport(w.ctx(actor), { target: { catalogId }, fileName: 'c.xlsx', buffer });

function isAppError(code: string, status?: number) {
  return (e: unknown) =>
    e instanceof AppError && e.code === code && (status === undefined || e.status === status);
}

describe('catalog import: preview and all-or-nothing commit', () => {
  it('reports a file without the required columns and refuses to commit it', async () => {
    const c = await newCatalog();
    const p = await preview(
      county,
      c.id,
      await xlsx([
        ['一级事项', '说明'],
        ['村务', 'x'],
      ]),
    );
    assert.deepEqual(
      p.errors.map((e) => e.code),
      ['catalog_import.bad_header', 'catalog_import.unknown_header'],
    );
    assert.equal(p.errors[0].params.missing, '公开方式、公开对象、公开渠道和载体（必选）、公开时间类型');
    await assert.rejects(
      commitCatalogImport(w.ctx(county), p.id),
      isAppError('catalog_import.has_errors', 422),
    );
    const notXlsx = await preview(county, c.id, Buffer.from('一级事项,公开方式\n村务,主动\n'));
    assert.deepEqual(
      notXlsx.errors.map((e) => e.code),
      ['catalog_import.file_type'],
    );
  });

  it('lists every row problem with its column, and one bad row keeps every row out', async () => {
    const c = await newCatalog();
    const p = await preview(
      county,
      c.id,
      await xlsx([
        HEAD,
        ['村务', '', '好的一行', '主动', '社会公开', '长期', '', '公开栏'],
        ['村务', '', '方式不对', '有时', '社会公开', '长期', '', '公开栏'],
        ['村务', '', '缺周期', '主动', '社会公开', '定期', '', '公开栏'],
        ['村务', '', '渠道不认识', '主动', '社会公开', '长期', '', '公开栏、飞鸽传书'],
        ['村务', '', '好的一行', '主动', '社会公开', '长期', '', '公开栏'],
        ['', '', '', '主动', '特定对象', '即时', '', ''],
      ]),
    );
    const brief = p.errors.map((e) => `${e.row}:${e.field}:${e.code}`);
    assert.deepEqual(brief, [
      '3:mode:catalog_import.row.unknown_value',
      '4:period:catalog.entry.period_required',
      '5:requiredChannels:catalog_import.row.unknown_channel',
      '6:item:catalog_import.row.duplicate',
      '7:level1:validation.required',
      '7:item:validation.required',
    ]);
    assert.equal(p.errors.find((e) => e.row === 6)!.params.other, 2);
    await assert.rejects(commitCatalogImport(w.ctx(county), p.id), (e: unknown) => {
      assert.ok(e instanceof AppError && e.code === 'catalog_import.has_errors');
      assert.ok(e.fields.some((f) => f.field === 'rows.3.mode'));
      return true;
    });
    assert.equal((await listEntries(tdb.db, w.tenantId, { catalogId: c.id })).length, 0);
  });

  it('reads a standard catalog: title row, ■□ channels, timing from 公开时限; commits all rows once', async () => {
    const c = await newCatalog('finance');
    const file = await xlsx([
      ['某县村级财务公开目录'],
      [
        '序号',
        '一级事项',
        '二级事项',
        '公开内容（要素）',
        '公开时限',
        '公开渠道和载体',
        '公开对象',
        '公开方式',
        '公开层级',
      ],
      [
        1,
        '财务收支',
        '收入明细',
        '收入项目、金额',
        '每月公开一次',
        '■公示栏 □两微一端',
        '全社会',
        '主动',
        '村级',
      ],
      [
        2,
        '三资管理',
        '资源',
        '资源清单',
        '信息形成之日起20个工作日内',
        '■公开栏',
        '特定群体',
        '依申请公开',
        '村级',
      ],
    ]);
    const p = await preview(county, c.id, file);
    assert.deepEqual(p.errors, []);
    const done = await commitCatalogImport(w.ctx(county), p.id);
    assert.equal(done.count, 2);
    const [a, b] = await listEntries(tdb.db, w.tenantId, { catalogId: c.id });
    assert.equal(a.item, '收入明细');
    assert.equal(a.domain, 'finance');
    assert.equal(a.timing, 'periodic');
    assert.equal(a.period, 'monthly');
    assert.equal(a.required_channels, '["bulletin_board"]');
    assert.equal(a.optional_channels, '["wechat"]');
    assert.equal(b.timing, 'standing');
    assert.equal(b.time_limit_days, 20);
    assert.equal(b.mode, 'on_request');
    assert.equal(b.audience, 'specificGroup');
    await assert.rejects(
      commitCatalogImport(w.ctx(county), p.id),
      isAppError('catalog_import.already_done', 409),
    );
    // Only the uploader sees the batch.
    await assert.rejects(
      commitCatalogImport(w.ctx(other), p.id),
      isAppError('catalog_import.not_found', 404),
    );
    // The same file again: every row is already in the catalog.
    const again = await preview(county, c.id, file);
    assert.deepEqual(
      again.errors.map((e) => e.code),
      ['catalog_import.row.exists', 'catalog_import.row.exists'],
    );
    const audits = await tdb.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', w.tenantId)
      .where('target_id', '=', p.id)
      .execute();
    assert.deepEqual(audits.map((r) => r.action).sort(), ['catalog_import.commit', 'catalog_import.preview']);
  });

  it('checks again at commit: an entry added since the preview refuses the whole batch', async () => {
    const c = await newCatalog();
    const p = await preview(
      county,
      c.id,
      await xlsx([
        HEAD,
        ['村务', '', '甲', '主动', '社会公开', '长期', '', '公开栏'],
        ['村务', '', '乙', '主动', '社会公开', '长期', '', '公开栏'],
      ]),
    );
    assert.deepEqual(p.errors, []);
    await addGuidingEntry(w.ctx(county), c.id, {
      level1: '村务',
      item: '乙',
      mode: 'proactive',
      timing: 'standing',
      audience: 'public',
      requiredChannels: ['bulletin_board'],
    });
    await assert.rejects(
      commitCatalogImport(w.ctx(county), p.id),
      isAppError('catalog_import.has_errors', 422),
    );
    assert.deepEqual(
      (await listEntries(tdb.db, w.tenantId, { catalogId: c.id })).map((e) => e.item),
      ['乙'],
    );
    const batch = await tdb.db
      .selectFrom('catalog_imports')
      .select('status')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    assert.equal(batch.status, 'previewed');
  });

  it('authorizes like adding by hand', async () => {
    const c = await newCatalog();
    const file = await xlsx([HEAD, ['村务', '', '甲', '主动', '社会公开', '长期', '', '公开栏']]);
    await assert.rejects(preview(v1Publisher, c.id, file), isAppError('auth.forbidden', 403));
    await assert.rejects(
      previewCatalogImport(w.ctx(v1Publisher), {
        target: { unitId: v2.id },
        fileName: 'x.xlsx',
        buffer: file,
      }),
      isAppError('unit.not_found', 404),
    );
  });
});

/** What an entry says, without identity, owner, order and timestamps. */
function content(entries: CatalogEntry[]) {
  return entries.map((e) => {
    const { sortOrder: _drop, ...rest } = entryToInput(e);
    return rest;
  });
}

describe('round trip', () => {
  it('export → import into an empty catalog reproduces every entry', async () => {
    const source = await newCatalog();
    const ctx = w.ctx(county);
    await addGuidingEntry(ctx, source.id, {
      level1: '村民会议决定事项',
      level2: '征地补偿',
      item: '征地补偿费的使用、分配方案',
      elements: '补偿总额、分配方案、分配对象及金额\n（隐去身份证号码）',
      legalBasis: '《中华人民共和国村民委员会组织法》第二十四条、第三十条',
      mode: 'proactive',
      timing: 'immediate',
      timeLimitDays: 3,
      minDisplayDays: 10,
      audience: 'public',
      requiredChannels: ['bulletin_board', 'meeting'],
      optionalChannels: ['wechat', 'door_to_door'],
      subject: '村民委员会',
      level: '村级',
      responsibleRole: 'approver',
    });
    await addGuidingEntry(ctx, source.id, {
      level1: '财务',
      item: '收支',
      mode: 'proactive',
      timing: 'periodic',
      period: 'monthly',
      timeLimitText: '每月10日前',
      audience: 'public',
      requiredChannels: ['bulletin_board'],
    });
    await addGuidingEntry(ctx, source.id, {
      level1: '其他',
      item: '依申请事项',
      mode: 'on_request',
      timing: 'staged',
      audience: 'specificGroup',
      requiredChannels: ['print', 'other'],
      responsibleRole: 'office',
    });
    const file = await exportGuidingCatalog(tdb.db, county, source.id);
    const target = await newCatalog();
    const p = await preview(county, target.id, file.buffer);
    assert.deepEqual(p.errors, []);
    await commitCatalogImport(ctx, p.id);
    const before = await listEntries(tdb.db, w.tenantId, { catalogId: source.id });
    const after = await listEntries(tdb.db, w.tenantId, { catalogId: target.id });
    assert.equal(after.length, 3);
    assert.deepEqual(content(after), content(before));
    assert.deepEqual(
      after.map((e) => e.time_limit_text),
      before.map((e) => e.time_limit_text),
    );
  });

  it("a unit's own entries round-trip into another unit", async () => {
    await addOwnEntry(w.ctx(county), v1.id, {
      domain: 'service',
      level1: '便民服务',
      item: '代办事项清单',
      mode: 'proactive',
      timing: 'standing',
      audience: 'public',
      requiredChannels: ['convenience_station'],
    });
    const file = await exportOwnEntries(tdb.db, v1Publisher, v1.id);
    const p = await previewCatalogImport(w.ctx(county), {
      target: { unitId: v2.id },
      fileName: 'x.xlsx',
      buffer: file.buffer,
    });
    assert.deepEqual(p.errors, []);
    await commitCatalogImport(w.ctx(county), p.id);
    assert.deepEqual(
      content(await listEntries(tdb.db, w.tenantId, { unitId: v2.id })),
      content(await listEntries(tdb.db, w.tenantId, { unitId: v1.id })),
    );
  });
});
