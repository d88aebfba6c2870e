import { type CalendarChange, onCalendarChange, recordDeadlineChange } from '../calendar/calendar-hooks.ts';
import type { OpContext } from '../lib/context.ts';

/**
 * Calendar hook: after a year's holiday arrangement changes, recompute the due date of every open
 * obligation (unfulfilled, not superseded) whose counting window (basis_date, due_date] can touch
 * that year — a notice may reach back to 31 December of the year before — and note each move
 * (deadline_changes). Fulfilled obligations keep the due date they were judged against.
 * Runs in the calendar change's transaction; returns how many due dates moved.
 */
export async function recomputeDueDates(ctx: OpContext, change: CalendarChange): Promise<number> {
  const tenantId = ctx.actor.tenantId;
  const rows = await ctx.db
    .selectFrom('obligations')
    .select(['id', 'basis_date', 'time_limit_days', 'due_date', 'due_provisional'])
    .where('tenant_id', '=', tenantId)
    .where('fulfilled_on', 'is', null)
    .where('superseded_at', 'is', null)
    .where('basis_date', '<=', `${change.year}-12-31`)
    .where('due_date', '>=', `${change.year - 1}-12-01`)
    .execute();
  let moved = 0;
  const at = ctx.now.toISOString();
  for (const o of rows) {
    const d = change.calendar.addWorkingDays(o.basis_date, o.time_limit_days);
    const provisional = d.provisional ? 1 : 0;
    if (d.date === o.due_date && provisional === o.due_provisional) continue;
    await ctx.db
      .updateTable('obligations')
      .set({ due_date: d.date, due_provisional: provisional, updated_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', o.id)
      .execute();
    if (d.date === o.due_date) continue;
    moved += 1;
    await recordDeadlineChange(ctx, {
      subjectType: 'obligation',
      subjectId: o.id,
      oldDate: o.due_date,
      newDate: d.date,
      calendarVersionId: change.versionId,
    });
  }
  return moved;
}

/** Registers the obligations' calendar hook (idempotent: the registry keeps one per name). */
export function registerObligationHooks(): void {
  onCalendarChange('obligations', recomputeDueDates);
}
