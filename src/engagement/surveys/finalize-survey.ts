import { recordAudit } from '../../audit/record-audit.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { computeResults, liveCounts } from './results.ts';
import { chinaDate, loadForStaff, requireStatus, type Survey, updateSurvey } from './store.ts';

/**
 * 确认结果 (finalize): closed → finalized. The results are computed once more and stored in
 * survey_results — the immutable snapshot "for assessment" (考核) that later assessment reads;
 * the table is append-only in the database (no update, no delete).
 */
export async function finalizeSurvey(ctx: OpContext, id: string): Promise<Survey> {
  return inTransaction(ctx, async (tx) => {
    const { survey, units } = await loadForStaff(tx, id, 'survey.manage');
    requireStatus(survey, chinaDate(tx.now), ['closed']);
    const at = tx.now.toISOString();
    const rows = computeResults(survey, units, await liveCounts(tx.db, survey.tenant_id, survey.id));
    await guardUnique(
      tx.db
        .insertInto('survey_results')
        .values(
          rows.map((r) => ({
            tenant_id: survey.tenant_id,
            id: newId(tx.now.getTime()),
            survey_id: survey.id,
            unit_id: r.unitId,
            unit_name: r.unitName,
            satisfied: r.satisfied,
            basic: r.basic,
            dissatisfied: r.dissatisfied,
            raters: r.raters,
            rate: r.rate,
            score: r.score,
            rank: r.rank,
            computed_at: at,
          })),
        )
        .execute(),
    );
    const next = await updateSurvey(tx, survey, {
      status: 'finalized',
      finalized_at: at,
      closed_at: survey.closed_at ?? at,
    });
    await recordAudit(tx, {
      action: 'survey.finalize',
      targetType: 'survey',
      targetId: id,
      summary: `确认满意度测评“${survey.title}”结果（${rows.length} 个单位）`,
      before: { status: survey.status },
      after: { status: next.status, results: rows },
    });
    return next;
  });
}

/** Two finalizations at once: the second finds the snapshot written and gets a clean conflict. */
async function guardUnique<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('survey.wrong_status', { status: 409, params: { status: '结果已确认' } });
    throw e;
  }
}
