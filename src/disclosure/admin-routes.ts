import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, hasPermissionSomewhere, requirePermission, unitVisibility } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import { effectiveCatalog } from '../catalog/queries.ts';
import type { DisclosureState } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { readForm } from '../obligations/form-body.ts';
import { opContext, redirect } from '../server/context.ts';
import { formBody, handleForm } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import type { ErrorMap } from '../views/form.tsx';
import { addAttachment } from './add-attachment.ts';
import { DisclosureListPage, type DraftValues, draftValues, NewDisclosurePage } from './admin-views.tsx';
import { approveDisclosure } from './approve-disclosure.ts';
import { createDraft } from './create-draft.ts';
import { listFilings, listPrivacyOverrides, reviewFiling } from './filings.ts';
import { createFinanceDraft } from './finance-draft.ts';
import { createInterpretation, interpretationOf } from './interpretation.ts';
import { DisclosureItemPage } from './item-view.tsx';
import { maskDisclosure } from './mask-disclosure.ts';
import { FilingsPage, FinanceSheetPage, PrivacyOverridesPage } from './office-views.tsx';
import { fileBytes, scanDisclosure } from './privacy-check.ts';
import { publishDisclosure } from './publish-disclosure.ts';
import {
  entryAndObligation,
  eventsOf,
  getAdminDisclosure,
  listAdminDisclosures,
  peopleNames,
  versionsOf,
} from './queries.ts';
import { removeAttachment } from './remove-attachment.ts';
import { returnDisclosure } from './return-disclosure.ts';
import { reviewDisclosure } from './review-disclosure.ts';
import { reviseDisclosure } from './revise-disclosure.ts';
import { revokeDisclosure } from './revoke-disclosure.ts';
import { setDrafterMayReview } from './set-drafter-may-review.ts';
import { attachmentsOf, chinaDate, type Disclosure, findDisclosure } from './store.ts';
import { submitDisclosure } from './submit-disclosure.ts';
import { updateDraft } from './update-draft.ts';

type Params = { id: string; fileId?: string };
const STATES = ['draft', 'submitted', 'reviewed', 'approved', 'published', 'revoked', 'withheld'];

