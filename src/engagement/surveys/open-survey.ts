import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { chinaDate, loadForStaff, requireStatus, type Survey, updateSurvey } from './store.ts';

/**
 * 发布测评: draft → open. From now on the units and the scale (weights) are fixed; ratings are
 * accepted from opens_on to closes_on. A period that has already ended cannot be opened.
 */
export async function openSurvey(ctx: OpContext, id: string): Promise<Survey> {
  return inTransaction(ctx, async (tx) => {
    const { survey } = await loadForStaff(tx, id, 'survey.manage');
    const today = chinaDate(tx.now);
    requireStatus(survey, today, ['draft']);
    if (survey.closes_on < today) throw new AppError('survey.period_over', { status: 409 });
    const next = await updateSurvey(tx, survey, { status: 'open', opened_at: tx.now.toISOString() });
    await recordAudit(tx, {
      action: 'survey.open',
      targetType: 'survey',
      targetId: id,
      summary: `发布满意度测评“${survey.title}”`,
      before: { status: survey.status },
      after: { status: next.status },
    });
    return next;
  });
}
