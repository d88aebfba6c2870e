import { authorize, can } from '../../auth/policy.ts';
import { lockingRead } from '../../db/dialect.ts';
import type { DbOrTx, Unit } from '../../db/types.ts';
import type { SurveyStatus, SurveysTable } from '../../db/types-engagement.ts';
import { chinaDate } from '../../disclosure/store.ts';
import { t } from '../../i18n/index.ts';
import type { OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';

export type Survey = SurveysTable;
export { chinaDate };

/**
 * The status as people see it: an open survey whose period has ended counts as closed (周期结束),
 * without anyone having to run a job; `closeSurvey` closes early and records it.
 */
export function effectiveStatus(s: Pick<Survey, 'status' | 'closes_on'>, today: string): SurveyStatus {
  if (s.status === 'open' && today > s.closes_on) return 'closed';
  return s.status;
}

/** Accepting ratings today: open and inside the period. */
export function acceptsRatings(s: Pick<Survey, 'status' | 'opens_on' | 'closes_on'>, today: string): boolean {
  return s.status === 'open' && today >= s.opens_on && today <= s.closes_on;
}

/** Results are public once the survey is closed (live figures) and from the snapshot once finalized. */
export function resultsArePublic(s: Pick<Survey, 'status' | 'closes_on'>, today: string): boolean {
  const st = effectiveStatus(s, today);
  return st === 'closed' || st === 'finalized';
}

export async function findSurvey(db: DbOrTx, tenantId: string, id: string): Promise<Survey | undefined> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The survey row inside a write's transaction, locked on PostgreSQL (SELECT … FOR UPDATE) so a
 * concurrent close/finalize waits for the write or the write sees the new status. SQLite has one
 * writer at a time (the transaction itself serialises), and no FOR UPDATE.
 */
export async function lockSurvey(db: DbOrTx, tenantId: string, id: string): Promise<Survey | undefined> {
  const q = db.selectFrom('surveys').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  return lockingRead(db, q).executeTakeFirst();
}

export interface SurveyUnit {
  id: string;
  code: string;
  name: string;
  path: string;
  sphere: Unit['sphere'];
  status: Unit['status'];
  sort_order: number;
}

/** The rated units in the survey's order. */
export async function surveyUnits(db: DbOrTx, tenantId: string, surveyId: string): Promise<SurveyUnit[]> {
  return db
    .selectFrom('survey_units as su')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'su.tenant_id').onRef('u.id', '=', 'su.unit_id'),
    )
    .select(['u.id', 'u.code', 'u.name', 'u.path', 'u.sphere', 'u.status', 'su.sort_order'])
    .where('su.tenant_id', '=', tenantId)
    .where('su.survey_id', '=', surveyId)
    .orderBy('su.sort_order')
    .execute();
}

/**
 * A survey for staff: visible when the actor has `perm` on every rated unit; a survey the actor
 * cannot see answers "not found".
 */
export async function loadForStaff(
  ctx: OpContext,
  id: string,
  perm: 'survey.manage' | 'survey.view',
): Promise<{ survey: Survey; units: SurveyUnit[] }> {
  const survey = await findSurvey(ctx.db, ctx.actor.tenantId, id);
  if (!survey) throw new AppError('survey.not_found');
  const units = await surveyUnits(ctx.db, ctx.actor.tenantId, id);
  const viewable = units.every((u) => can(ctx.actor, 'survey.view', u));
  if (!viewable) throw new AppError(ctx.actor.kind === 'anonymous' ? 'auth.required' : 'survey.not_found');
  if (perm === 'survey.manage')
    for (const u of units)
      authorize(ctx.actor, 'survey.manage', { ...u, status: 'active' }, 'survey.not_found');
  return { survey, units };
}

/** Changes the survey row (status and its timestamps) and returns the new row. */
export async function updateSurvey(ctx: OpContext, s: Survey, patch: Partial<Survey>): Promise<Survey> {
  const next = { ...s, ...patch, updated_at: ctx.now.toISOString() };
  await ctx.db
    .updateTable('surveys')
    .set({ ...patch, updated_at: next.updated_at })
    .where('tenant_id', '=', s.tenant_id)
    .where('id', '=', s.id)
    .execute();
  return next;
}

/** Refuses a step that the survey's (effective) status does not allow. */
export function requireStatus(s: Survey, today: string, allowed: SurveyStatus[]): void {
  const st = effectiveStatus(s, today);
  if (!allowed.includes(st))
    throw new AppError('survey.wrong_status', { status: 409, params: { status: t(`survey.status.${st}`) } });
}
