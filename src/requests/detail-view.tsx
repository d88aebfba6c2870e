import { type ComponentChildren, cloneElement, isValidElement, toChildArray } from 'preact';
import { AdminLayout } from '../admin/nav.tsx';
import type { DeadlineNote } from '../calendar/calendar-hooks.ts';
import type { RequestConsultationsTable, RequestRemediesTable } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../views/form.tsx';
import type { PageMeta } from '../views/layout.tsx';
import { ConsultationList, RemedyList } from './admin-views.tsx';
import type { RequestDeadline } from './deadline.ts';
import {
  APPLICANT_KIND_LABELS,
  DELIVERY_METHODS,
  OUTCOMES,
  outcomeOf,
  REMEDY_KINDS,
  REMEDY_RESULTS,
  REPLY_KIND_KEYS,
} from './outcomes.ts';
import type { RequestEvent } from './queries.ts';
import type { InfoRequest } from './store.ts';
import { DeadlineBox, Trail } from './view-parts.tsx';

type Meta = PageMeta & { largeType?: boolean };

export interface DetailProps {
  r: InfoRequest;
  unitName: string;
  deadline: RequestDeadline | null;
  deadlineNotes?: DeadlineNote[];
  events: RequestEvent[];
  files: { id: string; name: string; role: string }[];
  documents: { id: string; number: string; kind: string }[];
  consultations: RequestConsultationsTable[];
  remedies: RequestRemediesTable[];
  disclosures: { id: string; title: string; state: string }[];
  can: { handle: boolean; office: boolean };
  units: { id: string; name: string }[];
  entries: { value: string; label: string }[];
  today: string;
  errors?: ErrorMap;
  message?: string;
}

function Step(p: {
  id: string;
  step: string;
  label: string;
  csrf: string;
  multipart?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <details class="card">
      <summary>{p.label}</summary>
      <form
        method="post"
        action={`/admin/requests/${p.id}/${p.step}`}
        class="stack"
        enctype={p.multipart ? 'multipart/form-data' : undefined}
      >
        <Csrf token={p.csrf} />
        {/* unique element ids: several step forms on one page share field names */}
        {toChildArray(p.children).map((c) =>
          isValidElement(c)
            ? cloneElement(c, { id: `${p.step}-${(c.props as { name?: string }).name ?? 'on'}` })
            : c,
        )}
        <button type="submit">{p.label}</button>
      </form>
    </details>
  );
}

const DateOn = (p: { label?: string; name?: string; id?: string }) => (
  <TextField name={p.name ?? 'on'} id={p.id} type="date" label={p.label ?? t('request.f.on')} />
);
const opts = (keys: readonly string[], prefix: string) =>
  keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));
const FileInput = (p: { name?: string; id?: string }) => (
  <div class="field">
    <label for={p.id ?? 'f-file'}>{t('request.f.file')}</label>
    <input id={p.id ?? 'f-file'} type="file" name={p.name ?? 'file'} />
  </div>
);

