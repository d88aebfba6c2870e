import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedCalendar } from '../../calendar/calendar.ts';
import { computeReplyDeadline, explainClock } from './index.ts';

const cal = shippedCalendar();

test('explanation: received → restart → paused (n days used) → extended → due', () => {
  const r = computeReplyDeadline(cal, {
    received: '2025-09-26',
    supplementReceived: '2025-10-20',
    pauses: [{ start: '2025-10-27', end: '2025-11-07', kind: 'third_party' }],
    extendDays: 10,
  });
  assert.deepEqual(explainClock(r), [
    '2025-09-26 收到申请（收到之日不计入，自次日起计算 20 个工作日）',
    '2025-10-20 收到补正后的申请，答复期限自次日起重新计算 20 个工作日',
    '2025-10-27 至 2025-11-07 期限中止（征求第三方意见）：此前已用 5 个工作日（中止开始当日计入），尚余 15 个工作日，自 2025-11-07 次日起继续计算',
    '经批准延长答复期限 10 个工作日：由 2025-11-28 延至 2025-12-12',
    '答复期限：2025-12-12',
  ]);
});

test('explanation of merged, ignored and rolled-forward pauses', () => {
  const merged = computeReplyDeadline(cal, {
    received: '2025-03-03',
    pauses: [
      { start: '2025-03-05', end: '2025-03-10', kind: 'third_party' },
      { start: '2025-03-10', end: '2025-03-14', kind: 'fee' },
    ],
  });
  assert.match(
    explainClock(merged)[1],
    /^2025-03-05 至 2025-03-14 期限中止（征求第三方意见、等待缴纳信息处理费）：此前已用 2 个工作日.*（由 2 个相互重叠的期间合并计算）$/,
  );
  const late = computeReplyDeadline(cal, {
    received: '2025-01-02',
    pauses: [{ start: '2025-02-07', end: '2025-02-20' }],
  });
  assert.equal(explainClock(late)[1], '2025-02-07 至 2025-02-20 中止期间：开始时答复期限已届满，不影响期限');
  const rolled = computeReplyDeadline(cal, {
    received: '2025-01-02',
    pauses: [{ start: '2025-02-06', end: '2025-02-09', kind: 'co_producer' }],
  });
  assert.deepEqual(explainClock(rolled).slice(1), [
    '2025-02-06 至 2025-02-09 期限中止（征求共同制作机关意见）：中止开始当日期限已用尽，中止结束之日为休息日，期限顺延至其后第一个工作日',
    '答复期限：2025-02-10',
  ]);
});

test('a provisional deadline says so', () => {
  const lines = explainClock(computeReplyDeadline(cal, { received: '2026-12-15' }));
  assert.equal(lines.at(-1), '答复期限：2027-01-13（暂定：所涉年度的节假日安排尚未公布，公布后将重新计算）');
});
