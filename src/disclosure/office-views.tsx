import { AdminLayout } from '../admin/nav.tsx';
import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf, type ErrorMap, ErrorSummary, SelectField, TextField } from '../views/form.tsx';
import type { PageMeta } from '../views/layout.tsx';
import type { FilingListItem, PrivacyOverrideItem } from './filings.ts';

type Meta = PageMeta & { largeType?: boolean };

/** /admin/disclosures/finance-sheet: a month's village finance disclosure from an XLSX sheet. */
export function FinanceSheetPage(
  p: Meta & {
    units: { id: string; name: string }[];
    unitId: string | null;
    entries: { value: string; label: string }[];
    values: Record<string, string | undefined>;
    errors?: ErrorMap;
    message?: string;
  },
) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <AdminLayout {...p}>
      <h1>{t('disclosure.finance.title')}</h1>
      <p>{t('disclosure.finance.intro')}</p>
      <ErrorSummary errors={p.errors} message={p.message} />
      <form method="get" action="/admin/disclosures/finance-sheet">
        <SelectField
          name="unitId"
          label={t('disclosure.field.unit')}
          options={p.units.map((u) => ({ value: u.id, label: u.name }))}
          value={p.unitId}
        />
        <button type="submit">{t('disclosure.finance.choose_unit')}</button>
      </form>
      {p.unitId && (
        <form method="post" action="/admin/disclosures/finance-sheet" enctype="multipart/form-data">
          <Csrf token={p.csrfToken} />
          <input type="hidden" name="unitId" value={p.unitId} />
          <SelectField
            name="entryId"
            label={t('disclosure.field.entry')}
            options={p.entries}
            value={v.entryId}
            error={e.entryId}
            required
            placeholder=""
          />
          <TextField
            name="period"
            type="month"
            label={t('disclosure.finance.period')}
            hint={t('disclosure.finance.period_hint')}
            value={v.period}
            error={e.period ?? e.periodKey}
            required
          />
          <TextField
            name="title"
            label={t('disclosure.field.title')}
            hint={t('disclosure.finance.title_hint')}
            value={v.title}
            error={e.title}
          />
          <div class={e.file ? 'field has-error' : 'field'}>
            <label for="f-file">{t('disclosure.finance.file')}</label>
            {e.file && (
              <p class="field-error" id="e-file">
                {e.file}
              </p>
            )}
            <input id="f-file" type="file" name="file" accept=".xlsx" required />
          </div>
          <button type="submit">{t('disclosure.finance.create')}</button>
        </form>
      )}
    </AdminLayout>
  );
}

/** /admin/disclosures/filings: 不予公开 备案 of the units the office manages. */
export function FilingsPage(p: Meta & { items: FilingListItem[] }) {
  return (
    <AdminLayout {...p}>
      <h1>{t('disclosure.filings.title')}</h1>
      <p>{t('disclosure.filings.intro')}</p>
      {p.items.length === 0 ? (
        <p>{t('disclosure.filings.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('disclosure.field.title')}</th>
              <th scope="col">{t('disclosure.field.unit')}</th>
              <th scope="col">{t('disclosure.field.withheld_reason')}</th>
              <th scope="col">{t('disclosure.field.withheld_basis')}</th>
              <th scope="col">{t('disclosure.filings.filed_at')}</th>
              <th scope="col">{t('disclosure.field.review_date')}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((f) => (
              <tr key={f.id}>
                <th scope="row">
                  <a href={`/admin/disclosures/${f.id}`}>{f.title}</a>
                </th>
                <td>{f.unitName}</td>
                <td>{f.reason ?? '—'}</td>
                <td>{f.basis ?? '—'}</td>
                <td>{f.filedAt ? fmtTime(f.filedAt) : '—'}</td>
                <td>
                  {f.reviewDate ?? '—'}
                  {f.due && <span class="tag warn">{t('disclosure.filings.due')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

/** /admin/disclosures/privacy-overrides: every 不予遮盖 decision, for the office. */
export function PrivacyOverridesPage(p: Meta & { items: PrivacyOverrideItem[] }) {
  return (
    <AdminLayout {...p}>
      <h1>{t('disclosure.overrides.title')}</h1>
      <p>{t('disclosure.overrides.intro')}</p>
      {p.items.length === 0 ? (
        <p>{t('disclosure.overrides.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('disclosure.field.title')}</th>
              <th scope="col">{t('disclosure.field.unit')}</th>
              <th scope="col">{t('disclosure.overrides.who')}</th>
              <th scope="col">{t('disclosure.overrides.when')}</th>
              <th scope="col">{t('disclosure.field.reason')}</th>
              <th scope="col">{t('disclosure.overrides.kinds')}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((o) => (
              <tr key={o.eventId}>
                <th scope="row">
                  <a href={`/admin/disclosures/${o.disclosureId}`}>{o.title}</a>
                </th>
                <td>{o.unitName}</td>
                <td>{o.actorName}</td>
                <td>{fmtTime(o.at)}</td>
                <td>{o.reason ?? '—'}</td>
                <td>{kindSummary(o.kinds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

/** "附件：身份证号 ×2；正文：手机号" — where and what, never the values. */
export function kindSummary(kinds: PrivacyOverrideItem['kinds']): string {
  if (kinds.length === 0) return '—';
  const counts = new Map<string, number>();
  for (const k of kinds) {
    const label = `${t(`disclosure.part.${k.part}`)}：${k.label ?? t(`disclosure.kind.${k.kind}`)}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label)).join('；');
}
