import { AdminLayout } from '../admin/nav.tsx';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, TextField } from '../views/form.tsx';
import type { PageMeta } from '../views/layout.tsx';
import type { PrivacyPattern } from './pattern-store.ts';

type Meta = PageMeta & { largeType?: boolean };

/** /admin/settings/privacy-patterns: the office's extra patterns for the privacy guard. */
export function PrivacyPatternsPage(
  p: Meta & {
    patterns: PrivacyPattern[];
    canManage: boolean;
    values?: Record<string, string>;
    /** The pattern whose edit failed (its form shows the errors), or null for the add form. */
    editing?: string | null;
    errors?: ErrorMap;
    message?: string;
  },
) {
  const v = p.values ?? {};
  const errs = (id: string | null) => ((p.editing ?? null) === id ? p.errors : undefined);
  return (
    <AdminLayout {...p}>
      <h1>{t('privacy_pattern.title')}</h1>
      <p>{t('privacy_pattern.intro')}</p>
      <ErrorSummary errors={p.errors} message={p.message} />
      {p.patterns.length === 0 ? (
        <p>{t('privacy_pattern.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('privacy_pattern.name')}</th>
              <th scope="col">{t('privacy_pattern.pattern')}</th>
              <th scope="col">{t('privacy_pattern.example')}</th>
              <th scope="col">{t('privacy_pattern.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {p.patterns.map((x) => (
              <tr key={x.id}>
                <th scope="row">{x.name}</th>
                <td>
                  <code>{x.pattern}</code>
                </td>
                <td>{x.example}</td>
                <td>{fmtTime(x.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.canManage && (
        <>
          {p.patterns.map((x) => {
            const e = errs(x.id) ?? {};
            const vals = p.editing === x.id ? v : { name: x.name, pattern: x.pattern, example: x.example };
            return (
              <details key={x.id} open={p.editing === x.id}>
                <summary>
                  {t('privacy_pattern.edit')}：{x.name}
                </summary>
                <form method="post" action={`/admin/settings/privacy-patterns/${x.id}`}>
                  <Csrf token={p.csrfToken} />
                  <PatternFields prefix={x.id} values={vals} errors={e} />
                  <button type="submit">{t('privacy_pattern.save')}</button>
                </form>
                <form method="post" action={`/admin/settings/privacy-patterns/${x.id}/delete`}>
                  <Csrf token={p.csrfToken} />
                  <button type="submit">{t('privacy_pattern.delete')}</button>
                </form>
              </details>
            );
          })}
          <h2>{t('privacy_pattern.add')}</h2>
          <form method="post" action="/admin/settings/privacy-patterns">
            <Csrf token={p.csrfToken} />
            <PatternFields prefix="new" values={p.editing ? {} : v} errors={errs(null) ?? {}} />
            <button type="submit">{t('privacy_pattern.add')}</button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}

function PatternFields(p: { prefix: string; values: Record<string, string>; errors: ErrorMap }) {
  return (
    <>
      <TextField
        id={`f-${p.prefix}-name`}
        name="name"
        label={t('privacy_pattern.name')}
        value={p.values.name}
        error={p.errors.name}
        maxLength={50}
        required
      />
      <TextField
        id={`f-${p.prefix}-pattern`}
        name="pattern"
        label={t('privacy_pattern.pattern')}
        hint={t('privacy_pattern.pattern_hint')}
        value={p.values.pattern}
        error={p.errors.pattern}
        required
      />
      <TextField
        id={`f-${p.prefix}-example`}
        name="example"
        label={t('privacy_pattern.example')}
        hint={t('privacy_pattern.example_hint')}
        value={p.values.example}
        error={p.errors.example}
        maxLength={200}
        required
      />
    </>
  );
}
