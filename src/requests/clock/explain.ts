import { t } from '../../i18n/index.ts';
import type { ClockResult, ClockStep } from './reply-deadline.ts';

/**
 * "How this date was computed" (期限计算过程): one Chinese line per step of a ClockResult, in
 * order, e.g.
 *   2025-01-02 收到申请（收到之日不计入，自次日起计算 20 个工作日）
 *   2025-01-10 至 2025-01-20 征求第三方意见，期限中止：此前已用 6 个工作日……
 *   经批准延长答复期限 20 个工作日：由 … 延至 …
 *   答复期限：2025-03-…
 */
export function explainClock(result: Pick<ClockResult, 'steps' | 'provisional'>): string[] {
  return result.steps.map((step) => {
    const line = stepLine(step);
    return step.kind === 'due' && result.provisional
      ? `${line}${t('requests.clock.step.provisional')}`
      : line;
  });
}

function stepLine(step: ClockStep): string {
  switch (step.kind) {
    case 'received':
      return t('requests.clock.step.received', { date: step.date });
    case 'restart':
      return t('requests.clock.step.restart', { date: step.date, days: step.days ?? 20 });
    case 'extend':
      return t('requests.clock.step.extend', {
        days: step.days ?? 0,
        from: step.from ?? '',
        to: step.to ?? '',
      });
    case 'due':
      return t('requests.clock.step.due', { date: step.date });
    case 'pause':
      return pauseLine(step);
  }
}

function pauseLine(step: ClockStep): string {
  const params = {
    from: step.from ?? step.date,
    to: step.to ?? step.date,
    what: pauseWhat(step),
    days: step.days ?? 0,
    remaining: step.remaining ?? 0,
  };
  const key =
    step.effect === 'after_due'
      ? 'requests.clock.step.pause_after_due'
      : step.effect === 'before_restart'
        ? 'requests.clock.step.pause_before_restart'
        : step.rolledForward
          ? 'requests.clock.step.pause_rolled'
          : step.remaining === 0
            ? 'requests.clock.step.pause_at_end'
            : 'requests.clock.step.pause';
  const merged = step.merged && step.merged > 1 ? t('requests.clock.step.merged', { n: step.merged }) : '';
  return `${t(key, params)}${merged}`;
}

/** '（征求第三方意见）', '（征求第三方意见、等待缴纳信息处理费）' for merged kinds, '' when unknown. */
function pauseWhat(step: ClockStep): string {
  const kinds = step.pauseKinds ?? (step.pauseKind ? [step.pauseKind] : []);
  const names = kinds.filter((k) => k !== 'other').map((k) => t(`requests.clock.pause.${k}`));
  return names.length > 0 ? `（${names.join('、')}）` : '';
}
