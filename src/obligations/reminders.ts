import { recordAudit } from '../audit/record-audit.ts';
import { grantCovers } from '../auth/policy.ts';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import type { RoleName } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { registerJobHandler } from '../jobs/registry.ts';
import { scheduleDaily } from '../jobs/schedule-daily.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { type NotifyOptions, notify, notifyOptions } from '../notify/notify.ts';
import { grantHolders } from '../people/grant-holders.ts';
import { deriveObligations } from './derive-obligations.ts';
import { entryIsLive } from './live-entry.ts';
import { periodLabel } from './periods.ts';
import { getSettings } from './settings.ts';
import { dueSoonCutoff, overdueByCutoff } from './status.ts';

export const REMIND_JOB = 'obligations.remind';

export interface SweepResult {
  derived: number;
  dueSoon: number;
  overdue: number;
  escalated: number;
  created: number;
  emailed: number;
}

interface Reminder {
  kind: 'obligation.due_soon' | 'obligation.overdue' | 'obligation.escalate';
  dedupeKey: string;
  personIds: string[];
  title: string;
  body: string;
  link: string;
}

/**
 * The daily reminder sweep of one tenant (the Outline InviteReminderTask shape): derive the day's
 * obligations, then for every open obligation (not fulfilled, not superseded, no live exclusion)
 * - due soon → the holders of the entry's responsible role on the unit (a grant on the unit or a
 *   covering subtree grant), key `obligation.due_soon:<id>:<due_date>`;
 * - overdue → the same people, `obligation.overdue:<id>:<due_date>`;
 * - overdue by ≥ escalateAfterDays working days → the unit's approvers too,
 *   `obligation.escalate:<id>:<due_date>`.
 * In-app always, email when SMTP is configured (notify decides). The dedupe keys make a rerun send
 * nothing new; a moved due date is a new reminder. One audit entry per sweep with its counts.
 */
