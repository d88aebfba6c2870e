import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePermission } from '../../auth/policy.ts';
import type { DemandStatus } from '../../db/types-engagement.ts';
import { t } from '../../i18n/index.ts';
import { opContext, redirect } from '../../server/context.ts';
import { formBody, handleForm } from '../../server/forms.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import type { ErrorMap } from '../../views/form.tsx';
import { ADMIN_STATUSES, AdminDemandPage, AdminDemandsPage } from './admin-views.tsx';
import { answerDemand } from './answer-demand.ts';
import { moderateDemand } from './moderate-demand.ts';
import { answerLinks, listStaffDemands } from './queries.ts';
import { answerOf, demandToHandle } from './store.ts';

/** The back office of 点单式公开: the scoped list (moderation queue first), moderation and answers. */
export function registerDemandAdminRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/admin/demands', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/demands');
    requirePermission(req.actor, 'demand.answer');
    const s = (req.query as { status?: string }).status;
    const status = ADMIN_STATUSES.includes(s as DemandStatus) ? (s as DemandStatus) : null;
    const items = await listStaffDemands(db, req.actor, { status: status ?? undefined });
    return sendPage(
      reply,
      AdminDemandsPage({ ...pageMeta(req, t('demand.admin_title'), 'admin'), items, status }),
    );
  });

  const detail = async (
    req: FastifyRequest,
    id: string,
    errors?: ErrorMap,
    message?: string,
    values?: Record<string, unknown>,
  ) => {
    const { demand, unit } = await demandToHandle(db, req.actor, id);
    const answer = (await answerOf(db, demand)) ?? null;
    return AdminDemandPage({
      ...pageMeta(req, demand.title, 'admin'),
      d: demand,
      unit,
      answer,
      links: answer ? await answerLinks(db, answer) : null,
      errors,
      message,
      values,
    });
  };

  app.get('/admin/demands/:id', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (req.actor.kind !== 'person') return redirect(reply, `/signin?next=/admin/demands/${id}`);
    return sendPage(reply, await detail(req, id));
  });

  app.post('/admin/demands/:id/moderate', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => moderateDemand(opContext(req), id, body),
      (errors, message) => detail(req, id, errors, message, body),
    );
    if (!done) return reply;
    return redirect(reply, `/admin/demands/${id}`, 'demand_moderated');
  });

  app.post('/admin/demands/:id/answer', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => answerDemand(opContext(req), id, body),
      (errors, message) => detail(req, id, errors, message, body),
    );
    if (!done) return reply;
    return redirect(reply, `/admin/demands/${id}`, 'demand_answered');
  });
}
