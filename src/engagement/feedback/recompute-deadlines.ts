import {
  type CalendarChange,
  onCalendarChange,
  recordDeadlineChange,
} from '../../calendar/calendar-hooks.ts';
import type { OpContext } from '../../lib/context.ts';

/**
 * Calendar hook: a changed holiday arrangement moves the reply deadline of every message whose
 * clock is running (assigned / in progress): due_on = due_from + reply_days working days under the
 * new calendar; each move is noted in deadline_changes. Answered messages keep the date they were
 * judged against, and so does first_due_on once the first answer exists.
 */
export async function recomputeFeedbackDeadlines(ctx: OpContext, change: CalendarChange): Promise<number> {
  const tenantId = ctx.actor.tenantId;
  const rows = await ctx.db
    .selectFrom('feedback')
    .select(['id', 'due_from', 'due_on', 'reply_days', 'first_due_on', 'first_replied_on'])
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['assigned', 'in_progress'])
    .where('due_from', 'is not', null)
    .where('due_from', '<=', `${change.year}-12-31`)
    .execute();
  let moved = 0;
  for (const f of rows) {
    const due = change.calendar.addWorkingDays(f.due_from as string, f.reply_days).date;
    if (due === f.due_on) continue;
    const firstStillRunning = !f.first_replied_on && f.first_due_on === f.due_on;
    await ctx.db
      .updateTable('feedback')
      .set({
        due_on: due,
        ...(firstStillRunning ? { first_due_on: due } : {}),
        updated_at: ctx.now.toISOString(),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', f.id)
      .execute();
    moved += 1;
    if (f.due_on)
      await recordDeadlineChange(ctx, {
        subjectType: 'feedback',
        subjectId: f.id,
        oldDate: f.due_on,
        newDate: due,
        calendarVersionId: change.versionId,
      });
  }
  return moved;
}

/** Registers the hook (idempotent: the registry keeps one per name). */
export function registerFeedbackHooks(): void {
  onCalendarChange('feedback', recomputeFeedbackDeadlines);
}
