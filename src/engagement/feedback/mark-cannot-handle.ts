import { inTransaction, type OpContext } from '../../lib/context.ts';
import { parse } from '../../lib/validate.ts';
import { ReasonInput } from './schemas.ts';
import {
  chinaDate,
  type Feedback,
  handlePerm,
  loadForStep,
  recordFeedbackStep,
  updateFeedback,
} from './store.ts';
import { tellWriterAnswered } from './tell-writer.ts';

/**
 * 暂不能办理: the unit explains why it cannot act now; the reason is public (echo wall) and counts
 * as the answer of this round (replied_on / first_replied_on are set, the writer may rate it).
 */
export async function markCannotHandle(ctx: OpContext, id: string, raw: unknown): Promise<Feedback> {
  const input = parse(ReasonInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { f } = await loadForStep(tx, id, handlePerm, ['assigned', 'in_progress']);
    const today = chinaDate(tx.now);
    const next = await updateFeedback(tx, f, {
      status: 'cannot_handle',
      cannot_handle_reason: input.reason,
      replied_on: today,
      first_replied_on: f.first_replied_on ?? today,
    });
    await recordFeedbackStep(tx, next, {
      kind: 'cannot_handle',
      summary: '暂不能办理',
      detail: { reason: input.reason, round: f.reopened_count + 1 },
    });
    await tellWriterAnswered(tx, next, f.reopened_count + 1);
    return next;
  });
}
