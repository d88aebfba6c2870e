import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import { Pager } from '../../portal/listing-views.tsx';
import {
  Checkbox,
  Csrf,
  type ErrorMap,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../../views/form.tsx';
import { Layout, type PageMeta } from '../../views/layout.tsx';
import type { EchoEntry } from './echo.ts';
import type { FeedbackEvent } from './queries.ts';
import { FEEDBACK_KINDS, FEEDBACK_RATINGS, LIMITS } from './schemas.ts';
import type { Feedback } from './store.ts';
import { EchoCard, Trail } from './view-parts.tsx';

type Meta = PageMeta & { largeType?: boolean };
export type Values = Record<string, unknown>;
const v = (values: Values, k: string) => (values[k] == null ? '' : String(values[k]));

/** The writer's fields, shared by the public form and staff paper entry. */
export function WriterFields(p: { values: Values; errors?: ErrorMap }) {
  const e = p.errors ?? {};
  return (
    <>
      <SelectField
        name="kind"
        label={t('feedback.f.kind')}
        value={v(p.values, 'kind') || 'suggestion'}
        required
        error={e.kind}
        options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`) }))}
      />
      <TextField
        name="subject"
        label={t('feedback.f.subject')}
        value={v(p.values, 'subject')}
        required
        maxLength={LIMITS.subject}
        error={e.subject}
      />
      <TextArea
        name="body"
        label={t('feedback.f.body')}
        value={v(p.values, 'body')}
        required
        rows={8}
        maxLength={LIMITS.body}
        error={e.body}
      />
      <TextField
        name="name"
        label={t('feedback.f.name')}
        value={v(p.values, 'name')}
        maxLength={LIMITS.name}
        error={e.name}
        autocomplete="name"
      />
      <TextField
        name="phone"
        label={t('feedback.f.phone')}
        value={v(p.values, 'phone')}
        type="tel"
        maxLength={LIMITS.phone}
        error={e.phone}
        autocomplete="tel"
      />
      <TextField
        name="email"
        label={t('feedback.f.email')}
        value={v(p.values, 'email')}
        type="email"
        maxLength={LIMITS.email}
        error={e.email}
        autocomplete="email"
      />
      <Checkbox
        name="private"
        label={t('feedback.f.private')}
        checked={Boolean(p.values.private)}
        hint={t('feedback.f.private_hint')}
      />
      {/* the honeypot: off screen, out of the tab order, ignored by assistive technology */}
      <div class="visually-hidden" aria-hidden="true">
        <label for="f-website">{t('feedback.f.website')}</label>
        <input id="f-website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
      </div>
    </>
  );
}

export function FeedbackFormPage(
  p: Meta & {
    unit: { id: string; name: string; code: string };
    disclosure: { id: string; title: string } | null;
    values: Values;
    errors?: ErrorMap;
    message?: string;
  },
) {
  return (
    <Layout {...p}>
      <h1>
        {t('feedback.new_title')} · {p.unit.name}
      </h1>
      <p class="lead">{t('feedback.new_lead')}</p>
      {p.disclosure && <p class="related">{t('feedback.about_disclosure', { title: p.disclosure.title })}</p>}
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action={`/units/${p.unit.code}/feedback`} class="stack">
        <Csrf token={p.csrfToken} />
        {p.disclosure && <input type="hidden" name="disclosureId" value={p.disclosure.id} />}
        <WriterFields values={p.values} errors={p.errors} />
        <button type="submit">{t('feedback.submit')}</button>
      </form>
      <p>
        <a href="/feedback/track">{t('feedback.track_title')}</a> ·{' '}
        <a href={`/units/${p.unit.code}/echo`}>{t('feedback.echo_view_all')}</a>
      </p>
    </Layout>
  );
}

/** Shown once after submission (and after paper entry): the code and the secret, printable. */
export function FeedbackAckPage(p: Meta & { f: Feedback; unitName: string; secret: string; back?: string }) {
  const trackHref = `/feedback/track?c=${encodeURIComponent(p.f.tracking_code)}`;
  return (
    <Layout {...p}>
      <h1>{t('feedback.ack_title')}</h1>
      <p class="lead">{t('feedback.ack_lead')}</p>
      <dl class="facts">
        <dt>{t('feedback.f.code')}</dt>
        <dd class="code" id="tracking-code">
          {p.f.tracking_code}
        </dd>
        <dt>
          {t('feedback.f.secret')}（{t('feedback.ack_secret_once')}）
        </dt>
        <dd class="code" id="tracking-secret">
          {p.secret}
        </dd>
        <dt>{t('feedback.f.unit')}</dt>
        <dd>{p.unitName}</dd>
        <dt>{t('feedback.f.kind')}</dt>
        <dd>{t(`feedback.kind.${p.f.kind}`)}</dd>
        <dt>{t('feedback.f.subject')}</dt>
        <dd>{p.f.subject}</dd>
        <dt>{t('feedback.f.submitted_at')}</dt>
        <dd>{fmtTime(p.f.submitted_at)}</dd>
        <dt>{t('feedback.f.status')}</dt>
        <dd>{t(`feedback.status.${p.f.status}`)}</dd>
        {p.f.due_on && (
          <>
            <dt>{t('feedback.f.due_on')}</dt>
            <dd>{p.f.due_on}</dd>
          </>
        )}
      </dl>
      {p.f.status === 'held' && <p>{t('feedback.ack_held')}</p>}
      <p class="muted">{t('feedback.ack_print')}</p>
      <p>
        {p.back ? (
          <a href={p.back}>{t('feedback.admin_title')}</a>
        ) : (
          <a href={trackHref}>{t('feedback.track_title')}</a>
        )}
      </p>
    </Layout>
  );
}

export interface TrackView {
  f: Feedback;
  unitName: string;
  events: FeedbackEvent[];
  answers: { round: number; kind: 'reply' | 'cannot_handle'; on: string; body: string }[];
}

export function FeedbackTrackPage(
  p: Meta & {
    code?: string;
    secret?: string;
    view?: TrackView;
    errors?: ErrorMap;
    message?: string;
    notice?: string;
  },
) {
  const view = p.view;
  return (
    <Layout {...p}>
      <h1>{t('feedback.track_title')}</h1>
      {p.notice && (
        <p class="flash" role="status">
          {p.notice}
        </p>
      )}
      <ErrorSummary errors={p.errors} message={p.message} />
      {!view && (
        <form method="post" action="/feedback/track" class="stack narrow">
          <Csrf token={p.csrfToken} />
          <p>{t('feedback.track_lead')}</p>
          <TextField
            name="code"
            label={t('feedback.f.code')}
            value={p.code ?? ''}
            required
            autocomplete="off"
          />
          <TextField
            name="secret"
            label={t('feedback.f.secret')}
            type="password"
            required
            autocomplete="off"
          />
          <button type="submit">{t('feedback.track_submit')}</button>
        </form>
      )}
      {view && <TrackDetails view={view} secret={p.secret ?? ''} csrf={p.csrfToken} />}
    </Layout>
  );
}

function TrackDetails(p: { view: TrackView; secret: string; csrf: string }) {
  const { f } = p.view;
  const canRate = (f.status === 'replied' || f.status === 'cannot_handle') && f.rating === null;
  return (
    <>
      <dl class="facts">
        <dt>{t('feedback.f.code')}</dt>
        <dd class="code">{f.tracking_code}</dd>
        <dt>{t('feedback.f.unit')}</dt>
        <dd>{p.view.unitName}</dd>
        <dt>{t('feedback.f.kind')}</dt>
        <dd>{t(`feedback.kind.${f.kind}`)}</dd>
        <dt>{t('feedback.f.subject')}</dt>
        <dd>{f.subject}</dd>
        <dt>{t('feedback.f.status')}</dt>
        <dd>
          <span class="status" id="feedback-status">
            {t(`feedback.status.${f.status}`)}
          </span>
        </dd>
        {f.due_on && (f.status === 'assigned' || f.status === 'in_progress') && (
          <>
            <dt>{t('feedback.f.due_on')}</dt>
            <dd>{f.due_on}</dd>
          </>
        )}
        {f.rating && (
          <>
            <dt>{t('feedback.f.rating')}</dt>
            <dd>{t(`feedback.rating.${f.rating}`)}</dd>
          </>
        )}
      </dl>
      <section>
        <h2>{t('feedback.question')}</h2>
        <p style="white-space:pre-wrap">{f.body}</p>
      </section>
      {p.view.answers.length > 0 && (
        <section id="feedback-answers">
          <h2>{t('feedback.replies')}</h2>
          {p.view.answers.map((a) => (
            <div class="answer" key={`${a.round}-${a.kind}-${a.on}`}>
              <p>
                <strong>
                  {a.kind === 'cannot_handle'
                    ? t('feedback.cannot_handle_answer')
                    : t('feedback.answer_round', { n: a.round })}
                </strong>
                （{a.on}）
              </p>
              <p style="white-space:pre-wrap">{a.body}</p>
            </div>
          ))}
        </section>
      )}
      {canRate && (
        <section class="card">
          <h2>{t('feedback.rate_title')}</h2>
          <form method="post" action="/feedback/track/rate" class="stack">
            <Csrf token={p.csrf} />
            <input type="hidden" name="code" value={f.tracking_code} />
            <input type="hidden" name="secret" value={p.secret} />
            <fieldset>
              <legend>{t('feedback.f.rating')}</legend>
              {FEEDBACK_RATINGS.map((r) => (
                <div class="field checkbox" key={r}>
                  <input type="radio" id={`rating-${r}`} name="rating" value={r} required />
                  <label for={`rating-${r}`}>{t(`feedback.rating.${r}`)}</label>
                </div>
              ))}
            </fieldset>
            <TextArea name="comment" label={t('feedback.rate_comment')} rows={3} maxLength={500} />
            <button type="submit">{t('feedback.rate_submit')}</button>
          </form>
        </section>
      )}
      <Trail events={p.view.events} staff={false} />
    </>
  );
}

export function EchoListPage(
  p: Meta & {
    heading: string;
    items: EchoEntry[];
    total: number;
    page: number;
    pages: number;
    kind: string;
    unitCode: string;
    units: { code: string; name: string }[] | null;
    basePath: string;
    writeHref: string | null;
  },
) {
  const qs = (n: number) => {
    const s = new URLSearchParams();
    if (p.kind) s.set('kind', p.kind);
    if (p.unitCode && p.units) s.set('unit', p.unitCode);
    if (n > 1) s.set('page', String(n));
    const str = s.toString();
    return str ? `${p.basePath}?${str}` : p.basePath;
  };
  return (
    <Layout {...p}>
      <h1>{p.heading}</h1>
      <p class="lead">{t('feedback.echo_lead')}</p>
      {p.writeHref && (
        <p>
          <a href={p.writeHref}>{t('feedback.new_title')}</a>
        </p>
      )}
      <form method="get" action={p.basePath} class="filters">
        <SelectField
          name="kind"
          label={t('feedback.f.kind')}
          value={p.kind}
          placeholder={t('feedback.echo_all_kinds')}
          options={FEEDBACK_KINDS.filter((k) => k !== 'report').map((k) => ({
            value: k,
            label: t(`feedback.kind.${k}`),
          }))}
        />
        {p.units && (
          <SelectField
            name="unit"
            label={t('feedback.f.unit')}
            value={p.unitCode}
            placeholder={t('feedback.echo_all_units')}
            options={p.units.map((u) => ({ value: u.code, label: u.name }))}
          />
        )}
        <button type="submit">{t('feedback.echo_filter')}</button>
      </form>
      <p class="muted">{t('feedback.echo_count', { n: p.total })}</p>
      {p.items.length === 0 && <p>{t('feedback.echo_empty')}</p>}
      {p.items.map((e) => (
        <EchoCard key={e.id} e={e} link />
      ))}
      <Pager page={p.page} pages={p.pages} href={qs} />
    </Layout>
  );
}

export function EchoItemPage(p: Meta & { e: EchoEntry }) {
  return (
    <Layout {...p}>
      <p>
        <a href="/echo">{t('feedback.echo_title')}</a> /{' '}
        <a href={`/units/${p.e.unitCode}/echo`}>{p.e.unitName}</a>
      </p>
      <h1 class="visually-hidden">{t('feedback.echo_title')}</h1>
      <EchoCard e={p.e} full />
    </Layout>
  );
}
