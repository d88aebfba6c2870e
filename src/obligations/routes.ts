import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, coversWholeTenant, requirePermission } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import { deadlineNotesFor } from '../calendar/calendar-hooks.ts';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import { effectiveCatalog } from '../catalog/queries.ts';
import { t } from '../i18n/index.ts';
import { beijingDate } from '../jobs/schedule-daily.ts';
import { AppError } from '../lib/errors.ts';
import { isId } from '../lib/ids.ts';
import { opContext, redirect } from '../server/context.ts';
import { handleForm } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import { getVisibleUnit } from '../units/queries.ts';
import { registerObligationApi } from './api-routes.ts';
import { findObligation } from './find-obligation.ts';
import { readForm } from './form-body.ts';
import { fulfilManually } from './fulfil-manually.ts';
import { listObligations } from './queries.ts';
import { registerObligationHooks } from './recompute-due-dates.ts';
import { recordDecision } from './record-decision.ts';
import { recordEvent } from './record-event.ts';
import { saveSettings } from './save-settings.ts';
import { getSettings } from './settings.ts';
import { type FormState, ObligationSettingsPage, UnitObligationsPage } from './views.tsx';

/** Pages of obligations (the unit's list and forms, settings), the evidence file route, the API. */
export function registerObligationRoutes(app: FastifyInstance): void {
  registerObligationHooks();
  const { db } = app.gk;

  const unitPage = async (req: FastifyRequest, unitId: string, state: FormState = {}) => {
    const unit = await getVisibleUnit(db, req.actor, unitId, 'obligation.view');
    const today = beijingDate(req.now);
    const calendar = await loadCalendar(db, req.actor.tenantId);
    const settings = await getSettings(db, req.actor.tenantId, today);
    const rows = await listObligations(db, req.actor, { unitIds: [unit.id] }, today, calendar, settings);
    rows.sort((a, b) => (a.dueDate === b.dueDate ? 0 : a.dueDate < b.dueDate ? 1 : -1));
    const notes = await deadlineNotesFor(
      db,
      req.actor.tenantId,
      'obligation',
      rows.map((r) => r.id),
    );
    let events = null;
    let decisions = null;
    if (can(req.actor, 'obligation.record', unit) && unit.status === 'active') {
      const items = (await effectiveCatalog(db, unit)).filter(
        (i) => i.applies && i.entry.mode === 'proactive',
      );
      const opts = (timing: string) =>
        items
          .filter((i) => i.entry.timing === timing)
          .map((i) => ({ value: i.entry.id, label: `${i.entry.level1} · ${i.entry.item}` }));
      events = opts('immediate');
      decisions = opts('standing');
    }
    return UnitObligationsPage({
      ...pageMeta(req, t('obligation.unit_title', { unit: unit.name }), 'admin'),
      unit,
      rows,
      notes,
      events,
      decisions,
      canFulfil: can(req.actor, 'obligation.fulfil_manual', unit),
      state,
    });
  };
  const unitIdOf = (req: FastifyRequest) => (req.params as { id: string }).id;
  const signInFirst = (req: FastifyRequest, reply: FastifyReply) =>
    req.actor.kind !== 'person' ? redirect(reply, `/signin?next=${encodeURIComponent(req.url)}`) : null;

  app.get('/admin/units/:id/obligations', async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    return sendPage(reply, await unitPage(req, unitIdOf(req)));
  });

  for (const kind of ['event', 'decision'] as const) {
    app.post(`/admin/units/:id/obligations/${kind}s`, async (req, reply) => {
      requireSignedIn(req);
      const { fields } = readForm(req.body);
      const unitId = unitIdOf(req);
      const input = { ...fields, unitId };
      const ok = await handleForm(
        reply,
        () => (kind === 'event' ? recordEvent(opContext(req), input) : recordDecision(opContext(req), input)),
        (errors, message) => unitPage(req, unitId, { form: kind, errors, message, values: fields }),
      );
      return ok ? redirect(reply, `/admin/units/${unitId}/obligations`, 'obligation_recorded') : reply;
    });
  }

  app.post('/admin/obligations/fulfil', async (req, reply) => {
    requireSignedIn(req);
    const { fields, file } = readForm(req.body);
    const o = isId(fields.obligationId ?? '')
      ? await findObligation(db, req.actor.tenantId, fields.obligationId)
      : undefined;
    if (!o) throw new AppError('obligation.not_found');
    const ok = await handleForm(
      reply,
      () => fulfilManually(opContext(req), o.id, fields, { file, maxBytes: app.gk.config.uploadLimitBytes }),
      (errors, message) => unitPage(req, o.unit_id, { form: 'fulfil', errors, message, values: fields }),
    );
    return ok ? redirect(reply, `/admin/units/${o.unit_id}/obligations`, 'obligation_fulfilled') : reply;
  });

  const settingsPage = async (
    req: FastifyRequest,
    extra: Partial<Parameters<typeof ObligationSettingsPage>[0]> = {},
  ) =>
    ObligationSettingsPage({
      ...pageMeta(req, t('obligation.settings.title'), 'admin'),
      values: await getSettings(db, req.actor.tenantId, beijingDate(req.now)),
      canManage: coversWholeTenant(req.actor, 'obligation.manage'),
      ...extra,
    });
  app.get('/admin/obligations/settings', async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    requirePermission(req.actor, 'obligation.view');
    return sendPage(reply, await settingsPage(req));
  });
  app.post('/admin/obligations/settings', async (req, reply) => {
    requireSignedIn(req);
    const { fields } = readForm(req.body);
    const ok = await handleForm(
      reply,
      () => saveSettings(opContext(req), fields),
      async (errors, message) => settingsPage(req, { errors, message, values: fields }),
    );
    return ok ? redirect(reply, '/admin/obligations/settings', 'obligation_settings_saved') : reply;
  });

  // Evidence images: only to people who may see obligations of the unit whose obligation cites it.
  app.get('/files/:id', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!isId(id)) throw new AppError('file.not_found');
    const row = await db
      .selectFrom('files as f')
      .innerJoin('obligations as o', (j) =>
        j.onRef('o.tenant_id', '=', 'f.tenant_id').onRef('o.evidence_file_id', '=', 'f.id'),
      )
      .innerJoin('units as u', (j) =>
        j.onRef('u.tenant_id', '=', 'o.tenant_id').onRef('u.id', '=', 'o.unit_id'),
      )
      .select(['f.name', 'f.mime', 'f.content_b64', 'u.id', 'u.path', 'u.sphere', 'u.status'])
      .where('f.tenant_id', '=', req.actor.tenantId)
      .where('f.id', '=', id)
      .executeTakeFirst();
    if (!row || !can(req.actor, 'obligation.view', row)) throw new AppError('file.not_found');
    return reply
      .type(row.mime)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.name)}`)
      .send(Buffer.from(row.content_b64, 'base64'));
  });

  registerObligationApi(app);
}
