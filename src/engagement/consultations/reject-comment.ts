import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { parse } from '../../lib/validate.ts';
import { commentForStaff } from './approve-comment.ts';
import { ReasonInput } from './schemas.ts';
import { type Comment, stateError } from './store.ts';

/** 不予显示: a pending comment is rejected with a recorded reason and never shown. */
export async function rejectComment(ctx: OpContext, commentId: string, raw: unknown): Promise<Comment> {
  const input = parse(ReasonInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { c, comment } = await commentForStaff(tx, commentId);
    if (comment.status !== 'pending') throw stateError('consultation.comment_not_pending');
    if (c.state !== 'open') throw stateError('consultation.comments_final');
    const change = {
      status: 'rejected' as const,
      moderated_by: tx.actor.personId,
      moderated_at: tx.now.toISOString(),
      reject_reason: input.reason.trim(),
    };
    await tx.db
      .updateTable('consultation_comments')
      .set(change)
      .where('tenant_id', '=', comment.tenant_id)
      .where('id', '=', comment.id)
      .execute();
    await recordAudit(tx, {
      action: 'consultation.comment_rejected',
      targetType: 'consultation_comment',
      targetId: comment.id,
      unitId: c.unit_id,
      summary: `不予显示对「${c.title}」的意见`,
      before: { status: 'pending' },
      after: { status: 'rejected', reason: change.reject_reason },
    });
    return { ...comment, ...change };
  });
}
