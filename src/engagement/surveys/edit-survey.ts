import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { checkSurveyPeriod, resolveUnits } from './create-survey.ts';
import { CreateSurveyInput, DEFAULT_WEIGHTS } from './schemas.ts';
import { chinaDate, loadForStaff, requireStatus, type Survey, updateSurvey } from './store.ts';

/**
 * 修改测评 (draft only): the whole definition is restated — title, period, audience, weights and
 * units. Once opened, units and scale are fixed (published things are not edited silently).
 */
export async function editSurvey(ctx: OpContext, id: string, raw: unknown): Promise<Survey> {
  const input = parse(CreateSurveyInput, raw);
  checkSurveyPeriod(input);
  return inTransaction(ctx, async (tx) => {
    const { survey, units: before } = await loadForStaff(tx, id, 'survey.manage');
    requireStatus(survey, chinaDate(tx.now), ['draft']);
    const { ids } = await resolveUnits(tx, input);
    const next = await updateSurvey(tx, survey, {
      title: input.title,
      description: input.description ?? '',
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      audience: input.audience,
      weight_satisfied: input.weightSatisfied ?? DEFAULT_WEIGHTS.satisfied,
      weight_basic: input.weightBasic ?? DEFAULT_WEIGHTS.basic,
      weight_dissatisfied: input.weightDissatisfied ?? DEFAULT_WEIGHTS.dissatisfied,
    });
    await tx.db
      .deleteFrom('survey_units')
      .where('tenant_id', '=', survey.tenant_id)
      .where('survey_id', '=', survey.id)
      .execute();
    await tx.db
      .insertInto('survey_units')
      .values(
        ids.map((unitId, i) => ({
          tenant_id: survey.tenant_id,
          id: newId(tx.now.getTime()),
          survey_id: survey.id,
          unit_id: unitId,
          sort_order: i,
        })),
      )
      .execute();
    await recordAudit(tx, {
      action: 'survey.edit',
      targetType: 'survey',
      targetId: survey.id,
      summary: `修改满意度测评草稿“${next.title}”（${ids.length} 个单位）`,
      before: { ...survey, unitIds: before.map((u) => u.id) },
      after: { ...next, unitIds: ids },
    });
    return next;
  });
}
