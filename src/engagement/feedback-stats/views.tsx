import { Fragment } from 'preact';
import { AdminLayout } from '../../admin/nav.tsx';
import type { Unit } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';
import type { ErrorMap } from '../../views/form.tsx';
import { ErrorSummary } from '../../views/form.tsx';
import { Layout, type PageMeta } from '../../views/layout.tsx';
import type { FigureView } from './compute-stats.ts';
import type { OfficeRow } from './office-rows.ts';
import { type Period, periodQuery } from './period.ts';

type Meta = PageMeta & { largeType?: boolean };

export const fmtRate = (x: number | null) => (x === null ? t('feedback_stats.none') : `${x.toFixed(2)}%`);
export const fmtDays = (x: number | null) => (x === null ? t('feedback_stats.none') : x.toFixed(2));

/** The column heads of every figures table and export, in order. */
export const FIGURE_COLUMNS = [
  'feedback_stats.received',
  'feedback_stats.replied',
  'feedback_stats.in_progress',
  'feedback_stats.cannot_handle',
  'feedback_stats.closed_unanswered',
  'feedback_stats.avg_days',
  'feedback_stats.on_time',
  'feedback_stats.satisfaction',
] as const;
export const figureCells = (f: FigureView): string[] => [
  String(f.received),
  String(f.replied),
  String(f.inProgress),
  String(f.cannotHandle),
  String(f.closedUnanswered),
  fmtDays(f.avgDays),
  fmtRate(f.onTimeRate),
  fmtRate(f.satisfactionRate),
];

/** The figures of one unit as a definition list (the unit page panel and the public stats page). */
export function FigureList(p: { f: FigureView }) {
  const cells = figureCells(p.f);
  return (
    <dl class="facts">
      {FIGURE_COLUMNS.map((k, i) => (
        <Fragment key={k}>
          <dt>{t(k)}</dt>
          <dd>{cells[i]}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The period chooser (GET form, no JS): kind, year, quarter, month, custom from/to, subtree. */
export function PeriodForm(p: { action: string; period: Period; subtree: boolean; errors?: ErrorMap }) {
  const pr = p.period;
  const years = Array.from({ length: 8 }, (_, i) => pr.year + 1 - i).filter((y) => y >= 2000);
  return (
    <form method="get" action={p.action} class="filters">
      <label for="fs-period">{t('feedback_stats.period')}</label>
      <select id="fs-period" name="period">
        {(['year', 'quarter', 'month', 'custom'] as const).map((k) => (
          <option key={k} value={k} selected={pr.kind === k}>
            {t(`feedback_stats.period.${k}`)}
          </option>
        ))}
      </select>
      <label for="fs-year">{t('feedback_stats.f.year')}</label>
      <select id="fs-year" name="year">
        {years.map((y) => (
          <option key={y} value={String(y)} selected={pr.year === y}>
            {y}
          </option>
        ))}
      </select>
      <label for="fs-quarter">{t('feedback_stats.f.quarter')}</label>
      <select id="fs-quarter" name="quarter">
        {[1, 2, 3, 4].map((q) => (
          <option key={q} value={String(q)} selected={pr.quarter === q}>
            {q}
          </option>
        ))}
      </select>
      <label for="fs-month">{t('feedback_stats.f.month')}</label>
      <select id="fs-month" name="month">
        {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
          <option key={m} value={String(m)} selected={pr.month === m}>
            {m}
          </option>
        ))}
      </select>
      <label for="fs-from">{t('feedback_stats.f.from')}</label>
      <input id="fs-from" type="date" name="from" value={pr.kind === 'custom' ? pr.from : ''} />
      <label for="fs-to">{t('feedback_stats.f.to')}</label>
      <input id="fs-to" type="date" name="to" value={pr.kind === 'custom' ? pr.to : ''} />
      <input id="fs-subtree" type="checkbox" name="subtree" value="1" checked={p.subtree} />
      <label for="fs-subtree">{t('feedback_stats.f.subtree')}</label>
      <button type="submit">{t('feedback_stats.show')}</button>
      {p.errors && Object.keys(p.errors).length > 0 && <ErrorSummary errors={p.errors} />}
    </form>
  );
}

export function UnitStatsPage(
  p: Meta & { unit: Unit; period: Period; subtree: boolean; figures: FigureView | null; errors?: ErrorMap },
) {
  return (
    <Layout {...p}>
      <h1>{t('feedback_stats.unit_title', { name: p.unit.name })}</h1>
      <PeriodForm
        action={`/units/${p.unit.code}/feedback/stats`}
        period={p.period}
        subtree={p.subtree}
        errors={p.errors}
      />
      {p.figures && (
        <>
          <h2>{t('feedback_stats.range', { from: p.period.from, to: p.period.to })}</h2>
          <FigureList f={p.figures} />
        </>
      )}
      <p class="muted">{t('feedback_stats.note')}</p>
      <p>
        <a href={`/units/${p.unit.code}`}>{p.unit.name}</a> ·{' '}
        <a href={`/units/${p.unit.code}/feedback/form.pdf`}>{t('paper_form.link')}</a>
      </p>
    </Layout>
  );
}

export function OfficeStatsPage(
  p: Meta & { period: Period; subtree: boolean; rows: OfficeRow[]; total: FigureView; errors?: ErrorMap },
) {
  const q = periodQuery(p.period, p.subtree ? { subtree: '1' } : {});
  return (
    <AdminLayout {...p}>
      <h1>{t('feedback_stats.title')}</h1>
      <PeriodForm action="/admin/feedback/stats" period={p.period} subtree={p.subtree} errors={p.errors} />
      <h2>{t('feedback_stats.range', { from: p.period.from, to: p.period.to })}</h2>
      <p>
        <a href={`/admin/feedback/stats.xlsx?${q}`}>{t('feedback_stats.export_xlsx')}</a> ·{' '}
        <a href={`/admin/feedback/stats.csv?${q}`}>{t('feedback_stats.export_csv')}</a>
      </p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('feedback_stats.f.unit')}</th>
              {FIGURE_COLUMNS.map((k) => (
                <th key={k} scope="col">
                  {t(k)}
                </th>
              ))}
              <th scope="col">{t('paper_form.title')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.unitId}>
                <th scope="row">
                  {'　'.repeat(Math.max(0, r.depth - 1))}
                  {r.name}
                </th>
                {figureCells(r.figures).map((c, i) => (
                  <td key={i} class="num">
                    {c}
                  </td>
                ))}
                <td>
                  <a href={`/units/${r.code}/feedback/form.pdf`}>PDF</a>
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('feedback_stats.total')}</th>
              {figureCells(p.total).map((c, i) => (
                <td key={i} class="num">
                  {c}
                </td>
              ))}
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <p class="muted">{t('feedback_stats.note')}</p>
    </AdminLayout>
  );
}
