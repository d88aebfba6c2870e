import { recordAudit } from '../audit/record-audit.ts';
import { grantCovers } from '../auth/policy.ts';
import { registerJobHandler } from '../jobs/registry.ts';
import { scheduleDaily } from '../jobs/schedule-daily.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { type NotifyOptions, notify, notifyOptions } from '../notify/notify.ts';
import { grantHolders } from '../people/grant-holders.ts';

export const FILING_REVIEW_JOB = 'disclosures.filing_review';

/**
 * The daily sweep of withheld filings (不予公开 备案): every filing whose review date has come
 * (review_date <= the run's China date) notifies the office holders covering its unit, once per
 * filing and review date (dedupe key `disclosure.filing_review:<id>:<review_date>`; a new review
 * date after 复核 is a new reminder). One audit entry per sweep with its counts.
 */
export async function sweepFilingReviews(
  ctx: OpContext,
  input: { date: string; notify: NotifyOptions },
): Promise<{ due: number; created: number; emailed: number }> {
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const due = await tx.db
      .selectFrom('disclosures as d')
      .innerJoin('units as u', (j) =>
        j.onRef('u.tenant_id', '=', 'd.tenant_id').onRef('u.id', '=', 'd.unit_id'),
      )
      .select(['d.id', 'd.title', 'd.review_date', 'd.unit_id', 'u.name as unit_name', 'u.path', 'u.sphere'])
      .where('d.tenant_id', '=', tenantId)
      .where('d.state', '=', 'withheld')
      .where('d.review_date', 'is not', null)
      .where('d.review_date', '<=', input.date)
      .orderBy('d.review_date')
      .orderBy('d.id')
      .execute();
    let created = 0;
    let emailed = 0;
    if (due.length > 0) {
      const offices = await grantHolders(tx, ['office']);
      for (const f of due) {
        const unit = { id: f.unit_id, path: f.path, sphere: f.sphere };
        const personIds = offices.filter((g) => grantCovers(g, unit)).map((g) => g.personId);
        const n = await notify(
          tx,
          {
            personIds,
            kind: 'disclosure.filing_review',
            title: `【复核提醒】${f.unit_name}：${f.title}`,
            body: `不予公开事项“${f.title}”的复核日期为 ${f.review_date}，请复核：维持不予公开并确定下次复核日期，或改为公开。`,
            link: `/admin/disclosures/${f.id}`,
            dedupeKey: `disclosure.filing_review:${f.id}:${f.review_date}`,
            email: true,
          },
          input.notify,
        );
        created += n.created;
        emailed += n.emailed;
      }
    }
    await recordAudit(tx, {
      action: 'disclosure.filing_review_remind',
      targetType: 'sweep',
      summary: `不予公开复核提醒：到期 ${due.length} 项；新通知 ${created} 条，邮件 ${emailed} 封`,
      after: { date: input.date, due: due.length, created, emailed },
    });
    return { due: due.length, created, emailed };
  });
}

/** Registers the daily sweep (08:00 China time); called from src/jobs/builtin-jobs.ts. */
export function registerFilingReviewReminders(): void {
  registerJobHandler<{ date: string }>(FILING_REVIEW_JOB, async (run) => {
    await sweepFilingReviews(run.ctx, { date: run.payload.date, notify: notifyOptions(run.deps.config) });
  });
  scheduleDaily(FILING_REVIEW_JOB, 8);
}
