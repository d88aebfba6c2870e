import type { FastifyInstance, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { can } from '../../auth/policy.ts';
import { sendFile } from '../../disclosure/admin-routes.ts';
import { t } from '../../i18n/index.ts';
import { AppError } from '../../lib/errors.ts';
import { opContext, redirect } from '../../server/context.ts';
import { formBody, handleForm } from '../../server/forms.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import { deviceId } from '../device.ts';
import { SurveyListPage, SurveyPage, ThanksPage } from './public-views.tsx';
import { listPublicSurveys, publicSurvey, ratingsOf } from './queries.ts';
import { raterKey, rateUnits } from './rate-units.ts';
import { surveyResults } from './results.ts';
import { resultsPdf } from './results-pdf.ts';
import { SHEET_CSS, SheetPage } from './sheet-view.tsx';
import { chinaDate, resultsArePublic, type Survey, type SurveyUnit } from './store.ts';

/**
 * The form's fields → the operation's input: r_<unitId> = level, c_<unitId> = comment. Units left
 * without a choice are not rated (a rater may rate only some units).
 */
export function ratingsFromForm(body: Record<string, unknown>, units: readonly SurveyUnit[]) {
  const ratings = [];
  for (const u of units) {
    const level = body[`r_${u.id}`];
    if (typeof level !== 'string' || level === '') continue;
    const comment = body[`c_${u.id}`];
    ratings.push({
      unitId: u.id,
      level,
      ...(typeof comment === 'string' && comment.trim() ? { comment } : {}),
    });
  }
  return ratings;
}

/** May this visitor see the results now: published (closed or finalized), or staff with survey.view on every unit. */
export function mayReadResults(req: FastifyRequest, s: Survey, units: readonly SurveyUnit[]): boolean {
  if (resultsArePublic(s, chinaDate(req.now))) return true;
  return req.actor.kind !== 'anonymous' && units.every((u) => can(req.actor, 'survey.view', u));
}

/** /surveys (list), /surveys/:id (form and published results), the rating post, thank-you page, sheet and PDF. */
export function registerSurveyPublicRoutes(app: FastifyInstance): void {
  const { db } = app.gk;
  const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;

  app.get('/surveys', async (req, reply) => {
    const surveys = await listPublicSurveys(db, req.actor.tenantId);
    return sendPage(
      reply,
      SurveyListPage({
        ...pageMeta(req, t('survey.public_title'), 'portal'),
        surveys,
        today: chinaDate(req.now),
      }),
    );
  });

  app.get('/surveys/sheet.css', async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SHEET_CSS),
  );

  const surveyPage = async (
    req: FastifyRequest,
    key: string | null,
    extra: { values?: Record<string, unknown>; errors?: Record<string, string>; message?: string } = {},
  ) => {
    const { survey, units } = await publicSurvey(db, req.actor.tenantId, idOf(req));
    const results = mayReadResults(req, survey, units) ? await surveyResults(db, survey, units) : null;
    return SurveyPage({
      ...pageMeta(req, survey.title, 'portal'),
      survey,
      units,
      today: chinaDate(req.now),
      results,
      mine: await ratingsOf(db, req.actor.tenantId, survey.id, key),
      ...extra,
    });
  };

  app.get('/surveys/:id', async (req, reply) => {
    const key = raterKey(opContext(req), req.cookies?.gk_device ?? null);
    return sendPage(reply, await surveyPage(req, key));
  });

  app.post('/surveys/:id/ratings', async (req, reply) => {
    const body = formBody(req.body);
    const { survey, units } = await publicSurvey(db, req.actor.tenantId, idOf(req));
    const device = req.actor.kind === 'person' ? null : deviceId(req, reply);
    const ratings = ratingsFromForm(body, units);
    const done = await handleForm(
      reply,
      () => {
        if (ratings.length === 0) throw new AppError('survey.nothing_rated');
        return rateUnits(opContext(req), survey.id, { ratings }, device);
      },
      (errors, message) =>
        surveyPage(req, raterKey(opContext(req), device), { values: body, errors, message }),
    );
    if (!done) return reply;
    return redirect(reply, `/surveys/${survey.id}/thanks?n=${done.rated}`);
  });

  app.get('/surveys/:id/thanks', async (req, reply) => {
    const { survey } = await publicSurvey(db, req.actor.tenantId, idOf(req));
    const n = Math.max(0, Math.min(999, Number((req.query as { n?: string }).n) || 0));
    return sendPage(reply, ThanksPage({ ...pageMeta(req, t('survey.thanks_title'), 'portal'), survey, n }));
  });

  const readable = async (req: FastifyRequest) => {
    const { survey, units } = await publicSurvey(db, req.actor.tenantId, idOf(req));
    if (!mayReadResults(req, survey, units)) throw new AppError('survey.not_found');
    return { survey, results: await surveyResults(db, survey, units) };
  };

  app.get('/surveys/:id/sheet', async (req, reply) => {
    const { survey, results } = await readable(req);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        `<!doctype html>${renderToString(SheetPage({ survey, results, tenantName: app.gk.tenantName }))}`,
      );
  });

  app.get('/surveys/:id/results.pdf', async (req, reply) => {
    const { survey, results } = await readable(req);
    const pdf = await resultsPdf(survey, results, { tenantName: app.gk.tenantName, createdAt: req.now });
    return sendFile(reply, `${survey.title}-结果表.pdf`, pdf);
  });
}
