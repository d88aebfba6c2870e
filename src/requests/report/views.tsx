import { AdminLayout } from '../../admin/nav.tsx';
import { t } from '../../i18n/index.ts';
import { SelectField } from '../../views/form.tsx';
import type { PageMeta } from '../../views/layout.tsx';
import { APPLICANT_KINDS, REMEDY_KINDS } from '../outcomes.ts';
import { CHECK_LABELS } from './check-labels.ts';
import type { ReportScope } from './load-report.ts';
import {
  type AnnualRequestTables,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_LINES,
  TABLE3_STUB_NOTE,
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
} from './model.ts';

type Meta = PageMeta & { largeType?: boolean };

export function reportQuery(scope: ReportScope): string {
  return `year=${scope.year}&unit=${scope.unit.id}${scope.subtree ? '&subtree=1' : ''}`;
}

function Table3View({ tables }: { tables: AnnualRequestTables }) {
  return (
    <table class="report-table">
      <caption>{t('request_report.table3')}</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={3} style="white-space:normal;width:36%;font-weight:normal;font-size:.85em">
            {TABLE3_STUB_NOTE}
          </th>
          <th scope="colgroup" colSpan={7}>
            {t('request_report.applicants')}
          </th>
        </tr>
        <tr>
          <th scope="col" rowSpan={2}>
            {TABLE3_COLUMN_LABELS.natural_person}
          </th>
          <th scope="colgroup" colSpan={5}>
            {t('request_report.org')}
          </th>
          <th scope="col" rowSpan={2}>
            {TABLE3_COLUMN_LABELS.total}
          </th>
        </tr>
        <tr>
          {APPLICANT_KINDS.slice(1).map((k) => (
            <th scope="col" key={k} style="white-space:normal">
              {TABLE3_COLUMN_LABELS[k]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {TABLE3_LINES.map((line) => (
          <tr key={line.label}>
            <th scope="row" style={`padding-left:${line.level * 1.5 + 0.3}em`}>
              {line.label}
            </th>
            {line.key
              ? tables.table3[line.key].map((v, i) => (
                  <td key={TABLE3_COLUMNS[i]} class="num">
                    {v}
                  </td>
                ))
              : TABLE3_COLUMNS.map((c) => <td key={c} />)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Table4View({ tables }: { tables: AnnualRequestTables }) {
  return (
    <table class="report-table">
      <caption>{t('request_report.table4')}</caption>
      <thead>
        <tr>
          <th scope="colgroup" colSpan={5} rowSpan={2}>
            {TABLE4_GROUP_LABELS.reconsideration}
          </th>
          <th scope="colgroup" colSpan={10}>
            {t('request_report.litigation')}
          </th>
        </tr>
        <tr>
          <th scope="colgroup" colSpan={5}>
            {TABLE4_GROUP_LABELS.litigation_direct}
          </th>
          <th scope="colgroup" colSpan={5}>
            {TABLE4_GROUP_LABELS.litigation_after_reconsideration}
          </th>
        </tr>
        <tr>
          {REMEDY_KINDS.flatMap((k) =>
            TABLE4_COLUMNS.map((c) => (
              <th scope="col" key={`${k}-${c}`} style="white-space:normal">
                {TABLE4_COLUMN_LABELS[c]}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        <tr>
          {REMEDY_KINDS.flatMap((k) =>
            tables.table4[k].map((v, i) => (
              <td key={`${k}-${TABLE4_COLUMNS[i]}`} class="num">
                {v}
              </td>
            )),
          )}
        </tr>
      </tbody>
    </table>
  );
}

function ChecksView({ tables }: { tables: AnnualRequestTables }) {
  return (
    <table>
      <caption>{t('request_report.checks')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('request_report.check_col')}</th>
          <th scope="col">{t('request_report.result_col')}</th>
          <th scope="col">{t('request_report.failures_col')}</th>
        </tr>
      </thead>
      <tbody>
        {tables.checks.map((c) => (
          <tr key={c.key} data-check={c.key}>
            <td>{CHECK_LABELS[c.key]}</td>
            <td>
              {c.passed === null ? (
                <span class="tag">{t('request_report.not_checked')}</span>
              ) : c.passed ? (
                <span class="tag ok">{t('request_report.passed')}</span>
              ) : (
                <span class="tag warn">{t('request_report.failed')}</span>
              )}
            </td>
            <td>{c.failures.join('、')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportPage(
  p: Meta & {
    scope: ReportScope | null;
    tables: AnnualRequestTables | null;
    units: { value: string; label: string }[];
    years: number[];
  },
) {
  return (
    <AdminLayout {...p}>
      <h1>{t('request_report.title')}</h1>
      <p>{t('request_report.intro')}</p>
      {!p.scope || !p.tables ? (
        <p>{t('request_report.no_unit')}</p>
      ) : (
        <>
          <form method="get" action="/admin/requests/report" class="filters">
            <SelectField
              name="year"
              label={t('request_report.year')}
              value={String(p.scope.year)}
              options={p.years.map((y) => ({ value: String(y), label: `${y}年` }))}
            />
            <SelectField
              name="unit"
              label={t('request_report.unit')}
              value={p.scope.unit.id}
              options={p.units}
            />
            <div class="field">
              <label>
                <input type="checkbox" name="subtree" value="1" checked={p.scope.subtree} />{' '}
                {t('request_report.subtree')}
              </label>
            </div>
            <button type="submit">{t('request_report.show')}</button>
          </form>
          <p>
            <a href={`/admin/requests/report.xlsx?${reportQuery(p.scope)}`} download>
              {t('request_report.export')}
            </a>
          </p>
          <ChecksView tables={p.tables} />
          <div class="table-scroll">
            <Table3View tables={p.tables} />
          </div>
          <div class="table-scroll">
            <Table4View tables={p.tables} />
          </div>
        </>
      )}
    </AdminLayout>
  );
}
