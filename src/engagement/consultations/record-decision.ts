import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { DecisionInput } from './schemas.ts';
import { chinaDate, consultationStatus } from './status.ts';
import { consultationForStaff, type Decision, fieldError, stateError } from './store.ts';

/**
 * 采纳情况: after the period, one decision (adopted / partly adopted / not adopted) on one approved
 * comment or a group of them; partly and not adopted need a reason. Recording again replaces the
 * comments' earlier decision until the report is published.
 */
export async function recordDecision(
  ctx: OpContext,
  consultationId: string,
  raw: unknown,
): Promise<Decision> {
  const input = parse(DecisionInput, raw);
  const ids = [...new Set(Array.isArray(input.commentIds) ? input.commentIds : [input.commentIds])];
  const reason = input.reason?.trim() || null;
  if (input.outcome !== 'adopted' && !reason) throw fieldError('reason', 'consultation.reason_required');
  return inTransaction(ctx, async (tx) => {
    const { c } = await consultationForStaff(tx, consultationId);
    if (consultationStatus(c, chinaDate(tx.now)) !== 'closed') throw stateError('consultation.not_closed');
    const comments = await tx.db
      .selectFrom('consultation_comments')
      .select(['id', 'status', 'decision_id'])
      .where('tenant_id', '=', c.tenant_id)
      .where('consultation_id', '=', c.id)
      .where('id', 'in', ids)
      .execute();
    if (comments.length !== ids.length || comments.some((x) => x.status !== 'approved'))
      throw fieldError('commentIds', 'consultation.decision_comments_invalid');
    const d: Decision = {
      tenant_id: c.tenant_id,
      id: newId(tx.now.getTime()),
      consultation_id: c.id,
      outcome: input.outcome,
      reason,
      decided_by: tx.actor.personId,
      decided_at: tx.now.toISOString(),
    };
    await tx.db.insertInto('consultation_decisions').values(d).execute();
    await tx.db
      .updateTable('consultation_comments')
      .set({ decision_id: d.id })
      .where('tenant_id', '=', c.tenant_id)
      .where('consultation_id', '=', c.id)
      .where('id', 'in', ids)
      .execute();
    // earlier decisions no comment points at any more
    const previous = [...new Set(comments.map((x) => x.decision_id).filter((x): x is string => !!x))];
    for (const old of previous) {
      const left = await tx.db
        .selectFrom('consultation_comments')
        .select('id')
        .where('tenant_id', '=', c.tenant_id)
        .where('decision_id', '=', old)
        .executeTakeFirst();
      if (!left)
        await tx.db
          .deleteFrom('consultation_decisions')
          .where('tenant_id', '=', c.tenant_id)
          .where('id', '=', old)
          .execute();
    }
    await recordAudit(tx, {
      action: 'consultation.decision',
      targetType: 'consultation',
      targetId: c.id,
      unitId: c.unit_id,
      summary: `记录 ${ids.length} 条意见的采纳情况：${input.outcome}`,
      after: { decision_id: d.id, outcome: d.outcome, comments: ids, reason },
    });
    return d;
  });
}
