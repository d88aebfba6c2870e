import { AdminLayout } from '../admin/nav.tsx';
import { t } from '../i18n/index.ts';
import { Csrf, ErrorSummary } from '../views/form.tsx';
import type { StoredCatalogImport } from './import-queries.ts';
import type { Meta } from './view-parts.tsx';
import { type ColumnKey, columnHeader, type ImportError } from './xlsx/columns.ts';

/** The message of an import problem, prefixed by its column so people find the cell. */
export function importErrorText(e: ImportError): string {
  const msg = t(e.code, e.params);
  return e.field ? `${columnHeader(e.field)}：${msg}` : msg;
}

/**
 * The upload form. Without JavaScript it is a plain multipart post. With it,
 * /static/catalog-import.js sends the same form by XHR to show upload progress in the
 * <progress> element, then follows the server's redirect (no inline script: CSP script-src 'self').
 */
export function CatalogImportUploadPage(
  p: Meta & {
    target: string;
    action: string;
    back: { href: string; label: string };
    message?: string | null;
  },
) {
  return (
    <AdminLayout {...p}>
      <p>
        <a href={p.back.href}>{p.back.label}</a>
      </p>
      <h1>{t('catalog.import_title', { target: p.target })}</h1>
      <p>{t('catalog.import_intro')}</p>
      <p class="hint">{t('catalog.import_columns')}</p>
      <p>
        <a href="/admin/catalogs/template.xlsx">{t('catalog.template')}</a>
      </p>
      <ErrorSummary message={p.message} />
      <form
        method="post"
        action={p.action}
        enctype="multipart/form-data"
        class="stack narrow"
        data-upload-progress="catalog-import-progress"
        data-text-uploading={t('catalog.import_uploading')}
        data-text-checking={t('catalog.import_checking')}
        data-text-failed={t('catalog.import_failed')}
      >
        <Csrf token={p.csrfToken} />
        <div class="field">
          <label for="f-file">{t('catalog.import_file')}</label>
          <input id="f-file" type="file" name="file" accept=".xlsx" required />
        </div>
        <progress
          id="catalog-import-progress"
          max={100}
          value={0}
          hidden
          aria-label={t('catalog.import_progress')}
        />
        <p id="catalog-import-progress-status" class="hint" aria-live="polite" />
        <button type="submit" class="primary">
          {t('catalog.import_upload')}
        </button>
      </form>
      <script src="/static/catalog-import.js" defer />
    </AdminLayout>
  );
}

const PREVIEW_COLUMNS: ColumnKey[] = [
  'domain',
  'level1',
  'level2',
  'item',
  'mode',
  'timing',
  'period',
  'timeLimitDays',
  'audience',
  'requiredChannels',
  'optionalChannels',
];

export function CatalogImportPreviewPage(
  p: Meta & { batch: StoredCatalogImport; back: { href: string; label: string }; message?: string | null },
) {
  const b = p.batch;
  const fileErrors = b.errors.filter((e) => e.row === undefined);
  const byRow = new Map<number, ImportError[]>();
  for (const e of b.errors) if (e.row !== undefined) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  return (
    <AdminLayout {...p}>
      <p>
        <a href={p.back.href}>{p.back.label}</a>
      </p>
      <h1>{t('catalog.import_preview_title', { file: b.fileName })}</h1>
      <ErrorSummary message={p.message} />
      <p>
        {t('catalog.import_summary', { rows: b.rows.length, errors: b.errors.length })}{' '}
        <span class="tag">{t(`catalog.import_status.${b.status}`)}</span>
      </p>
      {fileErrors.length > 0 && (
        <section class="error-summary" role="alert">
          <p>{t('catalog.import_file_problems')}</p>
          <ul>
            {fileErrors.map((e) => (
              <li key={`${e.code}${JSON.stringify(e.params)}`}>{importErrorText(e)}</li>
            ))}
          </ul>
        </section>
      )}
      {b.status === 'previewed' &&
        (b.errors.length === 0 ? (
          <form method="post" action={`/admin/catalog-imports/${b.id}/commit`} class="notice">
            <p>{t('catalog.import_ok')}</p>
            <Csrf token={p.csrfToken} />
            <button type="submit" class="primary">
              {t('catalog.import_commit', { rows: b.rows.length })}
            </button>
          </form>
        ) : (
          <p class="notice">{t('catalog.import_fix')}</p>
        ))}
      <div class="table-scroll">
        <table class="import-preview">
          <thead>
            <tr>
              <th scope="col">{t('catalog.import_row')}</th>
              {PREVIEW_COLUMNS.map((k) => (
                <th scope="col" key={k}>
                  {columnHeader(k)}
                </th>
              ))}
              <th scope="col">{t('catalog.import_problems')}</th>
            </tr>
          </thead>
          <tbody>
            {b.rows.map((r) => {
              const errs = byRow.get(r.row) ?? [];
              return (
                <tr key={r.row} class={errs.length ? 'row-error' : undefined}>
                  <td>{r.row}</td>
                  {PREVIEW_COLUMNS.map((k) => (
                    <td key={k} class={errs.some((e) => e.field === k) ? 'cell-error' : undefined}>
                      {r[k]}
                    </td>
                  ))}
                  <td>
                    {errs.length > 0 && (
                      <ul class="errors">
                        {errs.map((e) => (
                          <li key={`${e.code}${e.field ?? ''}`}>{importErrorText(e)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}
