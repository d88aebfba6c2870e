import { recordAudit } from '../../audit/record-audit.ts';
import type { DbOrTx } from '../../db/types.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { isId } from '../../lib/ids.ts';
import { type Comment, consultationForStaff, type LoadedConsultation, stateError } from './store.ts';

/** A comment and its consultation, for a moderator with consultation.manage on the unit (else 404). */
export async function commentForStaff(
  ctx: OpContext,
  commentId: string,
): Promise<LoadedConsultation & { comment: Comment }> {
  const comment = isId(commentId) ? await commentRow(ctx.db, ctx.actor.tenantId, commentId) : undefined;
  if (!comment) throw new AppError('consultation.comment_not_found', { status: 404 });
  try {
    return { ...(await consultationForStaff(ctx, comment.consultation_id)), comment };
  } catch (e) {
    if (e instanceof AppError && e.code === 'consultation.not_found')
      throw new AppError('consultation.comment_not_found', { status: 404 });
    throw e;
  }
}

function commentRow(db: DbOrTx, tenantId: string, id: string) {
  return db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** 审核通过: a pending comment appears on the public page (masked by the privacy guard when shown). */
export async function approveComment(ctx: OpContext, commentId: string): Promise<Comment> {
  return inTransaction(ctx, async (tx) => {
    const { c, comment } = await commentForStaff(tx, commentId);
    if (comment.status !== 'pending') throw stateError('consultation.comment_not_pending');
    if (c.state !== 'open') throw stateError('consultation.comments_final');
    const change = {
      status: 'approved' as const,
      moderated_by: tx.actor.personId,
      moderated_at: tx.now.toISOString(),
    };
    await tx.db
      .updateTable('consultation_comments')
      .set(change)
      .where('tenant_id', '=', comment.tenant_id)
      .where('id', '=', comment.id)
      .execute();
    await recordAudit(tx, {
      action: 'consultation.comment_approved',
      targetType: 'consultation_comment',
      targetId: comment.id,
      unitId: c.unit_id,
      summary: `审核通过对「${c.title}」的意见`,
      before: { status: 'pending' },
      after: { status: 'approved' },
    });
    return { ...comment, ...change };
  });
}
