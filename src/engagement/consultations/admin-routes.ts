import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermissionSomewhere, requirePermission, unitVisibility } from '../../auth/policy.ts';
import { t } from '../../i18n/index.ts';
import type { OpContext } from '../../lib/context.ts';
import { opContext, redirect } from '../../server/context.ts';
import { formBody, handleForm } from '../../server/forms.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import type { ErrorMap } from '../../views/form.tsx';
import { adminDetail } from './admin-data.ts';
import { AdminDetailPage } from './admin-detail-view.tsx';
import { AdminListPage, ModerationPage, NewConsultationPage } from './admin-views.tsx';
import { approveComment, commentForStaff } from './approve-comment.ts';
import { createConsultation } from './create-consultation.ts';
import { extendConsultation } from './extend-consultation.ts';
import { openConsultation } from './open-consultation.ts';
import { publishReport } from './publish-report.ts';
import { listStaffConsultations, moderationQueue } from './queries.ts';
import { recordDecision } from './record-decision.ts';
import { rejectComment } from './reject-comment.ts';
import { startFinalDecision } from './start-final-decision.ts';
import { updateConsultation } from './update-consultation.ts';
import { withdrawConsultation } from './withdraw-consultation.ts';

type Step = (ctx: OpContext, id: string, body: Record<string, unknown>) => Promise<unknown>;

/** Steps posted from the staff page of a consultation: operation and flash key. */
const STEPS: Record<string, { run: Step; flash: string }> = {
  '': { run: updateConsultation, flash: 'consultation_saved' },
  open: { run: openConsultation, flash: 'consultation_opened' },
  extend: { run: extendConsultation, flash: 'consultation_extended' },
  withdraw: { run: withdrawConsultation, flash: 'consultation_withdrawn' },
  decisions: { run: recordDecision, flash: 'consultation_decision_recorded' },
  report: { run: publishReport, flash: 'consultation_report_published' },
  final: { run: startFinalDecision, flash: 'consultation_final_started' },
};

/** The back office: list, create, the consultation's page with its steps, the moderation queue. */
export function registerConsultationAdminRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  const signedIn = (req: FastifyRequest) => req.actor.kind === 'person';

  app.get('/admin/consultations', async (req, reply) => {
    if (!signedIn(req)) return redirect(reply, '/signin?next=/admin/consultations');
    requirePermission(req.actor, 'consultation.manage');
    return sendPage(
      reply,
      AdminListPage({
        ...pageMeta(req, t('consultation.admin_title'), 'admin'),
        items: await listStaffConsultations(db, req.actor, req.now),
        canCreate: hasPermissionSomewhere(req.actor, 'consultation.manage'),
      }),
    );
  });

  const unitOptions = async (req: FastifyRequest) =>
    (
      await db
        .selectFrom('units as u')
        .select(['u.id', 'u.name'])
        .where('u.tenant_id', '=', req.actor.tenantId)
        .where('u.status', '=', 'active')
        .where(unitVisibility(req.actor, 'consultation.manage', 'u'))
        .orderBy('u.path')
        .limit(1000)
        .execute()
    ).map((u) => ({ value: u.id, label: u.name }));

  const newPage = async (
    req: FastifyRequest,
    values: Record<string, unknown>,
    errors?: ErrorMap,
    message?: string,
  ) =>
    NewConsultationPage({
      ...pageMeta(req, t('consultation.admin_new'), 'admin'),
      units: await unitOptions(req),
      values,
      errors,
      message,
    });

  app.get('/admin/consultations/new', async (req, reply) => {
    if (!signedIn(req)) return redirect(reply, '/signin?next=/admin/consultations/new');
    requirePermission(req.actor, 'consultation.manage');
    return sendPage(reply, await newPage(req, {}));
  });

  app.post('/admin/consultations', async (req, reply) => {
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => createConsultation(opContext(req), body),
      (errors, message) => newPage(req, body, errors, message),
    );
    if (!done) return reply;
    return redirect(reply, `/admin/consultations/${done.id}`, 'consultation_created');
  });

  app.get('/admin/consultations/moderation', async (req, reply) => {
    if (!signedIn(req)) return redirect(reply, '/signin?next=/admin/consultations/moderation');
    requirePermission(req.actor, 'consultation.manage');
    return sendPage(
      reply,
      ModerationPage({
        ...pageMeta(req, t('consultation.moderation_title'), 'admin'),
        items: await moderationQueue(db, req.actor),
      }),
    );
  });

  const detailPage = async (
    req: FastifyRequest,
    id: string,
    form?: { values: Record<string, unknown>; errors: ErrorMap; message: string },
  ) => {
    const data = await adminDetail(opContext(req), id);
    return AdminDetailPage({ ...pageMeta(req, data.c.title, 'admin'), ...data, ...(form ?? {}) });
  };

  app.get('/admin/consultations/:id', async (req, reply) => {
    if (!signedIn(req)) return redirect(reply, '/signin');
    return sendPage(reply, await detailPage(req, (req.params as { id: string }).id));
  });

  for (const [name, step] of Object.entries(STEPS)) {
    app.post(`/admin/consultations/:id${name ? `/${name}` : ''}`, async (req, reply) => {
      const id = (req.params as { id: string }).id;
      const body = formBody(req.body);
      const done = await handleForm(
        reply,
        () => step.run(opContext(req), id, body),
        (errors, message) => detailPage(req, id, { values: body, errors, message }),
      );
      if (done === undefined) return reply;
      if (name === 'final' && done && typeof done === 'object' && 'id' in done)
        return redirect(reply, `/admin/disclosures/${(done as { id: string }).id}`, step.flash);
      return redirect(reply, `/admin/consultations/${id}`, step.flash);
    });
  }

  /** Moderation from the queue or the consultation page: back to where the moderator came from. */
  const back = (req: FastifyRequest, consultationId: string) =>
    String(req.headers.referer ?? '').includes('/admin/consultations/moderation')
      ? '/admin/consultations/moderation'
      : `/admin/consultations/${consultationId}`;

  app.post('/admin/consultations/comments/:commentId/approve', async (req, reply) => {
    const k = await approveComment(opContext(req), (req.params as { commentId: string }).commentId);
    return redirect(reply, back(req, k.consultation_id), 'consultation_comment_approved');
  });

  app.post('/admin/consultations/comments/:commentId/reject', async (req, reply) => {
    const commentId = (req.params as { commentId: string }).commentId;
    const body = formBody(req.body);
    const { c } = await commentForStaff(opContext(req), commentId);
    const done = await handleForm(
      reply,
      () => rejectComment(opContext(req), commentId, body),
      (errors, message) => detailPage(req, c.id, { values: {}, errors, message }),
    );
    if (!done) return reply;
    return redirect(reply, back(req, c.id), 'consultation_comment_rejected');
  });
}
