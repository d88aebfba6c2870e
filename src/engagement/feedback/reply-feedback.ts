import { inTransaction, type OpContext } from '../../lib/context.ts';
import { newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { ReplyInput } from './schemas.ts';
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
 * The responsible unit answers: a feedback_replies row of this round (1, then 2 after a reopening,
 * …) → replied. The first answer's day is kept (first_replied_on) for the statistics.
 */
export async function replyFeedback(ctx: OpContext, id: string, raw: unknown): Promise<Feedback> {
  const input = parse(ReplyInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { f } = await loadForStep(tx, id, handlePerm, ['assigned', 'in_progress']);
    const today = chinaDate(tx.now);
    const round = f.reopened_count + 1;
    await tx.db
      .insertInto('feedback_replies')
      .values({
        tenant_id: f.tenant_id,
        id: newId(tx.now.getTime()),
        feedback_id: f.id,
        round,
        body: input.body,
        unit_id: f.unit_id,
        replied_by: tx.actor.personId,
        replied_at: tx.now.toISOString(),
      })
      .execute();
    const next = await updateFeedback(tx, f, {
      status: 'replied',
      replied_on: today,
      first_replied_on: f.first_replied_on ?? today,
    });
    await recordFeedbackStep(tx, next, {
      kind: 'replied',
      summary: `答复留言（第 ${round} 次）`,
      detail: { round },
    });
    await tellWriterAnswered(tx, next, round);
    return next;
  });
}
