import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import {
  addTrend,
  boardDates,
  cellColor,
  classify,
  emptyCounts,
  emptyTrend,
  trendMonthKeys,
} from './board-model.ts';
import { CHART, layoutTrend, niceScale, TrendChart, type TrendMonth } from './trend-chart.tsx';
import { TrendFigure, trendLabels } from './trend-figure.tsx';

const months: TrendMonth[] = [
  { month: '2026-01', onTime: 3, late: 1, overdue: 2, pending: 0 },
  { month: '2026-02', onTime: 0, late: 0, overdue: 0, pending: 0 },
  { month: '2026-03', onTime: 5, late: 0, overdue: 1, pending: 4 },
];

describe('trend chart (pure SVG)', () => {
  test('niceScale picks 1/2/5 steps at or above the maximum', () => {
    assert.deepEqual(niceScale(0), { max: 4, step: 1 });
    assert.deepEqual(niceScale(3), { max: 3, step: 1 });
    assert.deepEqual(niceScale(10), { max: 10, step: 5 });
    assert.deepEqual(niceScale(37), { max: 40, step: 10 });
    assert.deepEqual(niceScale(1234), { max: 1500, step: 500 });
  });

  test('bars stack bottom-up in series order, heights proportional, empty segments left out', () => {
    const l = layoutTrend(months);
    assert.deepEqual(l.scale, { max: 10, step: 5 });
    assert.deepEqual(
      l.ticks.map((t) => t.value),
      [0, 5, 10],
    );
    const bottom = l.plot.y + l.plot.height;
    const [jan, feb, mar] = l.bars;
    assert.deepEqual(
      jan.segments.map((s) => s.series),
      ['onTime', 'late', 'overdue'],
    );
    assert.equal(feb.segments.length, 0);
    assert.equal(mar.total, 10);
    // Each segment sits on the previous one; the full bar of 10 reaches the top of the plot.
    let y = bottom;
    for (const s of mar.segments) {
      assert.ok(Math.abs(s.y + s.height - y) < 0.2, `${s.series} sits on the segment below`);
      y = s.y;
    }
    assert.ok(Math.abs(y - l.plot.y) < 0.2);
    assert.ok(Math.abs(jan.segments[0].height - (3 / 10) * l.plot.height) < 0.2);
    assert.ok(jan.x < feb.x && feb.x < mar.x);
    assert.ok(mar.x + mar.width <= CHART.width - CHART.right);
  });

  test('renders an SVG image with a label, patterns per series and no NaN', () => {
    const svg = renderToString(<TrendChart months={months} labels={trendLabels()} />);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 720 280"/);
    assert.match(svg, /role="img" aria-label="近 12 个月公开义务完成趋势"/);
    assert.match(svg, /<pattern id="trend-overdue"/);
    assert.match(svg, /<title>3月 逾期未公开 1<\/title>/);
    assert.match(svg, />按时公开<\/text>/);
    assert.doesNotMatch(svg, /NaN|undefined/);
    const empty = renderToString(<TrendChart months={emptyTrend('2026-03-11')} labels={trendLabels()} />);
    assert.doesNotMatch(empty, /NaN|<rect x="[^"]+" y="[^"]+" width="[^"]+" height="0"/);
  });

  test('the figure carries a caption and the same numbers as a table', () => {
    const html = renderToString(<TrendFigure months={months} />);
    assert.match(html, /^<figure class="trend"><figcaption>/);
    assert.match(
      html,
      /<tr><th scope="row">2026-03<\/th><td class="num">5<\/td><td class="num">0<\/td><td class="num">1<\/td><td class="num">4<\/td><td class="num">10<\/td><\/tr>/,
    );
  });
});

describe('board model', () => {
  test('cell colour: red over amber over green; no obligations is none', () => {
    const c = emptyCounts();
    assert.equal(cellColor(c), 'none');
    c.on_time = 2;
    c.total = 2;
    assert.equal(cellColor(c), 'green');
    c.upcoming = 1;
    c.total = 3;
    assert.equal(cellColor(c), 'green');
    c.due_soon = 1;
    c.total = 4;
    assert.equal(cellColor(c), 'amber');
    c.overdue = 1;
    c.total = 5;
    assert.equal(cellColor(c), 'red');
  });

  test('classify: fulfilment first, then overdue / due soon / upcoming against today and the cut-off', () => {
    const at = (due: string, done: string | null = null) =>
      classify({ due_date: due, fulfilled_on: done }, '2026-03-11', '2026-03-16');
    assert.equal(at('2026-03-10'), 'overdue');
    assert.equal(at('2026-03-11'), 'due_soon');
    assert.equal(at('2026-03-16'), 'due_soon');
    assert.equal(at('2026-03-17'), 'upcoming');
    assert.equal(at('2026-03-10', '2026-03-10'), 'on_time');
    assert.equal(at('2026-03-10', '2026-03-11'), 'late');
  });

  test('dates: twelve months back to the 1st, stale cut-off in calendar days', () => {
    assert.deepEqual(trendMonthKeys('2026-01-15').slice(0, 2), ['2025-02', '2025-03']);
    assert.equal(trendMonthKeys('2026-01-15')[11], '2026-01');
    const d = boardDates('2026-03-11', '2026-03-16', 90);
    assert.deepEqual(d, {
      today: '2026-03-11',
      soonCutoff: '2026-03-16',
      windowStart: '2025-04-01',
      windowEnd: '2026-03-31',
      staleCutoff: '2025-12-11',
    });
    const trend = emptyTrend('2026-03-11');
    addTrend(trend, '2026-03', 'due_soon', 2);
    addTrend(trend, '2026-03', 'upcoming', 1);
    addTrend(trend, '2024-01', 'overdue', 9);
    assert.deepEqual(trend[11], { month: '2026-03', onTime: 0, late: 0, overdue: 0, pending: 3 });
  });
});