export async function sweepObligationReminders(
  ctx: OpContext,
  input: { date: string; notify: NotifyOptions },
): Promise<SweepResult> {
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const derived = (await deriveObligations(tx, { until: input.date })).created;
    const settings = await getSettings(tx.db, tenantId, input.date);
    const calendar = await loadCalendar(tx.db, tenantId);
    const cutoff = dueSoonCutoff(input.date, calendar, settings.dueSoonDays);
    const escalateBefore = overdueByCutoff(input.date, calendar, settings.escalateAfterDays);
    const open = await tx.db
      .selectFrom('obligations as o')
      .innerJoin('units as u', (j) =>
        j.onRef('u.tenant_id', '=', 'o.tenant_id').onRef('u.id', '=', 'o.unit_id'),
      )
      .innerJoin('catalog_entries as e', (j) =>
        j.onRef('e.tenant_id', '=', 'o.tenant_id').onRef('e.id', '=', 'o.entry_id'),
      )
      .leftJoin('catalog_exclusions as x', (j) =>
        j
          .onRef('x.tenant_id', '=', 'o.tenant_id')
          .onRef('x.unit_id', '=', 'o.unit_id')
          .onRef('x.entry_id', '=', 'o.entry_id')
          .on('x.status', 'in', ['claimed', 'accepted']),
      )
      .select([
        'o.id',
        'o.unit_id',
        'o.kind',
        'o.period_key',
        'o.title',
        'o.due_date',
        'u.name as unit_name',
        'u.path',
        'u.sphere',
        'e.item',
        'e.responsible_role',
      ])
      .where('o.tenant_id', '=', tenantId)
      .where('o.fulfilled_on', 'is', null)
      .where('o.superseded_at', 'is', null)
      .where('o.due_date', '<=', cutoff)
      .where('u.status', '=', 'active')
      .where('x.id', 'is', null)
      .where(entryIsLive)
      .orderBy('o.due_date')
      .orderBy('o.id')
      .execute();
    const holders = await grantHolders(tx, [
      ...new Set<RoleName>([...open.map((o) => o.responsible_role), 'approver']),
    ]);
    const of = (
      role: RoleName,
      unit: { id: string; path: string; sphere: 'region' | 'government' | 'party' },
    ) => holders.filter((h) => h.role === role && grantCovers(h, unit)).map((h) => h.personId);
    const overdueDays = new Map<string, number>();
    const daysLate = (due: string) => {
      let n = overdueDays.get(due);
      if (n === undefined) {
        n = calendar.workingDaysBetween(due, input.date).days;
        overdueDays.set(due, n);
      }
      return n;
    };
    const reminders: Reminder[] = [];
    const counts = { dueSoon: 0, overdue: 0, escalated: 0 };
    for (const o of open) {
      const unit = { id: o.unit_id, path: o.path, sphere: o.sphere };
      const p = {
        unit: o.unit_name,
        item: o.item,
        label: o.kind === 'periodic' ? periodLabel(o.period_key) : (o.title ?? o.period_key),
        due: o.due_date,
        days: o.due_date < input.date ? daysLate(o.due_date) : 0,
      };
      const link = `/admin/units/${o.unit_id}/obligations`;
      const responsible = of(o.responsible_role, unit);
      const kind = o.due_date < input.date ? 'overdue' : 'due_soon';
      counts[kind === 'overdue' ? 'overdue' : 'dueSoon'] += 1;
      reminders.push({
        kind: `obligation.${kind}`,
        dedupeKey: `obligation.${kind}:${o.id}:${o.due_date}`,
        personIds: responsible,
        title: t(`obligation.remind.${kind}_title`, p),
        body: t(`obligation.remind.${kind}_body`, p),
        link,
      });
      if (o.due_date < escalateBefore) {
        counts.escalated += 1;
        reminders.push({
          kind: 'obligation.escalate',
          dedupeKey: `obligation.escalate:${o.id}:${o.due_date}`,
          personIds: of('approver', unit),
          title: t('obligation.remind.escalate_title', p),
          body: t('obligation.remind.escalate_body', p),
          link,
        });
      }
    }
    const sent = await sendNew(tx, reminders, input.notify);
    const result: SweepResult = { derived, ...counts, ...sent };
    await recordAudit(tx, {
      action: 'obligation.remind',
      targetType: 'sweep',
      summary: `公开义务提醒：即将到期 ${counts.dueSoon} 项，已逾期 ${counts.overdue} 项，督办 ${counts.escalated} 项；新通知 ${sent.created} 条，邮件 ${sent.emailed} 封`,
      after: { date: input.date, ...result },
    });
    return result;
  });
}

/**
 * Skips (person, key) pairs already notified — one lookup per 500 keys instead of an insert
 * attempt per pair, so a steady-state sweep over a county's overdue backlog stays cheap — and
 * hands the rest to notify (whose unique keys still settle races between servers).
 */
async function sendNew(tx: OpContext, reminders: Reminder[], opts: NotifyOptions) {
  let created = 0;
  let emailed = 0;
  for (let i = 0; i < reminders.length; i += 500) {
    const chunk = reminders.slice(i, i + 500).filter((r) => r.personIds.length > 0);
    if (chunk.length === 0) continue;
    const done = new Set(
      (
        await tx.db
          .selectFrom('notifications')
          .select(['person_id', 'dedupe_key'])
          .where('tenant_id', '=', tx.actor.tenantId)
          .where(
            'dedupe_key',
            'in',
            chunk.map((r) => r.dedupeKey),
          )
          .execute()
      ).map((n) => `${n.person_id}|${n.dedupe_key}`),
    );
    for (const r of chunk) {
      const personIds = r.personIds.filter((p) => !done.has(`${p}|${r.dedupeKey}`));
      if (personIds.length === 0) continue;
      const n = await notify(tx, { ...r, personIds, email: true }, opts);
      created += n.created;
      emailed += n.emailed;
    }
  }
  return { created, emailed };
}

/** Registers the daily sweep (08:00 China time); called from src/jobs/builtin-jobs.ts. */
export function registerObligationReminders(): void {
  registerJobHandler<{ date: string }>(REMIND_JOB, async (run) => {
    await sweepObligationReminders(run.ctx, {
      date: run.payload.date,
      notify: notifyOptions(run.deps.config),
    });
  });
  scheduleDaily(REMIND_JOB, 8);
}
