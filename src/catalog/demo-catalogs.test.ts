import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshDb } from '../../test/helpers/db.ts';
import { DEMO_CATALOGS } from '../demo/catalogs/index.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { parse } from '../lib/validate.ts';
import { findUnitByCode } from '../units/queries.ts';
import { entryValues } from './entry-rules.ts';
import { effectiveCatalog } from './queries.ts';
import { EntryInput } from './schemas.ts';
import { describeTimeLimit, fromLabel, PERIODS, TIMINGS } from './vocabulary.ts';

test('every starter catalog entry passes the same checks as one typed in', () => {
  for (const c of DEMO_CATALOGS)
    for (const e of c.entries) {
      const { errors } = entryValues(parse(EntryInput, e), c.domain);
      assert.deepEqual(errors, [], `${c.name} / ${e.item}`);
    }
  const dept = DEMO_CATALOGS.find((c) => c.unitKinds.includes('department'))!;
  const columns = new Set(dept.entries.map((e) => e.level1));
  for (const l1 of [
    '职能与领导分工',
    '部门文件',
    '政策解读',
    '热点回应',
    '重大项目',
    '重点工作',
    '重要会议',
    '应急管理',
    '议案建议提案办理',
    '规划计划',
    '财政资金',
    '人事信息',
    '双随机一公开',
    '新闻发布会',
  ])
    assert.ok(columns.has(l1), `department catalog has ${l1}`);
  const township = DEMO_CATALOGS.find((c) => c.unitKinds.includes('township'))!;
  assert.equal(township.entries.filter((e) => e.legalBasis?.includes('第二十条')).length, 15);
  assert.equal(township.entries.filter((e) => e.legalBasis?.includes('第二十一条')).length, 8);
});

test('vocabulary: labels and aliases read back; the default time-limit wording', () => {
  assert.equal(fromLabel(TIMINGS, ' 定期公开 '), 'periodic');
  assert.equal(fromLabel(TIMINGS, '随时'), 'immediate');
  assert.equal(fromLabel(PERIODS, '季度'), 'quarterly');
  assert.equal(fromLabel(PERIODS, 'monthly'), 'monthly');
  assert.equal(fromLabel(PERIODS, '每旬'), null);
  assert.equal(
    describeTimeLimit({ timing: 'periodic', period: 'monthly', time_limit_days: 5 }),
    '每月公开，期满后5个工作日内',
  );
  assert.equal(
    describeTimeLimit({ timing: 'standing', period: null, time_limit_days: 20 }),
    '信息形成（变更）之日起20个工作日内',
  );
});

test('the demo county ships starter catalogs that reach villages, streets, departments and branches', async () => {
  const h = await freshDb();
  try {
    const { tenantId } = await seedDemo(h.db, new Date('2026-03-02T02:00:00.000Z'), { history: false });
    const unit = async (code: string) => (await findUnitByCode(h.db, tenantId, code))!;

    const village = await effectiveCatalog(h.db, await unit('QS-V-TAOYUAN-01'));
    const domains = new Set(village.map((i) => i.entry.domain));
    assert.deepEqual([...domains].sort(), ['finance', 'village']);
    const income = village.find((i) => i.entry.item === '村集体各项收入明细')!;
    assert.equal(income.entry.period, 'monthly');
    const general = village.find((i) => i.entry.item === '享受误工补贴的人员及补贴标准')!;
    assert.equal(general.entry.period, 'quarterly');
    const major = village.find((i) => i.entry.item === '征地补偿费的使用、分配方案')!;
    assert.equal(major.entry.timing, 'immediate');
    assert.ok(village.some((i) => i.entry.level1 === '三资管理'));
    assert.equal(village.filter((i) => i.source === 'own').length, 1);

    const street = await effectiveCatalog(h.db, await unit('QS-ST-QINGSHAN'));
    const land = street.find((i) => i.entry.item === '农村土地承包经营权流转情况')!;
    assert.equal(land.applies, false);
    assert.equal(land.exclusion?.status, 'claimed');

    const dept = await effectiveCatalog(h.db, await unit('QS-D-CZJ'));
    assert.ok(dept.length >= 20);
    const branch = await effectiveCatalog(h.db, await unit('QS-CPC-V-TAOYUAN-01'));
    assert.ok(branch.some((i) => i.entry.item === '党费收缴情况' && i.entry.audience === 'partyInternal'));
    assert.ok(branch.some((i) => i.entry.item === '民主评议党员结果'));
    const general_ = await effectiveCatalog(h.db, await unit('QS-CPC-C-TAOYUAN-01'));
    assert.ok(general_.some((i) => i.entry.item === '“三会一课”开展情况'));
    const community = await effectiveCatalog(h.db, await unit('QS-C-TAOYUAN-01'));
    assert.ok(community.length > 0);
    assert.ok(community.every((i) => !i.entry.legal_basis?.includes('村民委员会组织法')));
  } finally {
    await h.cleanup();
  }
});
