import { AdminLayout } from '../admin/nav.tsx';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../views/form.tsx';
import type { PageMeta } from '../views/layout.tsx';
import { AttachmentList, DraftFields, type DraftValues, FindingsList } from './admin-views.tsx';
import type { DisclosureVersion } from './chain.ts';
import { isArchived } from './display-until.ts';
import type { LocatedFinding } from './privacy-check.ts';
import type { Disclosure } from './store.ts';

type Meta = PageMeta & { largeType?: boolean };

export interface ItemAbilities {
  draft: boolean;
  review: boolean;
  approve: boolean;
  publish: boolean;
}

/** The other half of a 政策解读 pair, as the item page links it. */
export interface RelatedItem {
  id: string;
  title: string;
  state: string;
}

export interface TrailEvent {
  action: string;
  actor_name: string;
  at: string;
  reason: string | null;
}

function StepForm(p: {
  id: string;
  step: string;
  label: string;
  csrf: string;
  field?: 'reason' | 'override';
}) {
  return (
    <form method="post" action={`/admin/disclosures/${p.id}/${p.step}`} class="step">
      <Csrf token={p.csrf} />
      {p.field === 'reason' && <TextArea name="reason" label={t('disclosure.field.reason')} required />}
      {p.field === 'override' && (
        <TextArea name="overrideReason" label={t('disclosure.field.override_reason')} />
      )}
      <button type="submit">{p.label}</button>
    </form>
  );
}

function InterpretationLinks(p: {
  d: Disclosure;
  csrf: string;
  interpretation: RelatedItem | null;
  document: RelatedItem | null;
  requires: boolean;
  canDraft: boolean;
}) {
  const { d } = p;
  if (p.document)
    return (
      <p class="related">
        {t('disclosure.interprets')}：<a href={`/admin/disclosures/${p.document.id}`}>{p.document.title}</a>（
        {t(`disclosure.state.${p.document.state}`)}）
      </p>
    );
  if (d.attribute === 'withheld' || d.state === 'withheld' || d.state === 'revoked') return null;
  return (
    <section class="related">
      {p.requires && <p class="notice">{t('disclosure.interpretation_needed')}</p>}
      {p.interpretation ? (
        <p>
          {t('disclosure.interpretation')}：
          <a href={`/admin/disclosures/${p.interpretation.id}`}>{p.interpretation.title}</a>（
          {t(`disclosure.state.${p.interpretation.state}`)}）
        </p>
      ) : (
        p.canDraft && (
          <form method="post" action={`/admin/disclosures/${d.id}/interpretation`}>
            <Csrf token={p.csrf} />
            <button type="submit">{t('disclosure.draft_interpretation')}</button>
          </form>
        )
      )}
    </section>
  );
}

export function ResponsibleList(p: { d: Disclosure; names: Map<string, string> }) {
  const n = (id: string | null) => (id ? (p.names.get(id) ?? '—') : '—');
  return (
    <dl class="responsible">
      <dt>{t('disclosure.drafter')}</dt>
      <dd>
        {n(p.d.drafted_by)} {fmtTime(p.d.drafted_at)}
      </dd>
      <dt>{t('disclosure.reviewer')}</dt>
      <dd>
        {n(p.d.reviewed_by)} {p.d.reviewed_at && fmtTime(p.d.reviewed_at)}
      </dd>
      <dt>{t('disclosure.approver')}</dt>
      <dd>
        {n(p.d.approved_by)} {p.d.approved_at && fmtTime(p.d.approved_at)}
      </dd>
    </dl>
  );
}

