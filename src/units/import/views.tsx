import { AdminLayout } from '../../admin/nav.tsx';
import { t } from '../../i18n/index.ts';
import { Csrf, ErrorSummary } from '../../views/form.tsx';
import type { PageMeta } from '../../views/layout.tsx';
import { COLUMNS, columnHeader, type ImportError } from './columns.ts';
import type { StoredUnitImport } from './queries.ts';

type Meta = PageMeta & { largeType?: boolean };

export function errorText(e: ImportError): string {
  const params = { ...e.params };
  if (e.field && params.column === undefined) params.column = columnHeader(e.field);
  return t(e.code, params);
}

export function ImportUploadPage(p: Meta & { message?: string | null }) {
  return (
    <AdminLayout {...p}>
      <h1>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <p class="hint">{t('import.columns')}</p>
      <p>
        <a href="/admin/units/import/template.xlsx">{t('import.template_xlsx')}</a> ·{' '}
        <a href="/admin/units/import/template.csv">{t('import.template_csv')}</a>
      </p>
      <ErrorSummary message={p.message} />
      <form method="post" action="/admin/units/import" enctype="multipart/form-data" class="stack narrow">
        <Csrf token={p.csrfToken} />
        <div class="field">
          <label for="f-file">{t('import.file')}</label>
          <input id="f-file" type="file" name="file" accept=".csv,.xlsx" required />
        </div>
        <button type="submit" class="primary">
          {t('import.upload')}
        </button>
      </form>
    </AdminLayout>
  );
}

export function ImportPreviewPage(p: Meta & { batch: StoredUnitImport; message?: string | null }) {
  const b = p.batch;
  const fileErrors = b.errors.filter((e) => e.row === undefined);
  const byRow = new Map<number, ImportError[]>();
  for (const e of b.errors) if (e.row !== undefined) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  return (
    <AdminLayout {...p}>
      <h1>{t('import.preview_title', { file: b.fileName })}</h1>
      <ErrorSummary message={p.message} />
      <p>
        {t('import.summary', { rows: b.rows.length, errors: b.errors.length })}{' '}
        <span class="tag">{t(`import.status.${b.status}`)}</span>
      </p>
      {fileErrors.length > 0 && (
        <section class="error-summary" role="alert">
          <p>{t('import.file_problems')}</p>
          <ul>
            {fileErrors.map((e) => (
              <li key={`${e.code}${JSON.stringify(e.params)}`}>{errorText(e)}</li>
            ))}
          </ul>
        </section>
      )}
      {b.status === 'previewed' &&
        (b.errors.length === 0 ? (
          <form method="post" action={`/admin/units/import/${b.id}/commit`} class="notice">
            <p>{t('import.ok_to_commit')}</p>
            <Csrf token={p.csrfToken} />
            <button type="submit" class="primary">
              {t('import.commit', { rows: b.rows.length })}
            </button>
          </form>
        ) : (
          <p class="notice">
            {t('import.fix_and_reupload')} <a href="/admin/units/import">{t('import.upload')}</a>
          </p>
        ))}
      <div class="table-scroll">
        <table class="import-preview">
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              {COLUMNS.map((c) => (
                <th scope="col" key={c.key}>
                  {c.header}
                </th>
              ))}
              <th scope="col">{t('import.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {b.rows.map((r) => {
              const errs = byRow.get(r.row) ?? [];
              return (
                <tr key={r.row} class={errs.length ? 'row-error' : undefined}>
                  <td>{r.row}</td>
                  {COLUMNS.map((c) => (
                    <td key={c.key} class={errs.some((e) => e.field === c.key) ? 'cell-error' : undefined}>
                      {r[c.key]}
                    </td>
                  ))}
                  <td>
                    {errs.length > 0 && (
                      <ul class="errors">
                        {errs.map((e) => (
                          <li key={`${e.code}${e.field ?? ''}`}>{errorText(e)}</li>
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
