import { inTransaction, type OpContext } from '../../lib/context.ts';
import { parse } from '../../lib/validate.ts';
import { NoteInput } from './schemas.ts';
import { type Feedback, loadForStep, officePerm, recordFeedbackStep, updateFeedback } from './store.ts';

/** The office (the inspector for a 举报) closes a thread: after an answer, or one that needs none. */
export async function closeFeedback(ctx: OpContext, id: string, raw: unknown = {}): Promise<Feedback> {
  const input = parse(NoteInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { f } = await loadForStep(tx, id, officePerm, [
      'received',
      'assigned',
      'in_progress',
      'replied',
      'cannot_handle',
    ]);
    const next = await updateFeedback(tx, f, { status: 'closed', closed_at: tx.now.toISOString() });
    await recordFeedbackStep(tx, next, {
      kind: 'closed',
      summary: '办结',
      detail: { note: input.note?.trim() || null },
      before: { status: f.status },
    });
    return next;
  });
}
