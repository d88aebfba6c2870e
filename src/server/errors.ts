import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { anonymousActor } from '../auth/actor.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import { t } from '../i18n/index.ts';
import { AppError, type FieldError } from '../lib/errors.ts';
import { fieldErrors } from '../lib/validate.ts';
import { ErrorPage } from '../views/error-page.tsx';
import { isApi } from './context.ts';
import { sendPage } from './html.ts';
import { pageMeta } from './page.ts';

/**
 * Errors become: a JSON body with a stable code (API), or a friendly page (people). Unknown errors
 * are logged with their stack and shown only as a reference id.
 */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError | AppError, req, reply) => {
    const appErr = toAppError(err);
    if (!appErr) {
      req.log.error({ err, reqId: req.id }, 'unhandled error');
      return respond(req, reply, 500, 'error.internal', t('error.internal', { ref: req.id }), [], req.id);
    }
    for (const [k, v] of Object.entries(appErr.headers)) reply.header(k, v);
    return respond(
      req,
      reply,
      appErr.status,
      appErr.code,
      t(appErr.code, appErr.params),
      appErr.fields,
      undefined,
      appErr.params,
    );
  });

  app.setNotFoundHandler(async (req, reply) =>
    respond(req, reply, 404, 'error.not_found', t('error.not_found'), []),
  );
}

function toAppError(err: FastifyError | AppError): AppError | null {
  if (err instanceof AppError) return err;
  if (isUniqueViolation(err)) return new AppError('error.conflict', { status: 409 });
  const fe = err as FastifyError & { validation?: unknown[] };
  if (fe.validation)
    return new AppError('validation.failed', { fields: fieldErrors(fe.validation as never) });
  if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413)
    return new AppError('error.payload_too_large', { status: 413 });
  if (fe.statusCode === 429) return new AppError('error.rate_limited', { status: 429 });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return new AppError('error.bad_request', { status: fe.statusCode });
  return null;
}

function respond(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  fields: FieldError[],
  reference?: string,
  params?: Record<string, string | number>,
) {
  if (isApi(req) || !acceptsHtml(req)) {
    return reply.code(status).send({
      error: {
        code,
        message,
        ...(params && Object.keys(params).length ? { params } : {}),
        ...(fields.length
          ? {
              fields: fields.map((f) => ({
                field: f.field,
                code: f.code,
                message: t(f.code, f.params ?? {}),
              })),
            }
          : {}),
        ...(reference ? { reference } : {}),
      },
    });
  }
  // the hooks may not have run (e.g. a malformed request): fall back to an anonymous page
  if (!req.actor) req.actor = anonymousActor(req.server.gk.tenantId);
  req.csrfToken ??= '';
  const titleKey = status === 404 ? 'error.title_404' : status >= 500 ? 'error.title_500' : 'error.title';
  return sendPage(
    reply,
    ErrorPage({
      ...pageMeta(req, t(titleKey), 'portal'),
      status,
      message: fields.length
        ? `${message}${fields.map((f) => ` ${t(f.code, f.params ?? {})}`).join('')}`
        : message,
      reference,
    }),
    status,
  );
}

function acceptsHtml(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept === '' || accept.includes('text/html') || accept.includes('*/*');
}
