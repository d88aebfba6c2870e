import { AdminLayout } from '../admin/nav.tsx';
import type { DeadlineNote } from '../calendar/calendar-hooks.ts';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextArea, TextField } from '../views/form.tsx';
import type { PageMeta } from '../views/layout.tsx';
import type { ObligationRow } from './queries.ts';
import type { ObligationSettings } from './settings.ts';

type Meta = PageMeta & { largeType?: boolean };
export interface EntryOption {
  value: string;
  label: string;
}
export interface FormState {
  errors?: ErrorMap;
  message?: string | null;
  /** Which form the errors belong to. */
  form?: 'event' | 'decision' | 'fulfil';
  values?: Record<string, unknown>;
}

const WARN = new Set(['overdue', 'due_soon', 'fulfilled_late']);
export function StatusBadge({ status }: { status: ObligationRow['status'] }) {
  return (
    <span class={`tag status-${status}${WARN.has(status) ? ' warn' : ''}`}>
      {t(`obligation.status.${status}`)}
    </span>
  );
}

function DeadlineNotes({ notes }: { notes?: DeadlineNote[] }) {
  if (!notes?.length) return null;
  return (
    <ul class="deadline-notes hint">
      {notes.map((n) => (
        <li key={`${n.changedAt}${n.newDate}`}>
          {t('obligation.deadline_moved', {
            old: n.oldDate,
            new: n.newDate,
            year: n.year,
            version: n.version,
            at: fmtTime(n.changedAt),
          })}
        </li>
      ))}
    </ul>
  );
}

function Row({ o, notes }: { o: ObligationRow; notes?: DeadlineNote[] }) {
  return (
    <tr>
      <td>
        {o.item}
        <br />
        <span class="hint">{o.level2 ? `${o.level1} / ${o.level2}` : o.level1}</span>
      </td>
      <td>{o.label}</td>
      <td>{t(`obligation.kind.${o.kind}`)}</td>
      <td>
        {o.dueDate}
        {o.dueProvisional && <span class="tag warn">{t('obligation.provisional')}</span>}
        <DeadlineNotes notes={notes} />
      </td>
      <td>
        <StatusBadge status={o.status} />
      </td>
      <td>
        {o.fulfilledOn && (
          <>
            {o.fulfilledOn} {o.fulfilmentKind && t(`obligation.fulfilment.${o.fulfilmentKind}`)}
            {o.evidenceNote && <div class="hint">{o.evidenceNote}</div>}
            {o.evidenceFileId && <a href={`/files/${o.evidenceFileId}`}>{t('obligation.evidence_link')}</a>}
          </>
        )}
      </td>
    </tr>
  );
}

function OccurrenceForm(p: {
  kind: 'event' | 'decision';
  unitId: string;
  entries: EntryOption[];
  csrf: string;
  state: FormState;
}) {
  const mine = p.state.form === p.kind;
  const e = mine ? (p.state.errors ?? {}) : {};
  const v = mine ? (p.state.values ?? {}) : {};
  const dateName = p.kind === 'event' ? 'eventDate' : 'decisionDate';
  return (
    <section>
      <h2>{t(p.kind === 'event' ? 'obligation.record_event' : 'obligation.record_decision')}</h2>
      {mine && <ErrorSummary errors={e} message={p.state.message} />}
      <form method="post" action={`/admin/units/${p.unitId}/obligations/${p.kind}s`}>
        <Csrf token={p.csrf} />
        <SelectField
          name="entryId"
          label={t('obligation.field.entry')}
          options={p.entries}
          value={String(v.entryId ?? '')}
          error={e.entryId}
          required
        />
        <TextField
          name={dateName}
          type="date"
          label={t(p.kind === 'event' ? 'obligation.field.event_date' : 'obligation.field.decision_date')}
          value={String(v[dateName] ?? '')}
          error={e.date}
          required
        />
        <TextField
          name="title"
          label={t('obligation.field.title')}
          value={String(v.title ?? '')}
          error={e.title}
          maxLength={200}
          required
        />
        <button type="submit">{t('obligation.submit_record')}</button>
      </form>
    </section>
  );
}

