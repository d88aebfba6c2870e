import { AdminLayout } from '../admin/nav.tsx';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { TextField } from '../views/form.tsx';
import type { PageMeta } from '../views/layout.tsx';
import type { AuditFilter, AuditRow } from './queries.ts';

export function AuditPage(
  p: PageMeta & {
    largeType?: boolean;
    rows: AuditRow[];
    filter: AuditFilter;
    page: number;
    hasMore: boolean;
  },
) {
  const f = p.filter;
  const qs = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(f))
      if (v && k !== 'limit' && k !== 'offset') params.set(k, String(v));
    params.set('page', String(page));
    return `/admin/audit?${params.toString()}`;
  };
  return (
    <AdminLayout {...p}>
      <h1>{t('admin.audit')}</h1>
      <p class="hint">{t('audit.hint')}</p>
      <form method="get" action="/admin/audit" class="filters" role="search">
        <TextField name="q" label={t('audit.summary')} value={f.q} />
        <TextField name="action" label={t('audit.action')} value={f.action} hint={t('audit.action_hint')} />
        <TextField name="actor" label={t('audit.actor')} value={f.actor} />
        <TextField name="from" label={t('audit.from')} type="date" value={f.from} />
        <TextField name="to" label={t('audit.to')} type="date" value={f.to} />
        {f.targetId && <input type="hidden" name="targetId" value={f.targetId} />}
        <button type="submit">{t('common.filter')}</button>
      </form>
      <div class="table-scroll" role="region" aria-label={t('admin.audit')} tabindex={0}>
        <table class="audit">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.summary')}</th>
              <th scope="col">{t('audit.unit')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.id}>
                <td>{fmtTime(r.at)}</td>
                <td>{r.actor_name}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.summary}
                  {(r.before_json || r.after_json) && (
                    <details>
                      <summary>{t('audit.details')}</summary>
                      {r.before_json && (
                        <>
                          <p>{t('audit.before')}</p>
                          <pre>{pretty(r.before_json)}</pre>
                        </>
                      )}
                      {r.after_json && (
                        <>
                          <p>{t('audit.after')}</p>
                          <pre>{pretty(r.after_json)}</pre>
                        </>
                      )}
                    </details>
                  )}
                </td>
                <td>{r.unit_name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.rows.length === 0 && <p>{t('common.none_found')}</p>}
      <nav class="pager" aria-label={t('common.pagination')}>
        {p.page > 1 && <a href={qs(p.page - 1)}>{t('common.prev')}</a>}
        <span>{t('common.page', { n: p.page })}</span>
        {p.hasMore && <a href={qs(p.page + 1)}>{t('common.next')}</a>}
      </nav>
    </AdminLayout>
  );
}

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
