import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parse } from '../../lib/validate.ts';
import { notifyAssigned } from './recipients.ts';
import { NoteInput } from './schemas.ts';
import {
  chinaDate,
  dueFrom,
  type Feedback,
  loadForStep,
  officePerm,
  recordFeedbackStep,
  updateFeedback,
} from './store.ts';

/**
 * The office (the inspector for a 举报) reopens an answered thread, typically after 不满意: the
 * same unit must answer again (round reopened_count + 1) by a new deadline. The previous rating
 * stays in the trail (feedback_events 'rated' and the 'reopened' entry); the columns are cleared
 * so the writer can rate the new round.
 */
export async function reopenFeedback(ctx: OpContext, id: string, raw: unknown = {}): Promise<Feedback> {
  const input = parse(NoteInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { f, unit } = await loadForStep(tx, id, officePerm, ['replied', 'cannot_handle', 'closed']);
    // only an answered thread can be reopened: one closed before any answer has nothing to redo
    if (!f.replied_on)
      throw new AppError('feedback.wrong_state', { status: 409, params: { state: f.status } });
    const today = chinaDate(tx.now);
    const { due, days } = await dueFrom(tx.db, tx.actor.tenantId, today);
    const before = { status: f.status, rating: f.rating, ratingComment: f.rating_comment, dueOn: f.due_on };
    const next = await updateFeedback(tx, f, {
      status: 'assigned',
      assigned_at: tx.now.toISOString(),
      due_from: today,
      reply_days: days,
      due_on: due,
      reopened_count: f.reopened_count + 1,
      cannot_handle_reason: null,
      closed_at: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
    });
    await recordFeedbackStep(tx, next, {
      kind: 'reopened',
      summary: `重新办理（第 ${next.reopened_count + 1} 轮）`,
      detail: {
        round: next.reopened_count + 1,
        dueOn: due,
        previousRating: f.rating,
        previousComment: f.rating_comment,
        note: input.note?.trim() || null,
      },
      before,
    });
    await notifyAssigned(tx, next, unit);
    return next;
  });
}
