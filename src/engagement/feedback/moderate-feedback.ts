import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parse } from '../../lib/validate.ts';
import { feedbackDirectDelivery } from '../settings.ts';
import { notifyAssigned } from './recipients.ts';
import { ModerateInput } from './schemas.ts';
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
 * The office moderates a message held for sensitive words: release → received (or assigned with
 * its deadline under direct delivery), reject → rejected with a note that is never public.
 */
export async function moderateFeedback(ctx: OpContext, id: string, raw: unknown): Promise<Feedback> {
  const input = parse(ModerateInput, raw);
  if (input.decision === 'reject' && !input.note?.trim())
    throw new AppError('validation.failed', { fields: [{ field: 'note', code: 'feedback.note_required' }] });
  return inTransaction(ctx, async (tx) => {
    const { f, unit } = await loadForStep(tx, id, officePerm, ['held']);
    const at = tx.now.toISOString();
    const base = {
      moderated_by: tx.actor.personId,
      moderated_at: at,
      moderation_note: input.note?.trim() || null,
    };
    if (input.decision === 'reject') {
      const next = await updateFeedback(tx, f, { ...base, status: 'rejected', closed_at: at });
      await recordFeedbackStep(tx, next, {
        kind: 'rejected',
        summary: '审核未通过',
        detail: { note: base.moderation_note },
      });
      return next;
    }
    const direct = unit.parent_id !== null && (await feedbackDirectDelivery(tx.db, tx.actor.tenantId));
    const today = chinaDate(tx.now);
    const { due, days } = await dueFrom(tx.db, tx.actor.tenantId, today);
    const next = await updateFeedback(
      tx,
      f,
      direct
        ? {
            ...base,
            status: 'assigned',
            assigned_at: at,
            due_from: today,
            reply_days: days,
            due_on: due,
            first_due_on: f.first_due_on ?? due,
            received_on: today,
          }
        : { ...base, status: 'received', received_on: today },
    );
    await recordFeedbackStep(tx, next, {
      kind: 'released',
      summary: '审核通过',
      detail: direct ? { toUnit: unit.name, dueOn: due } : {},
    });
    if (direct) await notifyAssigned(tx, next, unit);
    return next;
  });
}
