import { t } from '../../i18n/index.ts';
import type { SurveyResults } from './results.ts';
import type { Survey } from './store.ts';

export const pct = (x: number | null) => (x === null ? '—' : `${x.toFixed(2)}%`);
export const num2 = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** The results table (per unit: counts, raters, rate, score, rank), shared by the public and office pages. */
export function ResultTable(p: { survey: Survey; results: SurveyResults; caption?: string }) {
  return (
    <>
      <div class="table-scroll">
        <table class="survey-results">
          {p.caption && <caption>{p.caption}</caption>}
          <thead>
            <tr>
              <th scope="col">{t('survey.f.rank')}</th>
              <th scope="col">{t('survey.f.unit')}</th>
              <th scope="col">{t('survey.level.satisfied')}</th>
              <th scope="col">{t('survey.level.basic')}</th>
              <th scope="col">{t('survey.level.dissatisfied')}</th>
              <th scope="col">{t('survey.f.raters')}</th>
              <th scope="col">{t('survey.f.rate')}</th>
              <th scope="col">{t('survey.f.score')}</th>
            </tr>
          </thead>
          <tbody>
            {p.results.rows.map((r) => (
              <tr key={r.unitId}>
                <td class="num">{r.rank ?? '—'}</td>
                <th scope="row">{r.unitName}</th>
                <td class="num">{r.satisfied}</td>
                <td class="num">{r.basic}</td>
                <td class="num">{r.dissatisfied}</td>
                <td class="num">{r.raters}</td>
                <td class="num">{pct(r.rate)}</td>
                <td class="num">{num2(r.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">
        {t('survey.scoring_note', {
          s: p.survey.weight_satisfied,
          b: p.survey.weight_basic,
          d: p.survey.weight_dissatisfied,
        })}
      </p>
    </>
  );
}

/** A survey's status word for people (an open survey before its period shows as 未开始). */
export function statusLabel(s: Survey, today: string, effective: string): string {
  if (effective === 'open' && today < s.opens_on) return t('survey.status.upcoming');
  return t(`survey.status.${effective}`);
}
