import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import type { EchoEntry } from './echo.ts';
import type { FeedbackEvent } from './queries.ts';

/** Pieces shared by the public pages, the unit panel and the back office. */

/** One trail entry as words; moderation notes and held words are never part of it. */
export function eventLabel(e: FeedbackEvent): string {
  const d = (e.detail ? JSON.parse(e.detail) : {}) as Record<string, unknown>;
  switch (e.kind) {
    case 'submitted':
      return d.channel === 'paper' ? t('feedback.event.submitted_paper') : t('feedback.event.submitted');
    case 'routed':
      return t('feedback.event.routed', { unit: String(d.toUnit ?? ''), due: String(d.dueOn ?? '') });
    case 'rated':
      return t('feedback.event.rated', { rating: t(`feedback.rating.${String(d.rating)}`) });
    case 'reopened':
      return t('feedback.event.reopened', { due: String(d.dueOn ?? '') });
    default:
      return t(`feedback.event.${e.kind}`);
  }
}

/** The trail; staff see who acted and the private notes, the writer only what happened when. */
export function Trail(p: { events: FeedbackEvent[]; staff: boolean }) {
  const shown = p.events.filter((e) => p.staff || e.kind !== 'reminded');
  return (
    <section>
      <h2>{t('feedback.trail')}</h2>
      <ol class="trail" id="feedback-trail">
        {shown.map((e) => {
          const d = (e.detail ? JSON.parse(e.detail) : {}) as Record<string, unknown>;
          return (
            <li key={e.id}>
              <time dateTime={e.at}>{fmtTime(e.at)}</time> {eventLabel(e)}
              {p.staff && e.actor_name && <span class="muted">（{e.actor_name}）</span>}
              {p.staff && typeof d.note === 'string' && d.note && <span>：{d.note}</span>}
              {e.kind === 'rated' && typeof d.comment === 'string' && d.comment && <span>：{d.comment}</span>}
              {e.kind === 'cannot_handle' && typeof d.reason === 'string' && <span>：{d.reason}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** One 回音壁 entry: masked question and answers, or only category, dates and status when private. */
export function EchoCard(p: { e: EchoEntry; headingLevel?: 2 | 3; link?: boolean; full?: boolean }) {
  const { e } = p;
  const H = p.headingLevel === 3 ? 'h3' : 'h2';
  const title = e.private
    ? `${t(`feedback.kind.${e.kind}`)} · ${t('feedback.echo_private')}`
    : (e.subject ?? '');
  return (
    <article class="card echo" id={`echo-${e.id}`}>
      <H>{p.link ? <a href={`/echo/${e.id}`}>{title}</a> : title}</H>
      <p class="meta">
        {t(`feedback.kind.${e.kind}`)} · <a href={`/units/${e.unitCode}`}>{e.unitName}</a> ·{' '}
        {t('feedback.f.submitted_at')} {e.submittedOn} · {t('feedback.f.replied_on')} {e.repliedOn ?? '—'} ·{' '}
        <span class="status">{t(`feedback.status.${e.status}`)}</span>
      </p>
      {!e.private && (
        <>
          <div class="question">
            <p>
              <strong>{t('feedback.question')}</strong>：{p.full ? e.body : clip(e.body ?? '', 160)}
            </p>
          </div>
          {e.answers.map((a) => (
            <div class="answer" key={`${a.round}-${a.kind}-${a.on}`}>
              <p>
                <strong>
                  {a.kind === 'cannot_handle'
                    ? t('feedback.cannot_handle_answer')
                    : e.answers.length > 1
                      ? t('feedback.answer_round', { n: a.round })
                      : t('feedback.answer')}
                </strong>
                （{a.on}）：{p.full ? a.body : clip(a.body, 240)}
              </p>
            </div>
          ))}
          {p.full && e.disclosureId && (
            <p>
              {t('feedback.f.disclosure')}：<a href={`/d/${e.disclosureId}`}>{e.disclosureId}</a>
            </p>
          )}
        </>
      )}
    </article>
  );
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