function Actions(p: Meta & DetailProps) {
  const { r, csrfToken: csrf } = p;
  const id = r.id;
  const s = r.state;
  const out: ComponentChildren[] = [];
  const openStates = ['processing', 'supplement_pending', 'consulting', 'fee_pending', 'precheck'];
  if (p.can.handle) {
    if (s === 'awaiting_confirmation')
      out.push(
        <Step id={id} step="confirm" label={t('request.do.confirm')} csrf={csrf}>
          <DateOn label={t('request.f.confirmed_on')} />
        </Step>,
      );
    if (s === 'processing' && !r.supplement_notice_on)
      out.push(
        <Step id={id} step="supplement-notice" label={t('request.do.supplement_notice')} csrf={csrf}>
          <TextArea name="items" label={t('request.f.items')} required />
          <TextField name="periodDays" type="number" label={t('request.f.period_days')} value="10" required />
          <DateOn />
        </Step>,
      );
    if (s === 'supplement_pending') {
      out.push(
        <Step id={id} step="supplement" label={t('request.do.receive_supplement')} csrf={csrf} multipart>
          <TextArea name="text" label={t('request.f.supplement_text')} required />
          <DateOn />
          <FileInput name="file" />
        </Step>,
      );
    }
    if (
      (s === 'supplement_pending' && r.supplement_due_on && r.supplement_due_on < p.today) ||
      (s === 'fee_pending' && r.fee_due_on && r.fee_due_on < p.today)
    )
      out.push(<Step id={id} step="abandon" label={t('request.do.abandon')} csrf={csrf} />);
    if (s === 'awaiting_confirmation' || s === 'processing')
      out.push(
        <Step id={id} step="transfer" label={t('request.do.transfer')} csrf={csrf}>
          <SelectField
            name="toUnitId"
            label={t('request.f.to_unit')}
            options={p.units.filter((u) => u.id !== r.unit_id).map((u) => ({ value: u.id, label: u.name }))}
            required
          />
          <TextArea name="reason" label={t('request.f.reason')} required />
        </Step>,
      );
    if (s === 'processing' || s === 'consulting')
      out.push(
        <Step id={id} step="consult" label={t('request.do.consult')} csrf={csrf}>
          <SelectField
            name="kind"
            label={t('request.f.consult_kind')}
            options={opts(['third_party', 'co_producer'], 'request.consult')}
            required
          />
          <TextField name="party" label={t('request.f.party')} required />
          <DateOn label={t('request.f.letter_on')} />
          <TextArea name="note" label={t('request.f.note')} />
        </Step>,
      );
    const open = p.consultations.filter((c) => !c.ended_on);
    if (s === 'consulting' && open.length > 0)
      out.push(
        <Step id={id} step="consult-end" label={t('request.do.end_consult')} csrf={csrf}>
          <SelectField
            name="consultationId"
            label={t('request.f.party')}
            options={open.map((c) => ({ value: c.id, label: `${c.party}（${c.expires_on} 前）` }))}
            required
          />
          <SelectField
            name="result"
            label={t('request.f.result')}
            options={opts(['agreed', 'objected', 'silent'], 'request.consult.result')}
            required
          />
          <DateOn />
          <TextArea name="note" label={t('request.f.note')} />
        </Step>,
      );
    if (s === 'processing' && !r.fee_notice_on)
      out.push(
        <Step id={id} step="fee-notice" label={t('request.do.fee_notice')} csrf={csrf}>
          <SelectField
            name="method"
            label={t('request.f.fee_method')}
            options={opts(['per_request', 'per_volume'], 'request.fee')}
            required
          />
          <TextField name="quantity" type="number" label={t('request.f.quantity')} />
          <DateOn />
        </Step>,
      );
    if (s === 'fee_pending')
      out.push(
        <Step id={id} step="fee-paid" label={t('request.do.fee_paid')} csrf={csrf}>
          <DateOn />
        </Step>,
      );
    if (s === 'processing')
      out.push(
        <Step id={id} step="reply" label={t('request.do.reply')} csrf={csrf} multipart>
          <SelectField
            name="kind"
            label={t('request.f.reply_kind')}
            options={opts(REPLY_KIND_KEYS, 'request.reply')}
            required
          />
          <SelectField
            name="reason"
            label={t('request.f.reply_reason')}
            placeholder=""
            options={OUTCOMES.map((o) => ({ value: o.key, label: `${o.row} ${o.label}` }))}
          />
          <TextArea name="text" label={t('request.f.reply_text')} required rows={5} />
          <DateOn />
          <FileInput name="file" />
        </Step>,
      );
    if (s === 'replied')
      out.push(
        <Step id={id} step="deliver" label={t('request.do.deliver')} csrf={csrf}>
          <SelectField
            name="method"
            label={t('request.f.delivery_method')}
            options={opts(DELIVERY_METHODS, 'request.delivery')}
            required
          />
          <DateOn />
        </Step>,
      );
    if (s === 'delivered' || s === 'closed')
      out.push(<Step id={id} step="archive" label={t('request.do.archive')} csrf={csrf} />);
    if (s === 'awaiting_confirmation' || openStates.includes(s))
      out.push(
        <Step id={id} step="withdraw" label={t('request.do.withdraw')} csrf={csrf}>
          <TextArea name="reason" label={t('request.f.reason')} required />
          <DateOn />
        </Step>,
      );
    if (['replied', 'delivered', 'closed', 'archived'].includes(s)) {
      out.push(
        <Step id={id} step="remedies" label={t('request.do.remedy')} csrf={csrf}>
          <SelectField
            name="kind"
            label={t('request.f.remedy_kind')}
            options={opts(REMEDY_KINDS, 'request.remedy')}
            required
          />
          <SelectField
            name="result"
            label={t('request.f.result')}
            options={opts(REMEDY_RESULTS, 'request.remedy.result')}
            required
          />
          <TextField name="filedOn" type="date" label={t('request.f.filed_on')} required />
          <TextField name="decidedOn" type="date" label={t('request.f.decided_on')} />
          <TextArea name="note" label={t('request.f.note')} />
        </Step>,
      );
      if (p.remedies.length > 0)
        out.push(
          <Step id={id} step="remedy-update" label={t('request.do.remedy_update')} csrf={csrf}>
            <SelectField
              name="remedyId"
              label={t('request.f.remedy_kind')}
              options={p.remedies.map((x) => ({
                value: x.id,
                label: `${t(`request.remedy.${x.kind}`)} ${x.filed_on}`,
              }))}
              required
            />
            <SelectField
              name="result"
              label={t('request.f.result')}
              options={opts(REMEDY_RESULTS, 'request.remedy.result')}
              required
            />
            <TextField name="decidedOn" type="date" label={t('request.f.decided_on')} />
          </Step>,
        );
    }
  }
  if (p.can.office) {
    if (['processing', 'consulting', 'fee_pending'].includes(s) && !r.extension_days)
      out.push(
        <Step id={id} step="extend" label={t('request.do.extend')} csrf={csrf}>
          <TextField name="days" type="number" label={t('request.f.days')} value="20" required />
          <TextArea name="reason" label={t('request.f.reason')} required />
          <DateOn />
        </Step>,
      );
    if (s === 'precheck')
      out.push(
        <Step id={id} step="precheck" label={t('request.do.precheck')} csrf={csrf}>
          <SelectField
            name="decision"
            label={t('request.f.precheck_decision')}
            options={[
              { value: 'pass', label: t('request.action.precheck_pass') },
              { value: 'return', label: t('request.action.precheck_return') },
            ]}
            required
          />
          <TextArea name="note" label={t('request.f.note')} />
        </Step>,
      );
    if (s !== 'awaiting_confirmation' && p.entries.length > 0)
      out.push(
        <Step id={id} step="proactive" label={t('request.do.to_proactive')} csrf={csrf}>
          <SelectField name="entryId" label={t('request.f.entry')} options={p.entries} required />
          <TextField name="title" label={t('request.f.title')} required />
          <TextField name="otherRequestIds" label={t('request.f.other_requests')} />
        </Step>,
      );
  }
  return <>{out}</>;
}

