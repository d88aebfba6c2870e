import { addGuidingEntry } from '../../catalog/add-guiding-entry.ts';
import { addOwnEntry } from '../../catalog/add-own-entry.ts';
import { claimExclusion } from '../../catalog/claim-exclusion.ts';
import { createGuidingCatalog } from '../../catalog/create-guiding-catalog.ts';
import type { OpContext } from '../../lib/context.ts';
import { entry } from './build.ts';
import { DEMO_CATALOGS } from './index.ts';

/**
 * Entry ids of the seeded catalogs: guiding entries by `${unitKind}:${item}`, own entries by
 * `${unitCode}:${item}`.
 */
export type DemoEntryIds = Map<string, string>;

/**
 * Seeds the starter guiding catalogs through the real operations (validated and audited like
 * catalogs entered by hand), owned by the region root — the county office's catalogs — plus own
 * entries ("X") of 桃源村 and 县政务服务管理局 and one "not applicable" claim of 青山街道, so every
 * page shows something.
 */
export async function seedDemoCatalogs(
  ctx: OpContext,
  unitId: (code: string) => string,
  rootCode: string,
): Promise<DemoEntryIds> {
  const entryIds: DemoEntryIds = new Map();
  for (const c of DEMO_CATALOGS) {
    for (const unitKind of c.unitKinds) {
      const catalog = await createGuidingCatalog(ctx, {
        ownerUnitId: unitId(rootCode),
        unitKind,
        domain: c.domain,
        name: c.unitKinds.length > 1 ? `${c.name}（${KIND_SUFFIX[unitKind] ?? unitKind}）` : c.name,
        description: c.description,
      });
      for (const e of c.entries) {
        const row = await addGuidingEntry(ctx, catalog.id, e);
        entryIds.set(`${unitKind}:${e.item}`, row.id);
      }
    }
  }
  const staged = await addOwnEntry(
    ctx,
    unitId('QS-V-TAOYUAN-01'),
    entry('乡村振兴', '人居环境整治', '村庄人居环境整治项目进展', {
      domain: 'village',
      timing: 'staged',
      elements: '项目内容、资金来源及金额、施工单位、进度、验收情况',
      legalBasis: '桃源村村民代表会议决定',
      subject: '桃源村村民委员会',
      level: '村级',
      requiredChannels: ['bulletin_board'],
      optionalChannels: ['wechat'],
    }),
  );
  entryIds.set(`QS-V-TAOYUAN-01:${staged.item}`, staged.id);
  const permits = await addOwnEntry(
    ctx,
    unitId('QS-D-ZWFW'),
    entry('行政许可', '办理结果', '行政许可办理结果公示', {
      domain: 'government',
      timing: 'immediate',
      timeLimitDays: 7,
      timeLimitText: '作出行政许可决定之日起7个工作日内',
      elements: '许可事项、被许可人（单位）、许可决定文号、许可内容、决定日期、有效期',
      legalBasis: '《中华人民共和国行政许可法》第四十条；《优化营商环境条例》',
      subject: '青山县政务服务管理局',
      level: '县级',
      requiredChannels: ['portal'],
      optionalChannels: ['service_hall'],
    }),
  );
  entryIds.set(`QS-D-ZWFW:${permits.item}`, permits.id);
  await claimExclusion(ctx, unitId('QS-ST-QINGSHAN'), {
    entryId: entryIds.get('street:农村土地承包经营权流转情况'),
    reason: '本街道辖区均为城市社区，无农村土地承包经营权流转事项。',
  });
  return entryIds;
}

const KIND_SUFFIX: Record<string, string> = {
  township: '乡镇',
  street: '街道',
  party_branch: '党支部',
  party_general_branch: '党总支',
};
