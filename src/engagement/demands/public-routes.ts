import type { FastifyInstance, FastifyRequest } from 'fastify';
import { t } from '../../i18n/index.ts';
import { AppError } from '../../lib/errors.ts';
import { pageCount, pageParam } from '../../portal/listing.ts';
import { listPublicUnits } from '../../portal/queries.ts';
import { publicUnitOr404 } from '../../portal/request-helpers.ts';
import { opContext, redirect } from '../../server/context.ts';
import { formBody, handleForm } from '../../server/forms.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import { DEVICE_COOKIE, deviceId } from '../device.ts';
import { DemandPage, DemandsPage, demandHref, type ListParams, NewDemandPage } from './public-views.tsx';
import { answerLinks, listPublicDemands, maskedAnswer, maskedDemand, publicMasker } from './queries.ts';
import { answerOf, visibleDemand } from './store.ts';
import { submitDemand } from './submit-demand.ts';
import { supportDemand } from './support-demand.ts';

export const DEMAND_PAGE_SIZE = 20;

/** The public side of 点单式公开: lists, the form, a demand's page and its support button. */
export function registerDemandPublicRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  const listParams = (req: FastifyRequest): ListParams & { page: number } => {
    const q = req.query as Record<string, string | undefined>;
    return {
      unitCode: String(q.unit ?? '').slice(0, 60),
      state: q.state === 'open' || q.state === 'answered' ? q.state : '',
      sort: q.sort === 'newest' ? 'newest' : 'support',
      page: pageParam(q.page),
    };
  };

  const listPage = async (req: FastifyRequest, unitCode: string | null) => {
    const q = listParams(req);
    const units = await listPublicUnits(db, req.actor.tenantId);
    const unit = unitCode ? await publicUnitOr404(req, unitCode) : null;
    const filterUnit = unit ?? units.find((u) => u.code === q.unitCode) ?? null;
    const list = await listPublicDemands(db, req.actor.tenantId, {
      unitId: filterUnit?.id,
      status: q.state || undefined,
      sort: q.sort,
      page: q.page,
      pageSize: DEMAND_PAGE_SIZE,
    });
    const title = unit ? t('demand.unit_list_title', { unit: unit.name }) : t('demand.list_title');
    return DemandsPage({
      ...pageMeta(req, title, 'portal'),
      unit,
      units: units.map((u) => ({ code: u.code, name: u.name })),
      items: list.items,
      total: list.total,
      page: q.page,
      pages: pageCount(list.total, DEMAND_PAGE_SIZE),
      q: { unitCode: filterUnit?.code ?? '', state: q.state, sort: q.sort },
    });
  };

  app.get('/demands', async (req, reply) => sendPage(reply, await listPage(req, null)));
  app.get('/units/:code/demands', async (req, reply) =>
    sendPage(reply, await listPage(req, (req.params as { code: string }).code)),
  );

  const newPage = async (
    req: FastifyRequest,
    unitCode: string | null,
    values: Record<string, unknown>,
    errors?: Record<string, string>,
    message?: string,
  ) => {
    const unit = unitCode ? await publicUnitOr404(req, unitCode) : null;
    if (unit && unit.status !== 'active') throw new AppError('error.not_found', { status: 404 });
    const units = unit ? [] : await listPublicUnits(db, req.actor.tenantId);
    return NewDemandPage({
      ...pageMeta(req, t('demand.new_title'), 'portal'),
      unit,
      units: units.map((u) => ({ id: u.id, name: u.name })),
      values: unit ? { ...values, from: unit.code } : values,
      errors,
      message,
    });
  };

  app.get('/demands/new', async (req, reply) => {
    const unitId = (req.query as { unitId?: string }).unitId;
    return sendPage(reply, await newPage(req, null, unitId ? { unitId } : {}));
  });
  app.get('/units/:code/demands/new', async (req, reply) =>
    sendPage(reply, await newPage(req, (req.params as { code: string }).code, {})),
  );

  app.post('/demands', async (req, reply) => {
    const body = formBody(req.body);
    const from = typeof body.from === 'string' && body.from ? body.from : null;
    const done = await handleForm(
      reply,
      async () => {
        try {
          return await submitDemand(opContext(req), body);
        } catch (e) {
          // the same demand is already open at the unit: send the visitor there to support it
          if (e instanceof AppError && e.code === 'demand.duplicate')
            return { duplicateOf: String(e.params.id) };
          throw e;
        }
      },
      (errors, message) => newPage(req, from, body, errors, message),
    );
    if (!done) return reply;
    if ('duplicateOf' in done) return redirect(reply, demandHref(done.duplicateOf), 'demand_duplicate');
    if (done.status === 'held') return redirect(reply, '/demands', 'demand_held');
    return redirect(reply, demandHref(done.id), 'demand_submitted');
  });

  app.get('/demands/:id', async (req, reply) => {
    const { demand, unit } = await visibleDemand(db, req.actor, (req.params as { id: string }).id);
    const mask = await publicMasker(db, req.actor.tenantId);
    const stored = (await answerOf(db, demand)) ?? null;
    const answer = stored ? maskedAnswer(stored, mask) : null;
    const device = req.cookies?.[DEVICE_COOKIE];
    const key = req.actor.kind === 'person' ? `p:${req.actor.personId}` : device ? `d:${device}` : null;
    const supported = key
      ? Boolean(
          await db
            .selectFrom('demand_supports')
            .select('id')
            .where('tenant_id', '=', demand.tenant_id)
            .where('demand_id', '=', demand.id)
            .where('supporter_key', '=', key)
            .executeTakeFirst(),
        )
      : false;
    const view = maskedDemand(demand, mask);
    return sendPage(
      reply,
      DemandPage({
        ...pageMeta(req, view.title, 'portal'),
        demand: view,
        unit,
        supported,
        answer,
        links: answer ? await answerLinks(db, answer) : null,
      }),
    );
  });

  app.post('/demands/:id/support', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const device = req.actor.kind === 'person' ? null : deviceId(req, reply);
    const r = await supportDemand(opContext(req), id, device);
    return redirect(reply, demandHref(id), r.added ? 'demand_supported' : 'demand_already_supported');
  });
}
