import { t } from '../../i18n/index.ts';
import {
  type ChartLabels,
  TREND_SERIES,
  TrendChart,
  type TrendMonth,
  type TrendSeries,
} from './trend-chart.tsx';

const SERIES_KEY: Record<TrendSeries, string> = {
  onTime: 'board.cls.on_time',
  late: 'board.cls.late',
  overdue: 'board.cls.overdue',
  pending: 'board.cls.upcoming',
};

export function trendLabels(): ChartLabels {
  return {
    title: t('board.trend_title'),
    series: {
      onTime: t(SERIES_KEY.onTime),
      late: t(SERIES_KEY.late),
      overdue: t(SERIES_KEY.overdue),
      pending: t(SERIES_KEY.pending),
    },
    month: (m) => t('board.month_label', { m: Number(m.slice(5, 7)) }),
  };
}

/** The trend chart in a figure with its caption and the same numbers as a table (screen readers, print). */
export function TrendFigure({ months }: { months: readonly TrendMonth[] }) {
  const labels = trendLabels();
  return (
    <figure class="trend">
      <figcaption>{t('board.trend_caption')}</figcaption>
      <TrendChart months={months} labels={labels} />
      <div class="table-scroll">
        <table class="compact trend-table">
          <caption>{t('board.trend_table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('board.month')}</th>
              {TREND_SERIES.map((s) => (
                <th key={s} scope="col">
                  {labels.series[s]}
                </th>
              ))}
              <th scope="col">{t('board.total')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                {TREND_SERIES.map((s) => (
                  <td key={s} class="num">
                    {m[s]}
                  </td>
                ))}
                <td class="num">{TREND_SERIES.reduce((n, s) => n + m[s], 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
