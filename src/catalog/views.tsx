import { AdminLayout } from '../admin/nav.tsx';
import type { CatalogEntry, Unit } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { unitOptions } from '../units/views.tsx';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../views/form.tsx';
import { EntryFields, type EntryFormValues } from './entry-form.tsx';
import type { CatalogWithOwner } from './queries.ts';
import { domainOptions, EntryCells, EntryHead, kindOptions, type Meta } from './view-parts.tsx';

export function CatalogListPage(
  p: Meta & {
    catalogs: CatalogWithOwner[];
    filter: { unitKind: string; domain: string; status: string };
    owners: Unit[];
    units: Unit[];
    pendingClaims: number | null;
    values?: Record<string, string>;
    errors?: ErrorMap;
    message?: string | null;
  },
) {
  const v = p.values ?? {};
  const e = p.errors ?? {};
  return (
    <AdminLayout {...p}>
      <h1>{t('catalog.title')}</h1>
      <p>{t('catalog.intro')}</p>
      <ErrorSummary errors={p.errors} message={p.message} />
      {p.pendingClaims !== null && (
        <p class="notice">
          <a href="/admin/catalog-claims">{t('catalog.claims_count', { n: p.pendingClaims })}</a>
        </p>
      )}
      <form method="get" action="/admin/unit-catalog" class="filters">
        <SelectField
          name="unitId"
          label={t('catalog.open_unit_catalog')}
          options={unitOptions(p.units)}
          placeholder={t('common.choose')}
        />
        <button type="submit">{t('catalog.open')}</button>
      </form>
      <form method="get" action="/admin/catalogs" class="filters" role="search">
        <SelectField
          name="unitKind"
          id="filter-unitKind"
          label={t('catalog.unit_kind')}
          value={p.filter.unitKind}
          options={kindOptions}
          placeholder={t('common.all')}
        />
        <SelectField
          name="domain"
          id="filter-domain"
          label={t('catalog.domain')}
          value={p.filter.domain}
          options={domainOptions}
          placeholder={t('common.all')}
        />
        <SelectField
          name="status"
          id="filter-status"
          label={t('catalog.status')}
          value={p.filter.status}
          options={[
            { value: 'active', label: t('catalog.status.active') },
            { value: 'retired', label: t('catalog.status.retired') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        <button type="submit">{t('common.filter')}</button>
      </form>
      <p class="muted">{t('catalog.count', { n: p.catalogs.length })}</p>
      {p.catalogs.length === 0 ? (
        <p>{t('common.none_found')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('catalog.name')}</th>
                <th scope="col">{t('catalog.unit_kind')}</th>
                <th scope="col">{t('catalog.domain')}</th>
                <th scope="col">{t('catalog.owner')}</th>
                <th scope="col">{t('catalog.entries_count')}</th>
                <th scope="col">{t('catalog.status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.catalogs.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`/admin/catalogs/${c.id}`}>{c.name}</a>
                  </td>
                  <td>{t(`kind.${c.unit_kind}`)}</td>
                  <td>{t(`catalog.domain.${c.domain}`)}</td>
                  <td>{c.owner_name}</td>
                  <td>{c.entry_count}</td>
                  <td>{t(`catalog.status.${c.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.owners.length > 0 && (
        <section>
          <h2>{t('catalog.new')}</h2>
          <form method="post" action="/admin/catalogs" class="stack narrow">
            <Csrf token={p.csrfToken} />
            <SelectField
              name="ownerUnitId"
              label={t('catalog.owner')}
              value={v.ownerUnitId}
              options={unitOptions(p.owners)}
              placeholder={t('common.choose')}
              hint={t('catalog.owner_hint')}
              required
              error={e.ownerUnitId}
            />
            <SelectField
              name="unitKind"
              label={t('catalog.unit_kind')}
              value={v.unitKind}
              options={kindOptions}
              placeholder={t('common.choose')}
              required
              error={e.unitKind}
            />
            <SelectField
              name="domain"
              label={t('catalog.domain')}
              value={v.domain}
              options={domainOptions}
              placeholder={t('common.choose')}
              required
              error={e.domain}
            />
            <TextField
              name="name"
              label={t('catalog.name')}
              value={v.name}
              required
              maxLength={100}
              error={e.name}
            />
            <TextArea
              name="description"
              label={t('catalog.description')}
              value={v.description}
              maxLength={2000}
              error={e.description}
            />
            <button type="submit" class="primary">
              {t('common.create')}
            </button>
          </form>
        </section>
      )}
    </AdminLayout>
  );
}

export function CatalogDetailPage(
  p: Meta & {
    catalog: CatalogWithOwner;
    entries: CatalogEntry[];
    canManage: boolean;
    form?: 'entry' | 'edit' | 'retire';
    values?: EntryFormValues;
    errors?: ErrorMap;
    message?: string | null;
  },
) {
  const c = p.catalog;
  const errorsFor = (f: string) => (p.form === f ? (p.errors ?? {}) : {});
  const valuesFor = (f: string) => (p.form === f ? (p.values ?? {}) : {});
  const active = c.status === 'active';
  return (
    <AdminLayout {...p}>
      <nav aria-label={t('common.breadcrumb')} class="breadcrumb">
        <ol>
          <li>
            <a href="/admin/catalogs">{t('catalog.title')}</a>
          </li>
          <li aria-current="page">{c.name}</li>
        </ol>
      </nav>
      <h1>
        {c.name} {!active && <span class="tag warn">{t('catalog.status.retired')}</span>}
      </h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <dl class="facts">
        <dt>{t('catalog.owner')}</dt>
        <dd>{c.owner_name}</dd>
        <dt>{t('catalog.unit_kind')}</dt>
        <dd>{t(`kind.${c.unit_kind}`)}</dd>
        <dt>{t('catalog.domain')}</dt>
        <dd>{t(`catalog.domain.${c.domain}`)}</dd>
        <dt>{t('catalog.description')}</dt>
        <dd>{c.description ?? '—'}</dd>
        <dt>{t('common.updated_at')}</dt>
        <dd>{fmtTime(c.updated_at)}</dd>
        {!active && (
          <>
            <dt>{t('catalog.retire_reason')}</dt>
            <dd>
              {fmtTime(c.retired_at)} · {c.retire_reason}
            </dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/admin/catalogs/${c.id}/export.xlsx`}>{t('catalog.export')}</a>
        {p.canManage && active && (
          <>
            {' · '}
            <a href={`/admin/catalogs/${c.id}/import`}>{t('catalog.import')}</a>
          </>
        )}
        {' · '}
        <a href={`/admin/audit?targetId=${c.id}`}>{t('catalog.history')}</a>
      </p>
      <section>
        <h2>{t('catalog.entries', { n: p.entries.length })}</h2>
        {p.entries.length === 0 ? (
          <p>{t('catalog.no_entries')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('catalog.import_row')}</th>
                  <EntryHead />
                  {p.canManage && <th scope="col">{t('common.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {p.entries.map((e, i) => (
                  <tr key={e.id}>
                    <td>{i + 1}</td>
                    <EntryCells e={e} />
                    {p.canManage && (
                      <td>
                        <a href={`/admin/catalog-entries/${e.id}`}>{t('catalog.edit_entry')}</a>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {p.canManage && active && (
        <>
          <section>
            <details open={p.form === 'entry'}>
              <summary>
                <strong>{t('catalog.add_entry')}</strong>
              </summary>
              <form method="post" action={`/admin/catalogs/${c.id}/entries`} class="stack">
                <Csrf token={p.csrfToken} />
                <EntryFields values={valuesFor('entry')} errors={errorsFor('entry')} withDomain={false} />
                <button type="submit" class="primary">
                  {t('catalog.add_entry')}
                </button>
              </form>
            </details>
          </section>
          <section>
            <h2>{t('catalog.edit')}</h2>
            <form method="post" action={`/admin/catalogs/${c.id}`} class="stack narrow">
              <Csrf token={p.csrfToken} />
              <TextField
                name="name"
                label={t('catalog.name')}
                value={(valuesFor('edit').name as string) ?? c.name}
                required
                maxLength={100}
                error={errorsFor('edit').name}
              />
              <TextArea
                name="description"
                label={t('catalog.description')}
                value={(valuesFor('edit').description as string) ?? c.description}
                maxLength={2000}
                error={errorsFor('edit').description}
              />
              <button type="submit" class="primary">
                {t('common.save')}
              </button>
            </form>
          </section>
          <section>
            <h2>{t('catalog.retire')}</h2>
            <p class="hint">{t('catalog.retire_hint')}</p>
            <form method="post" action={`/admin/catalogs/${c.id}/retire`} class="stack narrow">
              <Csrf token={p.csrfToken} />
              <TextArea
                name="reason"
                label={t('catalog.retire_reason')}
                value={valuesFor('retire').reason as string}
                required
                error={errorsFor('retire').reason}
              />
              <button type="submit" class="danger">
                {t('catalog.retire')}
              </button>
            </form>
          </section>
        </>
      )}
    </AdminLayout>
  );
}
