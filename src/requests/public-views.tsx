import type { DeadlineNote } from '../calendar/calendar-hooks.ts';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, TextArea, TextField } from '../views/form.tsx';
import { Layout, type PageMeta } from '../views/layout.tsx';
import type { RequestDeadline } from './deadline.ts';
import type { RequestEvent } from './queries.ts';
import type { InfoRequest } from './store.ts';
import { ApplicantForm, DeadlineBox, Trail, type Values } from './view-parts.tsx';

type Meta = PageMeta & { largeType?: boolean };

export function NewRequestPage(
  p: Meta & {
    units: { id: string; name: string }[];
    q: string;
    values: Values;
    errors?: ErrorMap;
    message?: string;
  },
) {
  return (
    <Layout {...p}>
      <h1>{t('request.new_title')}</h1>
      <p class="lead">{t('request.new_lead')}</p>
      {/* not labelled like the unit select below: two controls named 受理单位 confuse a screen reader */}
      <form method="get" action="/requests/new" class="search" role="search">
        <label for="unit-q">
          {t('common.search')}
          {t('request.f.unit')}
        </label>
        <input id="unit-q" name="q" type="search" value={p.q} />
        <button type="submit">{t('request.filter')}</button>
      </form>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action="/requests" class="stack">
        <Csrf token={p.csrfToken} />
        <ApplicantForm values={p.values} errors={p.errors} units={p.units} />
        <button type="submit">{t('request.submit')}</button>
      </form>
      <p>
        <a href="/requests/track">{t('request.track_title')}</a>
      </p>
    </Layout>
  );
}

/** Shown once after submission (and after staff registration): the code and the secret. */
export function AckPage(p: Meta & { r: InfoRequest; unitName: string; secret: string; back?: string }) {
  return (
    <Layout {...p}>
      <h1>{t('request.ack_title')}</h1>
      <p class="lead">{t('request.ack_lead')}</p>
      <dl class="facts">
        <dt>{t('request.f.code')}</dt>
        <dd class="code" id="tracking-code">
          {p.r.tracking_code}
        </dd>
        <dt>{t('request.f.secret')}</dt>
        <dd class="code" id="tracking-secret">
          {p.secret}
        </dd>
        <dt>{t('request.f.unit')}</dt>
        <dd>{p.unitName}</dd>
        <dt>{t('request.ack_submitted_at')}</dt>
        <dd>{fmtTime(p.r.submitted_at)}</dd>
        <dt>{t('request.f.description')}</dt>
        <dd>{p.r.description}</dd>
        <dt>{t('request.f.state')}</dt>
        <dd>{t(`request.state.${p.r.state}`)}</dd>
        {p.r.received_on && (
          <>
            <dt>{t('request.f.received_on')}</dt>
            <dd>{p.r.received_on}</dd>
          </>
        )}
      </dl>
      {p.r.state === 'awaiting_confirmation' && <p>{t('request.ack_awaiting')}</p>}
      <p class="muted">{t('request.ack_print')}</p>
      <p>
        <a href={p.back ?? '/requests/track'}>
          {p.back ? t('request.admin_title') : t('request.track_title')}
        </a>
      </p>
    </Layout>
  );
}

export interface TrackView {
  r: InfoRequest;
  unitName: string;
  deadline: RequestDeadline | null;
  deadlineNotes?: DeadlineNote[];
  events: RequestEvent[];
  files: { id: string; name: string; role: string }[];
  documents: { id: string; number: string; kind: string }[];
}

function KeyFields(p: { code: string; secret: string }) {
  return (
    <>
      <input type="hidden" name="code" value={p.code} />
      <input type="hidden" name="secret" value={p.secret} />
    </>
  );
}

export function TrackPage(
  p: Meta & {
    code?: string;
    secret?: string;
    view?: TrackView;
    errors?: ErrorMap;
    message?: string;
    notice?: string;
  },
) {
  const v = p.view;
  return (
    <Layout {...p}>
      <h1>{t('request.track_title')}</h1>
      {p.notice && (
        <p class="flash" role="status">
          {p.notice}
        </p>
      )}
      <ErrorSummary errors={p.errors} message={p.message} />
      {!v && (
        <form method="post" action="/requests/track" class="stack narrow">
          <Csrf token={p.csrfToken} />
          <p>{t('request.track_lead')}</p>
          <TextField
            name="code"
            label={t('request.f.code')}
            value={p.code ?? ''}
            required
            autocomplete="off"
          />
          <TextField
            name="secret"
            label={t('request.f.secret')}
            type="password"
            required
            autocomplete="off"
          />
          <button type="submit">{t('request.track_submit')}</button>
        </form>
      )}
      {v && (
        <>
          <dl class="facts">
            <dt>{t('request.f.code')}</dt>
            <dd class="code">{v.r.tracking_code}</dd>
            <dt>{t('request.f.unit')}</dt>
            <dd>{v.unitName}</dd>
            <dt>{t('request.f.state')}</dt>
            <dd>
              <span class="status" id="request-state">
                {t(`request.state.${v.r.state}`)}
              </span>
            </dd>
            {v.r.received_on && (
              <>
                <dt>{t('request.f.received_on')}</dt>
                <dd>{v.r.received_on}</dd>
              </>
            )}
          </dl>
          {!['delivered', 'closed', 'archived'].includes(v.r.state) && (
            <DeadlineBox deadline={v.deadline} notes={v.deadlineNotes} />
          )}
          {v.r.state === 'supplement_pending' && (
            <section class="card">
              <h2>{t('request.supplement_needed')}</h2>
              <p>{v.r.supplement_request}</p>
              <p>{t('request.supplement_due', { date: v.r.supplement_due_on ?? '' })}</p>
              <form
                method="post"
                action="/requests/track/supplement"
                enctype="multipart/form-data"
                class="stack"
              >
                <Csrf token={p.csrfToken} />
                <KeyFields code={v.r.tracking_code} secret={p.secret ?? ''} />
                <TextArea name="text" label={t('request.f.supplement_text')} required rows={4} />
                <div class="field">
                  <label for="f-file">{t('request.f.file')}</label>
                  <input id="f-file" type="file" name="file" />
                </div>
                <button type="submit">{t('request.supplement_submit')}</button>
              </form>
            </section>
          )}
          {(v.documents.length > 0 || v.files.length > 0) && (
            <section>
              <h2>{t('request.documents')}</h2>
              <ul>
                {v.documents.map((d) => (
                  <li key={d.id}>
                    <form method="post" action={`/requests/track/documents/${d.id}`} class="inline">
                      <Csrf token={p.csrfToken} />
                      <KeyFields code={v.r.tracking_code} secret={p.secret ?? ''} />
                      {d.number}{' '}
                      <button type="submit" class="link">
                        {t('request.download')}
                      </button>
                    </form>
                  </li>
                ))}
                {v.files.map((f) => (
                  <li key={f.id}>
                    <form method="post" action={`/requests/track/files/${f.id}`} class="inline">
                      <Csrf token={p.csrfToken} />
                      <KeyFields code={v.r.tracking_code} secret={p.secret ?? ''} />
                      {f.name}{' '}
                      <button type="submit" class="link">
                        {t('request.download')}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Trail events={v.events} showActor={false} />
        </>
      )}
    </Layout>
  );
}
