import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { freshDb } from '../../../test/helpers/db.ts';
import { makePerson, makeUnit, makeWorld } from '../../../test/helpers/factories.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Unit } from '../../db/types.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { findUnit, findUnitByCode } from '../queries.ts';
import { retireUnit } from '../retire-unit.ts';
import type { ImportError } from './columns.ts';
import { commitUnitImport } from './commit-unit-import.ts';
import { previewUnitImport } from './preview-unit-import.ts';

const HEAD = ['单位编码', '单位名称', '单位类型', '上级单位编码'];

function csv(lines: string[][]): Buffer {
  return Buffer.from(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`, 'utf8');
}

/**
 * A tenant with two townships (XZ01 with village XZ01-C01, XZ02), a county office covering the
 * whole tree and the office of township XZ01.
 */
async function setup() {
  const tdb = await freshDb();
  try {
    const w = await makeWorld(tdb.db);
    const root = (await findUnit(tdb.db, w.tenantId, w.rootId))!;
    const t1 = await makeUnit(w, w.rootId, 'township', '东风镇', 'XZ01');
    const t2 = await makeUnit(w, w.rootId, 'township', '红旗镇', 'XZ02');
    const v1 = await makeUnit(w, t1.id, 'village', '东风村', 'XZ01-C01');
    const county = await makePerson(w, w.rootId, [{ role: 'office', unitId: w.rootId, coversSubtree: true }]);
    const town = await makePerson(w, t1.id, [{ role: 'office', unitId: t1.id, coversSubtree: true }]);
    return { tdb, w, root, t1, t2, v1, county: await county.actor(), town: await town.actor() };
  } catch (e) {
    await tdb.cleanup();
    throw e;
  }
}
type Setup = Awaited<ReturnType<typeof setup>>;

async function withSetup(fn: (s: Setup) => Promise<void>): Promise<void> {
  const s = await setup();
  try {
    await fn(s);
  } finally {
    await s.tdb.cleanup();
  }
}

function preview(s: Setup, actor: Actor, lines: string[][]) {
  return previewUnitImport(s.w.ctx(actor), { fileName: 'units.csv', buffer: csv(lines) });
}

function brief(errors: ImportError[]) {
  return errors.map((e) => ({ row: e.row, code: e.code, params: e.params }));
}

function isAppError(code: string, status?: number) {
  return (e: unknown) =>
    e instanceof AppError && e.code === code && (status === undefined || e.status === status);
}

async function auditCount(s: Setup, action: string, targetId?: string): Promise<number> {
  let q = s.tdb.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', s.w.tenantId)
    .where('action', '=', action);
  if (targetId) q = q.where('target_id', '=', targetId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

async function batchStatus(s: Setup, id: string) {
  const b = await s.tdb.db
    .selectFrom('unit_imports')
    .select(['status', 'row_count', 'error_count'])
    .where('tenant_id', '=', s.w.tenantId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return b;
}

function assertChild(child: Unit, parent: Unit) {
  assert.equal(child.parent_id, parent.id);
  assert.equal(child.path, `${parent.path}${child.id}/`);
  assert.equal(child.depth, parent.depth + 1);
}

describe('unit import (preview and commit)', () => {
  it('stores a bad-header file with its file-level error, audits the preview, refuses to commit', () =>
    withSetup(async (s) => {
      const p = await preview(s, s.county, [
        ['单位编码', '单位名称', '类别'],
        ['C9', '新村', '村'],
      ]);
      assert.deepEqual(
        p.errors.map((e) => e.code),
        ['import.bad_header', 'import.unknown_header'],
      );
      assert.equal(p.errors[0].params.missing, '单位类型、上级单位编码');
      assert.equal(p.rows.length, 0);
      assert.equal((await batchStatus(s, p.id)).error_count, 2);
      assert.equal(await auditCount(s, 'unit_import.preview', p.id), 1);
      await assert.rejects(commitUnitImport(s.w.ctx(s.county), p.id), isAppError('import.has_errors', 422));
      assert.equal((await batchStatus(s, p.id)).status, 'previewed');
    }));

  it('reports an unknown header alongside the row checks', () =>
    withSetup(async (s) => {
      const p = await preview(s, s.county, [
        [...HEAD, '备注'],
        ['XZ01-C02', '西岭村', '村', 'XZ01', '新设'],
      ]);
      assert.deepEqual(brief(p.errors), [
        { row: undefined, code: 'import.unknown_header', params: { header: '备注' } },
      ]);
      assert.equal(p.rows.length, 1);
    }));

  it('reports required fields, lengths, kinds, duplicate and existing codes, unknown parents', () =>
    withSetup(async (s) => {
      const p = await preview(s, s.county, [
        [...HEAD, '行政区划代码', '排序'],
        ['C1', '一村', '村', 'XZ01', '', ''],
        ['C1', '二村', '村', 'XZ01', '', ''],
        ['XZ01-C01', '东风村', '村', 'XZ01', '', ''],
        ['C3', '三村', '农场', 'NOPE', '', ''],
        ['', '四村', '村', 'XZ01', '41010100100199', 'abc'],
        ['C5', '五'.repeat(101), '区域', 'XZ01', '', ''],
        ['C 6', '六村', '村', 'XZ01', '', ''],
      ]);
      assert.deepEqual(brief(p.errors), [
        { row: 3, code: 'import.row.duplicate_code', params: { code: 'C1', other: 2 } },
        { row: 4, code: 'import.row.code_exists', params: { code: 'XZ01-C01' } },
        { row: 5, code: 'import.row.kind', params: { kind: '农场' } },
        { row: 5, code: 'import.row.unknown_parent', params: { code: 'NOPE' } },
        { row: 6, code: 'import.row.required', params: { column: '单位编码' } },
        { row: 6, code: 'import.row.too_long', params: { column: '行政区划代码', limit: 12 } },
        { row: 6, code: 'import.row.invalid', params: { column: '排序' } },
        { row: 7, code: 'import.row.too_long', params: { column: '单位名称', limit: 100 } },
        { row: 7, code: 'import.row.kind', params: { kind: '区域' } },
        { row: 8, code: 'import.row.invalid', params: { column: '单位编码' } },
      ]);
      assert.equal(p.errors[0].field, 'code');
    }));

  it('reports a cycle among rows of the file from each row on it', () =>
    withSetup(async (s) => {
      const p = await preview(s, s.county, [
        HEAD,
        ['A', '甲村', '村', 'B'],
        ['B', '乙村', '村', 'A'],
        ['C', '丙村', '村', 'A'],
      ]);
      assert.deepEqual(brief(p.errors), [
        { row: 2, code: 'import.row.cycle', params: { chain: 'A → B → A' } },
        { row: 3, code: 'import.row.cycle', params: { chain: 'B → A → B' } },
      ]);
    }));

  it('refuses a party organisation under a village, in the system or in the file', () =>
    withSetup(async (s) => {
      const p = await preview(s, s.county, [
        HEAD,
        ['ZB1', '东风村党支部', '党支部', 'XZ01-C01'],
        ['C7', '新村', '村', 'XZ01'],
        ['ZB2', '新村党支部', '党支部', 'C7'],
      ]);
      assert.deepEqual(brief(p.errors), [
        { row: 2, code: 'import.row.sphere', params: { kind: '党支部', parent: '东风村' } },
        { row: 4, code: 'import.row.sphere', params: { kind: '党支部', parent: '新村' } },
      ]);
    }));

  it('refuses parents outside the actor’s scope, once, at the top of the chain', () =>
    withSetup(async (s) => {
      const p = await preview(s, s.town, [
        HEAD,
        ['XZ02-C01', '红旗村', '村', 'XZ02'],
        ['XZ02-C01-S', '红旗小学', '学校', 'XZ02-C01'],
        ['XZ01-C05', '五星村', '村', 'XZ01'],
      ]);
      assert.deepEqual(brief(p.errors), [
        { row: 2, code: 'import.row.parent_forbidden', params: { code: 'XZ02' } },
      ]);
    }));

  it('asks authorization for a parent in the file where that unit will be: only subtree grants reach it', () =>
    withSetup(async (s) => {
      const only = await makePerson(s.w, s.t1.id, [
        { role: 'office', unitId: s.t1.id, coversSubtree: false },
      ]);
      const p = await preview(s, await only.actor(), [
        HEAD,
        ['XZ01-C05', '五星村', '村', 'XZ01'],
        ['XZ01-C05-S', '五星小学', '学校', 'XZ01-C05'],
        ['XZ01-C05-ZB', '五星村党支部', '党支部', 'XZ01-C05'],
      ]);
      assert.deepEqual(brief(p.errors), [
        { row: 3, code: 'import.row.parent_forbidden', params: { code: 'XZ01-C05' } },
        { row: 4, code: 'import.row.parent_forbidden', params: { code: 'XZ01-C05' } },
      ]);
      // the subtree grant of the township office covers the new village, so the school is fine
      // and the party branch is refused only for its sphere
      const q = await preview(s, s.town, [
        HEAD,
        ['XZ01-C05', '五星村', '村', 'XZ01'],
        ['XZ01-C05-S', '五星小学', '学校', 'XZ01-C05'],
        ['XZ01-C05-ZB', '五星村党支部', '党支部', 'XZ01-C05'],
      ]);
      assert.deepEqual(brief(q.errors), [
        { row: 4, code: 'import.row.sphere', params: { kind: '党支部', parent: '五星村' } },
      ]);
    }));

  it('refuses a retired parent, telling only those who manage it that it is retired', () =>
    withSetup(async (s) => {
      await retireUnit(s.w.system, s.t2.id, { reason: '撤并' });
      const lines = [HEAD, ['XZ02-C01', '红旗村', '村', 'XZ02']];
      assert.deepEqual(brief((await preview(s, s.county, lines)).errors), [
        { row: 2, code: 'import.row.parent_retired', params: { code: 'XZ02' } },
      ]);
      assert.deepEqual(brief((await preview(s, s.town, lines)).errors), [
        { row: 2, code: 'import.row.parent_forbidden', params: { code: 'XZ02' } },
      ]);
    }));

  it('commits a UTF-8 CSV (children before parents in the file) and not twice', () =>
    withSetup(async (s) => {
      const rootCode = s.root.code;
      const p = await preview(s, s.county, [
        [...HEAD, '所在单位编码', '排序', '联系电话'],
        ['XZ03-C01', '新河村', '村', 'XZ03', '', '1', ''],
        ['XZ03-ZB01', '新河村党支部', '党支部', 'XZ03-DW', 'XZ03-C01', '', ''],
        ['XZ03-DW', '新河镇党委', '乡镇党委', rootCode, '', '', ''],
        ['XZ03', '新河镇', '镇', rootCode, '', '3', '0371-5550001'],
        ['XZ03-C02', '北岗村', '行政村', 'XZ03', '', '2', ''],
      ]);
      assert.deepEqual(p.errors, []);
      const result = await commitUnitImport(s.w.ctx(s.county), p.id);
      assert.equal(result.count, 5);
      const byCode = async (code: string) => (await findUnitByCode(s.tdb.db, s.w.tenantId, code))!;
      const town = await byCode('XZ03');
      const committee = await byCode('XZ03-DW');
      const village = await byCode('XZ03-C01');
      const branch = await byCode('XZ03-ZB01');
      assertChild(town, s.root);
      assertChild(committee, s.root);
      assertChild(village, town);
      assertChild(await byCode('XZ03-C02'), town);
      assertChild(branch, committee);
      assert.equal(town.kind, 'township');
      assert.equal(town.sort_order, 3);
      assert.equal(town.contact_phone, '0371-5550001');
      assert.equal(committee.sphere, 'party');
      assert.equal(branch.host_unit_id, village.id);
      assert.equal((await batchStatus(s, p.id)).status, 'committed');
      for (const u of result.units) assert.equal(await auditCount(s, 'unit.create', u.id), 1);
      assert.equal(await auditCount(s, 'unit_import.commit', p.id), 1);
      const entry = await s.tdb.db
        .selectFrom('audit_log')
        .selectAll()
        .where('tenant_id', '=', s.w.tenantId)
        .where('action', '=', 'unit_import.commit')
        .executeTakeFirstOrThrow();
      assert.equal(entry.actor_id, s.county.personId);
      assert.equal(JSON.parse(entry.after_json!).count, 5);
      await assert.rejects(commitUnitImport(s.w.ctx(s.county), p.id), isAppError('import.already_done', 409));
    }));

  it('commits an XLSX built with exceljs, as a township office within its township', () =>
    withSetup(async (s) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('单位');
      ws.addRow(['上级单位编码', '单位编码', '单位名称', '单位类型', '排序']);
      ws.addRow(['XZ01-C09', 1001, '九村小学', '学校', 1]);
      ws.addRow([]);
      ws.addRow(['XZ01', 'XZ01-C09', { richText: [{ text: '九里' }, { text: '村' }] }, '村', 9]);
      ws.addRow(['XZ01', 'XZ01-S01', '新华社区', '居委会', null]);
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      const p = await previewUnitImport(s.w.ctx(s.town), { fileName: 'C:\\数据\\单位.xlsx', buffer });
      assert.deepEqual(p.errors, []);
      assert.equal(p.fileName, '单位.xlsx');
      assert.deepEqual(
        p.rows.map((r) => r.row),
        [2, 4, 5],
      );
      const result = await commitUnitImport(s.w.ctx(s.town), p.id);
      assert.deepEqual(
        result.units.map((u) => u.code),
        ['XZ01-C09', 'XZ01-S01', '1001'],
      );
      const village = (await findUnitByCode(s.tdb.db, s.w.tenantId, 'XZ01-C09'))!;
      assert.equal(village.name, '九里村');
      assert.equal(village.sort_order, 9);
      assertChild(village, s.t1);
      assertChild((await findUnitByCode(s.tdb.db, s.w.tenantId, '1001'))!, village);
      assert.equal((await findUnitByCode(s.tdb.db, s.w.tenantId, 'XZ01-S01'))!.kind, 'community');
    }));

  it('re-validates at commit: a code taken since the preview refuses the batch and writes nothing', () =>
    withSetup(async (s) => {
      const p = await preview(s, s.county, [
        HEAD,
        ['XZ01-C02', '西岭村', '村', 'XZ01'],
        ['XZ01-C03', '南山村', '村', 'XZ01'],
      ]);
      assert.deepEqual(p.errors, []);
      await makeUnit(s.w, s.t2.id, 'village', '抢先村', 'XZ01-C03');
      await assert.rejects(commitUnitImport(s.w.ctx(s.county), p.id), (e) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.code, 'import.has_errors');
        assert.equal(e.status, 422);
        assert.deepEqual(e.params, { count: 1 });
        assert.deepEqual(e.fields, [
          { field: 'rows.3.code', code: 'import.row.code_exists', params: { code: 'XZ01-C03' } },
        ]);
        return true;
      });
      assert.equal(await findUnitByCode(s.tdb.db, s.w.tenantId, 'XZ01-C02'), undefined);
      assert.equal((await batchStatus(s, p.id)).status, 'previewed');
      assert.equal(await auditCount(s, 'unit_import.commit'), 0);
    }));

  it('rolls back every unit and audit entry when the commit fails midway', () =>
    withSetup(async (s) => {
      const p = await preview(s, s.county, [
        HEAD,
        ['XZ01-C02', '西岭村', '村', 'XZ01'],
        ['XZ01-C03', '南山村', '村', 'XZ01'],
        ['XZ01-C04', '北坡村', '村', 'XZ01'],
      ]);
      const before = await auditCount(s, 'unit.create');
      // Let two units in, then fail the third insert as a dropped connection would.
      const failing = s.tdb.db.withPlugin(failOnInsertInto('units', 3));
      await assert.rejects(commitUnitImport({ ...s.w.ctx(s.county), db: failing }, p.id), /injected failure/);
      for (const code of ['XZ01-C02', 'XZ01-C03', 'XZ01-C04'])
        assert.equal(await findUnitByCode(s.tdb.db, s.w.tenantId, code), undefined);
      assert.equal(await auditCount(s, 'unit.create'), before);
      assert.equal((await batchStatus(s, p.id)).status, 'previewed');
      // nothing was left half-done: the same batch commits cleanly afterwards
      assert.equal((await commitUnitImport(s.w.ctx(s.county), p.id)).count, 3);
    }));

  it('keeps batches to their author (or the system) and their tenant', () =>
    withSetup(async (s) => {
      const p = await preview(s, s.town, [HEAD, ['XZ01-C02', '西岭村', '村', 'XZ01']]);
      await assert.rejects(commitUnitImport(s.w.ctx(s.county), p.id), isAppError('import.not_found', 404));
      await assert.rejects(commitUnitImport(s.w.ctx(s.town), newId()), isAppError('import.not_found'));
      await assert.rejects(commitUnitImport(s.w.ctx(s.town), 'not-an-id'), isAppError('import.not_found'));
      const other = await makeWorld(s.tdb.db);
      await assert.rejects(commitUnitImport(other.system, p.id), isAppError('import.not_found'));
      assert.equal((await commitUnitImport(s.w.system, p.id)).count, 1);
    }));

  it('needs unit.manage somewhere, and a file', () =>
    withSetup(async (s) => {
      const publisher = await makePerson(s.w, s.v1.id, [{ role: 'publisher', unitId: s.v1.id }]);
      await assert.rejects(
        preview(s, await publisher.actor(), [HEAD, ['C1', '一村', '村', 'XZ01']]),
        isAppError('auth.forbidden', 403),
      );
      await assert.rejects(
        previewUnitImport(s.w.ctx(s.county), { fileName: 'x.csv', buffer: Buffer.alloc(0) }),
        isAppError('import.file_missing', 422),
      );
    }));
});

/** A Kysely plugin that throws on the nth INSERT into a table, to simulate a failure mid-commit. */
function failOnInsertInto(table: string, nth: number): KyselyPlugin {
  let seen = 0;
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      const node = args.node;
      if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === table) {
        seen += 1;
        if (seen === nth) throw new Error('injected failure');
      }
      return node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return args.result;
    },
  };
}
