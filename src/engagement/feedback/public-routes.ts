import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getPublicDisclosure } from '../../disclosure/queries.ts';
import { t } from '../../i18n/index.ts';
import { AppError } from '../../lib/errors.ts';
import { pageCount, pageParam } from '../../portal/listing.ts';
import { listPublicUnits } from '../../portal/queries.ts';
import { publicUnitOr404 } from '../../portal/request-helpers.ts';
import { sendPageConditional } from '../../server/conditional.ts';
import { opContext } from '../../server/context.ts';
import { formBody, handleForm } from '../../server/forms.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import { errorMap } from '../../views/form.tsx';
import { ECHO_PAGE_SIZE, getEcho, listEcho } from './echo.ts';
import {
  EchoItemPage,
  EchoListPage,
  FeedbackAckPage,
  FeedbackFormPage,
  FeedbackTrackPage,
  type TrackView,
} from './public-views.tsx';
import { eventsOf, repliesOf } from './queries.ts';
import { rateFeedback } from './rate-feedback.ts';
import { chinaDate, type Feedback } from './store.ts';
import { submitFeedback } from './submit-feedback.ts';
import { trackFeedback } from './track-feedback.ts';

/** The public side: the form, the acknowledgement, the writer's tracking page, the 回音壁. */
export function registerFeedbackPublicRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  /** The disclosure written about (?d=), when the visitor may see it and it is the unit's. */
  const disclosureOf = async (req: FastifyRequest, unitId: string, id: unknown) => {
    if (typeof id !== 'string' || !id) return null;
    const { d } = await getPublicDisclosure(db, req.actor, id);
    if (d.state !== 'published' || d.unit_id !== unitId || d.audience !== 'public')
      throw new AppError('disclosure.not_found');
    return { id: d.id, title: d.title };
  };

  const formPage = async (
    req: FastifyRequest,
    code: string,
    values: Record<string, unknown>,
    errors?: Record<string, string>,
    message?: string,
  ) => {
    const unit = await publicUnitOr404(req, code);
    const disclosure = await disclosureOf(req, unit.id, values.disclosureId);
    return FeedbackFormPage({
      ...pageMeta(req, `${t('feedback.new_title')} - ${unit.name}`, 'portal'),
      unit,
      disclosure,
      values,
      errors,
      message,
    });
  };

  app.get('/units/:code/feedback/new', async (req, reply) => {
    const { code } = req.params as { code: string };
    const d = (req.query as { d?: string }).d;
    return sendPage(reply, await formPage(req, code, d ? { disclosureId: d } : {}));
  });

  // 对此事项留言: the disclosure's own unit, with the disclosure preselected
  app.get('/feedback/new', async (req, reply) => {
    const id = String((req.query as { d?: string }).d ?? '');
    const { d, unit } = await getPublicDisclosure(db, req.actor, id);
    if (d.state !== 'published') throw new AppError('disclosure.not_found');
    return reply.code(303).redirect(`/units/${encodeURIComponent(unit.code)}/feedback/new?d=${d.id}`);
  });

  app.post('/units/:code/feedback', async (req, reply) => {
    const { code } = req.params as { code: string };
    const unit = await publicUnitOr404(req, code);
    const body = { ...formBody(req.body), unitId: unit.id };
    const done = await handleForm(
      reply,
      () => submitFeedback(opContext(req), body),
      (errors, message) => formPage(req, code, body, errors, message),
    );
    if (!done) return reply;
    return sendPage(
      reply,
      FeedbackAckPage({
        ...pageMeta(req, t('feedback.ack_title'), 'portal'),
        f: done.feedback,
        unitName: unit.name,
        secret: done.secret,
      }),
      201,
    );
  });

  // ---- the writer's tracking page
  const trackPage = (req: FastifyRequest, extra: Partial<Parameters<typeof FeedbackTrackPage>[0]>) =>
    FeedbackTrackPage({ ...pageMeta(req, t('feedback.track_title'), 'portal'), ...extra });

  const withKey = async (req: FastifyRequest, reply: FastifyReply, fields: Record<string, unknown>) => {
    try {
      return await trackFeedback(opContext(req), fields);
    } catch (e) {
      if (
        e instanceof AppError &&
        (e.code === 'feedback.track_failed' || e.status === 429 || e.code === 'validation.failed')
      ) {
        for (const [k, v] of Object.entries(e.headers)) reply.header(k, v);
        const message = e.code === 'validation.failed' ? t('validation.failed') : t(e.code, e.params);
        sendPage(
          reply,
          trackPage(req, { code: String(fields.code ?? ''), errors: errorMap(e.fields), message }),
          e.status === 429 ? 429 : 404,
        );
        return undefined;
      }
      throw e;
    }
  };

  app.get('/feedback/track', async (req, reply) => {
    const q = req.query as { c?: string; s?: string };
    if (q.c && q.s) {
      const found = await withKey(req, reply, { code: q.c, secret: q.s });
      if (!found) return reply;
      return sendPage(
        reply,
        trackPage(req, { view: await trackView(db, found.f, found.unit.name), secret: q.s }),
      );
    }
    return sendPage(reply, trackPage(req, { code: String(q.c ?? '') }));
  });

  app.post('/feedback/track', async (req, reply) => {
    const body = formBody(req.body);
    const found = await withKey(req, reply, body);
    if (!found) return reply;
    return sendPage(
      reply,
      trackPage(req, {
        view: await trackView(db, found.f, found.unit.name),
        secret: String(body.secret ?? ''),
      }),
    );
  });

  app.post('/feedback/track/rate', async (req, reply) => {
    const body = formBody(req.body);
    const found = await withKey(req, reply, body);
    if (!found) return reply;
    const done = await handleForm(
      reply,
      () => rateFeedback(opContext(req), body),
      async (errors, message) =>
        trackPage(req, {
          view: await trackView(db, found.f, found.unit.name),
          secret: String(body.secret),
          errors,
          message,
        }),
    );
    if (!done) return reply;
    return sendPage(
      reply,
      trackPage(req, {
        view: await trackView(db, done, found.unit.name),
        secret: String(body.secret),
        notice: t('feedback.flash_rated'),
      }),
    );
  });

  // ---- 回音壁
  app.get('/echo', async (req, reply) => {
    const q = req.query as { kind?: string; unit?: string; page?: string };
    const units = await listPublicUnits(db, req.actor.tenantId);
    const unit = q.unit ? units.find((u) => u.code === q.unit) : undefined;
    const page = pageParam(q.page);
    const list = await listEcho(db, req.actor.tenantId, {
      kind: q.kind,
      unitId: unit?.id ?? (q.unit ? '-' : undefined),
      page,
    });
    return sendPageConditional(
      req,
      reply,
      EchoListPage({
        ...pageMeta(req, t('feedback.echo_title'), 'portal'),
        heading: t('feedback.echo_title'),
        items: list.items,
        total: list.total,
        page,
        pages: pageCount(list.total, ECHO_PAGE_SIZE),
        kind: q.kind ?? '',
        unitCode: unit?.code ?? '',
        units: units.map((u) => ({ code: u.code, name: u.name })),
        basePath: '/echo',
        writeHref: null,
      }),
      { lastModified: [list.lastModified] },
    );
  });

  app.get('/units/:code/echo', async (req, reply) => {
    const unit = await publicUnitOr404(req, (req.params as { code: string }).code);
    const q = req.query as { kind?: string; page?: string };
    const page = pageParam(q.page);
    const list = await listEcho(db, req.actor.tenantId, { kind: q.kind, unitId: unit.id, page });
    return sendPageConditional(
      req,
      reply,
      EchoListPage({
        ...pageMeta(req, t('feedback.echo_unit_title', { name: unit.name }), 'portal'),
        heading: t('feedback.echo_unit_title', { name: unit.name }),
        items: list.items,
        total: list.total,
        page,
        pages: pageCount(list.total, ECHO_PAGE_SIZE),
        kind: q.kind ?? '',
        unitCode: unit.code,
        units: null,
        basePath: `/units/${unit.code}/echo`,
        writeHref: unit.status === 'active' ? `/units/${unit.code}/feedback/new` : null,
      }),
      { lastModified: [list.lastModified] },
    );
  });

  app.get('/echo/:id', async (req, reply) => {
    const e = await getEcho(db, req.actor.tenantId, (req.params as { id: string }).id);
    if (!e) throw new AppError('feedback.not_found');
    const title = e.private ? t(`feedback.kind.${e.kind}`) : (e.subject ?? '');
    return sendPageConditional(
      req,
      reply,
      EchoItemPage({ ...pageMeta(req, `${title} - ${t('feedback.echo_title')}`, 'portal'), e }),
      {
        lastModified: [e.updatedAt],
      },
    );
  });
}

/** What the writer sees: status, trail and every answer (unmasked: it is their own thread). */
export async function trackView(
  db: FastifyInstance['gk']['db'],
  f: Feedback,
  unitName: string,
): Promise<TrackView> {
  const [events, replies] = await Promise.all([eventsOf(db, f), repliesOf(db, f)]);
  const answers: TrackView['answers'] = replies.map((r) => ({
    round: r.round,
    kind: 'reply' as const,
    on: chinaDate(new Date(r.replied_at)),
    body: r.body,
  }));
  for (const e of events) {
    if (e.kind !== 'cannot_handle' || !e.detail) continue;
    const d = JSON.parse(e.detail) as { reason?: string; round?: number };
    answers.push({
      round: d.round ?? 1,
      kind: 'cannot_handle',
      on: chinaDate(new Date(e.at)),
      body: d.reason ?? '',
    });
  }
  answers.sort((a, b) => a.round - b.round || a.on.localeCompare(b.on));
  return { f, unitName, events, answers };
}
