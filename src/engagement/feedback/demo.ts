import { type Actor, loadPersonActor } from '../../auth/actor.ts';
import type { OpContext } from '../../lib/context.ts';
import type { EngagementDemoInput } from '../demo.ts';
import { acceptFeedback } from './accept-feedback.ts';
import { markCannotHandle } from './mark-cannot-handle.ts';
import { rateFeedback } from './rate-feedback.ts';
import { replyFeedback } from './reply-feedback.ts';
import { routeFeedback } from './route-feedback.ts';
import { submitFeedback } from './submit-feedback.ts';

const VILLAGE = 'QS-V-TAOYUAN-01';
const TOWNSHIP = 'QS-TS-TAOYUAN';

/**
 * Demo feedback through the real operations, as the demo people: messages to 桃源村 and 桃源镇
 * routed by the county office (office), answered by the village clerk (cun-publisher) and the
 * township (taoyuan-publisher) and rated by their writers; one 暂不能办理, one still in progress,
 * one private, and one 举报 taken up by the inspector (jijian) — so the 回音壁 has content.
 */
export async function seedFeedbackDemo(ctx: OpContext, input: EngagementDemoInput): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const as = async (username: string): Promise<Actor> => {
    const p = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return (await loadPersonActor(ctx.db, tenantId, p.id)) as Actor;
  };
  const [office, clerk, township, inspector] = await Promise.all(
    ['office', 'cun-publisher', 'taoyuan-publisher', 'jijian'].map(as),
  );
  const daysAgo = (n: number) => new Date(ctx.now.getTime() - n * 86_400_000);
  let ipSeq = 0;
  const pub = (day: number): OpContext => {
    ipSeq += 1;
    return { ...ctx, now: daysAgo(day), ip: `198.51.100.${ipSeq}` };
  };
  const by = (actor: Actor, day: number): OpContext => ({ ...ctx, actor, now: daysAgo(day) });
  const village = input.unitId(VILLAGE);
  const town = input.unitId(TOWNSHIP);

  const write = (day: number, unitId: string, f: Record<string, unknown>) =>
    submitFeedback(pub(day), { unitId, ...f });
  const rate = (
    day: number,
    w: { feedback: { tracking_code: string }; secret: string },
    rating: string,
    comment?: string,
  ) => rateFeedback(pub(day), { code: w.feedback.tracking_code, secret: w.secret, rating, comment });

  const lamps = await write(40, village, {
    kind: 'suggestion',
    subject: '村东头路灯坏了一个多月',
    body: '桃源村村东头到小学路段的三盏路灯坏了一个多月，晚上孩子放学和老人出行都不方便，建议尽快修复。修好后可打我电话 13907311234 告知。',
    name: '刘建国',
    phone: '13907311234',
  });
  await routeFeedback(by(office, 40), lamps.feedback.id, { unitId: village });
  await acceptFeedback(by(clerk, 39), lamps.feedback.id);
  await replyFeedback(by(clerk, 37), lamps.feedback.id, {
    body: '感谢您的反映。村委会已联系供电所，3 盏路灯的灯具和线路已于本周二全部更换，今后路灯故障可直接拨打村委会值班电话报修。',
  });
  await rate(36, lamps, 'satisfied', '修得很快，谢谢！');

  const welfare = await write(30, village, {
    kind: 'question',
    subject: '今年低保评议结果什么时候公示？',
    body: '听说村里今年的低保评议已经开过会了，请问评议结果什么时候在公开栏和网上公示？公示几天？',
  });
  await routeFeedback(by(office, 30), welfare.feedback.id, {});
  await replyFeedback(by(clerk, 28), welfare.feedback.id, {
    body: '本年度低保评议结果已报桃源镇审核，审核通过后将在村务公开栏和本平台同步公示 7 天，公示期间如有异议可向村委会或镇民政办反映。',
  });
  await rate(27, welfare, 'basic', '希望公示时间能早点。');

  const bus = await write(22, town, {
    kind: 'suggestion',
    subject: '建议开通桃源镇到县城的晚班公交',
    body: '在县城上班的年轻人下班后没有回镇上的公交车，建议增开一班晚上七点左右从县城发往桃源镇的公交。',
  });
  await routeFeedback(by(office, 22), bus.feedback.id, { unitId: town });
  await markCannotHandle(by(township, 19), bus.feedback.id, {
    reason:
      '公交线路和班次由县交通运输局统一规划。本镇已将您的建议书面转交县交通运输局，新增班次获批前暂不能办理，有进展将在此答复。',
  });
  await rate(18, bus, 'basic');

  const relief = await write(15, village, {
    kind: 'question',
    subject: '家中老人住院，申请临时救助需要什么材料？',
    body: '我父亲住院花了不少钱，家里比较困难，想申请临时救助，请问需要准备哪些材料、到哪里办？',
    name: '王女士',
    phone: '13574129876',
    private: true,
  });
  await routeFeedback(by(office, 15), relief.feedback.id, {});
  await replyFeedback(by(clerk, 14), relief.feedback.id, {
    body: '请携带户口簿、身份证、住院费用票据和医院诊断证明到村委会填写临时救助申请表，村里初审后报镇民政办，一般 10 个工作日内办结。',
  });
  await rate(13, relief, 'satisfied');

  const bumps = await write(5, village, {
    kind: 'suggestion',
    subject: '建议在村小学门口设置减速带',
    body: '村小学门口是县道，上下学时车速很快，建议设置减速带和警示牌，保障孩子安全。',
  });
  await routeFeedback(by(office, 5), bumps.feedback.id, {});
  await acceptFeedback(by(clerk, 4), bumps.feedback.id);

  const report = await write(8, village, {
    kind: 'report',
    subject: '反映救灾物资分配不公',
    body: '今年夏天发放的救灾大米和食用油，有村干部把物资优先分给亲戚，实际受灾的几户反而没有领到。',
  });
  await acceptFeedback(by(inspector, 7), report.feedback.id);
}
