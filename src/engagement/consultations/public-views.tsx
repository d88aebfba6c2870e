import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../../views/form.tsx';
import { Layout, type PageMeta } from '../../views/layout.tsx';
import type { AdoptionReport, FinalLink, ListedConsultation, PublicComment } from './queries.ts';
import type { ConsultationStatus } from './status.ts';
import type { Consultation, Paragraph } from './store.ts';

type Meta = PageMeta & { largeType?: boolean };

export function StatusTag({ status }: { status: ConsultationStatus }) {
  return <span class="tag">{t(`consultation.status.${status}`)}</span>;
}

function ListItem({ x }: { x: ListedConsultation }) {
  return (
    <li>
      <a href={`/consultations/${x.c.id}`}>{x.c.title}</a> <StatusTag status={x.status} />
      <p class="meta">
        {x.unitName} · {t('consultation.period', { from: x.c.opens_on ?? '', to: x.c.closes_on ?? '' })}
        {x.status === 'open' && ` · ${t('consultation.days_left', { n: x.daysLeft })}`}
      </p>
    </li>
  );
}

export function ConsultationListPage(p: Meta & { active: ListedConsultation[]; past: ListedConsultation[] }) {
  return (
    <Layout {...p}>
      <h1>{t('consultation.public_title')}</h1>
      <p class="lead">{t('consultation.public_intro')}</p>
      <section aria-labelledby="active-h">
        <h2 id="active-h">{t('consultation.active_heading')}</h2>
        {p.active.length === 0 ? (
          <p>{t('consultation.none_active')}</p>
        ) : (
          <ul class="item-list">
            {p.active.map((x) => (
              <ListItem key={x.c.id} x={x} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="past-h">
        <h2 id="past-h">{t('consultation.past_heading')}</h2>
        {p.past.length === 0 ? (
          <p>{t('consultation.none_past')}</p>
        ) : (
          <ul class="item-list">
            {p.past.map((x) => (
              <ListItem key={x.c.id} x={x} />
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

function CommentList({ comments }: { comments: PublicComment[] }) {
  return (
    <ul class="comments">
      {comments.map((k) => (
        <li key={k.id} id={`c-${k.id}`}>
          <p class="meta">
            {k.name ?? t('consultation.anonymous')} · {fmtTime(k.submittedAt)}
          </p>
          <p>{k.body}</p>
        </li>
      ))}
    </ul>
  );
}

function Lines({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .map((l) => (
          <p>{l}</p>
        ))}
    </>
  );
}

export function ReportSection(p: { c: Consultation; report: AdoptionReport }) {
  const { counts } = p.report;
  return (
    <section id="report" aria-labelledby="report-h">
      <h2 id="report-h">{t('consultation.report_heading')}</h2>
      <p class="meta">{t('consultation.report_published', { date: fmtTime(p.c.report_published_at) })}</p>
      {p.c.report_summary && <Lines text={p.c.report_summary} />}
      {p.report.total === 0 ? (
        <p>{t('consultation.report_none')}</p>
      ) : (
        <>
          <p>
            {t('consultation.report_counts', {
              total: p.report.total,
              adopted: counts.adopted,
              partly: counts.partly_adopted,
              not: counts.not_adopted,
            })}
          </p>
          <ol class="report-entries">
            {p.report.entries.map((e) => (
              <li key={e.decision.id}>
                <p>
                  <strong>{t(`consultation.outcome.${e.decision.outcome}`)}</strong>
                  {e.decision.reason && ` — ${t('consultation.report_reason')}：${e.decision.reason}`}
                </p>
                <ul>
                  {e.comments.map((k) => (
                    <li key={k.id}>
                      {k.paragraph
                        ? `${t('consultation.paragraph_label', { n: k.paragraph })}：`
                        : `${t('consultation.whole_text')}：`}
                      {k.body}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export interface DetailProps {
  c: Consultation;
  unitName: string;
  status: ConsultationStatus;
  daysLeft: number;
  paragraphs: Paragraph[];
  comments: PublicComment[];
  report: AdoptionReport | null;
  final: FinalLink | null;
  notes: { kind: string; note: string | null; at: string }[];
  /** the paragraph chosen by 对本条提意见 (?p=n) */
  chosen: string;
  values?: Record<string, unknown>;
  errors?: ErrorMap;
  message?: string;
}

function CommentForm(p: Meta & DetailProps) {
  const v = p.values ?? {};
  const options = [
    { value: '', label: t('consultation.whole_text') },
    ...p.paragraphs.map((x) => ({
      value: String(x.number),
      label: `${t('consultation.paragraph_label', { n: x.number })}：${x.body.slice(0, 20)}${x.body.length > 20 ? '…' : ''}`,
    })),
  ];
  return (
    <section id="comment" aria-labelledby="comment-h">
      <h2 id="comment-h">{t('consultation.comment_form')}</h2>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action={`/consultations/${p.c.id}/comments`} class="stack">
        <Csrf token={p.csrfToken} />
        <SelectField
          name="paragraph"
          label={t('consultation.comment_target')}
          options={options}
          value={String(v.paragraph ?? p.chosen)}
          error={p.errors?.paragraph}
        />
        <TextArea
          name="body"
          label={t('consultation.comment_body')}
          hint={t('consultation.comment_body_hint')}
          value={String(v.body ?? '')}
          error={p.errors?.body}
          required
          rows={6}
          maxLength={2000}
        />
        <TextField
          name="name"
          label={t('consultation.comment_name')}
          value={String(v.name ?? '')}
          error={p.errors?.name}
          maxLength={50}
          autocomplete="name"
        />
        <TextField
          name="contact"
          label={t('consultation.comment_contact')}
          value={String(v.contact ?? '')}
          error={p.errors?.contact}
          maxLength={100}
        />
        <div hidden>
          <label for="f-website">{t('consultation.honeypot')}</label>
          <input id="f-website" name="website" type="text" tabindex={-1} autocomplete="off" />
        </div>
        <button type="submit">{t('consultation.submit_comment')}</button>
      </form>
    </section>
  );
}

export function ConsultationPage(p: Meta & DetailProps) {
  const { c } = p;
  const open = p.status === 'open';
  const byParagraph = (n: number | null) => p.comments.filter((k) => k.paragraph === n);
  const whole = byParagraph(null);
  return (
    <Layout {...p}>
      <article class="consultation">
        <h1>{c.title}</h1>
        <p class="meta">
          {p.unitName} · <StatusTag status={p.status} /> ·{' '}
          {t('consultation.period', { from: c.opens_on ?? '', to: c.closes_on ?? '' })}
          {open && ` · ${t('consultation.days_left', { n: p.daysLeft })}`}
        </p>
        {!open && <ErrorSummary errors={p.errors} message={p.message} />}
        {p.status === 'withdrawn' && (
          <p class="notice" role="status">
            {t('consultation.withdrawn_notice', {
              date: fmtTime(c.withdrawn_at),
              reason: c.withdrawn_reason ?? '',
            })}
          </p>
        )}
        {p.notes
          .filter((n) => n.kind === 'extended')
          .map((n) => (
            <p key={n.at} class="notice">
              {t('consultation.extended_notice', { note: n.note ?? '' })}
            </p>
          ))}
        {p.final && (
          <p class="related">
            {t('consultation.final_link')}
            <a href={`/d/${p.final.id}`}>{p.final.title}</a>
          </p>
        )}
        <section aria-labelledby="expl-h">
          <h2 id="expl-h">{t('consultation.explanation')}</h2>
          <Lines text={c.explanation} />
        </section>
        <section aria-labelledby="text-h">
          <h2 id="text-h">{t('consultation.text')}</h2>
          <ol class="paragraphs">
            {p.paragraphs.map((x) => {
              const mine = byParagraph(x.number);
              return (
                <li key={x.number} id={`p-${x.number}`} value={x.number}>
                  <p>{x.body}</p>
                  {open && (
                    <p class="actions">
                      <a
                        href={`/consultations/${c.id}?p=${x.number}#comment`}
                        aria-label={`${t('consultation.comment_on_paragraph')}（${t('consultation.paragraph_label', { n: x.number })}）`}
                      >
                        {t('consultation.comment_on_paragraph')}
                      </a>
                    </p>
                  )}
                  {mine.length > 0 && <CommentList comments={mine} />}
                </li>
              );
            })}
          </ol>
        </section>
        <section aria-labelledby="comments-h">
          <h2 id="comments-h">{t('consultation.comments_heading', { n: p.comments.length })}</h2>
          <h3>{t('consultation.comments_whole')}</h3>
          {whole.length > 0 ? <CommentList comments={whole} /> : <p>{t('consultation.no_comments')}</p>}
        </section>
        {open && <CommentForm {...p} />}
        {p.status === 'upcoming' && (
          <p class="notice">{t('consultation.comment_upcoming_notice', { date: c.opens_on ?? '' })}</p>
        )}
        {p.status === 'closed' && <p class="notice">{t('consultation.comment_closed_notice')}</p>}
        {p.report && <ReportSection c={c} report={p.report} />}
      </article>
    </Layout>
  );
}
