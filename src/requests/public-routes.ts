import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendFile } from '../disclosure/admin-routes.ts';
import { fileBytes } from '../disclosure/privacy-check.ts';
import { t } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import { readForm } from '../obligations/form-body.ts';
import { opContext } from '../server/context.ts';
import { formBody, handleForm } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import { errorMap } from '../views/form.tsx';
import { documentPdf } from './documents-bridge.ts';
import { AckPage, NewRequestPage, TrackPage } from './public-views.tsx';
import { addressableUnits } from './queries.ts';
import { filesOf } from './request-files.ts';
import { chinaDate, type InfoRequest } from './store.ts';
import { submitRequest } from './submit-request.ts';
import { submitSupplement } from './submit-supplement.ts';
import { trackRequest } from './track-request.ts';
import { trackView } from './views-data.ts';

/** The public side: the request form, the acknowledgement, the tracking page and its downloads. */
export function registerRequestPublicRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  const newPage = async (
    req: FastifyRequest,
    values: Record<string, unknown>,
    errors?: Record<string, string>,
    message?: string,
  ) => {
    const q = String((req.query as { q?: string }).q ?? '');
    return NewRequestPage({
      ...pageMeta(req, t('request.new_title'), 'portal'),
      units: await addressableUnits(db, req.actor.tenantId, q),
      q,
      values,
      errors,
      message,
    });
  };

  app.get('/requests/new', async (req, reply) => {
    const unitId = (req.query as { unitId?: string }).unitId;
    return sendPage(reply, await newPage(req, unitId ? { unitId } : {}));
  });

  app.post('/requests', async (req, reply) => {
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => submitRequest(opContext(req), body),
      (errors, message) => newPage(req, body, errors, message),
    );
    if (!done) return reply;
    return sendAck(req, reply, done, 'portal');
  });

  const trackPage = (
    req: FastifyRequest,
    extra: Parameters<typeof TrackPage>[0] extends infer P ? Partial<P> : never,
  ) => TrackPage({ ...pageMeta(req, t('request.track_title'), 'portal'), ...extra });

  app.get('/requests/track', async (req, reply) => {
    return sendPage(reply, trackPage(req, { code: String((req.query as { code?: string }).code ?? '') }));
  });

  /** Runs a tracking look-up; a wrong key or throttling re-renders the form with one generic message. */
  const withKey = async (
    req: FastifyRequest,
    reply: FastifyReply,
    fields: Record<string, unknown>,
  ): Promise<Awaited<ReturnType<typeof trackRequest>> | undefined> => {
    try {
      return await trackRequest(opContext(req), fields);
    } catch (e) {
      if (
        e instanceof AppError &&
        (e.code === 'request.track_failed' || e.status === 429 || e.code === 'validation.failed')
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

  app.post('/requests/track', async (req, reply) => {
    const body = formBody(req.body);
    const found = await withKey(req, reply, body);
    if (!found) return reply;
    const view = await trackView(db, found.r, found.unit.name, chinaDate(req.now));
    return sendPage(reply, trackPage(req, { view, secret: String(body.secret ?? '') }));
  });

  app.post('/requests/track/supplement', async (req, reply) => {
    const { fields, file } = readForm(req.body);
    const found = await withKey(req, reply, fields);
    if (!found) return reply;
    const done = await handleForm(
      reply,
      () => submitSupplement(opContext(req), fields, file, app.gk.config.uploadLimitBytes),
      async (errors, message) =>
        trackPage(req, {
          view: await trackView(db, found.r, found.unit.name, chinaDate(req.now)),
          secret: fields.secret,
          errors,
          message,
        }),
    );
    if (!done) return reply;
    const view = await trackView(db, done, found.unit.name, chinaDate(req.now));
    return sendPage(
      reply,
      trackPage(req, { view, secret: fields.secret, notice: t('flash.request_supplemented') }),
    );
  });

  app.post('/requests/track/files/:fileId', async (req, reply) => {
    const body = formBody(req.body);
    const found = await withKey(req, reply, body);
    if (!found) return reply;
    const f = (await filesOf(db, found.r, true)).find(
      (x) => x.id === (req.params as { fileId: string }).fileId,
    );
    if (!f) throw new AppError('request.not_found');
    return sendFile(reply, f.name, await fileBytes(db, found.r.tenant_id, f.file_id));
  });

  app.post('/requests/track/documents/:documentId', async (req, reply) => {
    const body = formBody(req.body);
    const found = await withKey(req, reply, body);
    if (!found) return reply;
    const doc = await documentPdf(db, found.r, (req.params as { documentId: string }).documentId, true);
    if (!doc) throw new AppError('request.not_found');
    return sendFile(reply, doc.name, doc.bytes);
  });
}

/**
 * The acknowledgement (受理回执 page) after a request is recorded: the tracking code, and the secret
 * shown this once. From the public form (portal) or staff registration (admin, with a way back).
 */
export async function sendAck(
  req: FastifyRequest,
  reply: FastifyReply,
  done: { request: InfoRequest; secret: string },
  area: 'portal' | 'admin',
  back?: string,
) {
  const unit = await req.server.gk.db
    .selectFrom('units')
    .select('name')
    .where('tenant_id', '=', done.request.tenant_id)
    .where('id', '=', done.request.unit_id)
    .executeTakeFirstOrThrow();
  return sendPage(
    reply,
    AckPage({
      ...pageMeta(req, t('request.ack_title'), area),
      r: done.request,
      unitName: unit.name,
      secret: done.secret,
      back,
    }),
    201,
  );
}
