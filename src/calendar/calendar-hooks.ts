import type { OpContext } from '../lib/context.ts';
import { newId } from '../lib/ids.ts';
import type { WorkingCalendar } from './calendar.ts';

/**
 * Features with running deadlines (obligations, information requests, feedback) register a hook
 * that recomputes them when a year's arrangement changes. Hooks run inside the transaction of the
 * calendar change and report every deadline that moved through recordDeadlineChange, so the
 * change, the new dates and their notes commit or roll back together.
 */
export interface CalendarChange {
  year: number;
  versionId: string;
  calendar: WorkingCalendar;
}

export type CalendarChangeHook = (ctx: OpContext, change: CalendarChange) => Promise<number>;

const hooks: { name: string; run: CalendarChangeHook }[] = [];

export function onCalendarChange(name: string, run: CalendarChangeHook): void {
  if (!hooks.some((h) => h.name === name)) hooks.push({ name, run });
}

export async function runCalendarHooks(
  ctx: OpContext,
  change: CalendarChange,
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const h of hooks) moved[h.name] = await h.run(ctx, change);
  return moved;
}

/** The visible note on a deadline a calendar change moved: old date → new date, which change, when. */
export async function recordDeadlineChange(
  ctx: OpContext,
  input: {
    subjectType: string;
    subjectId: string;
    oldDate: string;
    newDate: string;
    calendarVersionId: string;
  },
): Promise<void> {
  await ctx.db
    .insertInto('deadline_changes')
    .values({
      tenant_id: ctx.actor.tenantId,
      id: newId(ctx.now.getTime()),
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      old_date: input.oldDate,
      new_date: input.newDate,
      calendar_version_id: input.calendarVersionId,
      changed_at: ctx.now.toISOString(),
    })
    .execute();
}

/** Notes for one deadline subject, newest first, with the calendar version that caused each. */
export async function deadlineChangesOf(
  ctx: Pick<OpContext, 'db' | 'actor'>,
  subjectType: string,
  subjectId: string,
) {
  return ctx.db
    .selectFrom('deadline_changes as d')
    .innerJoin('calendar_versions as v', (j) =>
      j.onRef('v.tenant_id', '=', 'd.tenant_id').onRef('v.id', '=', 'd.calendar_version_id'),
    )
    .select(['d.old_date', 'd.new_date', 'd.changed_at', 'v.year', 'v.version', 'v.source'])
    .where('d.tenant_id', '=', ctx.actor.tenantId)
    .where('d.subject_type', '=', subjectType)
    .where('d.subject_id', '=', subjectId)
    .orderBy('d.changed_at', 'desc')
    .execute();
}

export interface DeadlineNote {
  oldDate: string;
  newDate: string;
  changedAt: string;
  year: number;
  version: number;
}

/** Notes for many subjects at once (one query), grouped by subject id, newest first. */
export async function deadlineNotesFor(
  db: OpContext['db'],
  tenantId: string,
  subjectType: string,
  subjectIds: string[],
): Promise<Map<string, DeadlineNote[]>> {
  const out = new Map<string, DeadlineNote[]>();
  if (subjectIds.length === 0) return out;
  const rows = await db
    .selectFrom('deadline_changes as d')
    .innerJoin('calendar_versions as v', (j) =>
      j.onRef('v.tenant_id', '=', 'd.tenant_id').onRef('v.id', '=', 'd.calendar_version_id'),
    )
    .select(['d.subject_id', 'd.old_date', 'd.new_date', 'd.changed_at', 'v.year', 'v.version'])
    .where('d.tenant_id', '=', tenantId)
    .where('d.subject_type', '=', subjectType)
    .where('d.subject_id', 'in', subjectIds)
    .orderBy('d.changed_at', 'desc')
    .execute();
  for (const r of rows) {
    const list = out.get(r.subject_id) ?? [];
    list.push({
      oldDate: r.old_date,
      newDate: r.new_date,
      changedAt: r.changed_at,
      year: r.year,
      version: r.version,
    });
    out.set(r.subject_id, list);
  }
  return out;
}
