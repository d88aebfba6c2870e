import { recordAudit } from '../../audit/record-audit.ts';
import { ROLES } from '../../auth/policy.ts';
import { loadCalendar } from '../../calendar/tenant-calendar.ts';
import type { Sphere } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';
import { registerJobHandler } from '../../jobs/registry.ts';
import { scheduleDaily } from '../../jobs/schedule-daily.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { type NotifyOptions, notify, notifyOptions } from '../../notify/notify.ts';
import { grantHolders } from '../../people/grant-holders.ts';
import { holdersOf } from './recipients.ts';
import { OPEN_STATES } from './store.ts';

export const FEEDBACK_REMIND_JOB = 'feedback.remind';

export interface FeedbackSweepResult {
  checked: number;
  approaching: number;
  dueToday: number;
  overdue: number;
  /** messages waiting a working day or more for the office's moderation or routing */
  waiting: number;
  created: number;
  emailed: number;
}

/**
 * The daily reply-deadline sweep of one tenant: for every message the unit still owes an answer
 * (assigned / in progress), the holders of feedback.handle covering its unit — of feedback.report
 * for a 举报, so nobody else learns of it — are told 1 working day before the due date, on the day,
 * and once overdue. Dedupe keys carry the due date: a rerun sends nothing new, a new deadline
 * (re-routing, reopening) is a new reminder. One audit entry per sweep with its counts.
 */
export async function sweepFeedbackReminders(
  ctx: OpContext,
  input: { date: string; notify: NotifyOptions },
): Promise<FeedbackSweepResult> {
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const cal = await loadCalendar(tx.db, tenantId);
    const open = await tx.db
      .selectFrom('feedback as f')
      .innerJoin('units as u', (j) =>
        j.onRef('u.tenant_id', '=', 'f.tenant_id').onRef('u.id', '=', 'f.unit_id'),
      )
      .select([
        'f.id',
        'f.kind',
        'f.tracking_code',
        'f.due_on',
        'f.unit_id',
        'u.name as unit_name',
        'u.path',
        'u.sphere',
      ])
      .where('f.tenant_id', '=', tenantId)
      .where('f.status', 'in', OPEN_STATES)
      .where('f.due_on', 'is not', null)
      .orderBy('f.id')
      .execute();
    const holders = await grantHolders(tx, ROLES);
    const tomorrow = cal.addWorkingDays(input.date, 1).date;
    const result: FeedbackSweepResult = {
      checked: 0,
      approaching: 0,
      dueToday: 0,
      overdue: 0,
      waiting: 0,
      created: 0,
      emailed: 0,
    };
    for (const f of open) {
      const due = f.due_on as string;
      result.checked += 1;
      const stage =
        due < input.date
          ? 'overdue'
          : due === input.date
            ? 'due_today'
            : due <= tomorrow
              ? 'approaching'
              : null;
      if (!stage) continue;
      if (stage === 'approaching') result.approaching += 1;
      else if (stage === 'due_today') result.dueToday += 1;
      else result.overdue += 1;
      const unit = { id: f.unit_id, path: f.path, sphere: f.sphere as Sphere };
      const days = stage === 'overdue' ? cal.workingDaysBetween(due, input.date).days : 0;
      const p = { code: f.tracking_code, unit: f.unit_name, due, days };
      const n = await notify(
        tx,
        {
          personIds: holdersOf(holders, f.kind === 'report' ? 'feedback.report' : 'feedback.handle', unit),
          kind: `feedback.${stage}`,
          title: t(`feedback.remind.${stage}_title`, p),
          body: t(`feedback.remind.${stage}_body`, p),
          link: `/admin/feedback/${f.id}`,
          dedupeKey: `feedback.${stage}:${f.id}:${due}`,
          email: true,
        },
        input.notify,
      );
      result.created += n.created;
      result.emailed += n.emailed;
    }
    // waiting for the office: held for moderation or not yet routed since before the last working day
    const waiting = await tx.db
      .selectFrom('feedback as f')
      .innerJoin('units as u', (j) =>
        j.onRef('u.tenant_id', '=', 'f.tenant_id').onRef('u.id', '=', 'f.unit_id'),
      )
      .select([
        'f.id',
        'f.tracking_code',
        'f.status',
        'f.received_on',
        'f.unit_id',
        'u.name as unit_name',
        'u.path',
        'u.sphere',
      ])
      .where('f.tenant_id', '=', tenantId)
      .where('f.kind', '<>', 'report')
      .where('f.status', 'in', ['held', 'received'])
      .where('f.received_on', '<', input.date)
      .orderBy('f.id')
      .execute();
    for (const f of waiting) {
      // a working day has passed since it came in (a message of Friday waits until Monday)
      if (cal.workingDaysBetween(f.received_on, input.date).days < 1) continue;
      result.waiting += 1;
      const unit = { id: f.unit_id, path: f.path, sphere: f.sphere as Sphere };
      const p = { code: f.tracking_code, unit: f.unit_name, since: f.received_on };
      const n = await notify(
        tx,
        {
          personIds: holdersOf(holders, 'feedback.office', unit),
          kind: 'feedback.waiting',
          title: t(`feedback.remind.${f.status}_title`, p),
          body: t(`feedback.remind.${f.status}_body`, p),
          link: `/admin/feedback/${f.id}`,
          dedupeKey: `feedback.waiting:${f.id}:${f.status}`,
          email: true,
        },
        input.notify,
      );
      result.created += n.created;
      result.emailed += n.emailed;
    }
    await recordAudit(tx, {
      action: 'feedback.remind',
      targetType: 'sweep',
      summary: `留言答复提醒：临期 ${result.approaching} 件，今日到期 ${result.dueToday} 件，逾期 ${result.overdue} 件，待审核或分办 ${result.waiting} 件；新通知 ${result.created} 条`,
      after: { date: input.date, ...result },
    });
    return result;
  });
}

/** Registers the daily sweep (08:00 China time); called from src/engagement/jobs.ts. */
export function registerFeedbackReminders(): void {
  registerJobHandler<{ date: string }>(FEEDBACK_REMIND_JOB, async (run) => {
    await sweepFeedbackReminders(run.ctx, { date: run.payload.date, notify: notifyOptions(run.deps.config) });
  });
  scheduleDaily(FEEDBACK_REMIND_JOB, 8);
}
