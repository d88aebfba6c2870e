import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor.ts';
import { hasPermissionSomewhere, requirePermission, unitVisibility } from '../../auth/policy.ts';
import { requireSignedIn } from '../../auth/routes.ts';
import type { Db } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';
import type { OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { opContext, redirect } from '../../server/context.ts';
import { formBody, handleForm } from '../../server/forms.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import { NewSurveyPage, type PickUnit, SurveyAdminList, SurveyAdminPage } from './admin-views.tsx';
import { closeSurvey } from './close-survey.ts';
import { createSurvey } from './create-survey.ts';
import { editSurvey } from './edit-survey.ts';
import { finalizeSurvey } from './finalize-survey.ts';
import { openSurvey } from './open-survey.ts';
import { listStaffSurveys, surveyComments } from './queries.ts';
import { surveyResults } from './results.ts';
import { chinaDate, loadForStaff } from './store.ts';

/** Units the actor may put in a survey (survey.manage), in tree order; the region root is never rated. */
export async function pickableUnits(db: Db, actor: Actor): Promise<PickUnit[]> {
  return db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.depth'])
    .where('u.tenant_id', '=', actor.tenantId)
    .where('u.status', '=', 'active')
    .where('u.parent_id', 'is not', null)
    .where(unitVisibility(actor, 'survey.manage', 'u'))
    .orderBy('u.path')
    .limit(2000)
    .execute();
}

export const SURVEY_STEPS: Record<
  string,
  { run: (ctx: OpContext, id: string) => Promise<unknown>; flash: string }
> = {
  open: { run: openSurvey, flash: 'survey_opened' },
  close: { run: closeSurvey, flash: 'survey_closed' },
  finalize: { run: finalizeSurvey, flash: 'survey_finalized' },
};

/** /admin/surveys: list, create, open, close, finalize, results and comments (office: survey.manage). */
export function registerSurveyAdminRoutes(app: FastifyInstance): void {
  const { db } = app.gk;
  const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;

  app.get('/admin/surveys', async (req, reply) => {
    requireSignedIn(req);
    requirePermission(req.actor, 'survey.view');
    return sendPage(
      reply,
      SurveyAdminList({
        ...pageMeta(req, t('survey.admin_title'), 'admin'),
        surveys: await listStaffSurveys(db, req.actor),
        today: chinaDate(req.now),
        canManage: hasPermissionSomewhere(req.actor, 'survey.manage'),
      }),
    );
  });

  const newPage = async (
    req: FastifyRequest,
    values: Record<string, unknown>,
    errors?: Record<string, string>,
    message?: string,
    editId?: string,
  ) =>
    NewSurveyPage({
      ...pageMeta(req, editId ? t('survey.admin_edit') : t('survey.admin_new'), 'admin'),
      units: await pickableUnits(db, req.actor),
      values,
      errors,
      message,
      editId,
    });

  app.get('/admin/surveys/new', async (req, reply) => {
    requireSignedIn(req);
    requirePermission(req.actor, 'survey.manage');
    return sendPage(reply, await newPage(req, {}));
  });

  app.post('/admin/surveys', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => createSurvey(opContext(req), body),
      (errors, message) => newPage(req, body, errors, message),
    );
    if (!done) return reply;
    return redirect(reply, `/admin/surveys/${done.id}`, 'survey_created');
  });

  app.get('/admin/surveys/:id/edit', async (req, reply) => {
    requireSignedIn(req);
    const { survey, units } = await loadForStaff(opContext(req), idOf(req), 'survey.manage');
    const values = {
      title: survey.title,
      description: survey.description,
      opensOn: survey.opens_on,
      closesOn: survey.closes_on,
      audience: survey.audience,
      unitIds: units.map((u) => u.id),
      weightSatisfied: survey.weight_satisfied,
      weightBasic: survey.weight_basic,
      weightDissatisfied: survey.weight_dissatisfied,
    };
    return sendPage(reply, await newPage(req, values, undefined, undefined, survey.id));
  });

  app.post('/admin/surveys/:id', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => editSurvey(opContext(req), idOf(req), body),
      (errors, message) => newPage(req, body, errors, message, idOf(req)),
    );
    if (!done) return reply;
    return redirect(reply, `/admin/surveys/${done.id}`, 'survey_edited');
  });

  const surveyPage = async (req: FastifyRequest, message?: string) => {
    const { survey, units } = await loadForStaff(opContext(req), idOf(req), 'survey.view');
    let canManage = true;
    try {
      await loadForStaff(opContext(req), survey.id, 'survey.manage');
    } catch {
      canManage = false;
    }
    return SurveyAdminPage({
      ...pageMeta(req, survey.title, 'admin'),
      survey,
      units,
      today: chinaDate(req.now),
      results: await surveyResults(db, survey, units),
      comments: await surveyComments(db, survey),
      canManage,
      message,
    });
  };

  app.get('/admin/surveys/:id', async (req, reply) => {
    requireSignedIn(req);
    return sendPage(reply, await surveyPage(req));
  });

  for (const [step, def] of Object.entries(SURVEY_STEPS)) {
    app.post(`/admin/surveys/:id/${step}`, async (req, reply) => {
      requireSignedIn(req);
      try {
        await def.run(opContext(req), idOf(req));
      } catch (e) {
        if (e instanceof AppError && e.status === 409)
          return sendPage(reply, await surveyPage(req, t(e.code, e.params)), 409);
        throw e;
      }
      return redirect(reply, `/admin/surveys/${idOf(req)}`, def.flash);
    });
  }
}
