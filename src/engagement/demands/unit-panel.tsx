import type { VNode } from 'preact';
import type { Actor } from '../../auth/actor.ts';
import type { Db, Unit } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';
import { unitHref } from '../../portal/listing-views.tsx';
import { DemandList } from './public-views.tsx';
import { listPublicDemands, unitDemandCounts } from './queries.ts';

/**
 * The 点单式公开 section of a unit's public page: its public counts (open, answered, supports) and
 * the most supported open demands. Links only — no per-visitor form, so the page stays cacheable.
 */
export async function demandUnitPanel(
  db: Db,
  actor: Actor,
  unit: Unit,
  today: string,
): Promise<VNode | null> {
  void actor;
  void today;
  const [counts, top] = await Promise.all([
    unitDemandCounts(db, unit),
    listPublicDemands(db, unit.tenant_id, {
      unitId: unit.id,
      status: 'open',
      sort: 'support',
      page: 1,
      pageSize: 5,
    }),
  ]);
  const base = `${unitHref(unit.code)}/demands`;
  return (
    <section aria-labelledby="unit-demands" class="unit-demands">
      <h2 id="unit-demands">{t('demand.panel_title')}</h2>
      <p id="unit-demand-counts">{t('demand.panel_counts', { ...counts })}</p>
      {top.items.length > 0 && (
        <>
          <h3>{t('demand.panel_top')}</h3>
          <DemandList items={top.items} />
        </>
      )}
      <ul class="inline-list">
        {unit.status === 'active' && (
          <li>
            <a href={`${base}/new`}>{t('demand.new_link')}</a>
          </li>
        )}
        <li>
          <a href={base}>{t('demand.all_link')}</a>
        </li>
      </ul>
    </section>
  );
}
