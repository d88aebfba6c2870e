import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, hasPermissionSomewhere, requirePermission } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import type { CatalogDomain, UnitKind } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { opContext, redirect } from '../server/context.ts';
import { formBody, handleForm } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import { listVisibleUnits } from '../units/queries.ts';
import type { ErrorMap } from '../views/form.tsx';
import { entryToChange } from './access.ts';
import { addGuidingEntry } from './add-guiding-entry.ts';
import { createGuidingCatalog } from './create-guiding-catalog.ts';
import { type EntryFormValues, entryFormInput } from './entry-form.tsx';
import { EntryPage } from './entry-page.tsx';
import { entryToInput } from './entry-rules.ts';
import { getVisibleCatalog, listEntries, listVisibleCatalogs, ownerRef, pendingClaims } from './queries.ts';
import { retireCatalogEntry } from './retire-catalog-entry.ts';
import { retireGuidingCatalog } from './retire-guiding-catalog.ts';
import { updateCatalogEntry } from './update-catalog-entry.ts';
import { updateGuidingCatalog } from './update-guiding-catalog.ts';
import { CatalogDetailPage, CatalogListPage } from './views.tsx';

/** Units that usually have an office defining catalogs for the units below them. */
const OWNER_KINDS: UnitKind[] = [
  'region',
  'county',
  'office',
  'township',
  'street',
  'department',
  'party_committee',
];

const signInFirst = (req: FastifyRequest) => `/signin?next=${encodeURIComponent(req.url)}`;

