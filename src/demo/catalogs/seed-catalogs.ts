import { addGuidingEntry } from '../../catalog/add-guiding-entry.ts';
import { addOwnEntry } from '../../catalog/add-own-entry.ts';
import { claimExclusion } from '../../catalog/claim-exclusion.ts';
import { createGuidingCatalog } from '../../catalog/create-guiding-catalog.ts';
import type { OpContext } from '../../lib/context.ts';
import { entry } from './build.ts';
import { DEMO_CATALOGS } from './index.ts';

/**
 * Seeds the starter guiding catalogs through the real operations (validated and audited like
 * catalogs entered by hand), owned by the region root — the county office's catalogs — plus one
 * own entry ("X") of 桃源村 and one "not applicable" claim of 青山街道, so every page shows something.
 */
export async function seedDemoCatalogs(ctx: OpContext, unitId: (code: string) => string, rootCode: string) {
  const entryIds = new Map<string, string>();
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
  await addOwnEntry(
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
  await claimExclusion(ctx, unitId('QS-ST-QINGSHAN'), {
    entryId: entryIds.get('street:农村土地承包经营权流转情况'),
    reason: '本街道辖区均为城市社区，无农村土地承包经营权流转事项。',
  });
}

const KIND_SUFFIX: Record<string, string> = {
  township: '乡镇',
  street: '街道',
  party_branch: '党支部',
  party_general_branch: '党总支',
};
