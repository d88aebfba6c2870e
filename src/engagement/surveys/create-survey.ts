import { recordAudit } from '../../audit/record-audit.ts';
import { authorize } from '../../auth/policy.ts';
import { isValidDate } from '../../calendar/dates.ts';
import type { Unit } from '../../db/types.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { CreateSurveyInput, DEFAULT_WEIGHTS, MAX_UNITS } from './schemas.ts';
import type { Survey } from './store.ts';

export const fieldError = (field: string, code: string, params?: Record<string, string | number>) =>
  new AppError('validation.failed', { fields: [{ field, code, params }] });

/** A form's checkbox list: one value arrives as a string, several as an array. */
export function idList(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * The units a survey rates, from the input: all active children of `childrenOf` (in their order)
 * then the picked ones, without repeats. Every unit must be active, not the region root, and
 * covered by the actor's survey.manage grants.
 */
export async function resolveUnits(
  tx: OpContext,
  input: CreateSurveyInput,
): Promise<{ ids: string[]; units: Unit[] }> {
  const tenantId = tx.actor.tenantId;
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  if (input.childrenOf) {
    const parent = await tx.db
      .selectFrom('units')
      .select(['id'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.childrenOf)
      .executeTakeFirst();
    if (!parent) throw fieldError('childrenOf', 'survey.unit_unknown');
    const children = await tx.db
      .selectFrom('units')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('parent_id', '=', parent.id)
      .where('status', '=', 'active')
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
    for (const c of children) add(c.id);
  }
  for (const id of idList(input.unitIds)) add(id);
  if (ids.length === 0) throw fieldError('unitIds', 'survey.no_units');
  if (ids.length > MAX_UNITS) throw fieldError('unitIds', 'survey.too_many_units', { max: MAX_UNITS });
  const units = await tx.db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  if (units.length !== ids.length) throw fieldError('unitIds', 'survey.unit_unknown');
  for (const u of units) {
    if (u.status !== 'active' || u.parent_id === null) throw fieldError('unitIds', 'survey.unit_unknown');
    authorize(tx.actor, 'survey.manage', u);
  }
  return { ids, units };
}

/** The period: real calendar dates (2026-02-30 is refused), the end not before the start. */
export function checkSurveyPeriod(input: { opensOn: string; closesOn: string }): void {
  if (!isValidDate(input.opensOn)) throw fieldError('opensOn', 'survey.date_invalid');
  if (!isValidDate(input.closesOn)) throw fieldError('closesOn', 'survey.date_invalid');
  if (input.closesOn < input.opensOn) throw fieldError('closesOn', 'survey.period_reversed');
}

/**
 * 创建测评 (draft): title, period, who may rate, the score weights, and the units rated — picked
 * one by one and/or all active children of a unit (e.g. the villages of a township). Every unit
 * must be covered by the actor's survey.manage grants.
 */
export async function createSurvey(ctx: OpContext, raw: unknown): Promise<Survey> {
  const input = parse(CreateSurveyInput, raw);
  checkSurveyPeriod(input);
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const { ids, units } = await resolveUnits(tx, input);
    const at = tx.now.toISOString();
    const survey: Survey = {
      tenant_id: tenantId,
      id: newId(tx.now.getTime()),
      title: input.title,
      description: input.description ?? '',
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      audience: input.audience,
      weight_satisfied: input.weightSatisfied ?? DEFAULT_WEIGHTS.satisfied,
      weight_basic: input.weightBasic ?? DEFAULT_WEIGHTS.basic,
      weight_dissatisfied: input.weightDissatisfied ?? DEFAULT_WEIGHTS.dissatisfied,
      status: 'draft',
      created_by: tx.actor.personId,
      opened_at: null,
      closed_at: null,
      closed_early: 0,
      finalized_at: null,
      created_at: at,
      updated_at: at,
    };
    await tx.db.insertInto('surveys').values(survey).execute();
    await tx.db
      .insertInto('survey_units')
      .values(
        ids.map((unitId, i) => ({
          tenant_id: tenantId,
          id: newId(tx.now.getTime()),
          survey_id: survey.id,
          unit_id: unitId,
          sort_order: i,
        })),
      )
      .execute();
    await recordAudit(tx, {
      action: 'survey.create',
      targetType: 'survey',
      targetId: survey.id,
      unitId: units.length === 1 ? units[0].id : (units[0].parent_id ?? null),
      summary: `创建满意度测评“${survey.title}”（${ids.length} 个单位）`,
      after: { ...survey, unitIds: ids },
    });
    return survey;
  });
}
