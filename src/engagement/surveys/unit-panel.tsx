import type { Actor } from '../../auth/actor.ts';
import type { Db, Unit } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';

/** UnitPanel: the surveys that rate this unit and accept ratings today, with a link to each. */
export async function surveyUnitPanel(db: Db, _actor: Actor, unit: Unit, today: string) {
  const open = await db
    .selectFrom('surveys as s')
    .innerJoin('survey_units as su', (j) =>
      j.onRef('su.tenant_id', '=', 's.tenant_id').onRef('su.survey_id', '=', 's.id'),
    )
    .select(['s.id', 's.title', 's.closes_on'])
    .where('s.tenant_id', '=', unit.tenant_id)
    .where('su.unit_id', '=', unit.id)
    .where('s.status', '=', 'open')
    .where('s.opens_on', '<=', today)
    .where('s.closes_on', '>=', today)
    .orderBy('s.closes_on')
    .limit(5)
    .execute();
  if (open.length === 0) return null;
  return (
    <section class="unit-surveys" aria-labelledby="unit-surveys-h">
      <h2 id="unit-surveys-h">{t('survey.panel_title')}</h2>
      <ul>
        {open.map((s) => (
          <li key={s.id}>
            <a href={`/surveys/${s.id}`}>{s.title}</a>{' '}
            <span class="muted">{t('survey.panel_until', { date: s.closes_on })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
