/** 依申请公开 texts. Keys are grouped by part (clock = the deadline engine in src/requests/clock/). */
export const requestMessages = {
  // deadline engine: input errors
  'requests.clock.bad_date': '日期不正确：{field} 为“{value}”，应为 YYYY-MM-DD 格式的真实日期。',
  'requests.clock.supplement_before_received':
    '补正后申请的收到日期（{supplementReceived}）不能早于申请的收到日期（{received}）。',
  'requests.clock.pause_reversed': '第 {index} 个中止期间的结束日期（{end}）早于开始日期（{start}）。',
  'requests.clock.pause_before_received':
    '第 {index} 个中止期间的开始日期（{start}）早于申请的收到日期（{received}）。',
  'requests.clock.bad_extension': '延长答复期限的工作日数不正确：“{value}”，应为 1 至 {max} 的整数。',
  'requests.clock.bad_year': '年份不正确：“{value}”。',
  'requests.clock.bad_pause':
    '中止期间格式不正确：“{value}”，应为“开始日期:结束日期”，如 2025-03-03:2025-03-14。',
  // deadline engine: "how this date was computed"
  'requests.clock.step.received': '{date} 收到申请（收到之日不计入，自次日起计算 20 个工作日）',
  'requests.clock.step.restart': '{date} 收到补正后的申请，答复期限自次日起重新计算 {days} 个工作日',
  'requests.clock.step.pause':
    '{from} 至 {to} 期限中止{what}：此前已用 {days} 个工作日（中止开始当日计入），尚余 {remaining} 个工作日，自 {to} 次日起继续计算',
  'requests.clock.step.pause_rolled':
    '{from} 至 {to} 期限中止{what}：中止开始当日期限已用尽，中止结束之日为休息日，期限顺延至其后第一个工作日',
  'requests.clock.step.pause_at_end':
    '{from} 至 {to} 期限中止{what}：中止开始当日期限已用尽，期限至中止结束之日',
  'requests.clock.step.pause_after_due': '{from} 至 {to} 中止期间{what}：开始时答复期限已届满，不影响期限',
  'requests.clock.step.pause_before_restart':
    '{from} 至 {to} 中止期间{what}：在补正后重新起算之前已结束，不影响期限',
  'requests.clock.step.merged': '（由 {n} 个相互重叠的期间合并计算）',
  'requests.clock.step.extend': '经批准延长答复期限 {days} 个工作日：由 {from} 延至 {to}',
  'requests.clock.step.due': '答复期限：{date}',
  'requests.clock.step.provisional': '（暂定：所涉年度的节假日安排尚未公布，公布后将重新计算）',
  'requests.clock.pause.third_party': '征求第三方意见',
  'requests.clock.pause.co_producer': '征求共同制作机关意见',
  'requests.clock.pause.fee': '等待缴纳信息处理费',
} as const;