/** The back office of the workflow: list, draft form, the item's workflow page and its steps. */
export function registerDisclosureAdminRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/admin/disclosures', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/disclosures');
    requirePermission(req.actor, 'disclosure.view_internal');
    const state = (req.query as { state?: string }).state;
    const items = await listAdminDisclosures(db, req.actor, {
      state: STATES.includes(state ?? '') ? (state as DisclosureState) : undefined,
    });
    const managed = await db
      .selectFrom('units as u')
      .select(['u.id', 'u.name'])
      .where('u.tenant_id', '=', req.actor.tenantId)
      .where('u.status', '=', 'active')
      .where(unitVisibility(req.actor, 'unit.manage', 'u'))
      .orderBy('u.path')
      .limit(1000)
      .execute();
    return sendPage(
      reply,
      DisclosureListPage({
        ...pageMeta(req, t('disclosure.admin_title'), 'admin'),
        items,
        canDraft: hasPermissionSomewhere(req.actor, 'disclosure.draft'),
        managedUnits: managed,
      }),
    );
  });

  app.post('/admin/disclosures/settings', async (req, reply) => {
    requireSignedIn(req);
    await setDrafterMayReview(opContext(req), formBody(req.body));
    return redirect(reply, '/admin/disclosures', 'disclosure_settings_saved');
  });

  const newPage = async (
    req: FastifyRequest,
    unitId: string | null,
    values: DraftValues,
    errors?: ErrorMap,
    message?: string,
  ) => {
    const units = await db
      .selectFrom('units as u')
      .selectAll('u')
      .where('u.tenant_id', '=', req.actor.tenantId)
      .where('u.status', '=', 'active')
      .where(unitVisibility(req.actor, 'disclosure.draft', 'u'))
      .orderBy('u.path')
      .execute();
    const chosen = units.find((u) => u.id === unitId) ?? (units.length === 1 ? units[0] : undefined);
    const entries = chosen
      ? (await effectiveCatalog(db, chosen)).filter((i) => i.applies).map((i) => entryOption(i.entry))
      : [];
    return NewDisclosurePage({
      ...pageMeta(req, t('disclosure.new'), 'admin'),
      units,
      unitId: chosen?.id ?? null,
      entries,
      values,
      errors,
      message,
    });
  };

  app.get('/admin/disclosures/new', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/disclosures/new');
    requirePermission(req.actor, 'disclosure.draft');
    return sendPage(reply, await newPage(req, (req.query as { unitId?: string }).unitId ?? null, {}));
  });

  app.post('/admin/disclosures', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    const d = await handleForm(
      reply,
      () => createDraft(opContext(req), body),
      (errors, message) => newPage(req, String(body.unitId ?? ''), body as DraftValues, errors, message),
    );
    if (!d) return reply;
    return redirect(reply, `/admin/disclosures/${d.id}`, 'disclosure_created');
  });

  const itemPage = async (
    req: FastifyRequest,
    id: string,
    extra: { values?: DraftValues; errors?: ErrorMap; message?: string } = {},
  ) => {
    const { d, unit } = await getAdminDisclosure(db, req.actor, id);
    const { entry } = await entryAndObligation(db, d);
    const findings =
      d.state === 'published' || d.state === 'revoked' || d.state === 'withheld'
        ? []
        : await scanDisclosure(db, d);
    const related = (x: Disclosure | undefined) => (x ? { id: x.id, title: x.title, state: x.state } : null);
    const document = d.interprets_id
      ? (await findDisclosure(db, d.tenant_id, d.interprets_id))?.d
      : undefined;
    return DisclosureItemPage({
      ...pageMeta(req, d.title, 'admin'),
      d,
      unitName: unit.name,
      entryLabel: entry ? `${entry.level1} / ${entry.item}` : '',
      can: {
        draft: can(req.actor, 'disclosure.draft', unit),
        review: can(req.actor, 'disclosure.review', unit),
        approve: can(req.actor, 'disclosure.approve', unit),
        publish: can(req.actor, 'disclosure.publish', unit),
      },
      findings,
      names: await peopleNames(db, d.tenant_id, [d.drafted_by, d.reviewed_by, d.approved_by]),
      events: await eventsOf(db, d),
      versions: await versionsOf(db, d),
      values: extra.values ?? draftValues(d),
      errors: extra.errors,
      message: extra.message,
      interpretation: d.interprets_id ? null : related(await interpretationOf(db, d)),
      document: related(document),
      requiresInterpretation: !d.interprets_id && entry?.requires_interpretation === 1,
      canManage: can(req.actor, 'unit.manage', unit),
      today: chinaDate(req.now),
    });
  };

  app.get('/admin/disclosures/:id', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, `/signin?next=${encodeURIComponent(req.url)}`);
    return sendPage(reply, await itemPage(req, (req.params as Params).id));
  });

  app.get('/admin/disclosures/:id/files/:fileId', async (req, reply) => {
    requireSignedIn(req);
    const { id, fileId } = req.params as Params;
    const { d } = await getAdminDisclosure(db, req.actor, id);
    const versions = await versionsOf(db, d);
    const refs = [d.attachments, ...versions.map((v) => v.attachments)].flatMap(attachmentsOf);
    const ref = refs.find((a) => a.fileId === fileId);
    if (!ref) return reply.code(404).send();
    return sendFile(reply, ref.name, await fileBytes(db, d.tenant_id, ref.fileId));
  });

  /** A step: run the operation, re-render the workflow page with the error, or redirect with a flash. */
  const step = (
    suffix: string,
    flash: string,
    op: (req: FastifyRequest, id: string, body: Record<string, unknown>) => Promise<unknown>,
  ) => {
    app.post(`/admin/disclosures/:id${suffix}`, async (req, reply) => {
      requireSignedIn(req);
      const { id } = req.params as Params;
      const body = formBody(req.body);
      const done = await handleForm(
        reply,
        () => op(req, id, body),
        (errors, message) =>
          itemPage(req, id, {
            errors,
            message,
            values: suffix === '' || suffix === '/filing-review' ? (body as DraftValues) : undefined,
          }),
      );
      if (done === undefined) return reply;
      return redirect(reply, `/admin/disclosures/${id}`, flash);
    });
  };
  step('', 'disclosure_saved', (r, id, b) => updateDraft(opContext(r), id, b));
  step('/submit', 'disclosure_submitted', (r, id, b) => submitDisclosure(opContext(r), id, b));
  step('/review', 'disclosure_reviewed', (r, id) => reviewDisclosure(opContext(r), id));
  step('/approve', 'disclosure_approved', (r, id) => approveDisclosure(opContext(r), id));
  step('/return', 'disclosure_returned', (r, id, b) => returnDisclosure(opContext(r), id, b));
  step('/publish', 'disclosure_published', (r, id, b) => publishDisclosure(opContext(r), id, b));
  step('/revise', 'disclosure_revised', (r, id, b) => reviseDisclosure(opContext(r), id, b));
  step('/revoke', 'disclosure_revoked', (r, id, b) => revokeDisclosure(opContext(r), id, b));
  step('/mask', 'disclosure_masked', (r, id) => maskDisclosure(opContext(r), id));
  step('/filing-review', 'disclosure_filing_reviewed', (r, id, b) => reviewFiling(opContext(r), id, b));

  // 起草政策解读: from the document's page; lands on the new interpretation's page.
  app.post('/admin/disclosures/:id/interpretation', async (req, reply) => {
    requireSignedIn(req);
    const { id } = req.params as Params;
    const body = formBody(req.body);
    const created = await handleForm(
      reply,
      () => createInterpretation(opContext(req), id, body),
      (errors, message) => itemPage(req, id, { errors, message }),
    );
    if (!created) return reply;
    return redirect(reply, `/admin/disclosures/${created.id}`, 'disclosure_interpretation_created');
  });

  app.get('/admin/disclosures/filings', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/disclosures/filings');
    requirePermission(req.actor, 'unit.manage');
    return sendPage(
      reply,
      FilingsPage({
        ...pageMeta(req, t('disclosure.filings.title'), 'admin'),
        items: await listFilings(db, req.actor, chinaDate(req.now)),
      }),
    );
  });

  app.get('/admin/disclosures/privacy-overrides', async (req, reply) => {
    if (req.actor.kind !== 'person')
      return redirect(reply, '/signin?next=/admin/disclosures/privacy-overrides');
    requirePermission(req.actor, 'unit.manage');
    return sendPage(
      reply,
      PrivacyOverridesPage({
        ...pageMeta(req, t('disclosure.overrides.title'), 'admin'),
        items: await listPrivacyOverrides(db, req.actor),
      }),
    );
  });

  const financePage = async (
    req: FastifyRequest,
    unitId: string | null,
    values: Record<string, string | undefined>,
    errors?: ErrorMap,
    message?: string,
  ) => {
    const units = await db
      .selectFrom('units as u')
      .selectAll('u')
      .where('u.tenant_id', '=', req.actor.tenantId)
      .where('u.status', '=', 'active')
      .where(unitVisibility(req.actor, 'disclosure.draft', 'u'))
      .orderBy('u.path')
      .execute();
    const chosen = units.find((u) => u.id === unitId) ?? (units.length === 1 ? units[0] : undefined);
    const applicable = chosen ? (await effectiveCatalog(db, chosen)).filter((i) => i.applies) : [];
    // Finance entries first (财务收支); any periodic entry may take a sheet.
    const periodic = applicable.filter((i) => i.entry.timing === 'periodic' && i.entry.status === 'active');
    const finance = periodic.filter((i) => i.entry.domain === 'finance');
    const entries = (finance.length > 0 ? finance : periodic).map((i) => entryOption(i.entry));
    return FinanceSheetPage({
      ...pageMeta(req, t('disclosure.finance.title'), 'admin'),
      units,
      unitId: chosen?.id ?? null,
      entries,
      values: { entryId: entries.length === 1 ? entries[0].value : undefined, ...values },
      errors,
      message,
    });
  };

  app.get('/admin/disclosures/finance-sheet', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/disclosures/finance-sheet');
    requirePermission(req.actor, 'disclosure.draft');
    return sendPage(reply, await financePage(req, (req.query as { unitId?: string }).unitId ?? null, {}));
  });

  app.post('/admin/disclosures/finance-sheet', async (req, reply) => {
    requireSignedIn(req);
    const { fields, file } = readForm(req.body);
    const done = await handleForm(
      reply,
      () => createFinanceDraft(opContext(req), fields, file, app.gk.config.uploadLimitBytes),
      (errors, message) =>
        financePage(
          req,
          fields.unitId ?? null,
          fields,
          errors.periodKey ? { period: errors.periodKey, ...errors } : errors,
          message,
        ),
    );
    if (!done) return reply;
    return redirect(
      reply,
      `/admin/disclosures/${done.disclosure.id}`,
      done.warnings.length > 0 ? 'disclosure_finance_created_warnings' : 'disclosure_finance_created',
    );
  });

  app.post('/admin/disclosures/:id/attachments', async (req, reply) => {
    requireSignedIn(req);
    const { id } = req.params as Params;
    const { file } = readForm(req.body);
    const done = await handleForm(
      reply,
      () => addAttachment(opContext(req), id, file, app.gk.config.uploadLimitBytes),
      (errors, message) => itemPage(req, id, { errors, message }),
    );
    if (!done) return reply;
    return redirect(reply, `/admin/disclosures/${id}`, 'disclosure_attached');
  });

  app.post('/admin/disclosures/:id/attachments/:fileId/remove', async (req, reply) => {
    requireSignedIn(req);
    const { id, fileId } = req.params as Params;
    const done = await handleForm(
      reply,
      () => removeAttachment(opContext(req), id, fileId ?? ''),
      (errors, message) => itemPage(req, id, { errors, message }),
    );
    if (!done) return reply;
    return redirect(reply, `/admin/disclosures/${id}`, 'disclosure_detached');
  });
}

const INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg']);

export function sendFile(reply: FastifyReply, name: string, bytes: Buffer): FastifyReply {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  const mime =
    { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' }[ext] ??
    (ext === 'docx'
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      : ext === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'application/octet-stream');
  const disposition = INLINE.has(mime) ? 'inline' : 'attachment';
  return reply
    .header('content-type', mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(bytes);
}

export type { Disclosure };

/** A catalog entry as a choice in the drafting forms: 一级 / 二级 / 事项（周期）. */
function entryOption(e: {
  id: string;
  level1: string;
  level2: string | null;
  item: string;
  period: string | null;
}) {
  const path = [e.level1, e.level2, e.item].filter(Boolean).join(' / ');
  return { value: e.id, label: `${path}${e.period ? `（${t(`catalog.period.${e.period}`)}）` : ''}` };
}