function FulfilForm(p: { open: ObligationRow[]; csrf: string; state: FormState }) {
  const mine = p.state.form === 'fulfil';
  const e = mine ? (p.state.errors ?? {}) : {};
  const v = mine ? (p.state.values ?? {}) : {};
  return (
    <section>
      <h2>{t('obligation.fulfil')}</h2>
      {mine && <ErrorSummary errors={e} message={p.state.message} />}
      <form method="post" action="/admin/obligations/fulfil" enctype="multipart/form-data">
        <Csrf token={p.csrf} />
        <SelectField
          name="obligationId"
          label={t('obligation.title')}
          options={p.open.map((o) => ({ value: o.id, label: `${o.item} · ${o.label}（${o.dueDate}）` }))}
          value={String(v.obligationId ?? '')}
          required
        />
        <TextField
          name="fulfilledOn"
          type="date"
          label={t('obligation.field.fulfilled_on')}
          value={String(v.fulfilledOn ?? '')}
          error={e.fulfilledOn}
          required
        />
        <TextArea
          name="note"
          label={t('obligation.field.note')}
          value={String(v.note ?? '')}
          error={e.note}
          maxLength={1000}
          required
        />
        <div class="field">
          <label for="f-file">{t('obligation.field.file')}</label>
          <input id="f-file" type="file" name="file" accept="image/jpeg,image/png" />
        </div>
        <button type="submit">{t('obligation.submit_fulfil')}</button>
      </form>
    </section>
  );
}

export function UnitObligationsPage(
  p: Meta & {
    unit: { id: string; name: string };
    rows: ObligationRow[];
    /** Calendar-change notes per obligation id (old → new due date). */
    notes?: Map<string, DeadlineNote[]>;
    events: EntryOption[] | null;
    decisions: EntryOption[] | null;
    canFulfil: boolean;
    state: FormState;
  },
) {
  const open = p.rows.filter((o) => ['upcoming', 'due_soon', 'overdue'].includes(o.status));
  return (
    <AdminLayout {...p}>
      <h1>{t('obligation.unit_title', { unit: p.unit.name })}</h1>
      <p>{t('obligation.intro')}</p>
      {p.rows.length === 0 ? (
        <p>{t('obligation.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('obligation.col.item')}</th>
              <th scope="col">{t('obligation.col.period')}</th>
              <th scope="col">{t('obligation.col.kind')}</th>
              <th scope="col">{t('obligation.col.due')}</th>
              <th scope="col">{t('obligation.col.status')}</th>
              <th scope="col">{t('obligation.col.fulfilment')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((o) => (
              <Row key={o.id} o={o} notes={p.notes?.get(o.id)} />
            ))}
          </tbody>
        </table>
      )}
      {p.events && p.events.length > 0 && (
        <OccurrenceForm
          kind="event"
          unitId={p.unit.id}
          entries={p.events}
          csrf={p.csrfToken}
          state={p.state}
        />
      )}
      {p.decisions && p.decisions.length > 0 && (
        <OccurrenceForm
          kind="decision"
          unitId={p.unit.id}
          entries={p.decisions}
          csrf={p.csrfToken}
          state={p.state}
        />
      )}
      {p.canFulfil && open.length > 0 && <FulfilForm open={open} csrf={p.csrfToken} state={p.state} />}
    </AdminLayout>
  );
}

export function ObligationSettingsPage(
  p: Meta & {
    values: ObligationSettings | Record<string, unknown>;
    canManage: boolean;
    errors?: ErrorMap;
    message?: string | null;
  },
) {
  const e = p.errors ?? {};
  const v = p.values as Record<string, unknown>;
  const field = (name: string, key: string, type = 'number') => (
    <TextField
      name={name}
      type={type}
      label={t(key)}
      value={String(v[name] ?? '')}
      error={e[name]}
      required
    />
  );
  return (
    <AdminLayout {...p}>
      <h1>{t('obligation.settings.title')}</h1>
      <ErrorSummary errors={e} message={p.message} />
      <form method="post" action="/admin/obligations/settings">
        <Csrf token={p.csrfToken} />
        <fieldset disabled={!p.canManage}>
          {field('dueSoonDays', 'obligation.settings.due_soon_days')}
          {field('escalateAfterDays', 'obligation.settings.escalate_after_days')}
          {field('staleDays', 'obligation.settings.stale_days')}
          {field('derivationStart', 'obligation.settings.derivation_start', 'date')}
          <button type="submit">{t('obligation.settings.save')}</button>
        </fieldset>
      </form>
    </AdminLayout>
  );
}
