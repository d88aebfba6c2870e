import { inTransaction, type OpContext } from '../../lib/context.ts';
import { type Feedback, handlePerm, loadForStep, recordFeedbackStep, updateFeedback } from './store.ts';

/** The responsible unit (or the inspector, for a 举报) takes the message up: assigned → in_progress. */
export async function acceptFeedback(ctx: OpContext, id: string): Promise<Feedback> {
  return inTransaction(ctx, async (tx) => {
    const { f } = await loadForStep(tx, id, handlePerm, ['assigned']);
    const next = await updateFeedback(tx, f, { status: 'in_progress' });
    await recordFeedbackStep(tx, next, { kind: 'accepted', summary: '承办单位开始办理' });
    return next;
  });
}
