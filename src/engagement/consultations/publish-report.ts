import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parse } from '../../lib/validate.ts';
import { PublishReportInput } from './schemas.ts';
import { chinaDate, consultationStatus } from './status.ts';
import {
  type Consultation,
  consultationForStaff,
  recordStep,
  stateError,
  updateConsultationRow,
} from './store.ts';

/**
 * 公布采纳情况: after the period, once no comment waits for moderation and every approved comment
 * has a decision. The report is immutable from here on.
 */
export async function publishReport(
  ctx: OpContext,
  consultationId: string,
  raw: unknown,
): Promise<Consultation> {
  const input = parse(PublishReportInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { c } = await consultationForStaff(tx, consultationId);
    if (consultationStatus(c, chinaDate(tx.now)) !== 'closed') throw stateError('consultation.not_closed');
    const rows = await tx.db
      .selectFrom('consultation_comments')
      .select(['status', 'decision_id'])
      .where('tenant_id', '=', c.tenant_id)
      .where('consultation_id', '=', c.id)
      .execute();
    const pending = rows.filter((r) => r.status === 'pending').length;
    if (pending > 0)
      throw new AppError('consultation.report_pending_comments', { status: 409, params: { n: pending } });
    const undecided = rows.filter((r) => r.status === 'approved' && !r.decision_id).length;
    if (undecided > 0)
      throw new AppError('consultation.report_incomplete', { status: 409, params: { n: undecided } });
    const approved = rows.filter((r) => r.status === 'approved').length;
    const next = await updateConsultationRow(tx, c, {
      state: 'reported',
      report_summary: input.summary?.trim() || null,
      report_published_at: tx.now.toISOString(),
      report_published_by: tx.actor.personId,
    });
    await recordStep(tx, next, {
      kind: 'report_published',
      summary: `公布「${c.title}」的意见采纳情况（${approved} 条意见）`,
      public: true,
      before: { state: c.state },
      after: { state: 'reported', comments: approved },
    });
    return next;
  });
}
