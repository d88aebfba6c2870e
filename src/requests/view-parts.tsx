import type { DeadlineNote } from '../calendar/calendar-hooks.ts';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { type ErrorMap, SelectField, TextArea, TextField } from '../views/form.tsx';
import { explainClock } from './clock/index.ts';
import type { RequestDeadline } from './deadline.ts';
import { APPLICANT_KIND_LABELS, APPLICANT_KINDS, OBTAIN_METHODS, PROVISION_FORMS } from './outcomes.ts';
import type { RequestEvent } from './queries.ts';

export type Values = Record<string, unknown>;
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const opts = (keys: readonly string[], prefix: string) =>
  keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));

/** The applicant's fields (Art. 29), shared by the public form and staff registration. */
export function ApplicantForm(p: {
  values: Values;
  errors?: ErrorMap;
  units: { id: string; name: string }[];
}) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <>
      <SelectField
        name="unitId"
        label={t('request.f.unit')}
        options={p.units.map((u) => ({ value: u.id, label: u.name }))}
        placeholder=""
        value={str(v.unitId)}
        error={e.unitId}
        required
      />
      <fieldset>
        <legend>{t('request.applicant_section')}</legend>
        <SelectField
          name="applicantKind"
          label={t('request.f.applicant_kind')}
          options={APPLICANT_KINDS.map((k) => ({
            value: k,
            label:
              k === 'natural_person'
                ? APPLICANT_KIND_LABELS[k]
                : `法人或其他组织 · ${APPLICANT_KIND_LABELS[k]}`,
          }))}
          value={str(v.applicantKind || 'natural_person')}
          error={e.applicantKind}
          required
        />
        <TextField
          name="applicantName"
          label={t('request.f.applicant_name')}
          value={str(v.applicantName)}
          error={e.applicantName}
          required
          maxLength={100}
        />
        <TextField
          name="contactPerson"
          label={t('request.f.contact_person')}
          value={str(v.contactPerson)}
          error={e.contactPerson}
          maxLength={50}
        />
        <TextField
          name="idType"
          label={t('request.f.id_type')}
          value={str(v.idType)}
          error={e.idType}
          maxLength={40}
        />
        <TextField
          name="idNumber"
          label={t('request.f.id_number')}
          value={str(v.idNumber)}
          error={e.idNumber}
          required
          maxLength={40}
        />
        <TextField
          name="phone"
          label={t('request.f.phone')}
          value={str(v.phone)}
          error={e.phone}
          type="tel"
          maxLength={40}
        />
        <TextField
          name="email"
          label={t('request.f.email')}
          value={str(v.email)}
          error={e.email}
          type="email"
          maxLength={200}
        />
        <TextField
          name="address"
          label={t('request.f.address')}
          value={str(v.address)}
          error={e.address}
          maxLength={300}
        />
        <TextField
          name="postcode"
          label={t('request.f.postcode')}
          value={str(v.postcode)}
          error={e.postcode}
          maxLength={10}
        />
      </fieldset>
      <fieldset>
        <legend>{t('request.info_section')}</legend>
        <TextArea
          name="description"
          label={t('request.f.description')}
          value={str(v.description)}
          error={e.description}
          required
          rows={5}
          maxLength={4000}
        />
        <TextField
          name="docNumber"
          label={t('request.f.doc_number')}
          value={str(v.docNumber)}
          error={e.docNumber}
          maxLength={200}
        />
        <SelectField
          name="provisionForm"
          label={t('request.f.provision_form')}
          options={opts(PROVISION_FORMS, 'request.provision')}
          value={str(v.provisionForm || 'electronic')}
          error={e.provisionForm}
          required
        />
        <SelectField
          name="obtainMethod"
          label={t('request.f.obtain_method')}
          options={opts(OBTAIN_METHODS, 'request.obtain')}
          value={str(v.obtainMethod || 'download')}
          error={e.obtainMethod}
          required
        />
      </fieldset>
    </>
  );
}

/** The current deadline and “how this date was computed” (the engine's steps). */
export function DeadlineBox(p: { deadline: RequestDeadline | null; notes?: DeadlineNote[] }) {
  const d = p.deadline;
  if (!d) return <p class="muted">{t('request.deadline_none')}</p>;
  return (
    <section class="card">
      <h2>
        {t('request.f.due')}：<strong>{d.due}</strong>
        {d.provisional && <span class="tag">{t('calendar.provisional')}</span>}
        {d.paused && <span class="tag">{t('request.deadline_paused')}</span>}
      </h2>
      <details open>
        <summary>{t('request.deadline_how')}</summary>
        <ol>
          {explainClock(d).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
        {(p.notes ?? []).map((n) => (
          <p key={n.changedAt} class="muted">
            {t('request.deadline_moved', {
              from: n.oldDate,
              to: n.newDate,
              year: n.year,
              version: n.version,
            })}
          </p>
        ))}
      </details>
    </section>
  );
}

/** Trail steps whose document is addressed to someone else: its 文号 is not shown to the applicant. */
const LETTER_NOT_FOR_APPLICANT = new Set(['consult_third_party']);

function eventDetail(e: RequestEvent, forApplicant: boolean): string {
  const parts: string[] = [];
  if (e.on_date) parts.push(e.on_date);
  if (e.to_unit_name) parts.push(`→ ${e.to_unit_name}`);
  if (e.detail_json) {
    const d = JSON.parse(e.detail_json) as Record<string, unknown>;
    if (d.documentNumber && !(forApplicant && LETTER_NOT_FOR_APPLICANT.has(e.action)))
      parts.push(String(d.documentNumber));
    if (d.due && e.action !== 'deliver') parts.push(`期限 ${d.due}`);
    if (d.expires) parts.push(`征询期限 ${d.expires}`);
    if (d.result) parts.push(t(`request.consult.result.${d.result}`));
    if (d.days) parts.push(`${d.days} 个工作日`);
    if (d.amount) parts.push(`${d.amount} 元`);
  }
  return parts.join(' · ');
}

/**
 * The trail: every step with its time, legal date and reason; staff (showActor) also see who acted.
 * Without showActor it is the applicant's tracking page: letters to third parties stay unnumbered.
 */
export function Trail(p: { events: RequestEvent[]; showActor: boolean }) {
  return (
    <section>
      <h2>{t('request.trail')}</h2>
      <ol class="stack">
        {p.events.map((e) => (
          <li key={e.id}>
            <strong>{t(`request.action.${e.action}`)}</strong> <span class="muted">{fmtTime(e.at)}</span>
            {p.showActor && <span class="muted"> · {e.actor_name}</span>}
            {eventDetail(e, !p.showActor) && <span> · {eventDetail(e, !p.showActor)}</span>}
            {e.reason && <p>{e.reason}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
