/**
 * The board's trend chart: a stacked bar per month, drawn as plain SVG on the server (no chart
 * library, no client script). Layout is a pure function of the numbers so it is unit-tested; the
 * figure always carries the same numbers in a data table, and every series has its own fill
 * pattern as well as its colour, so colour is never the only signal.
 */

export interface TrendMonth {
  /** 'YYYY-MM' */
  month: string;
  /** Fulfilled on or before the due date (按时完成). */
  onTime: number;
  /** Fulfilled after the due date (逾期完成). */
  late: number;
  /** Past due and still open (逾期未完成). */
  overdue: number;
  /** Not yet due (未到期): only the current month has these. */
  pending: number;
}

export const TREND_SERIES = ['onTime', 'late', 'overdue', 'pending'] as const;
export type TrendSeries = (typeof TREND_SERIES)[number];

export interface ChartLabels {
  title: string;
  series: Record<TrendSeries, string>;
  /** Month tick label, e.g. (m) => '3月'. */
  month: (month: string) => string;
}

export const CHART = { width: 720, height: 280, left: 44, right: 12, top: 16, bottom: 64 } as const;

/** A "nice" axis maximum (1, 2 or 5 × 10^k steps, four or five ticks) at or above max. */
export function niceScale(max: number): { max: number; step: number } {
  if (max <= 0) return { max: 4, step: 1 };
  const rough = max / 4;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? 10 * pow;
  const whole = Math.max(1, Math.round(step));
  return { max: Math.ceil(max / whole) * whole, step: whole };
}

export interface BarSegment {
  series: TrendSeries;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  scale: { max: number; step: number };
  plot: { x: number; y: number; width: number; height: number };
  ticks: { value: number; y: number }[];
  bars: { month: string; x: number; width: number; total: number; segments: BarSegment[] }[];
}

/** Geometry of the stacked bars: series stack bottom-up in TREND_SERIES order; zero segments are left out. */
export function layoutTrend(months: readonly TrendMonth[]): ChartLayout {
  const plot = {
    x: CHART.left,
    y: CHART.top,
    width: CHART.width - CHART.left - CHART.right,
    height: CHART.height - CHART.top - CHART.bottom,
  };
  const totals = months.map((m) => TREND_SERIES.reduce((s, k) => s + m[k], 0));
  const scale = niceScale(Math.max(0, ...totals));
  const yOf = (v: number) => plot.y + plot.height - (v / scale.max) * plot.height;
  const ticks: ChartLayout['ticks'] = [];
  for (let v = 0; v <= scale.max; v += scale.step) ticks.push({ value: v, y: round(yOf(v)) });
  const slot = months.length ? plot.width / months.length : plot.width;
  const width = round(slot * 0.6);
  const bars = months.map((m, i) => {
    const x = round(plot.x + slot * i + (slot - width) / 2);
    let base = 0;
    const segments: BarSegment[] = [];
    for (const series of TREND_SERIES) {
      const value = m[series];
      if (value <= 0) continue;
      const top = yOf(base + value);
      segments.push({ series, value, x, y: round(top), width, height: round(yOf(base) - top) });
      base += value;
    }
    return { month: m.month, x, width, total: totals[i], segments };
  });
  return { scale, plot, ticks, bars };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

const FILL: Record<TrendSeries, { color: string; pattern: string }> = {
  onTime: { color: '#1e7a34', pattern: '' },
  late: { color: '#b7791f', pattern: 'M0,8 L8,0' },
  overdue: { color: '#b3261e', pattern: 'M0,0 L8,8 M0,8 L8,0' },
  pending: { color: '#8a96a3', pattern: 'M0,4 L8,4' },
};

function fillOf(s: TrendSeries): string {
  return FILL[s].pattern ? `url(#trend-${s})` : FILL[s].color;
}

/** The SVG itself; role img with a label, the numbers are in the table beside it. */
export function TrendChart({ months, labels }: { months: readonly TrendMonth[]; labels: ChartLabels }) {
  const l = layoutTrend(months);
  const bottom = l.plot.y + l.plot.height;
  const legendY = CHART.height - 14;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      width="100%"
      role="img"
      aria-label={labels.title}
      class="trend-chart"
    >
      <defs>
        {TREND_SERIES.filter((s) => FILL[s].pattern).map((s) => (
          <pattern key={s} id={`trend-${s}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={FILL[s].color} />
            <path d={FILL[s].pattern} stroke="#ffffff" stroke-width="1.5" />
          </pattern>
        ))}
      </defs>
      {l.ticks.map((t) => (
        <g key={t.value}>
          <line x1={l.plot.x} x2={l.plot.x + l.plot.width} y1={t.y} y2={t.y} stroke="#cfd6de" />
          <text x={l.plot.x - 6} y={t.y + 4} text-anchor="end" font-size="12" fill="#55606e">
            {t.value}
          </text>
        </g>
      ))}
      {l.bars.map((b) => (
        <g key={b.month}>
          {b.segments.map((s) => (
            <rect key={s.series} x={s.x} y={s.y} width={s.width} height={s.height} fill={fillOf(s.series)}>
              <title>{`${labels.month(b.month)} ${labels.series[s.series]} ${s.value}`}</title>
            </rect>
          ))}
          <text x={b.x + b.width / 2} y={bottom + 16} text-anchor="middle" font-size="12" fill="#1b1f24">
            {labels.month(b.month)}
          </text>
        </g>
      ))}
      <line x1={l.plot.x} x2={l.plot.x + l.plot.width} y1={bottom} y2={bottom} stroke="#55606e" />
      {TREND_SERIES.map((s, i) => (
        <g key={s}>
          <rect x={l.plot.x + i * 150} y={legendY - 10} width="12" height="12" fill={fillOf(s)} />
          <text x={l.plot.x + i * 150 + 18} y={legendY} font-size="12" fill="#1b1f24">
            {labels.series[s]}
          </text>
        </g>
      ))}
    </svg>
  );
}
