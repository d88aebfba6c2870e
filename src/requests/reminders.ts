import { recordAudit } from '../audit/record-audit.ts';
import { grantCovers } from '../auth/policy.ts';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import type { RoleName, Sphere } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { registerJobHandler } from '../jobs/registry.ts';
import { scheduleDaily } from '../jobs/schedule-daily.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { type NotifyOptions, notify, notifyOptions } from '../notify/notify.ts';
import { grantHolders } from '../people/grant-holders.ts';
import { deadlineStatus } from './clock/index.ts';
import { deadlineOf } from './deadline.ts';
import { CLOCK_STATES, consultationsOf } from './store.ts';

export const REQUEST_REMIND_JOB = 'requests.remind';
/** Roles that handle a unit's requests and the office above it: they get the reminders. */
const REMINDED_ROLES: RoleName[] = ['publisher', 'approver', 'office'];

export interface RequestSweepResult {
  checked: number;
  approaching: number;
  dueToday: number;
  overdue: number;
  /** 补正 or fee windows that ran out (the handlers are told to end the request). */
  periodOver: number;
  moved: number;
  created: number;
  emailed: number;
}

/**
 * The daily reminder sweep of one tenant. For every request whose clock runs (not paused): the
 * deadline is recomputed through the engine (the cached column is corrected if a calendar change
 * moved it), then the unit's handlers (publisher, approver) and the office covering it are told
 * 3 working days before (`request.approaching:<id>:<due>`), on the day (`request.due_today:…`) and
 * once overdue (`request.overdue:…`). Dedupe keys carry the due date: a rerun sends nothing new, a
 * moved deadline is a new reminder. One audit entry per sweep with its counts.
 */
export async function sweepRequestReminders(
  ctx: OpContext,
  input: { date: string; notify: NotifyOptions },
): Promise<RequestSweepResult> {
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const cal = await loadCalendar(tx.db, tenantId);
    const open = await tx.db
      .selectFrom('requests as r')
      .innerJoin('units as u', (j) =>
        j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.unit_id'),
      )
      .selectAll('r')
      .select(['u.name as unit_name', 'u.path', 'u.sphere'])
      .where('r.tenant_id', '=', tenantId)
      .where('r.state', 'in', CLOCK_STATES)
      .where('r.received_on', 'is not', null)
      .orderBy('r.id')
      .execute();
    const holders = await grantHolders(tx, REMINDED_ROLES);
    const result: RequestSweepResult = {
      checked: 0,
      approaching: 0,
      dueToday: 0,
      overdue: 0,
      periodOver: 0,
      moved: 0,
      created: 0,
      emailed: 0,
    };
    for (const r of open) {
      const d = deadlineOf(cal, r, await consultationsOf(tx.db, r), input.date);
      if (!d) continue;
      result.checked += 1;
      if (d.due !== r.due_date || (d.paused ? 1 : 0) !== r.clock_paused) {
        result.moved += d.due !== r.due_date ? 1 : 0;
        await tx.db
          .updateTable('requests')
          .set({ due_date: d.due, due_provisional: d.provisional ? 1 : 0, clock_paused: d.paused ? 1 : 0 })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', r.id)
          .execute();
      }
      const unit = { id: r.unit_id, path: r.path, sphere: r.sphere as Sphere };
      const personIds = holders.filter((h) => grantCovers(h, unit)).map((h) => h.personId);
      // the applicant's period (补正 or fee window) is over: the unit's handlers should end the request
      const periodEnd =
        r.state === 'supplement_pending'
          ? r.supplement_due_on
          : r.state === 'fee_pending'
            ? r.fee_due_on
            : null;
      if (periodEnd && periodEnd < input.date) {
        result.periodOver += 1;
        const p = { code: r.tracking_code, unit: r.unit_name, date: periodEnd };
        const n = await notify(
          tx,
          {
            personIds: holders
              .filter((h) => h.role !== 'office' && grantCovers(h, unit))
              .map((h) => h.personId),
            kind: 'request.period_over',
            title: t('request.remind.period_over_title', p),
            body: t(`request.remind.period_over_body.${r.state}`, p),
            link: `/admin/requests/${r.id}`,
            dedupeKey: `request.period_over:${r.id}:${periodEnd}`,
            email: true,
          },
          input.notify,
        );
        result.created += n.created;
        result.emailed += n.emailed;
      }
      if (d.paused) continue;
      const s = deadlineStatus(cal, d.due, input.date);
      if (s.stage === 'running') continue;
      const kind = s.stage;
      if (kind === 'approaching') result.approaching += 1;
      else if (kind === 'due_today') result.dueToday += 1;
      else result.overdue += 1;
      const p = {
        code: r.tracking_code,
        unit: r.unit_name,
        due: d.due,
        days: kind === 'overdue' ? s.workingDaysOverdue : s.workingDaysLeft,
      };
      const n = await notify(
        tx,
        {
          personIds,
          kind: `request.${kind}`,
          title: t(`request.remind.${kind}_title`, p),
          body: t(`request.remind.${kind}_body`, p),
          link: `/admin/requests/${r.id}`,
          dedupeKey: `request.${kind}:${r.id}:${d.due}`,
          email: true,
        },
        input.notify,
      );
      result.created += n.created;
      result.emailed += n.emailed;
    }
    await recordAudit(tx, {
      action: 'request.remind',
      targetType: 'sweep',
      summary: `依申请公开提醒：临期 ${result.approaching} 件，今日到期 ${result.dueToday} 件，逾期 ${result.overdue} 件；新通知 ${result.created} 条`,
      after: { date: input.date, ...result },
    });
    return result;
  });
}

/** Registers the daily sweep (08:00 China time); called from src/jobs/builtin-jobs.ts. */
export function registerRequestReminders(): void {
  registerJobHandler<{ date: string }>(REQUEST_REMIND_JOB, async (run) => {
    await sweepRequestReminders(run.ctx, { date: run.payload.date, notify: notifyOptions(run.deps.config) });
  });
  scheduleDaily(REQUEST_REMIND_JOB, 8);
}
