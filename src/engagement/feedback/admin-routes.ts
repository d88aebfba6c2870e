import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, hasPermissionSomewhere } from '../../auth/policy.ts';
import type { FeedbackKind, FeedbackStatus } from '../../db/types-engagement.ts';
import { t } from '../../i18n/index.ts';
import { AppError } from '../../lib/errors.ts';
import { opContext, redirect } from '../../server/context.ts';
import { formBody, handleForm } from '../../server/forms.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import type { ErrorMap } from '../../views/form.tsx';
import { FeedbackDetailPage, FeedbackListPage, PaperEntryPage, type StepsAllowed } from './admin-views.tsx';
import { enterPaperFeedback } from './enter-paper-feedback.ts';
import { FeedbackAckPage } from './public-views.tsx';
import { eventsOf, listFeedback, repliesOf, unitsSeen, unitsWith } from './queries.ts';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES } from './schemas.ts';
import { FEEDBACK_STEPS } from './steps.ts';
import {
  canSeeContacts,
  chinaDate,
  getFeedbackForStaff,
  handlePerm,
  type LoadedFeedback,
  officePerm,
} from './store.ts';

/** Whether anyone here may use the feedback back office at all. */
export function seesFeedback(actor: FastifyRequest['actor']): boolean {
  return hasPermissionSomewhere(actor, 'feedback.view') || hasPermissionSomewhere(actor, 'feedback.report');
}

/** The back office: the list (moderation queue, 不满意 list, filters), paper entry, the detail page and its steps. */
export function registerFeedbackAdminRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  const signedIn = (req: FastifyRequest) => {
    if (req.actor.kind !== 'person') throw new AppError('auth.required');
    if (!seesFeedback(req.actor)) throw new AppError('auth.forbidden');
  };

  app.get('/admin/feedback', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/feedback');
    signedIn(req);
    const q = req.query as { status?: string; kind?: string; unitId?: string; overdue?: string };
    const status = FEEDBACK_STATUSES.find((s) => s === q.status) as FeedbackStatus | undefined;
    const kind = FEEDBACK_KINDS.find((k) => k === q.kind) as FeedbackKind | undefined;
    const today = chinaDate(req.now);
    const units = await unitsSeen(db, req.actor);
    const unitId = units.some((u) => u.id === q.unitId) ? q.unitId : undefined;
    const office =
      hasPermissionSomewhere(req.actor, 'feedback.office') ||
      hasPermissionSomewhere(req.actor, 'feedback.report');
    const [items, held, dissatisfied] = await Promise.all([
      listFeedback(db, req.actor, today, { status, kind, unitId, overdue: q.overdue === '1' }),
      office ? listFeedback(db, req.actor, today, { status: 'held' }) : [],
      office ? listFeedback(db, req.actor, today, { dissatisfied: true }) : [],
    ]);
    return sendPage(
      reply,
      FeedbackListPage({
        ...pageMeta(req, t('feedback.admin_title'), 'admin'),
        items,
        held,
        dissatisfied,
        units,
        filters: { status: status ?? '', kind: kind ?? '', unitId: unitId ?? '', overdue: q.overdue === '1' },
        canPaper: hasPermissionSomewhere(req.actor, 'feedback.handle'),
        today,
      }),
    );
  });

  const paperPage = async (
    req: FastifyRequest,
    values: Record<string, unknown>,
    errors?: ErrorMap,
    message?: string,
  ) =>
    PaperEntryPage({
      ...pageMeta(req, t('feedback.paper_title'), 'admin'),
      units: await unitsWith(db, req.actor, 'feedback.handle'),
      values,
      errors,
      message,
    });

  app.get('/admin/feedback/paper', async (req, reply) => {
    signedIn(req);
    if (!hasPermissionSomewhere(req.actor, 'feedback.handle')) throw new AppError('auth.forbidden');
    return sendPage(reply, await paperPage(req, {}));
  });

  app.post('/admin/feedback/paper', async (req, reply) => {
    signedIn(req);
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => enterPaperFeedback(opContext(req), body),
      (errors, message) => paperPage(req, body, errors, message),
    );
    if (!done) return reply;
    const unit = await db
      .selectFrom('units')
      .select('name')
      .where('tenant_id', '=', done.feedback.tenant_id)
      .where('id', '=', done.feedback.unit_id)
      .executeTakeFirstOrThrow();
    return sendPage(
      reply,
      FeedbackAckPage({
        ...pageMeta(req, t('feedback.ack_title'), 'admin'),
        f: done.feedback,
        unitName: unit.name,
        secret: done.secret,
        back: '/admin/feedback',
      }),
      201,
    );
  });

  const detailPage = async (
    req: FastifyRequest,
    found: LoadedFeedback,
    errors?: ErrorMap,
    message?: string,
  ) => {
    const { f, unit } = found;
    const a = req.actor;
    const office = can(a, officePerm(f), unit);
    const handle = can(a, handlePerm(f), unit);
    const steps: StepsAllowed = {
      moderate: office && f.status === 'held',
      route: office && f.kind !== 'report' && ['received', 'assigned', 'in_progress'].includes(f.status),
      accept: handle && f.status === 'assigned',
      reply: handle && (f.status === 'assigned' || f.status === 'in_progress'),
      close: office && ['received', 'assigned', 'in_progress', 'replied', 'cannot_handle'].includes(f.status),
      reopen: office && !!f.replied_on && ['replied', 'cannot_handle', 'closed'].includes(f.status),
    };
    const [events, replies, addressed, enteredBy, routeUnits] = await Promise.all([
      eventsOf(db, f),
      repliesOf(db, f),
      db
        .selectFrom('units')
        .select('name')
        .where('tenant_id', '=', f.tenant_id)
        .where('id', '=', f.addressed_unit_id)
        .executeTakeFirstOrThrow(),
      f.entered_by
        ? db
            .selectFrom('people')
            .select('display_name')
            .where('tenant_id', '=', f.tenant_id)
            .where('id', '=', f.entered_by)
            .executeTakeFirst()
        : undefined,
      steps.route ? unitsWith(db, a, 'feedback.office') : [],
    ]);
    return FeedbackDetailPage({
      ...pageMeta(req, `${t('feedback.admin_title')} ${f.tracking_code}`, 'admin'),
      f,
      unitName: unit.name,
      addressedName: addressed.name,
      enteredBy: enteredBy?.display_name ?? null,
      events,
      replies,
      steps,
      routeUnits,
      showContacts: canSeeContacts(a, f, unit),
      errors,
      message,
    });
  };

  app.get('/admin/feedback/:id', async (req, reply) => {
    signedIn(req);
    const found = await getFeedbackForStaff(db, req.actor, (req.params as { id: string }).id);
    return sendPage(reply, await detailPage(req, found));
  });

  for (const [step, run] of Object.entries(FEEDBACK_STEPS)) {
    app.post(`/admin/feedback/:id/${step}`, async (req, reply) => {
      signedIn(req);
      const { id } = req.params as { id: string };
      const done = await handleForm(
        reply,
        () => run(opContext(req), id, formBody(req.body)),
        async (errors, message) =>
          detailPage(req, await getFeedbackForStaff(db, req.actor, id), errors, message),
      );
      if (!done) return reply;
      // after a step the actor may no longer see it (a 举报 never; routed away): back to the list then
      const still = await getFeedbackForStaff(db, req.actor, id).catch(() => undefined);
      return redirect(reply, still ? `/admin/feedback/${id}` : '/admin/feedback', 'feedback_done');
    });
  }
}