export function DisclosureItemPage(
  p: Meta & {
    d: Disclosure;
    unitName: string;
    entryLabel: string;
    can: ItemAbilities;
    findings: LocatedFinding[];
    names: Map<string, string>;
    events: TrailEvent[];
    versions: DisclosureVersion[];
    values?: DraftValues;
    errors?: ErrorMap;
    message?: string;
    /** This document's 政策解读, or the document this interpretation interprets. */
    interpretation?: RelatedItem | null;
    document?: RelatedItem | null;
    requiresInterpretation?: boolean;
    /** The office may review (复核) a withheld filing. */
    canManage?: boolean;
    /** The China date from the app clock (archived items). */
    today: string;
  },
) {
  const { d, can } = p;
  const csrf = p.csrfToken;
  const editable = d.state === 'draft' && can.draft;
  return (
    <AdminLayout {...p}>
      <h1>{d.title}</h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <p>
        {p.unitName} · {p.entryLabel} {d.period_key && `· ${d.period_key}`} ·{' '}
        <strong>{t(`disclosure.state.${d.state}`)}</strong>
        {(d.state === 'published' || d.state === 'revoked') && (
          <>
            {' '}
            · <a href={`/d/${d.id}`}>公开页面</a>
          </>
        )}
      </p>
      <InterpretationLinks
        d={d}
        csrf={csrf}
        interpretation={p.interpretation ?? null}
        document={p.document ?? null}
        requires={p.requiresInterpretation ?? false}
        canDraft={can.draft}
      />
      {d.display_until && (
        <p>
          {t('disclosure.field.display_until')}：{d.display_until}
          {d.state === 'published' && isArchived(d.display_until, p.today) && (
            <>
              {' '}
              <strong class="tag">{t('disclosure.archived', { date: d.display_until })}</strong>
            </>
          )}
        </p>
      )}
      {d.state === 'withheld' && (
        <section>
          <h2>{t('disclosure.filings.filing')}</h2>
          <dl>
            <dt>{t('disclosure.field.withheld_reason')}</dt>
            <dd>{d.withheld_reason ?? '—'}</dd>
            <dt>{t('disclosure.field.withheld_basis')}</dt>
            <dd>{d.withheld_basis ?? '—'}</dd>
            <dt>{t('disclosure.field.review_date')}</dt>
            <dd>{d.review_date ?? '—'}</dd>
          </dl>
          {p.canManage && (
            <form method="post" action={`/admin/disclosures/${d.id}/filing-review`}>
              <h3>{t('disclosure.filings.review')}</h3>
              <Csrf token={csrf} />
              <SelectField
                name="decision"
                label={t('disclosure.filings.decision')}
                options={[
                  { value: 'keep', label: t('disclosure.filings.keep') },
                  { value: 'reopen', label: t('disclosure.filings.reopen') },
                ]}
                value={p.values?.decision}
                error={p.errors?.decision}
                required
              />
              <TextField
                name="reviewDate"
                type="date"
                label={t('disclosure.filings.next_review')}
                hint={t('disclosure.filings.next_review_hint')}
                value={p.values?.reviewDate}
                error={p.errors?.reviewDate}
              />
              <TextArea
                name="note"
                label={t('disclosure.filings.note')}
                value={p.values?.note}
                error={p.errors?.note}
                required
              />
              <button type="submit">{t('disclosure.filings.review')}</button>
            </form>
          )}
        </section>
      )}
      {d.state === 'draft' && d.returned_reason && (
        <p class="notice warn" role="status">
          {t('disclosure.returned_notice', { reason: d.returned_reason })}
        </p>
      )}
      <h2>{t('disclosure.responsible')}</h2>
      <ResponsibleList d={d} names={p.names} />

      {d.state !== 'published' && d.state !== 'revoked' && (
        <section>
          <h2>{t('disclosure.findings')}</h2>
          <FindingsList findings={p.findings} />
          {editable && p.findings.length > 0 && (
            <form method="post" action={`/admin/disclosures/${d.id}/mask`}>
              <Csrf token={csrf} />
              <button type="submit">{t('disclosure.mask')}</button>
            </form>
          )}
          {d.privacy_override_reason && <p>不予遮盖理由：{d.privacy_override_reason}</p>}
        </section>
      )}

      <h2>{t('disclosure.attachments')}</h2>
      <AttachmentList d={d} csrf={csrf} editable={editable} />
      {editable && (
        <form method="post" action={`/admin/disclosures/${d.id}/attachments`} enctype="multipart/form-data">
          <Csrf token={csrf} />
          <div class="field">
            <label for="f-file">{t('disclosure.field.file')}</label>
            <input id="f-file" type="file" name="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" required />
          </div>
          <button type="submit">{t('disclosure.upload')}</button>
        </form>
      )}

      <h2>操作</h2>
      {d.state === 'draft' && can.draft && (
        <StepForm id={d.id} step="submit" label={t('disclosure.submit')} csrf={csrf} field="override" />
      )}
      {d.state === 'submitted' && can.review && (
        <StepForm id={d.id} step="review" label={t('disclosure.review')} csrf={csrf} />
      )}
      {d.state === 'reviewed' && can.approve && (
        <StepForm id={d.id} step="approve" label={t('disclosure.approve')} csrf={csrf} />
      )}
      {['submitted', 'reviewed', 'approved'].includes(d.state) && (can.review || can.approve) && (
        <StepForm id={d.id} step="return" label={t('disclosure.return')} csrf={csrf} field="reason" />
      )}
      {d.state === 'approved' && can.publish && (
        <StepForm id={d.id} step="publish" label={t('disclosure.publish')} csrf={csrf} field="override" />
      )}
      {d.state === 'published' && can.publish && (
        <>
          <form method="post" action={`/admin/disclosures/${d.id}/revise`}>
            <Csrf token={csrf} />
            <TextField
              name="title"
              label={t('disclosure.field.title')}
              value={p.values?.title ?? d.title}
              required
            />
            <TextArea
              name="bodyHtml"
              label={t('disclosure.field.body')}
              value={p.values?.bodyHtml ?? d.body_html}
              rows={10}
            />
            <TextArea name="changeNote" label={t('disclosure.field.change_note')} required />
            <TextArea name="overrideReason" label={t('disclosure.field.override_reason')} />
            <button type="submit">{t('disclosure.revise')}</button>
          </form>
          <StepForm id={d.id} step="revoke" label={t('disclosure.revoke')} csrf={csrf} field="reason" />
        </>
      )}

      {editable && (
        <section>
          <h2>{t('disclosure.edit')}</h2>
          <form method="post" action={`/admin/disclosures/${d.id}`}>
            <Csrf token={csrf} />
            <DraftFields values={p.values ?? {}} errors={p.errors} entries={[]} withEntry={false} />
            <button type="submit">{t('disclosure.save')}</button>
          </form>
        </section>
      )}

      {p.versions.length > 0 && (
        <section>
          <h2>{t('disclosure.versions')}</h2>
          <ul>
            {p.versions.map((v) => (
              <li key={v.id}>
                {t('disclosure.version_n', { n: v.version })} · {fmtTime(v.published_at)} ·{' '}
                {t('disclosure.fingerprint')} <code>{v.fingerprint}</code>
                {v.change_note && ` · ${v.change_note}`}
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2>{t('disclosure.trail')}</h2>
      <ol class="trail">
        {p.events.map((e, i) => (
          <li key={i}>
            {fmtTime(e.at)} {e.actor_name} {t(`disclosure.event.${e.action}`)}
            {e.reason && `：${e.reason}`}
          </li>
        ))}
      </ol>
    </AdminLayout>
  );
}
