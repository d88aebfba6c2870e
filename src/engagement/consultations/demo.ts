import { type Actor, anonymousActor, loadPersonActor } from '../../auth/actor.ts';
import { effectiveCatalog } from '../../catalog/queries.ts';
import { approveDisclosure } from '../../disclosure/approve-disclosure.ts';
import { publishDisclosure } from '../../disclosure/publish-disclosure.ts';
import { reviewDisclosure } from '../../disclosure/review-disclosure.ts';
import { submitDisclosure } from '../../disclosure/submit-disclosure.ts';
import type { OpContext } from '../../lib/context.ts';
import type { EngagementDemoInput } from '../demo.ts';
import { approveComment } from './approve-comment.ts';
import { createConsultation } from './create-consultation.ts';
import { openConsultation } from './open-consultation.ts';
import { publishReport } from './publish-report.ts';
import { recordDecision } from './record-decision.ts';
import { rejectComment } from './reject-comment.ts';
import { startFinalDecision } from './start-final-decision.ts';
import { chinaDate } from './status.ts';
import { submitComment } from './submit-comment.ts';

const DAY = 86_400_000;

/**
 * Demo consultations through the real operations: 桃源镇's refuse-fee standard went through a
 * 30-day consultation, its adoption report and a published final decision (concluded); 桃源村's
 * 红白喜事 standard is open now, with approved comments and one waiting for moderation.
 */
export async function seedConsultationDemo(ctx: OpContext, input: EngagementDemoInput): Promise<void> {
  const person = async (username: string): Promise<Actor> => {
    const p = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    const a = await loadPersonActor(ctx.db, ctx.actor.tenantId, p.id);
    if (!a) throw new Error(`demo data: ${username} has no actor`);
    return a;
  };
  const day = (n: number) => new Date(ctx.now.getTime() + n * DAY);
  const as = (actor: Actor, n: number, ip?: string): OpContext => ({ ...ctx, actor, now: day(n), ip });
  const publicAt = (n: number, i: number) => as(anonymousActor(ctx.actor.tenantId), n, `192.0.2.${10 + i}`);
  await concludedFeeStandard(input, person, day, as, publicAt);
  await openVillageStandard(input, person, day, as, publicAt);
}

type As = (actor: Actor, n: number, ip?: string) => OpContext;
type PublicAt = (n: number, i: number) => OpContext;

