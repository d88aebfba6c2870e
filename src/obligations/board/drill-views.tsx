import { AdminLayout } from '../../admin/nav.tsx';
import type { CatalogDomain } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';
import type { PageMeta } from '../../views/layout.tsx';
import type { BoardUnit, ObligationClass } from './board-model.ts';
import { domainLabel } from './board-views.tsx';

export interface DrillItem {
  obligationId: string;
  domain: CatalogDomain;
  item: string;
  period: string;
  dueDate: string;
  dueProvisional: number;
  fulfilledOn: string | null;
  cls: ObligationClass;
}

const ORDER: ObligationClass[] = ['overdue', 'due_soon', 'upcoming', 'late'];

/** One unit's missing and late items (optionally one domain), reached from a board cell. */
export function DrillPage(
  p: PageMeta & {
    largeType?: boolean;
    unit: BoardUnit;
    domain: CatalogDomain | null;
    today: string;
    items: DrillItem[];
    onTime: number;
    backHref: string;
  },
) {
  const shown = p.items
    .filter((i) => i.cls !== 'on_time')
    .sort((a, b) => ORDER.indexOf(a.cls) - ORDER.indexOf(b.cls) || a.dueDate.localeCompare(b.dueDate));
  const title = t('board.drill_title', { unit: p.unit.name });
  return (
    <AdminLayout {...p}>
      <p>
        <a href={p.backHref}>{t('board.back')}</a>
      </p>
      <h1>
        {title}
        {p.domain && (
          <>
            {' '}
            <span class="tag">{domainLabel(p.domain)}</span>
          </>
        )}
      </h1>
      <p class="lead">{t('board.drill_lead', { n: p.onTime })}</p>
      <p>
        <a href={`/admin/units/${p.unit.id}/obligations`}>{t('board.unit_obligations')}</a>
      </p>
      {shown.length === 0 ? (
        <p>{t('board.drill_none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="compact drill">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('board.status')}</th>
                <th scope="col">{t('board.domain')}</th>
                <th scope="col">{t('board.item')}</th>
                <th scope="col">{t('board.period')}</th>
                <th scope="col">{t('board.due_date')}</th>
                <th scope="col">{t('board.fulfilled_on')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((i) => (
                <tr key={i.obligationId} class={`cls-${i.cls}`}>
                  <td>
                    <span class={`status ${i.cls}`}>{t(`board.cls.${i.cls}`)}</span>
                  </td>
                  <td>{domainLabel(i.domain)}</td>
                  <th scope="row">{i.item}</th>
                  <td>{i.period}</td>
                  <td>
                    {i.dueDate}
                    {i.dueProvisional === 1 && <span class="tag warn">{t('obligation.provisional')}</span>}
                  </td>
                  <td>{i.fulfilledOn ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}
