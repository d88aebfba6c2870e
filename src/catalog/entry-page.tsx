import { AdminLayout } from '../admin/nav.tsx';
import type { CatalogEntry } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { Csrf, type ErrorMap, ErrorSummary, TextArea } from '../views/form.tsx';
import { EntryFields, type EntryFormValues } from './entry-form.tsx';
import type { Meta } from './view-parts.tsx';

/** An entry's edit page (guiding entries for their office, own entries for their unit). */
export function EntryPage(
  p: Meta & {
    entry: CatalogEntry;
    back: { href: string; label: string };
    withDomain: boolean;
    form?: 'edit' | 'retire';
    values: EntryFormValues;
    errors?: ErrorMap;
    message?: string | null;
  },
) {
  const e = p.entry;
  return (
    <AdminLayout {...p}>
      <p>
        <a href={p.back.href}>{p.back.label}</a>
      </p>
      <h1>{t('catalog.entry_title', { item: e.item })}</h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action={`/admin/catalog-entries/${e.id}`} class="stack">
        <Csrf token={p.csrfToken} />
        <EntryFields
          values={p.values}
          errors={p.form === 'edit' ? p.errors : undefined}
          withDomain={p.withDomain}
        />
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
      </form>
      <section>
        <h2>{t('catalog.retire_entry')}</h2>
        <p class="hint">{t('catalog.retire_entry_hint')}</p>
        <form method="post" action={`/admin/catalog-entries/${e.id}/retire`} class="stack narrow">
          <Csrf token={p.csrfToken} />
          <TextArea
            name="reason"
            label={t('catalog.retire_entry_reason')}
            required
            error={p.form === 'retire' ? p.errors?.reason : undefined}
          />
          <button type="submit" class="danger">
            {t('catalog.retire_entry')}
          </button>
        </form>
      </section>
      <p>
        <a href={`/admin/audit?targetId=${e.id}`}>{t('catalog.history')}</a>
      </p>
    </AdminLayout>
  );
}
