import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { unitVisibility } from '../../auth/policy.ts';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../lib/errors.ts';
import { customPatterns } from '../../privacy/pattern-store.ts';
import { maskPersonalData } from '../../privacy/privacy-guard.ts';
import { effectiveStatus, findSurvey, type Survey, type SurveyUnit, surveyUnits } from './store.ts';

/**
 * Public surveys (测评): every survey that is not a draft, newest period first. Open ones
 * (accepting or not yet started) and those with published results are what /surveys shows.
 */
export async function listPublicSurveys(db: DbOrTx, tenantId: string): Promise<Survey[]> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', '!=', 'draft')
    .orderBy('opens_on', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** A survey as the public sees it: drafts do not exist for them (404). */
export async function publicSurvey(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<{ survey: Survey; units: SurveyUnit[] }> {
  const survey = await findSurvey(db, tenantId, id);
  if (!survey || survey.status === 'draft') throw new AppError('survey.not_found');
  return { survey, units: await surveyUnits(db, tenantId, id) };
}

/** Surveys for the back office: those whose every rated unit the actor may view (survey.view). */
export async function listStaffSurveys(db: DbOrTx, actor: Actor): Promise<(Survey & { units: number })[]> {
  const rows = await db
    .selectFrom('surveys as s')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('survey_units as su')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('su.tenant_id', '=', 's.tenant_id')
        .whereRef('su.survey_id', '=', 's.id')
        .as('units'),
    )
    .where('s.tenant_id', '=', actor.tenantId)
    .where(
      sql<boolean>`not exists (select 1 from survey_units su2 join units u on u.tenant_id = su2.tenant_id and u.id = su2.unit_id
        where su2.tenant_id = s.tenant_id and su2.survey_id = s.id and not ${unitVisibility(actor, 'survey.view', 'u')})`,
    )
    .orderBy('s.created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, units: Number(r.units ?? 0) }));
}

export interface CommentView {
  unitName: string;
  level: string;
  text: string;
  at: string;
}

/** Comments for the office (never public), personal data masked by the privacy guard. */
export async function surveyComments(db: DbOrTx, s: Survey): Promise<CommentView[]> {
  const rows = await db
    .selectFrom('survey_ratings as r')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.unit_id'),
    )
    .select(['u.name', 'r.level', 'r.comment', 'r.updated_at'])
    .where('r.tenant_id', '=', s.tenant_id)
    .where('r.survey_id', '=', s.id)
    .where('r.comment', 'is not', null)
    .orderBy('u.name')
    .orderBy('r.updated_at')
    .limit(2000)
    .execute();
  const custom = await customPatterns(db, s.tenant_id);
  return rows.map((r) => ({
    unitName: r.name,
    level: r.level,
    text: maskPersonalData(r.comment ?? '', custom).text,
    at: r.updated_at,
  }));
}

/** The rater's own current ratings (to pre-fill the form), by unit id. */
export async function ratingsOf(
  db: DbOrTx,
  tenantId: string,
  surveyId: string,
  raterKey: string | null,
): Promise<Record<string, string>> {
  if (!raterKey) return {};
  const rows = await db
    .selectFrom('survey_ratings')
    .select(['unit_id', 'level'])
    .where('tenant_id', '=', tenantId)
    .where('survey_id', '=', surveyId)
    .where('rater_key', '=', raterKey)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.unit_id, r.level]));
}

export { effectiveStatus };
