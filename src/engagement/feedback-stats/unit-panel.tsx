import type { Actor } from '../../auth/actor.ts';
import type { Db, Unit } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';
import { unitFigures } from './compute-stats.ts';
import { FigureList } from './views.tsx';

/**
 * The unit page's section (UnitPanel): this year's feedback figures of the unit, a link to the
 * statistics with a period choice, and the printable feedback form (意见建议征集表).
 */
export async function feedbackStatsPanel(db: Db, _actor: Actor, unit: Unit, today: string) {
  const year = today.slice(0, 4);
  const f = await unitFigures(db, unit, `${year}-01-01`, `${year}-12-31`, today, false);
  return (
    <section class="feedback-stats" aria-labelledby="feedback-stats-h">
      <h2 id="feedback-stats-h">{t('feedback_stats.panel_title')}</h2>
      <FigureList f={f} />
      <p>
        <a href={`/units/${unit.code}/feedback/stats`}>{t('feedback_stats.more')}</a> ·{' '}
        <a href={`/units/${unit.code}/feedback/form.pdf`}>{t('paper_form.link')}</a>
      </p>
    </section>
  );
}
