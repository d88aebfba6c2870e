import { type EngagementTodo, EngagementTodosSection } from '../engagement/dashboard.tsx';
import { t } from '../i18n/index.ts';
import { type OverdueRequest, OverdueRequestsSection } from '../requests/dashboard.tsx';
import type { PageMeta } from '../views/layout.tsx';
import { AdminLayout } from './nav.tsx';

export function Dashboard(
  p: PageMeta & {
    largeType?: boolean;
    counts: { kind: string; n: number }[];
    grants: { role: string; unitName: string; coversSubtree: boolean }[];
    overdueRequests?: OverdueRequest[] | null;
    engagementTodos?: EngagementTodo[] | null;
  },
) {
  const total = p.counts.reduce((s, c) => s + c.n, 0);
  return (
    <AdminLayout {...p}>
      <h1>{t('admin.dashboard')}</h1>
      <OverdueRequestsSection items={p.overdueRequests} />
      <EngagementTodosSection items={p.engagementTodos} />
      <section>
        <h2>{t('admin.my_roles')}</h2>
        <ul>
          {p.grants.map((g) => (
            <li key={`${g.role}${g.unitName}`}>
              {t(`role.${g.role}`)} · {g.unitName}
              {g.coversSubtree ? t('grant.subtree_suffix') : ''}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t('admin.units_in_scope', { n: total })}</h2>
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">{t('unit.kind')}</th>
              <th scope="col">{t('common.count')}</th>
            </tr>
          </thead>
          <tbody>
            {p.counts.map((c) => (
              <tr key={c.kind}>
                <td>{t(`kind.${c.kind}`)}</td>
                <td class="num">{c.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </AdminLayout>
  );
}
