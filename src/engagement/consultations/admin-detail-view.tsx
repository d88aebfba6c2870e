import { AdminLayout } from '../../admin/nav.tsx';
import { t } from '../../i18n/index.ts';
import { fmtTime } from '../../lib/format.ts';
import { Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../../views/form.tsx';
import type { PageMeta } from '../../views/layout.tsx';
import { type AdminDetailProps, ModerationEntry } from './admin-views.tsx';
import { ReportSection, StatusTag } from './public-views.tsx';

type Meta = PageMeta & { largeType?: boolean };
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const OUTCOMES = ['adopted', 'partly_adopted', 'not_adopted'].map((o) => ({
  value: o,
  label: t(`consultation.outcome.${o}`),
}));

function DraftForms(p: Meta & AdminDetailProps) {
  const v = p.values ?? {};
  const base = `/admin/consultations/${p.c.id}`;
  return (
    <>
      <section aria-labelledby="edit-h">
        <h2 id="edit-h">{t('consultation.edit_heading')}</h2>
        <form method="post" action={base} class="stack">
          <Csrf token={p.csrfToken} />
          <TextField
            name="title"
            label={t('consultation.title')}
            value={str(v.title ?? p.c.title)}
            error={p.errors?.title}
            required
          />
          <TextArea
            name="explanation"
            label={t('consultation.explanation')}
            value={str(v.explanation ?? p.c.explanation)}
            error={p.errors?.explanation}
            required
            rows={5}
          />
          <TextArea
            name="text"
            label={t('consultation.text')}
            hint={t('consultation.text_hint')}
            value={str(v.text ?? p.paragraphs.map((x) => x.body).join('\n'))}
            error={p.errors?.text}
            required
            rows={14}
          />
          <button type="submit">{t('consultation.save_draft')}</button>
        </form>
      </section>
      <section aria-labelledby="open-h">
        <h2 id="open-h">{t('consultation.open_heading')}</h2>
        <p class="hint">{t('consultation.open_hint')}</p>
        <form method="post" action={`${base}/open`} class="stack">
          <Csrf token={p.csrfToken} />
          <TextField
            name="opensOn"
            type="date"
            label={t('consultation.opens_on')}
            value={str(v.opensOn ?? p.today)}
            error={p.errors?.opensOn}
            required
          />
          <TextField
            name="closesOn"
            type="date"
            label={t('consultation.closes_on')}
            value={str(v.closesOn)}
            error={p.errors?.closesOn}
            required
          />
          <TextArea
            name="overrideReason"
            label={t('consultation.privacy_override')}
            value={str(v.overrideReason)}
            error={p.errors?.overrideReason}
            rows={2}
          />
          <button type="submit">{t('consultation.open_button')}</button>
        </form>
      </section>
    </>
  );
}

function ReportEditor(p: Meta & AdminDetailProps) {
  const approved = p.comments.filter((k) => k.status === 'approved');
  const base = `/admin/consultations/${p.c.id}`;
  return (
    <section aria-labelledby="report-ed-h">
      <h2 id="report-ed-h">{t('consultation.report_editor')}</h2>
      <p class="hint">{t('consultation.report_editor_hint')}</p>
      <form method="post" action={`${base}/decisions`} class="stack">
        <Csrf token={p.csrfToken} />
        <fieldset>
          <legend>{t('consultation.comments_admin', { n: approved.length })}</legend>
          {approved.map((k) => {
            const d = k.decision_id ? p.decisions.get(k.decision_id) : undefined;
            return (
              <div class="field checkbox" key={k.id}>
                <input id={`pick-${k.id}`} type="checkbox" name="commentIds" value={k.id} />
                <label for={`pick-${k.id}`}>
                  {k.paragraph_number
                    ? t('consultation.paragraph_label', { n: k.paragraph_number })
                    : t('consultation.whole_text')}
                  ：{k.body}（
                  {d
                    ? `${t(`consultation.outcome.${d.outcome}`)}${d.reason ? `：${d.reason}` : ''}`
                    : t('consultation.undecided')}
                  ）
                </label>
              </div>
            );
          })}
        </fieldset>
        <SelectField
          name="outcome"
          label={t('consultation.outcome')}
          options={OUTCOMES}
          value={str(p.values?.outcome)}
          error={p.errors?.outcome}
          required
        />
        <TextArea
          name="reason"
          label={t('consultation.decision_reason')}
          value={str(p.values?.reason)}
          error={p.errors?.reason}
          rows={3}
        />
        <button type="submit">{t('consultation.record_decision')}</button>
      </form>
      <h2>{t('consultation.publish_report_heading')}</h2>
      <form method="post" action={`${base}/report`} class="stack">
        <Csrf token={p.csrfToken} />
        <TextArea
          name="summary"
          label={t('consultation.report_summary')}
          value={str(p.values?.summary)}
          rows={3}
        />
        <button type="submit">{t('consultation.publish_report')}</button>
      </form>
    </section>
  );
}

function FinalForm(p: Meta & AdminDetailProps) {
  if (p.final && p.final.state !== 'revoked')
    return (
      <p>
        {t('consultation.final_admin_link')}
        <a href={`/admin/disclosures/${p.final.id}`}>{p.final.title}</a>（
        {t(`disclosure.state.${p.final.state}`)}）
      </p>
    );
  return (
    <section aria-labelledby="final-h">
      <h2 id="final-h">{t('consultation.final_start_heading')}</h2>
      {p.entries.length === 0 ? (
        <p>{t('consultation.no_entries')}</p>
      ) : (
        <form method="post" action={`/admin/consultations/${p.c.id}/final`} class="stack">
          <Csrf token={p.csrfToken} />
          <SelectField
            name="entryId"
            label={t('consultation.final_entry')}
            options={p.entries}
            value={str(p.values?.entryId)}
            error={p.errors?.entryId}
            required
          />
          <TextField
            name="title"
            label={t('consultation.final_title')}
            value={str(p.values?.title ?? p.c.title)}
            error={p.errors?.title}
            maxLength={200}
          />
          <TextField
            name="decidedOn"
            type="date"
            label={t('consultation.decided_on')}
            value={str(p.values?.decidedOn ?? p.today)}
            error={p.errors?.decidedOn}
            required
          />
          <button type="submit">{t('consultation.final_start')}</button>
        </form>
      )}
    </section>
  );
}

export function AdminDetailPage(p: Meta & AdminDetailProps) {
  const { c } = p;
  const base = `/admin/consultations/${c.id}`;
  const pending = p.comments.filter((k) => k.status === 'pending');
  const canWithdraw = c.state === 'draft' || c.state === 'open';
  return (
    <AdminLayout {...p}>
      <h1>{c.title}</h1>
      <p class="meta">
        {p.unitName} · <StatusTag status={p.status} />
        {c.opens_on && ` · ${t('consultation.period', { from: c.opens_on, to: c.closes_on ?? '' })}`}
        {c.published_at && (
          <>
            {' · '}
            <a href={`/consultations/${c.id}`}>{t('consultation.view_public')}</a>
          </>
        )}
      </p>
      <ErrorSummary errors={p.errors} message={p.message} />
      {c.state === 'draft' && <DraftForms {...p} />}
      {c.state !== 'draft' && (
        <section aria-labelledby="text-h">
          <h2 id="text-h">{t('consultation.text')}</h2>
          <ol>
            {p.paragraphs.map((x) => (
              <li key={x.number} value={x.number}>
                {x.body}
              </li>
            ))}
          </ol>
        </section>
      )}
      {(p.status === 'open' || p.status === 'upcoming') && (
        <section aria-labelledby="extend-h">
          <h2 id="extend-h">{t('consultation.extend_heading')}</h2>
          <form method="post" action={`${base}/extend`} class="stack">
            <Csrf token={p.csrfToken} />
            <TextField
              name="closesOn"
              id="f-extend-closesOn"
              type="date"
              label={t('consultation.closes_on')}
              value={str(p.values?.closesOn)}
              required
            />
            <TextField
              name="note"
              label={t('consultation.extend_note')}
              value={str(p.values?.note)}
              required
              maxLength={1000}
            />
            <button type="submit">{t('consultation.extend_button')}</button>
          </form>
        </section>
      )}
      {c.state !== 'draft' && (
        <section aria-labelledby="mod-h">
          <h2 id="mod-h">
            {t('consultation.moderation_title')}（{t('consultation.pending_n', { n: pending.length })}）
          </h2>
          {pending.length === 0 ? (
            <p>{t('consultation.moderation_empty')}</p>
          ) : (
            <ul class="item-list">
              {pending.map((k) => (
                <ModerationEntry key={k.id} k={k} csrf={p.csrfToken} />
              ))}
            </ul>
          )}
        </section>
      )}
      {p.status === 'closed' && <ReportEditor {...p} />}
      {p.report && <ReportSection c={c} report={p.report} />}
      {c.state === 'reported' && <FinalForm {...p} />}
      {canWithdraw && (
        <section aria-labelledby="wd-h">
          <h2 id="wd-h">{t('consultation.withdraw_heading')}</h2>
          <form method="post" action={`${base}/withdraw`} class="stack">
            <Csrf token={p.csrfToken} />
            <TextField
              name="reason"
              id="f-withdraw-reason"
              label={t('consultation.withdraw_reason')}
              required
              maxLength={1000}
            />
            <button type="submit">{t('consultation.withdraw_button')}</button>
          </form>
        </section>
      )}
      <section aria-labelledby="trail-h">
        <h2 id="trail-h">{t('consultation.trail')}</h2>
        <ul>
          {p.events.map((e) => (
            <li key={e.at + e.kind}>
              {fmtTime(e.at)} · {e.actor_name ?? ''} · {t(`consultation.event.${e.kind}`)}
              {e.note ? `：${e.note}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </AdminLayout>
  );
}
