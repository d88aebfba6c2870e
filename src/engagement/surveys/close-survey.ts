import { recordAudit } from '../../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import {
  chinaDate,
  effectiveStatus,
  loadForStaff,
  requireStatus,
  type Survey,
  updateSurvey,
} from './store.ts';

/**
 * 结束测评: open → closed, early (提前结束) or after the period ended (recording what already holds:
 * an open survey past closes_on is closed anyway, see effectiveStatus).
 */
export async function closeSurvey(ctx: OpContext, id: string): Promise<Survey> {
  return inTransaction(ctx, async (tx) => {
    const { survey } = await loadForStaff(tx, id, 'survey.manage');
    const today = chinaDate(tx.now);
    if (survey.status !== 'open') requireStatus(survey, today, ['open']);
    const early = effectiveStatus(survey, today) === 'open';
    const next = await updateSurvey(tx, survey, {
      status: 'closed',
      closed_at: tx.now.toISOString(),
      closed_early: early ? 1 : 0,
    });
    await recordAudit(tx, {
      action: 'survey.close',
      targetType: 'survey',
      targetId: id,
      summary: `${early ? '提前结束' : '结束'}满意度测评“${survey.title}”`,
      before: { status: survey.status },
      after: { status: next.status, closedEarly: early },
    });
    return next;
  });
}
