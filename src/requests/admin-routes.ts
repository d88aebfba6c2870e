import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  can,
  coversWholeTenant,
  hasPermissionSomewhere,
  requirePermission,
  unitVisibility,
} from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import { effectiveCatalog } from '../catalog/queries.ts';
import type { RequestState } from '../db/types.ts';
import { sendFile } from '../disclosure/admin-routes.ts';
import { fileBytes } from '../disclosure/privacy-check.ts';
import { t } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import { readForm } from '../obligations/form-body.ts';
import { opContext, redirect } from '../server/context.ts';
import { formBody, handleForm } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import type { ErrorMap } from '../views/form.tsx';
import { LIST_STATES, RegisterPage, RequestListPage } from './admin-views.tsx';
import { RequestDetailPage } from './detail-view.tsx';
import { documentPdf, documentsOf } from './documents-bridge.ts';
import { exportRequestsCsv } from './export.ts';
import { sendAck } from './public-routes.ts';
import {
  addressableUnits,
  eventsOf,
  getRequestForStaff,
  linkedDisclosures,
  listRequests,
  remediesOf,
  transferredOut,
} from './queries.ts';
import { registerRequest } from './register-request.ts';
import { filesOf } from './request-files.ts';
import { saveRequestSettings } from './save-request-settings.ts';
import { precheckEnabled } from './settings.ts';
import { STEPS } from './steps.ts';
import { chinaDate, consultationsOf } from './store.ts';
import { currentDeadline, deadlineNotes } from './views-data.ts';

type Params = { id: string; fileId?: string; documentId?: string };

/** The back office: list (overdue first), registration, the request's page and its steps. */
export function registerRequestAdminRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/admin/requests', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/requests');
    requirePermission(req.actor, 'request.view');
    const q = req.query as { state?: string; overdue?: string; q?: string };
    const state = LIST_STATES.includes(q.state ?? '') ? (q.state as RequestState) : undefined;
    const filters = { state, overdue: q.overdue === '1', q: q.q?.trim() || undefined };
    const today = chinaDate(req.now);
    return sendPage(
      reply,
      RequestListPage({
        ...pageMeta(req, t('request.admin_title'), 'admin'),
        items: await listRequests(db, req.actor, today, {
          state,
          overdueOnly: filters.overdue,
          q: filters.q,
        }),
        filters,
        transferred: await transferredOut(db, req.actor),
        canRegister: hasPermissionSomewhere(req.actor, 'request.handle'),
        canSettings: coversWholeTenant(req.actor, 'request.office'),
        precheck: await precheckEnabled(db, req.actor.tenantId),
      }),
    );
  });

  app.get('/admin/requests/export.csv', async (req, reply) => {
    requireSignedIn(req);
    requirePermission(req.actor, 'request.view');
    const csv = await exportRequestsCsv(db, req.actor, chinaDate(req.now));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('依申请公开.csv')}`)
      .send(csv);
  });

  app.post('/admin/requests/settings', async (req, reply) => {
    requireSignedIn(req);
    await saveRequestSettings(opContext(req), formBody(req.body));
    return redirect(reply, '/admin/requests', 'request_settings_saved');
  });

  const handlingUnits = (req: FastifyRequest) =>
    db
      .selectFrom('units as u')
      .select(['u.id', 'u.name'])
      .where('u.tenant_id', '=', req.actor.tenantId)
      .where('u.status', '=', 'active')
      .where(unitVisibility(req.actor, 'request.handle', 'u'))
      .orderBy('u.path')
      .limit(1000)
      .execute();

  const registerPage = async (
    req: FastifyRequest,
    values: Record<string, unknown>,
    errors?: ErrorMap,
    message?: string,
  ) =>
    RegisterPage({
      ...pageMeta(req, t('request.register_title'), 'admin'),
      units: await handlingUnits(req),
      values,
      errors,
      message,
    });

  app.get('/admin/requests/new', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/requests/new');
    requirePermission(req.actor, 'request.handle');
    return sendPage(reply, await registerPage(req, {}));
  });

  app.post('/admin/requests', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => registerRequest(opContext(req), body),
      (errors, message) => registerPage(req, body, errors, message),
    );
    if (!done) return reply;
    return sendAck(req, reply, done, 'admin', `/admin/requests/${done.request.id}`);
  });

  const detailPage = async (
    req: FastifyRequest,
    id: string,
    extra: { errors?: ErrorMap; message?: string } = {},
  ) => {
    const { r, unit } = await getRequestForStaff(db, req.actor, id);
    const today = chinaDate(req.now);
    const office = can(req.actor, 'request.office', unit);
    const entries = office
      ? (await effectiveCatalog(db, unit))
          .filter((i) => i.applies)
          .map((i) => ({ value: i.entry.id, label: `${i.entry.level1} / ${i.entry.item}` }))
      : [];
    return RequestDetailPage({
      ...pageMeta(req, `${t('request.title')} ${r.tracking_code}`, 'admin'),
      r,
      unitName: unit.name,
      deadline: await currentDeadline(db, r, today),
      deadlineNotes: await deadlineNotes(db, r),
      events: await eventsOf(db, r),
      files: (await filesOf(db, r)).map((f) => ({ id: f.id, name: f.name, role: f.role })),
      documents: await documentsOf(db, r),
      consultations: await consultationsOf(db, r),
      remedies: await remediesOf(db, r),
      disclosures: await linkedDisclosures(db, r),
      can: { handle: can(req.actor, 'request.handle', unit), office },
      units: await addressableUnits(db, req.actor.tenantId),
      entries,
      today,
      ...extra,
    });
  };

  app.get('/admin/requests/:id', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, `/signin?next=${encodeURIComponent(req.url)}`);
    return sendPage(reply, await detailPage(req, (req.params as Params).id));
  });

  app.get('/admin/requests/:id/files/:fileId', async (req, reply) => {
    requireSignedIn(req);
    const { id, fileId } = req.params as Params;
    const { r } = await getRequestForStaff(db, req.actor, id);
    const f = (await filesOf(db, r)).find((x) => x.id === fileId);
    if (!f) throw new AppError('request.not_found');
    return sendFile(reply, f.name, await fileBytes(db, r.tenant_id, f.file_id));
  });

  app.get('/admin/requests/:id/documents/:documentId', async (req, reply) => {
    requireSignedIn(req);
    const { id, documentId } = req.params as Params;
    const { r } = await getRequestForStaff(db, req.actor, id);
    const doc = await documentPdf(db, r, documentId ?? '');
    if (!doc) throw new AppError('request.not_found');
    return sendFile(reply, doc.name, doc.bytes);
  });

  for (const [name, def] of Object.entries(STEPS)) {
    app.post(`/admin/requests/:id/${name}`, async (req, reply) => {
      requireSignedIn(req);
      const { id } = req.params as Params;
      const { fields, file } = readForm(req.body);
      const done = await handleForm(
        reply,
        () => def.run(opContext(req), id, fields, def.file ? file : null, app.gk.config.uploadLimitBytes),
        (errors, message) => detailPage(req, id, { errors, message }),
      );
      if (done === undefined) return reply;
      return redirect(reply, `/admin/requests/${id}`, 'request_saved');
    });
  }
}
