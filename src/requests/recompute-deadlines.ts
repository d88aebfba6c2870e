import { type CalendarChange, onCalendarChange, recordDeadlineChange } from '../calendar/calendar-hooks.ts';
import type { OpContext } from '../lib/context.ts';
import { deadlineOf } from './deadline.ts';
import { CLOCK_STATES, chinaDate, consultationsOf } from './store.ts';

/**
 * Calendar hook: a changed holiday arrangement moves the reply deadline of every running request
 * (the cached due_date is recomputed through the engine with the new calendar) and each move is
 * noted in deadline_changes. Finished requests keep the date they were judged against.
 */
export async function recomputeRequestDeadlines(ctx: OpContext, change: CalendarChange): Promise<number> {
  const tenantId = ctx.actor.tenantId;
  const rows = await ctx.db
    .selectFrom('requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('state', 'in', CLOCK_STATES)
    .where('received_on', 'is not', null)
    .where('received_on', '<=', `${change.year}-12-31`)
    .execute();
  let moved = 0;
  for (const r of rows) {
    const d = deadlineOf(change.calendar, r, await consultationsOf(ctx.db, r), chinaDate(ctx.now));
    if (!d || (d.due === r.due_date && (d.provisional ? 1 : 0) === r.due_provisional)) continue;
    await ctx.db
      .updateTable('requests')
      .set({ due_date: d.due, due_provisional: d.provisional ? 1 : 0, updated_at: ctx.now.toISOString() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', r.id)
      .execute();
    if (d.due === r.due_date || !r.due_date) continue;
    moved += 1;
    await recordDeadlineChange(ctx, {
      subjectType: 'request',
      subjectId: r.id,
      oldDate: r.due_date,
      newDate: d.due,
      calendarVersionId: change.versionId,
    });
  }
  return moved;
}

/** Registers the hook (idempotent: the registry keeps one per name). */
export function registerRequestHooks(): void {
  onCalendarChange('requests', recomputeRequestDeadlines);
}
