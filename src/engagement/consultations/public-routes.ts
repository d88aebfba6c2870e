import type { FastifyInstance, FastifyRequest } from 'fastify';
import { t } from '../../i18n/index.ts';
import { opContext, redirect } from '../../server/context.ts';
import { formBody, handleForm } from '../../server/forms.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import type { ErrorMap } from '../../views/form.tsx';
import { publicDetail } from './detail-data.ts';
import { ConsultationListPage, ConsultationPage } from './public-views.tsx';
import { listPublicConsultations } from './queries.ts';
import { submitComment } from './submit-comment.ts';

/** The public side: /consultations (open first), /consultations/:id with its comment form. */
export function registerConsultationPublicRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/consultations', async (req, reply) => {
    const lists = await listPublicConsultations(db, req.actor.tenantId, req.now);
    return sendPage(
      reply,
      ConsultationListPage({ ...pageMeta(req, t('consultation.public_title'), 'portal'), ...lists }),
    );
  });

  const detailPage = async (
    req: FastifyRequest,
    id: string,
    form?: { values: Record<string, unknown>; errors: ErrorMap; message: string },
  ) => {
    const detail = await publicDetail(db, req.actor, id, req.now);
    const p = String((req.query as { p?: string }).p ?? '');
    return ConsultationPage({
      ...pageMeta(req, detail.c.title, 'portal'),
      ...detail,
      chosen: /^\d{1,4}$/.test(p) ? p : '',
      ...(form ?? {}),
    });
  };

  app.get('/consultations/:id', async (req, reply) => {
    return sendPage(reply, await detailPage(req, (req.params as { id: string }).id));
  });

  app.post('/consultations/:id/comments', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => submitComment(opContext(req), id, body),
      (errors, message) => detailPage(req, id, { values: body, errors, message }),
    );
    if (done === undefined) return reply;
    return redirect(reply, `/consultations/${id}`, 'consultation_comment_received');
  });
}
