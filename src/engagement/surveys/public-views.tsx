import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary } from '../../views/form.tsx';
import { Layout, type PageMeta } from '../../views/layout.tsx';
import { ResultTable, statusLabel } from './result-table.tsx';
import type { SurveyResults } from './results.ts';
import { LEVELS } from './schemas.ts';
import { acceptsRatings, effectiveStatus, resultsArePublic, type Survey, type SurveyUnit } from './store.ts';

type Meta = PageMeta & { largeType?: boolean };

/** /surveys: open surveys first, then those with published results. */
export function SurveyListPage(p: Meta & { surveys: Survey[]; today: string }) {
  const open = p.surveys.filter((s) => effectiveStatus(s, p.today) === 'open');
  const done = p.surveys.filter((s) => resultsArePublic(s, p.today));
  const item = (s: Survey) => (
    <li key={s.id}>
      <a href={`/surveys/${s.id}`}>{s.title}</a>{' '}
      <span class="muted">
        {s.opens_on} — {s.closes_on} · {statusLabel(s, p.today, effectiveStatus(s, p.today))}
      </span>
    </li>
  );
  return (
    <Layout {...p}>
      <h1>{t('survey.public_title')}</h1>
      <h2>{t('survey.public_open')}</h2>
      {open.length === 0 ? <p>{t('survey.public_none')}</p> : <ul>{open.map(item)}</ul>}
      {done.length > 0 && (
        <>
          <h2>{t('survey.public_done')}</h2>
          <ul>{done.map(item)}</ul>
        </>
      )}
    </Layout>
  );
}

/** The no-JS rating form: one group of radio buttons per unit, and an optional comment each. */
function RatingForm(p: {
  survey: Survey;
  units: SurveyUnit[];
  mine: Record<string, string>;
  values?: Record<string, unknown>;
  csrfToken: string;
}) {
  return (
    <form method="post" action={`/surveys/${p.survey.id}/ratings`} class="stack survey-form">
      <Csrf token={p.csrfToken} />
      {p.units.map((u) => {
        const chosen = String(p.values?.[`r_${u.id}`] ?? p.mine[u.id] ?? '');
        return (
          <fieldset key={u.id} class="field">
            <legend>{u.name}</legend>
            {LEVELS.map((level) => (
              <label key={level} class="choice">
                <input type="radio" name={`r_${u.id}`} value={level} checked={chosen === level} />{' '}
                {t(`survey.level.${level}`)}
              </label>
            ))}
            <label for={`c-${u.id}`}>{t('survey.f.comment')}</label>
            <input
              id={`c-${u.id}`}
              name={`c_${u.id}`}
              type="text"
              maxLength={500}
              value={String(p.values?.[`c_${u.id}`] ?? '')}
            />
          </fieldset>
        );
      })}
      <p class="muted">{t('survey.rate_changeable')}</p>
      <button type="submit">{t('survey.rate_submit')}</button>
    </form>
  );
}

export function SurveyPage(
  p: Meta & {
    survey: Survey;
    units: SurveyUnit[];
    today: string;
    results: SurveyResults | null;
    mine: Record<string, string>;
    values?: Record<string, unknown>;
    errors?: ErrorMap;
    message?: string;
  },
) {
  const s = p.survey;
  const st = effectiveStatus(s, p.today);
  const signedInOnly = s.audience === 'signed_in' && p.actor.kind !== 'person';
  return (
    <Layout {...p}>
      <h1>{s.title}</h1>
      <dl class="facts">
        <dt>{t('survey.f.period')}</dt>
        <dd>
          {s.opens_on} — {s.closes_on}
        </dd>
        <dt>{t('survey.f.status')}</dt>
        <dd>{statusLabel(s, p.today, st)}</dd>
        <dt>{t('survey.f.audience')}</dt>
        <dd>{t(`survey.audience.${s.audience}`)}</dd>
      </dl>
      {s.description && <p class="lead">{s.description}</p>}
      <ErrorSummary errors={p.errors} message={p.message} />
      {acceptsRatings(s, p.today) &&
        (signedInOnly ? (
          <p>
            {t('survey.rate_sign_in')}{' '}
            <a href={`/signin?next=${encodeURIComponent(`/surveys/${s.id}`)}`}>
              {t('survey.rate_sign_in_link')}
            </a>
          </p>
        ) : (
          <>
            <p>{t('survey.public_lead')}</p>
            <RatingForm survey={s} units={p.units} mine={p.mine} values={p.values} csrfToken={p.csrfToken} />
          </>
        ))}
      {st === 'open' && p.today < s.opens_on && <p>{t('survey.not_yet_open', { date: s.opens_on })}</p>}
      <h2>{t('survey.results')}</h2>
      {p.results ? (
        <>
          <p>
            {p.results.final && p.results.computedAt
              ? t('survey.results_final', { at: fmtTime(p.results.computedAt) })
              : t('survey.results_live')}
          </p>
          <p>
            {t('survey.f.participants')}：{p.results.participants}
          </p>
          <ResultTable survey={s} results={p.results} />
          <p>
            <a href={`/surveys/${s.id}/sheet`}>{t('survey.results_print')}</a> ·{' '}
            <a href={`/surveys/${s.id}/results.pdf`}>{t('survey.results_pdf')}</a>
          </p>
        </>
      ) : (
        <p>{t('survey.results_pending')}</p>
      )}
    </Layout>
  );
}

export function ThanksPage(p: Meta & { survey: Survey; n: number }) {
  return (
    <Layout {...p}>
      <h1>{t('survey.thanks_title')}</h1>
      <p class="lead">{t('survey.thanks_lead', { n: p.n })}</p>
      <p>
        <a href={`/surveys/${p.survey.id}`}>{t('survey.back_to_survey')}</a>
      </p>
    </Layout>
  );
}
