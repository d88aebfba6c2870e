import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, requirePermission } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import { t } from '../i18n/index.ts';
import { opContext, redirect } from '../server/context.ts';
import { formBody, handleForm } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import { getVisibleUnit } from '../units/queries.ts';
import type { ErrorMap } from '../views/form.tsx';
import { acceptExclusion } from './accept-exclusion.ts';
import { addOwnEntry } from './add-own-entry.ts';
import { claimExclusion } from './claim-exclusion.ts';
import { type EntryFormValues, entryFormInput } from './entry-form.tsx';
import { effectiveCatalog, findExclusion, pendingClaims } from './queries.ts';
import { rejectExclusion } from './reject-exclusion.ts';
import { ClaimsPage, UnitCatalogPage } from './unit-catalog-views.tsx';
import { withdrawExclusion } from './withdraw-exclusion.ts';

/** A unit's catalog page (7 + X, claims) and the office's list of pending claims. */
export function registerUnitCatalogPages(app: FastifyInstance): void {
  const { db } = app.gk;

  const unitPage = async (
    req: FastifyRequest,
    id: string,
    extra: { values?: EntryFormValues; errors?: ErrorMap; message?: string } = {},
  ) => {
    const unit = await getVisibleUnit(db, req.actor, id, 'catalog.view');
    const active = unit.status === 'active';
    return UnitCatalogPage({
      ...pageMeta(req, t('catalog.unit_catalog_of', { unit: unit.name }), 'admin'),
      unit,
      items: await effectiveCatalog(db, unit),
      canEditOwn: active && can(req.actor, 'catalog.edit_own', unit),
      canExclude: active && can(req.actor, 'catalog.exclude', unit),
      canDecide: can(req.actor, 'catalog.manage', unit),
      ...extra,
    });
  };

  app.get('/admin/units/:id/catalog', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, `/signin?next=${encodeURIComponent(req.url)}`);
    return sendPage(reply, await unitPage(req, (req.params as { id: string }).id));
  });

  app.post('/admin/units/:id/catalog/entries', async (req, reply) => {
    requireSignedIn(req);
    const id = (req.params as { id: string }).id;
    const body = entryFormInput(formBody(req.body));
    const done = await handleForm(
      reply,
      () => addOwnEntry(opContext(req), id, body),
      (errors, message) => unitPage(req, id, { values: body as EntryFormValues, errors, message }),
    );
    if (!done) return reply;
    return redirect(reply, `/admin/units/${id}/catalog`, 'catalog_entry_added');
  });

  app.post('/admin/units/:id/catalog/exclusions', async (req, reply) => {
    requireSignedIn(req);
    const id = (req.params as { id: string }).id;
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      () => claimExclusion(opContext(req), id, body),
      (errors, message) => unitPage(req, id, { message: [message, ...Object.values(errors)].join(' ') }),
    );
    if (!done) return reply;
    return redirect(reply, `/admin/units/${id}/catalog`, 'catalog_claimed');
  });

  const decisions = [
    ['accept', 'catalog_claim_accepted', acceptExclusion],
    ['reject', 'catalog_claim_rejected', rejectExclusion],
    ['withdraw', 'catalog_claim_withdrawn', withdrawExclusion],
  ] as const;
  for (const [verb, flash, op] of decisions) {
    app.post(`/admin/catalog-exclusions/:id/${verb}`, async (req, reply) => {
      requireSignedIn(req);
      const id = (req.params as { id: string }).id;
      const body = formBody(req.body);
      const toClaims = body.back === 'claims';
      const x = await findExclusion(db, req.actor.tenantId, id);
      const done = await handleForm(
        reply,
        () => op(opContext(req), id, body),
        async (errors, message) => {
          const text = [message, ...Object.values(errors)].join(' ');
          if (toClaims || !x) return claimsPage(req, text);
          return unitPage(req, x.unit_id, { message: text });
        },
      );
      if (!done) return reply;
      return redirect(
        reply,
        toClaims ? '/admin/catalog-claims' : `/admin/units/${done.unit_id}/catalog`,
        flash,
      );
    });
  }

  const claimsPage = async (req: FastifyRequest, message?: string) =>
    ClaimsPage({
      ...pageMeta(req, t('catalog.claims'), 'admin'),
      claims: await pendingClaims(db, req.actor),
      message,
    });

  app.get('/admin/catalog-claims', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/catalog-claims');
    requirePermission(req.actor, 'catalog.manage');
    return sendPage(reply, await claimsPage(req));
  });
}