export function RequestDetailPage(p: Meta & DetailProps) {
  const r = p.r;
  return (
    <AdminLayout {...p}>
      <h1>
        {t('request.title')} {r.tracking_code}
      </h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <p>
        <span class="status" id="request-state">
          {t(`request.state.${r.state}`)}
        </span>
        {r.outcome_key && ` · ${outcomeOf(r.outcome_key)?.row} ${outcomeOf(r.outcome_key)?.label}`}
      </p>
      <dl class="facts">
        <dt>{t('request.f.unit')}</dt>
        <dd>{p.unitName}</dd>
        <dt>{t('request.f.channel')}</dt>
        <dd>
          {t(`request.channel.${r.channel}`)} · {fmtTime(r.submitted_at)}
        </dd>
        <dt>{t('request.f.received_on')}</dt>
        <dd>{r.received_on ?? '—'}</dd>
        <dt>{t('request.f.applicant_kind')}</dt>
        <dd>{APPLICANT_KIND_LABELS[r.applicant_kind as keyof typeof APPLICANT_KIND_LABELS]}</dd>
        <dt>{t('request.f.applicant_name')}</dt>
        <dd>{r.applicant_name}</dd>
        {r.contact_person && (
          <>
            <dt>{t('request.f.contact_person')}</dt>
            <dd>{r.contact_person}</dd>
          </>
        )}
        <dt>{t('request.f.id_number')}</dt>
        <dd>
          {r.id_type} {r.id_number}
        </dd>
        <dt>{t('request.f.phone')}</dt>
        <dd>{r.phone ?? '—'}</dd>
        <dt>{t('request.f.email')}</dt>
        <dd>{r.email ?? '—'}</dd>
        <dt>{t('request.f.address')}</dt>
        <dd>
          {r.address ?? '—'} {r.postcode}
        </dd>
        <dt>{t('request.f.description')}</dt>
        <dd>{r.description}</dd>
        {r.doc_number && (
          <>
            <dt>{t('request.f.doc_number')}</dt>
            <dd>{r.doc_number}</dd>
          </>
        )}
        <dt>{t('request.f.provision_form')}</dt>
        <dd>
          {t(`request.provision.${r.provision_form}`)} · {t(`request.obtain.${r.obtain_method}`)}
        </dd>
        {r.supplement_text && (
          <>
            <dt>{t('request.f.supplement_text')}</dt>
            <dd>{r.supplement_text}</dd>
          </>
        )}
        {r.reply_text && (
          <>
            <dt>{t('request.f.reply_text')}</dt>
            <dd>{r.reply_text}</dd>
          </>
        )}
      </dl>
      <DeadlineBox deadline={p.deadline} notes={p.deadlineNotes} />
      {(p.files.length > 0 || p.documents.length > 0) && (
        <section>
          <h2>{t('request.files')}</h2>
          <ul>
            {p.documents.map((d) => (
              <li key={d.id}>
                <a href={`/admin/requests/${r.id}/documents/${d.id}`}>{d.number}</a>
              </li>
            ))}
            {p.files.map((f) => (
              <li key={f.id}>
                <a href={`/admin/requests/${r.id}/files/${f.id}`}>{f.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ConsultationList items={p.consultations} />
      <RemedyList items={p.remedies} />
      {p.disclosures.length > 0 && (
        <section>
          <h2>{t('request.linked_disclosures')}</h2>
          <ul>
            {p.disclosures.map((d) => (
              <li key={d.id}>
                <a href={`/admin/disclosures/${d.id}`}>{d.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>{t('request.steps')}</h2>
        <Actions {...p} />
      </section>
      <Trail events={p.events} showActor />
    </AdminLayout>
  );
}
