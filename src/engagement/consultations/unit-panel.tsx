import type { Actor } from '../../auth/actor.ts';
import type { Db, Unit } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';
import { listPublicConsultations } from './queries.ts';

/**
 * The unit page's 征求意见 section (/units/:code): the unit's open and upcoming consultations with
 * days left, and its latest adoption reports. Nothing when the unit has none.
 */
export async function consultationUnitPanel(db: Db, actor: Actor, unit: Unit, today: string) {
  void actor;
  const now = new Date(`${today}T04:00:00Z`);
  const { active, past } = await listPublicConsultations(db, unit.tenant_id, now, {
    unitId: unit.id,
    limit: 50,
  });
  const reports = past.filter((x) => x.status === 'reported' || x.status === 'concluded').slice(0, 3);
  if (active.length === 0 && reports.length === 0) return null;
  return (
    <section aria-labelledby="unit-consultations-h">
      <h2 id="unit-consultations-h">{t('consultation.unit_panel')}</h2>
      {active.length > 0 && (
        <ul class="item-list">
          {active.map((x) => (
            <li key={x.c.id}>
              <a href={`/consultations/${x.c.id}`}>{x.c.title}</a>{' '}
              <span class="tag">{t(`consultation.status.${x.status}`)}</span>
              <p class="meta">
                {t('consultation.period', { from: x.c.opens_on ?? '', to: x.c.closes_on ?? '' })}
                {x.status === 'open' && ` · ${t('consultation.days_left', { n: x.daysLeft })}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      {reports.length > 0 && (
        <>
          <h3>{t('consultation.unit_panel_recent')}</h3>
          <ul class="item-list">
            {reports.map((x) => (
              <li key={x.c.id}>
                <a href={`/consultations/${x.c.id}#report`}>{x.c.title}</a>{' '}
                <span class="tag">{t(`consultation.status.${x.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/consultations">{t('consultation.all_link')}</a>
      </p>
    </section>
  );
}
