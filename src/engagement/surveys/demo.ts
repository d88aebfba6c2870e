import { anonymousActor, loadPersonActor } from '../../auth/actor.ts';
import type { SurveyLevel } from '../../db/types-engagement.ts';
import type { OpContext } from '../../lib/context.ts';
import type { EngagementDemoInput } from '../demo.ts';
import { closeSurvey } from './close-survey.ts';
import { createSurvey } from './create-survey.ts';
import { finalizeSurvey } from './finalize-survey.ts';
import { openSurvey } from './open-survey.ts';
import { rateUnits } from './rate-units.ts';
import { chinaDate, surveyUnits } from './store.ts';

const TOWNSHIP = 'QS-TS-TAOYUAN';
/** Demo accounts that take part as signed-in raters. */
const RATERS = ['dangyuan1', 'dangyuan2', 'cun-publisher', 'taoyuan-publisher', 'jianduyuan'];
const LEVELS: SurveyLevel[] = [
  'satisfied',
  'satisfied',
  'basic',
  'satisfied',
  'dissatisfied',
  'basic',
  'satisfied',
];

/**
 * Demo surveys through the real operations: last quarter's 民主评议 of the villages of 桃源镇
 * (rated by demo people and anonymous devices, closed and finalized — its snapshot is what
 * assessment reads), and this month's open satisfaction survey with a few ratings so far.
 */
export async function seedSurveyDemo(ctx: OpContext, input: EngagementDemoInput): Promise<void> {
  const day = (n: number) => new Date(ctx.now.getTime() + n * 86_400_000);
  const dateOf = (n: number) => chinaDate(day(n));
  const at = (n: number, ip?: string): OpContext => ({ ...ctx, now: day(n), ip });
  const township = input.unitId(TOWNSHIP);
  const people = await ctx.db
    .selectFrom('people')
    .select(['id', 'username'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('username', 'in', RATERS)
    .execute();

  const rateAll = async (surveyId: string, from: number, devices: number, seed: number) => {
    const units = await surveyUnits(ctx.db, ctx.actor.tenantId, surveyId);
    const pick = (i: number, j: number) => LEVELS[(i * 3 + j * 5 + seed) % LEVELS.length];
    for (const [i, p] of people.entries()) {
      const actor = await loadPersonActor(ctx.db, ctx.actor.tenantId, p.id);
      if (!actor) continue;
      await rateUnits(
        { ...at(from + i, `198.51.100.${i + 1}`), actor },
        surveyId,
        { ratings: units.map((u, j) => ({ unitId: u.id, level: pick(i, j) })) },
        null,
      );
    }
    for (let d = 0; d < devices; d += 1)
      await rateUnits(
        { ...at(from + (d % 5), `203.0.113.${d + 1}`), actor: anonymousActor(ctx.actor.tenantId) },
        surveyId,
        {
          ratings: units.map((u, j) => ({
            unitId: u.id,
            level: pick(d + people.length, j),
            ...(d === 0 && j === 0 ? { comment: '村务公开栏更新及时，希望财务明细再细一些。' } : {}),
          })),
        },
        `demo-survey-device-${seed}-${d}`,
      );
  };

  const past = await createSurvey(at(-105), {
    title: '桃源镇村级组织民主评议（上季度）',
    description: '请对各村（社区）村务公开、服务群众等工作作出评价。每人对每个单位评价一次。',
    opensOn: dateOf(-100),
    closesOn: dateOf(-70),
    audience: 'anonymous',
    childrenOf: township,
  });
  await openSurvey(at(-101), past.id);
  await rateAll(past.id, -95, 12, 1);
  await closeSurvey(at(-69), past.id);
  await finalizeSurvey(at(-65), past.id);

  const now = await createSurvey(at(-8), {
    title: '桃源镇村务公开满意度测评（本月）',
    description: '请登录后对各村（社区）本月村务公开工作作出评价，测评期间可修改。',
    opensOn: dateOf(-5),
    closesOn: dateOf(25),
    audience: 'signed_in',
    childrenOf: township,
  });
  await openSurvey(at(-6), now.id);
  await rateAll(now.id, -4, 0, 2);
}