/** Back-office pages of guiding catalogs and their entries. */
export function registerCatalogPages(app: FastifyInstance): void {
  const { db } = app.gk;

  const listPage = async (
    req: FastifyRequest,
    extra: { values?: Record<string, string>; errors?: ErrorMap; message?: string } = {},
  ) => {
    const q = req.query as Record<string, string | undefined>;
    const status = q.status === 'retired' || q.status === 'all' ? q.status : 'active';
    const catalogs = await listVisibleCatalogs(db, req.actor, {
      unitKind: (q.unitKind || undefined) as UnitKind | undefined,
      domain: (q.domain || undefined) as CatalogDomain | undefined,
      status,
    });
    const units = (await listVisibleUnits(db, req.actor, {})).filter((u) =>
      can(req.actor, 'catalog.view', u),
    );
    const manager = hasPermissionSomewhere(req.actor, 'catalog.manage');
    return CatalogListPage({
      ...pageMeta(req, t('catalog.title'), 'admin'),
      catalogs,
      filter: { unitKind: q.unitKind ?? '', domain: q.domain ?? '', status },
      owners: units.filter((u) => OWNER_KINDS.includes(u.kind) && can(req.actor, 'catalog.manage', u)),
      units,
      pendingClaims: manager ? (await pendingClaims(db, req.actor)).length : null,
      ...extra,
    });
  };

  app.get('/admin/catalogs', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, signInFirst(req));
    requirePermission(req.actor, 'catalog.view');
    return sendPage(reply, await listPage(req));
  });

  app.post('/admin/catalogs', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    const catalog = await handleForm(
      reply,
      () => createGuidingCatalog(opContext(req), body),
      (errors, message) => listPage(req, { values: body as Record<string, string>, errors, message }),
    );
    if (!catalog) return reply;
    return redirect(reply, `/admin/catalogs/${catalog.id}`, 'catalog_created');
  });

  app.get('/admin/unit-catalog', async (req, reply) => {
    requireSignedIn(req);
    const unitId = (req.query as { unitId?: string }).unitId;
    return redirect(reply, unitId ? `/admin/units/${encodeURIComponent(unitId)}/catalog` : '/admin/catalogs');
  });

  type DetailForm = 'entry' | 'edit' | 'retire';
  const detailPage = async (
    req: FastifyRequest,
    id: string,
    extra: { form?: DetailForm; values?: EntryFormValues; errors?: ErrorMap; message?: string } = {},
  ) => {
    const catalog = await getVisibleCatalog(db, req.actor, id);
    return CatalogDetailPage({
      ...pageMeta(req, catalog.name, 'admin'),
      catalog,
      entries: await listEntries(db, req.actor.tenantId, { catalogId: catalog.id }),
      canManage: can(req.actor, 'catalog.manage', ownerRef(catalog)),
      ...extra,
    });
  };

  app.get('/admin/catalogs/:id', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, signInFirst(req));
    return sendPage(reply, await detailPage(req, (req.params as { id: string }).id));
  });

  type CatalogFormOp = (r: FastifyRequest, id: string, b: unknown) => Promise<unknown>;
  const catalogForms: [string, DetailForm, string, CatalogFormOp][] = [
    ['', 'edit', 'catalog_saved', (r, id, b) => updateGuidingCatalog(opContext(r), id, b)],
    ['/retire', 'retire', 'catalog_retired', (r, id, b) => retireGuidingCatalog(opContext(r), id, b)],
    ['/entries', 'entry', 'catalog_entry_added', (r, id, b) => addGuidingEntry(opContext(r), id, b)],
  ];
  for (const [suffix, form, flash, op] of catalogForms) {
    app.post(`/admin/catalogs/:id${suffix}`, async (req, reply) => {
      requireSignedIn(req);
      const id = (req.params as { id: string }).id;
      const body = entryFormInput(formBody(req.body));
      const done = await handleForm(
        reply,
        () => op(req, id, body),
        (errors, message) => detailPage(req, id, { form, values: body as EntryFormValues, errors, message }),
      );
      if (done === undefined) return reply;
      return redirect(reply, `/admin/catalogs/${id}`, flash);
    });
  }

  const entryPage = async (
    req: FastifyRequest,
    id: string,
    extra: { form?: 'edit' | 'retire'; values?: EntryFormValues; errors?: ErrorMap; message?: string } = {},
  ) => {
    const { entry, owner } = await entryToChange(db, req.actor, id);
    const back =
      owner.kind === 'guiding'
        ? { href: `/admin/catalogs/${owner.catalog.id}`, label: t('catalog.back_to_catalog') }
        : { href: `/admin/units/${owner.unit.id}/catalog`, label: t('catalog.back_to_unit') };
    return EntryPage({
      ...pageMeta(req, entry.item, 'admin'),
      entry,
      back,
      withDomain: owner.kind === 'own',
      form: extra.form,
      // Only wording of its own: a derived one would be saved back as custom and then go stale.
      values:
        extra.form === 'edit' && extra.values
          ? extra.values
          : ({
              ...entryToInput(entry),
              timeLimitText: entry.time_limit_text ?? undefined,
            } as EntryFormValues),
      errors: extra.errors,
      message: extra.message,
    });
  };

  app.get('/admin/catalog-entries/:id', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, signInFirst(req));
    return sendPage(reply, await entryPage(req, (req.params as { id: string }).id));
  });

  const entryForms = [
    [
      '',
      'edit',
      'catalog_entry_saved',
      (r: FastifyRequest, id: string, b: unknown) => updateCatalogEntry(opContext(r), id, b),
    ],
    [
      '/retire',
      'retire',
      'catalog_entry_retired',
      (r: FastifyRequest, id: string, b: unknown) => retireCatalogEntry(opContext(r), id, b),
    ],
  ] as const;
  for (const [suffix, form, flash, op] of entryForms) {
    app.post(`/admin/catalog-entries/:id${suffix}`, async (req, reply) => {
      requireSignedIn(req);
      const id = (req.params as { id: string }).id;
      const body = entryFormInput(formBody(req.body));
      const entry = await handleForm(
        reply,
        () => op(req, id, body),
        (errors, message) => entryPage(req, id, { form, values: body as EntryFormValues, errors, message }),
      );
      if (!entry) return reply;
      const to = entry.guiding_catalog_id
        ? `/admin/catalogs/${entry.guiding_catalog_id}`
        : `/admin/units/${entry.unit_id}/catalog`;
      return redirect(reply, to, flash);
    });
  }
}
