import { AdminLayout } from '../../admin/nav.tsx';
import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../../views/form.tsx';
import type { PageMeta } from '../../views/layout.tsx';
import { type Values, WriterFields } from './public-views.tsx';
import type { FeedbackEvent, FeedbackListItem } from './queries.ts';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, LIMITS } from './schemas.ts';
import type { Feedback } from './store.ts';
import { Trail } from './view-parts.tsx';

type Meta = PageMeta & { largeType?: boolean };
type UnitOpt = { id: string; name: string };

function FeedbackTable(p: { items: FeedbackListItem[]; today: string; caption: string; id?: string }) {
  if (p.items.length === 0) return null;
  return (
    <table id={p.id}>
      <caption>{p.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('feedback.f.code')}</th>
          <th scope="col">{t('feedback.f.kind')}</th>
          <th scope="col">{t('feedback.f.subject')}</th>
          <th scope="col">{t('feedback.f.responsible_unit')}</th>
          <th scope="col">{t('feedback.f.status')}</th>
          <th scope="col">{t('feedback.f.due_on')}</th>
          <th scope="col">{t('feedback.f.submitted_at')}</th>
        </tr>
      </thead>
      <tbody>
        {p.items.map((f) => (
          <tr key={f.id}>
            <td>
              <a href={`/admin/feedback/${f.id}`}>{f.tracking_code}</a>
            </td>
            <td>{t(`feedback.kind.${f.kind}`)}</td>
            <td>
              {f.subject}
              {f.channel === 'paper' && <span class="muted">（{t('feedback.paper_entered')}）</span>}
            </td>
            <td>{f.unit_name}</td>
            <td>
              {t(`feedback.status.${f.status}`)}
              {f.rating && ` · ${t(`feedback.rating.${f.rating}`)}`}
            </td>
            <td
              class={
                f.due_on && f.due_on < p.today && (f.status === 'assigned' || f.status === 'in_progress')
                  ? 'overdue'
                  : undefined
              }
            >
              {f.due_on ?? '—'}
            </td>
            <td>{fmtTime(f.submitted_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FeedbackListPage(
  p: Meta & {
    items: FeedbackListItem[];
    held: FeedbackListItem[];
    dissatisfied: FeedbackListItem[];
    units: UnitOpt[];
    filters: { status: string; kind: string; unitId: string; overdue: boolean };
    canPaper: boolean;
    today: string;
  },
) {
  return (
    <AdminLayout {...p}>
      <h1>{t('feedback.admin_title')}</h1>
      {p.canPaper && (
        <p>
          <a href="/admin/feedback/paper">{t('feedback.paper_title')}</a>
        </p>
      )}
      <FeedbackTable
        items={p.held}
        today={p.today}
        caption={t('feedback.moderation_queue')}
        id="moderation-queue"
      />
      <FeedbackTable
        items={p.dissatisfied}
        today={p.today}
        caption={t('feedback.dissatisfied_list')}
        id="dissatisfied-list"
      />
      <form method="get" action="/admin/feedback" class="filters">
        <SelectField
          name="status"
          label={t('feedback.f.status')}
          value={p.filters.status}
          placeholder="—"
          options={FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }))}
        />
        <SelectField
          name="kind"
          label={t('feedback.f.kind')}
          value={p.filters.kind}
          placeholder="—"
          options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`) }))}
        />
        <SelectField
          name="unitId"
          label={t('feedback.f.responsible_unit')}
          value={p.filters.unitId}
          placeholder="—"
          options={p.units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <div class="field checkbox">
          <input id="f-overdue" type="checkbox" name="overdue" value="1" checked={p.filters.overdue} />
          <label for="f-overdue">{t('feedback.overdue_only')}</label>
        </div>
        <button type="submit">{t('feedback.echo_filter')}</button>
      </form>
      {p.items.length === 0 ? (
        <p>{t('feedback.no_items')}</p>
      ) : (
        <FeedbackTable
          items={p.items}
          today={p.today}
          caption={t('feedback.admin_title')}
          id="feedback-list"
        />
      )}
    </AdminLayout>
  );
}

export function PaperEntryPage(
  p: Meta & { units: UnitOpt[]; values: Values; errors?: ErrorMap; message?: string },
) {
  return (
    <AdminLayout {...p}>
      <h1>{t('feedback.paper_title')}</h1>
      <p class="lead">{t('feedback.paper_lead')}</p>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action="/admin/feedback/paper" class="stack">
        <Csrf token={p.csrfToken} />
        <SelectField
          name="unitId"
          label={t('feedback.f.unit')}
          value={String(p.values.unitId ?? '')}
          required
          error={p.errors?.unitId}
          options={p.units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <TextField
          name="writtenOn"
          label={t('feedback.f.written_on')}
          type="date"
          value={String(p.values.writtenOn ?? '')}
          error={p.errors?.writtenOn}
        />
        <WriterFields values={p.values} errors={p.errors} />
        <button type="submit">{t('feedback.submit')}</button>
      </form>
    </AdminLayout>
  );
}

export interface StepsAllowed {
  moderate: boolean;
  route: boolean;
  accept: boolean;
  reply: boolean;
  close: boolean;
  reopen: boolean;
}

export function FeedbackDetailPage(
  p: Meta & {
    f: Feedback;
    unitName: string;
    addressedName: string;
    enteredBy: string | null;
    events: FeedbackEvent[];
    replies: { id: string; round: number; body: string; replied_at: string }[];
    steps: StepsAllowed;
    routeUnits: UnitOpt[];
    /** the writer's name and contacts, for those who handle or triage the message only */
    showContacts: boolean;
    errors?: ErrorMap;
    message?: string;
  },
) {
  const { f } = p;
  const action = (step: string) => `/admin/feedback/${f.id}/${step}`;
  return (
    <AdminLayout {...p}>
      <h1>
        {t(`feedback.kind.${f.kind}`)}：{f.subject}
      </h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <dl class="facts">
        <dt>{t('feedback.f.code')}</dt>
        <dd class="code">{f.tracking_code}</dd>
        <dt>{t('feedback.f.status')}</dt>
        <dd>
          <span class="status" id="feedback-status">
            {t(`feedback.status.${f.status}`)}
          </span>
          {f.rating &&
            ` · ${t(`feedback.rating.${f.rating}`)}${f.rating_comment ? `（${f.rating_comment}）` : ''}`}
        </dd>
        <dt>{t('feedback.f.unit')}</dt>
        <dd>{p.addressedName}</dd>
        <dt>{t('feedback.f.responsible_unit')}</dt>
        <dd>{p.unitName}</dd>
        <dt>{t('feedback.f.channel')}</dt>
        <dd>
          {t(`feedback.channel.${f.channel}`)}
          {p.enteredBy && `（${p.enteredBy}）`}
        </dd>
        <dt>{t('feedback.f.submitted_at')}</dt>
        <dd>{fmtTime(f.submitted_at)}</dd>
        <dt>{t('feedback.f.received_on')}</dt>
        <dd>{f.received_on}</dd>
        <dt>{t('feedback.f.due_on')}</dt>
        <dd>{f.due_on ?? '—'}</dd>
        <dt>{t('feedback.f.private')}</dt>
        <dd>{f.private ? t('feedback.private_yes') : t('feedback.private_no')}</dd>
        {f.held_words && (
          <>
            <dt>{t('feedback.f.held_words')}</dt>
            <dd>{f.held_words}</dd>
          </>
        )}
        {f.disclosure_id && (
          <>
            <dt>{t('feedback.f.disclosure')}</dt>
            <dd>
              <a href={`/d/${f.disclosure_id}`}>{f.disclosure_id}</a>
            </dd>
          </>
        )}
      </dl>
      {p.showContacts && (
        <section>
          <h2>{t('feedback.contacts')}</h2>
          <p>
            {f.author_name ?? t('feedback.anonymous')}
            {f.contact_phone && ` · ${f.contact_phone}`}
            {f.contact_email && ` · ${f.contact_email}`}
          </p>
        </section>
      )}
      <section>
        <h2>{t('feedback.question')}</h2>
        <p style="white-space:pre-wrap" id="feedback-body">
          {f.body}
        </p>
      </section>
      {(p.replies.length > 0 || f.cannot_handle_reason) && (
        <section id="feedback-replies">
          <h2>{t('feedback.replies')}</h2>
          {p.replies.map((r) => (
            <div class="answer" key={r.id}>
              <p>
                <strong>{t('feedback.answer_round', { n: r.round })}</strong>（{fmtTime(r.replied_at)}）
              </p>
              <p style="white-space:pre-wrap">{r.body}</p>
            </div>
          ))}
          {f.cannot_handle_reason && (
            <p>
              <strong>{t('feedback.cannot_handle_answer')}</strong>：{f.cannot_handle_reason}
            </p>
          )}
        </section>
      )}
      <StepForms {...p} action={action} />
      <Trail events={p.events} staff />
    </AdminLayout>
  );
}

function StepForms(p: Parameters<typeof FeedbackDetailPage>[0] & { action: (s: string) => string }) {
  const s = p.steps;
  if (!Object.values(s).some(Boolean)) return null;
  const csrf = <Csrf token={p.csrfToken} />;
  return (
    <section class="steps">
      <h2>{t('feedback.steps')}</h2>
      {s.moderate && (
        <form method="post" action={p.action('moderate')} class="stack card">
          {csrf}
          <TextArea
            name="note"
            id="moderate-note"
            label={t('feedback.f.note_private')}
            rows={2}
            maxLength={500}
          />
          <div class="actions">
            <button type="submit" name="decision" value="release">
              {t('feedback.step.release')}
            </button>{' '}
            <button type="submit" name="decision" value="reject" class="secondary">
              {t('feedback.step.reject')}
            </button>
          </div>
        </form>
      )}
      {s.route && (
        <form method="post" action={p.action('route')} class="stack card">
          {csrf}
          <SelectField
            name="unitId"
            id="route-unit"
            label={t('feedback.f.responsible_unit')}
            value={p.f.unit_id}
            options={p.routeUnits.map((u) => ({ value: u.id, label: u.name }))}
          />
          <button type="submit">{t('feedback.step.route')}</button>
        </form>
      )}
      {s.accept && (
        <form method="post" action={p.action('accept')} class="card">
          {csrf}
          <button type="submit">{t('feedback.step.accept')}</button>
        </form>
      )}
      {s.reply && (
        <>
          <form method="post" action={p.action('reply')} class="stack card">
            {csrf}
            <TextArea
              name="body"
              id="reply-body"
              label={t('feedback.f.reply')}
              required
              rows={6}
              maxLength={LIMITS.reply}
            />
            <button type="submit">{t('feedback.step.reply')}</button>
          </form>
          <form method="post" action={p.action('cannot-handle')} class="stack card">
            {csrf}
            <TextArea
              name="reason"
              id="cannot-reason"
              label={t('feedback.f.reason')}
              required
              rows={3}
              maxLength={1000}
            />
            <button type="submit" class="secondary">
              {t('feedback.step.cannot_handle')}
            </button>
          </form>
        </>
      )}
      {s.reopen && (
        <form method="post" action={p.action('reopen')} class="stack card">
          {csrf}
          <TextArea name="note" id="reopen-note" label={t('feedback.f.note')} rows={2} maxLength={500} />
          <button type="submit">{t('feedback.step.reopen')}</button>
        </form>
      )}
      {s.close && (
        <form method="post" action={p.action('close')} class="card">
          {csrf}
          <button type="submit" class="secondary">
            {t('feedback.step.close')}
          </button>
        </form>
      )}
    </section>
  );
}
