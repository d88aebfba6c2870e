import { AdminLayout } from '../admin/nav.tsx';
import type { RequestConsultationsTable, RequestRemediesTable } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextField } from '../views/form.tsx';
import type { PageMeta } from '../views/layout.tsx';
import { APPLICANT_KIND_LABELS, CHANNELS, outcomeOf } from './outcomes.ts';
import type { RequestListRow } from './queries.ts';
import { ApplicantForm, type Values } from './view-parts.tsx';

type Meta = PageMeta & { largeType?: boolean };
export const LIST_STATES = [
  'awaiting_confirmation',
  'processing',
  'supplement_pending',
  'consulting',
  'fee_pending',
  'precheck',
  'replied',
  'delivered',
  'closed',
  'archived',
];

export function RequestListPage(
  p: Meta & {
    items: RequestListRow[];
    filters: { state?: string; overdue?: boolean; q?: string };
    transferred: {
      id: string;
      tracking_code: string;
      applicant_name: string;
      at: string;
      from_name: string;
      to_name: string;
      reason: string | null;
    }[];
    canRegister: boolean;
    canSettings: boolean;
    precheck: boolean;
  },
) {
  return (
    <AdminLayout {...p}>
      <div class="title-row">
        <h1>{t('request.admin_title')}</h1>
        {p.canRegister && (
          <a class="button" href="/admin/requests/new">
            {t('request.register_title')}
          </a>
        )}
      </div>
      <form method="get" action="/admin/requests" class="filters">
        <label for="f-state">{t('request.f.state')}</label>
        <select id="f-state" name="state">
          <option value="">{t('request.all_states')}</option>
          {LIST_STATES.map((s) => (
            <option key={s} value={s} selected={p.filters.state === s}>
              {t(`request.state.${s}`)}
            </option>
          ))}
        </select>
        <label for="f-q">{t('request.f.search')}</label>
        <input id="f-q" name="q" value={p.filters.q ?? ''} />
        <label>
          <input type="checkbox" name="overdue" value="1" checked={p.filters.overdue} />{' '}
          {t('request.overdue_only')}
        </label>
        <button type="submit">{t('request.filter')}</button>
        <a href="/admin/requests/export.csv">{t('request.export')}</a>
      </form>
      {p.items.length === 0 ? (
        <p>{t('request.list_empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('request.f.code')}</th>
                <th scope="col">{t('request.f.unit')}</th>
                <th scope="col">{t('request.applicant')}</th>
                <th scope="col">{t('request.f.description')}</th>
                <th scope="col">{t('request.f.received_on')}</th>
                <th scope="col">{t('request.f.due')}</th>
                <th scope="col">{t('request.f.state')}</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((r) => (
                <tr key={r.id} class={Number(r.overdue) === 1 ? 'overdue' : undefined}>
                  <td>
                    <a href={`/admin/requests/${r.id}`}>{r.tracking_code}</a>
                  </td>
                  <td>{r.unit_name}</td>
                  <td>
                    {r.applicant_name}
                    <span class="muted">
                      {' '}
                      · {APPLICANT_KIND_LABELS[r.applicant_kind as keyof typeof APPLICANT_KIND_LABELS]}
                    </span>
                  </td>
                  <td>{r.description.slice(0, 60)}</td>
                  <td>{r.received_on ?? '—'}</td>
                  <td>
                    {r.due_date ?? '—'}
                    {Number(r.overdue) === 1 && <span class="tag">{t('request.overdue')}</span>}
                    {r.clock_paused === 1 && <span class="tag">{t('request.deadline_paused')}</span>}
                  </td>
                  <td>
                    {t(`request.state.${r.state}`)}
                    {r.outcome_key && <span class="muted"> · {outcomeOf(r.outcome_key)?.label}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.transferred.length > 0 && (
        <section>
          <h2>{t('request.transferred_out')}</h2>
          <ul>
            {p.transferred.map((x) => (
              <li key={`${x.id}${x.at}`}>
                {x.tracking_code} · {x.applicant_name} · {x.from_name} → {x.to_name} · {fmtTime(x.at)}
                {x.reason && ` · ${x.reason}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.canSettings && (
        <section>
          <h2>{t('request.settings')}</h2>
          <form method="post" action="/admin/requests/settings" class="stack">
            <Csrf token={p.csrfToken} />
            <label>
              <input type="checkbox" name="precheck" value="true" checked={p.precheck} />{' '}
              {t('request.precheck_setting')}
            </label>
            <button type="submit">{t('request.save')}</button>
          </form>
        </section>
      )}
    </AdminLayout>
  );
}

export function RegisterPage(
  p: Meta & { units: { id: string; name: string }[]; values: Values; errors?: ErrorMap; message?: string },
) {
  const e = p.errors ?? {};
  return (
    <AdminLayout {...p}>
      <h1>{t('request.register_title')}</h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="post" action="/admin/requests" class="stack">
        <Csrf token={p.csrfToken} />
        <SelectField
          name="channel"
          label={t('request.f.channel')}
          options={CHANNELS.filter((c) => c !== 'online').map((c) => ({
            value: c,
            label: t(`request.channel.${c}`),
          }))}
          value={String(p.values.channel ?? 'in_person')}
          error={e.channel}
          required
        />
        <TextField
          name="receivedOn"
          type="date"
          label={t('request.f.received_on')}
          hint={t('request.f.received_on_hint')}
          value={String(p.values.receivedOn ?? '')}
          error={e.receivedOn}
        />
        <TextField
          name="confirmedOn"
          type="date"
          label={t('request.f.confirmed_on')}
          hint={t('request.f.confirmed_on_hint')}
          value={String(p.values.confirmedOn ?? '')}
          error={e.confirmedOn}
        />
        <ApplicantForm values={p.values} errors={p.errors} units={p.units} />
        <button type="submit">{t('request.register')}</button>
      </form>
    </AdminLayout>
  );
}

export function ConsultationList(p: { items: RequestConsultationsTable[] }) {
  if (p.items.length === 0) return null;
  return (
    <section>
      <h2>{t('request.consultations')}</h2>
      <ul>
        {p.items.map((c) => (
          <li key={c.id}>
            {t(`request.consult.${c.kind}`)} · {c.party} · {c.sent_on} →{' '}
            {c.ended_on ?? `（${c.expires_on} 前）`}
            {c.result && ` · ${t(`request.consult.result.${c.result}`)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RemedyList(p: { items: RequestRemediesTable[] }) {
  if (p.items.length === 0) return null;
  return (
    <section>
      <h2>{t('request.remedies')}</h2>
      <ul>
        {p.items.map((x) => (
          <li key={x.id}>
            {t(`request.remedy.${x.kind}`)} · {x.filed_on} · {t(`request.remedy.result.${x.result}`)}
            {x.decided_on && ` · ${x.decided_on}`}
            <span class="muted"> ({x.id})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