async function concludedFeeStandard(
  input: EngagementDemoInput,
  person: (u: string) => Promise<Actor>,
  day: (n: number) => Date,
  as: As,
  publicAt: PublicAt,
): Promise<void> {
  const pub = await person('taoyuan-publisher');
  const unitId = input.unitId('QS-TS-TAOYUAN');
  const c = await createConsultation(as(pub, -52), {
    unitId,
    title: '桃源镇农村生活垃圾处理费收费标准（征求意见稿）',
    explanation: [
      '为建立农村生活垃圾收运处置长效机制，根据县发展和改革局有关规定，镇人民政府起草了本收费标准。',
      '收费收入全部用于农村生活垃圾收集、转运和保洁人员报酬，专款专用，每半年公开一次收支情况。',
    ].join('\n'),
    text: [
      '一、收费对象：本镇行政区域内的农村常住户和经营户。',
      '二、收费标准：常住户每户每月5元；经营户按经营面积每月10元至30元。',
      '三、减免：低保户、特困供养人员、重度残疾人家庭免收。',
      '四、收缴方式：由村民委员会按季度代收，出具统一票据，不得另行加收。',
      '五、本标准自2027年1月1日起执行，有效期三年。',
    ].join('\n'),
  });
  await openConsultation(as(pub, -50), c.id, { opensOn: chinaDate(day(-50)), closesOn: chinaDate(day(-21)) });
  const texts: [number | null, string, string | undefined][] = [
    [3, '建议把60周岁以上独居老人也纳入减免范围。', '钟大爷'],
    [2, '经营户面积差别大，10元至30元的分档标准请写清楚。', undefined],
    [4, '按季度收缴对外出务工家庭不方便，建议也可以按年一次缴清。', '刘女士'],
    [null, '总体赞成，希望垃圾桶摆放点再增加一些。', '桃源村村民'],
    [2, '广告：专业清运，价格优惠，详询本店。', undefined],
  ];
  const ids: string[] = [];
  for (const [i, [paragraph, body, name]] of texts.entries()) {
    const k = await submitComment(publicAt(-48 + i * 4, i), c.id, {
      paragraph: paragraph === null ? '' : String(paragraph),
      body,
      name,
    });
    if (k) ids.push(k.id);
  }
  for (const id of ids.slice(0, 4)) await approveComment(as(pub, -30), id);
  await rejectComment(as(pub, -30), ids[4], { reason: '商业广告，与征求意见内容无关' });
  await recordDecision(as(pub, -19), c.id, {
    commentIds: [ids[0]],
    outcome: 'partly_adopted',
    reason: '独居老人中符合特困供养条件的已在减免范围；其余情况由村民委员会据实报镇审核后减半收取。',
  });
  await recordDecision(as(pub, -19), c.id, {
    commentIds: [ids[1]],
    outcome: 'adopted',
    reason: '已细化为三档：50平方米以下10元，50至200平方米20元，200平方米以上30元。',
  });
  await recordDecision(as(pub, -19), c.id, {
    commentIds: [ids[2]],
    outcome: 'adopted',
    reason: '增加“可按年一次缴清”。',
  });
  await recordDecision(as(pub, -19), c.id, {
    commentIds: [ids[3]],
    outcome: 'not_adopted',
    reason: '垃圾桶摆放点不属于收费标准内容，已转镇环卫所在年度计划中统筹安排。',
  });
  await publishReport(as(pub, -18), c.id, {
    summary: '征求意见期间共收到意见5条，公开4条（1条为商业广告，不予显示）。感谢群众参与！',
  });

  const unit = await as(pub, -17)
    .db.selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', pub.tenantId)
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  const entry = (await effectiveCatalog(as(pub, -17).db, unit)).find(
    (i) => i.applies && i.entry.item === '行政事业性收费项目',
  );
  if (!entry) throw new Error('demo data: 桃源镇 has no 行政事业性收费项目 entry');
  const d = await startFinalDecision(as(pub, -17), c.id, {
    entryId: entry.entry.id,
    title: '桃源镇农村生活垃圾处理费收费标准',
    decidedOn: chinaDate(day(-17)),
  });
  await submitDisclosure(as(pub, -16), d.id);
  await reviewDisclosure(as(await person('taoyuan-reviewer'), -15), d.id);
  await approveDisclosure(as(await person('taoyuan-approver'), -15), d.id);
  await publishDisclosure(as(pub, -14), d.id);
}

async function openVillageStandard(
  input: EngagementDemoInput,
  person: (u: string) => Promise<Actor>,
  day: (n: number) => Date,
  as: As,
  publicAt: PublicAt,
): Promise<void> {
  const pub = await person('cun-publisher');
  const c = await createConsultation(as(pub, -7), {
    unitId: input.unitId('QS-V-TAOYUAN-01'),
    title: '桃源村红白喜事简办标准（征求意见稿）',
    explanation:
      '为推进移风易俗、减轻群众负担，村“两委”根据村民代表会议建议起草本标准，征求意见后提交村民会议表决，表决通过后纳入村规民约。',
    text: [
      '第一条 婚事新办：宴席不超过15桌，每桌标准不超过600元，不收受彩礼以外的高额礼金。',
      '第二条 丧事简办：治丧时间一般不超过3天，不搞封建迷信活动，提倡文明祭扫。',
      '第三条 其他喜事：除婚事外的升学、乔迁、满月等不办或少办宴席。',
      '第四条 红白理事会负责本标准的宣传和监督，每季度在村务公开栏公布执行情况。',
    ].join('\n'),
  });
  await openConsultation(as(pub, -5), c.id, { opensOn: chinaDate(day(-5)), closesOn: chinaDate(day(14)) });
  const a = await submitComment(publicAt(-4, 20), c.id, {
    paragraph: '1',
    body: '每桌600元的标准偏低，建议改为800元。',
    name: '三组村民',
  });
  const b = await submitComment(publicAt(-3, 21), c.id, {
    paragraph: '4',
    body: '赞成，执行情况最好也在微信群里公布。',
  });
  await submitComment(publicAt(-1, 22), c.id, {
    paragraph: '2',
    body: '治丧3天有的家庭来不及，能否放宽到5天？有事请联系我 13912345678。',
    name: '李某',
  });
  for (const k of [a, b]) if (k) await approveComment(as(pub, -1), k.id);
}
