import { AdminLayout } from '../../admin/nav.tsx';
import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../../views/form.tsx';
import type { PageMeta } from '../../views/layout.tsx';
import { StatusTag } from './public-views.tsx';
import type { AdoptionReport, ListedConsultation, ModerationItem } from './queries.ts';
import type { ConsultationStatus } from './status.ts';
import type { Comment, Consultation, Paragraph } from './store.ts';

type Meta = PageMeta & { largeType?: boolean };
type Values = Record<string, unknown>;
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function AdminListPage(
  p: Meta & { items: (ListedConsultation & { pending: number })[]; canCreate: boolean },
) {
  return (
    <AdminLayout {...p}>
      <h1>{t('consultation.admin_title')}</h1>
      <p>
        {p.canCreate && <a href="/admin/consultations/new">{t('consultation.admin_new')}</a>} ·{' '}
        <a href="/admin/consultations/moderation">{t('consultation.moderation_title')}</a> ·{' '}
        <a href="/consultations">{t('consultation.view_public')}</a>
      </p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('consultation.title')}</th>
              <th scope="col">{t('consultation.unit')}</th>
              <th scope="col">{t('consultation.opens_on')}</th>
              <th scope="col">{t('consultation.closes_on')}</th>
              <th scope="col">{t('consultation.comment_status.pending')}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((x) => (
              <tr key={x.c.id}>
                <td>
                  <a href={`/admin/consultations/${x.c.id}`}>{x.c.title}</a> <StatusTag status={x.status} />
                </td>
                <td>{x.unitName}</td>
                <td>{x.c.opens_on ?? '—'}</td>
                <td>{x.c.closes_on ?? '—'}</td>
                <td>{x.pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

function DraftFields(p: { values: Values; errors?: ErrorMap }) {
  return (
    <>
      <TextField
        name="title"
        label={t('consultation.title')}
        value={str(p.values.title)}
        error={p.errors?.title}
        required
        maxLength={200}
      />
      <TextArea
        name="explanation"
        label={t('consultation.explanation')}
        value={str(p.values.explanation)}
        error={p.errors?.explanation}
        required
        rows={5}
      />
      <TextArea
        name="text"
        label={t('consultation.text')}
        hint={t('consultation.text_hint')}
        value={str(p.values.text)}
        error={p.errors?.text}
        required
        rows={14}
      />
    </>
  );
}

export function NewConsultationPage(
  p: Meta & {
    units: { value: string; label: string }[];
    values: Values;
    errors?: ErrorMap;
    message?: string;
  },
) {
  return (
    <AdminLayout {...p}>
      <h1>{t('consultation.admin_new')}</h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action="/admin/consultations" class="stack">
        <Csrf token={p.csrfToken} />
        <SelectField
          name="unitId"
          label={t('consultation.unit')}
          options={p.units}
          value={str(p.values.unitId)}
          error={p.errors?.unitId}
          required
        />
        <DraftFields values={p.values} errors={p.errors} />
        <button type="submit">{t('consultation.save_draft')}</button>
      </form>
    </AdminLayout>
  );
}

export interface AdminDetailProps {
  c: Consultation;
  unitName: string;
  status: ConsultationStatus;
  paragraphs: Paragraph[];
  comments: Comment[];
  report: AdoptionReport | null;
  decisions: Map<string, { outcome: string; reason: string | null }>;
  entries: { value: string; label: string }[];
  final: { id: string; title: string; state: string } | null;
  events: { at: string; kind: string; actor_name: string | null; note: string | null }[];
  today: string;
  values?: Values;
  errors?: ErrorMap;
  message?: string;
}

function Post(p: { action: string; csrf: string; label: string; children?: preact.ComponentChildren }) {
  return (
    <form method="post" action={p.action} class="stack">
      <Csrf token={p.csrf} />
      {p.children}
      <button type="submit">{p.label}</button>
    </form>
  );
}

function Flags({ k }: { k: Comment }) {
  const words: string[] = k.flag_words ? JSON.parse(k.flag_words) : [];
  const kinds: string[] = k.flag_personal ? JSON.parse(k.flag_personal) : [];
  return (
    <>
      {words.length > 0 && (
        <span class="tag">{t('consultation.flag_words', { words: words.join('、') })}</span>
      )}
      {kinds.length > 0 && (
        <span class="tag">{t('consultation.flag_personal', { kinds: kinds.join('、') })}</span>
      )}
    </>
  );
}

/** One pending comment with its approve / reject forms (the moderation queue and the detail page). */
export function ModerationEntry(p: { k: Comment; csrf: string; heading?: preact.ComponentChildren }) {
  const { k } = p;
  return (
    <li id={`k-${k.id}`}>
      {p.heading}
      <p class="meta">
        {k.paragraph_number
          ? t('consultation.paragraph_label', { n: k.paragraph_number })
          : t('consultation.whole_text')}{' '}
        · {k.author_name ?? t('consultation.anonymous')}
        {k.contact && ` · ${t('consultation.contact')}：${k.contact}`} · {fmtTime(k.submitted_at)}{' '}
        <Flags k={k} />
      </p>
      <p>{k.body}</p>
      <div class="row">
        <Post
          action={`/admin/consultations/comments/${k.id}/approve`}
          csrf={p.csrf}
          label={t('consultation.approve')}
        />
        <Post
          action={`/admin/consultations/comments/${k.id}/reject`}
          csrf={p.csrf}
          label={t('consultation.reject')}
        >
          <TextField
            id={`reason-${k.id}`}
            name="reason"
            label={t('consultation.reject_reason')}
            required
            maxLength={1000}
          />
        </Post>
      </div>
    </li>
  );
}

export function ModerationPage(p: Meta & { items: ModerationItem[] }) {
  return (
    <AdminLayout {...p}>
      <h1>{t('consultation.moderation_title')}</h1>
      {p.items.length === 0 ? (
        <p>{t('consultation.moderation_empty')}</p>
      ) : (
        <ul class="item-list">
          {p.items.map((i) => (
            <ModerationEntry
              key={i.comment.id}
              k={i.comment}
              csrf={p.csrfToken}
              heading={
                <h2>
                  <a href={`/admin/consultations/${i.consultationId}`}>{i.consultationTitle}</a>（{i.unitName}
                  ）
                </h2>
              }
            />
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}
