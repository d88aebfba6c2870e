import { AdminLayout } from '../admin/nav.tsx';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import {
  Checkbox,
  Csrf,
  type ErrorMap,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../views/form.tsx';
import type { PageMeta } from '../views/layout.tsx';
import type { LocatedFinding } from './privacy-check.ts';
import type { DisclosureListItem } from './queries.ts';
import { type AttachmentRef, attachmentsOf, type Disclosure } from './store.ts';

type Meta = PageMeta & { largeType?: boolean };
export type DraftValues = Record<string, string | undefined>;

const AUDIENCES = ['public', 'partyInternal', 'unitInternal', 'specificGroup'];
const ATTRIBUTES = ['proactive', 'on_request', 'withheld'];

export function DisclosureListPage(
  p: Meta & { items: DisclosureListItem[]; canDraft: boolean; managedUnits: { id: string; name: string }[] },
) {
  return (
    <AdminLayout {...p}>
      <h1>{t('disclosure.admin_title')}</h1>
      {p.canDraft && (
        <p>
          <a class="button" href="/admin/disclosures/new">
            {t('disclosure.new')}
          </a>{' '}
          <a class="button" href="/admin/disclosures/finance-sheet">
            {t('disclosure.finance.title')}
          </a>
        </p>
      )}
      {p.managedUnits.length > 0 && (
        <ul class="inline-list">
          <li>
            <a href="/admin/disclosures/filings">{t('disclosure.filings.title')}</a>
          </li>
          <li>
            <a href="/admin/disclosures/privacy-overrides">{t('disclosure.overrides.title')}</a>
          </li>
          <li>
            <a href="/admin/settings/privacy-patterns">{t('privacy_pattern.title')}</a>
          </li>
        </ul>
      )}
      {p.items.length === 0 ? (
        <p>{t('disclosure.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('disclosure.field.title')}</th>
              <th scope="col">{t('disclosure.field.unit')}</th>
              <th scope="col">{t('disclosure.field.period')}</th>
              <th scope="col">状态</th>
              <th scope="col">更新时间</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <a href={`/admin/disclosures/${d.id}`}>{d.title}</a>
                </th>
                <td>{d.unitName}</td>
                <td>{d.periodKey ?? '—'}</td>
                <td>
                  {t(`disclosure.state.${d.state}`)}
                  {d.state === 'draft' && d.returnedReason && <span class="tag warn">退回</span>}
                </td>
                <td>{fmtTime(d.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.managedUnits.length > 0 && (
        <form method="post" action="/admin/disclosures/settings">
          <h2>{t('disclosure.settings')}</h2>
          <Csrf token={p.csrfToken} />
          <SelectField
            name="unitId"
            label={t('disclosure.field.unit')}
            options={p.managedUnits.map((u) => ({ value: u.id, label: u.name }))}
          />
          <Checkbox name="allowed" label={t('disclosure.drafter_may_review')} />
          <button type="submit">{t('disclosure.save')}</button>
        </form>
      )}
    </AdminLayout>
  );
}

/** The draft fields (shared by the new-draft page and the workflow page of a draft). */
export function DraftFields(p: {
  values: DraftValues;
  errors?: ErrorMap;
  entries: { value: string; label: string }[];
  withEntry: boolean;
}) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <>
      {p.withEntry && (
        <SelectField
          name="entryId"
          label={t('disclosure.field.entry')}
          options={p.entries}
          value={v.entryId}
          error={e.entryId}
          required
          placeholder=""
        />
      )}
      <TextField
        name="periodKey"
        label={t('disclosure.field.period')}
        hint={t('disclosure.field.period_hint')}
        value={v.periodKey}
        error={e.periodKey}
      />
      <TextField name="title" label={t('disclosure.field.title')} value={v.title} error={e.title} required />
      <TextArea
        name="bodyHtml"
        label={t('disclosure.field.body')}
        hint={t('disclosure.field.body_hint')}
        value={v.bodyHtml}
        error={e.bodyHtml}
        rows={12}
      />
      <TextField
        name="decidedOn"
        type="date"
        label={t('disclosure.field.decided_on')}
        value={v.decidedOn}
        error={e.decidedOn}
        required
      />
      <SelectField
        name="audience"
        label={t('disclosure.field.audience')}
        options={AUDIENCES.map((a) => ({ value: a, label: t(`disclosure.audience.${a}`) }))}
        value={v.audience}
        error={e.audience}
        placeholder="（按目录）"
      />
      <SelectField
        name="attribute"
        label={t('disclosure.field.attribute')}
        options={ATTRIBUTES.map((a) => ({ value: a, label: t(`disclosure.attribute.${a}`) }))}
        value={v.attribute}
        error={e.attribute}
        placeholder="（按目录）"
      />
      <TextArea
        name="withheldReason"
        label={t('disclosure.field.withheld_reason')}
        value={v.withheldReason}
        error={e.withheldReason}
      />
      <TextField
        name="withheldBasis"
        label={t('disclosure.field.withheld_basis')}
        value={v.withheldBasis}
        error={e.withheldBasis}
      />
      <TextField
        name="channels"
        label={t('disclosure.field.channels')}
        hint={t('disclosure.field.channels_hint')}
        value={v.channels}
        error={e.channels}
      />
      <TextField
        name="reviewDate"
        type="date"
        label={t('disclosure.field.review_date')}
        hint={t('disclosure.field.review_date_hint')}
        value={v.reviewDate}
        error={e.reviewDate}
      />
      <TextField
        name="displayUntil"
        type="date"
        label={t('disclosure.field.display_until')}
        hint={t('disclosure.field.display_until_hint')}
        value={v.displayUntil}
        error={e.displayUntil}
      />
    </>
  );
}

export function NewDisclosurePage(
  p: Meta & {
    units: { id: string; name: string }[];
    unitId: string | null;
    entries: { value: string; label: string }[];
    values: DraftValues;
    errors?: ErrorMap;
    message?: string;
  },
) {
  return (
    <AdminLayout {...p}>
      <h1>{t('disclosure.new')}</h1>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="get" action="/admin/disclosures/new">
        <SelectField
          name="unitId"
          label={t('disclosure.field.unit')}
          options={p.units.map((u) => ({ value: u.id, label: u.name }))}
          value={p.unitId}
        />
        <button type="submit">选择单位</button>
      </form>
      {p.unitId && (
        <form method="post" action="/admin/disclosures">
          <Csrf token={p.csrfToken} />
          <input type="hidden" name="unitId" value={p.unitId} />
          <DraftFields values={p.values} errors={p.errors} entries={p.entries} withEntry />
          <button type="submit">{t('disclosure.create')}</button>
        </form>
      )}
    </AdminLayout>
  );
}

export function draftValues(d: Disclosure): DraftValues {
  return {
    entryId: d.entry_id,
    periodKey: d.period_key ?? undefined,
    title: d.title,
    bodyHtml: d.body_html,
    decidedOn: d.decided_on,
    audience: d.audience,
    attribute: d.attribute,
    withheldReason: d.withheld_reason ?? undefined,
    withheldBasis: d.withheld_basis ?? undefined,
    reviewDate: d.review_date ?? undefined,
    displayUntil: d.display_until ?? undefined,
    channels: (JSON.parse(d.channels) as string[]).join(','),
  };
}

export function FindingsList({ findings }: { findings: LocatedFinding[] }) {
  if (findings.length === 0) return <p>{t('disclosure.findings_none')}</p>;
  return (
    <ul class="findings">
      {findings.map((f, i) => (
        <li key={i}>
          <strong>{t(`disclosure.part.${f.part}`)}</strong>
          {f.fileName && ` “${f.fileName}”${f.where ? ` ${f.where}` : ''}`}：
          {f.label ?? t(`disclosure.kind.${f.kind}`)} <code>{f.masked}</code> —{' '}
          <span class="context">{f.context}</span>
          {f.part === 'attachment' && !f.canMask && <span class="hint"> {t('disclosure.findings_pdf')}</span>}
        </li>
      ))}
    </ul>
  );
}

export function AttachmentList(p: { d: Disclosure; csrf: string; editable: boolean }) {
  const list: AttachmentRef[] = attachmentsOf(p.d.attachments);
  if (list.length === 0) return <p>—</p>;
  return (
    <ul>
      {list.map((a) => (
        <li key={a.fileId}>
          <a href={`/admin/disclosures/${p.d.id}/files/${a.fileId}`}>{a.name}</a> ({Math.ceil(a.size / 1024)}{' '}
          KB)
          {p.editable && (
            <form
              method="post"
              action={`/admin/disclosures/${p.d.id}/attachments/${a.fileId}/remove`}
              class="inline"
            >
              <Csrf token={p.csrf} />
              <button type="submit">{t('disclosure.remove')}</button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
