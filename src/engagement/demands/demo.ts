import type { OpContext } from '../../lib/context.ts';
import type { EngagementDemoInput } from '../demo.ts';
import { saveSensitiveWords } from '../sensitive-words.ts';
import { answerDemand } from './answer-demand.ts';
import { submitDemand } from './submit-demand.ts';
import { supportDemand } from './support-demand.ts';

const VILLAGE = 'QS-V-TAOYUAN-01';
const TOWNSHIP = 'QS-TS-TAOYUAN';

/** A short demo list of sensitive words (敏感词): messages containing one wait for moderation. */
export const DEMO_SENSITIVE_WORDS = ['法轮功', '代开发票', '赌博网站', '办证刻章', '枪支弹药'];

/**
 * Demo 点单 through the real operations: demands at 桃源村 and 桃源镇 with supports from several
 * devices, one answer of each kind (added to the catalog, already published, cannot be disclosed),
 * two still open and one held for moderation.
 */
export async function seedDemandDemo(ctx: OpContext, input: EngagementDemoInput): Promise<void> {
  const village = input.unitId(VILLAGE);
  const township = input.unitId(TOWNSHIP);
  const daysAgo = (n: number) => new Date(ctx.now.getTime() - n * 86_400_000);
  let ipSeq = 0;
  const at = (when: Date): OpContext => {
    ipSeq += 1;
    return { ...ctx, now: when, ip: `192.0.2.${ipSeq}` };
  };
  await saveSensitiveWords(at(daysAgo(60)), { words: DEMO_SENSITIVE_WORDS.join('\n') });

  const submit = (unitId: string, day: number, title: string, description: string) =>
    submitDemand(at(daysAgo(day)), { unitId, title, description });
  const support = async (id: string, day: number, n: number) => {
    for (let i = 0; i < n; i += 1)
      await supportDemand(at(daysAgo(day)), id, `demo-device-${id.slice(-6)}-${i}`);
  };

  const land = await submit(
    village,
    40,
    '村集体土地流转收益分配情况',
    '希望村里公开近三年集体土地流转的面积、承租方、租金收入以及收益分配到户的明细。',
  );
  await support(land.id, 39, 12);
  await answerDemand(at(daysAgo(30)), land.id, {
    kind: 'added_to_catalog',
    domain: 'village',
    level1: '集体资产',
    level2: '土地流转',
    item: '集体土地流转收益及分配情况',
    elements: '流转面积、承租方、租金收入、分配方案及到户明细',
    timing: 'periodic',
    period: 'yearly',
    explanation: '已纳入本村公开目录，每年年初公开上一年度情况。',
  });

  const roads = await submit(
    village,
    25,
    '村道硬化工程预算和施工单位',
    '村里今年在修通组公路，想了解工程预算、施工单位是怎么定的，以及验收标准。',
  );
  await support(roads.id, 24, 8);
  const published = await ctx.db
    .selectFrom('disclosures')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('unit_id', '=', village)
    .where('state', '=', 'published')
    .where('audience', '=', 'public')
    .orderBy('published_at', 'desc')
    .executeTakeFirst();
  if (published)
    await answerDemand(at(daysAgo(20)), roads.id, {
      kind: 'already_published',
      disclosureId: published.id,
      explanation: '相关情况已在本村公开栏和网上公开，请点击查看。',
    });

  const dispute = await submit(
    township,
    18,
    '邻里纠纷调解案件当事人信息',
    '希望公开镇里调解过的邻里纠纷案件，包括当事人姓名和调解结果。',
  );
  await support(dispute.id, 17, 2);
  await answerDemand(at(daysAgo(15)), dispute.id, {
    kind: 'cannot_disclose',
    ground: 'withheld_third_party',
    explanation:
      '调解案件涉及当事人个人隐私，公开会损害第三方合法权益，不予公开；当事人本人可向镇司法所查询。',
  });

  const school = await submit(
    township,
    10,
    '镇中心小学营养午餐补助资金使用情况',
    '想了解营养改善计划补助资金每学期到账多少、怎么使用，食堂采购是否公开招标。',
  );
  await support(school.id, 9, 15);
  const lights = await submit(
    village,
    6,
    '路灯电费由谁承担',
    '村里新装的太阳能路灯和原有路灯的电费、维修费用由谁出，希望公开说明。',
  );
  await support(lights.id, 5, 4);
  // held for moderation: contains a listed word
  await submit(township, 2, '有人在镇上办证刻章', '街上有人贴小广告办证刻章，希望镇里公开查处情况。');
}
