import type { WorkingCalendar } from '../calendar/calendar.ts';
import { formatDay, parseDate } from '../calendar/dates.ts';

/**
 * Status of an obligation (pure). Conventions, the same here and in the SQL of queries.ts:
 *
 * - fulfilled / fulfilled_late first: a disclosure (or a manual record) on or before the due date is
 *   on time (已按时公开), after it late (逾期后公开) — even if the entry was later claimed not applicable;
 * - not_applicable (不适用): the unit has a live claim (claimed or accepted) on the entry;
 * - overdue (已逾期): today > due_date (the due date is a whole day, regulations.md §1.6);
 * - due_soon (即将到期): today ≤ due_date ≤ dueSoonCutoff, the dueSoonDays-th working day after today
 *   (addWorkingDays(today, dueSoonDays)); with the default 3 the due date is today or one of the
 *   next 3 working days. Equivalently: 0..dueSoonDays working days left;
 * - upcoming (未到期): anything later.
 */
export type ObligationStatus =
  | 'upcoming'
  | 'due_soon'
  | 'overdue'
  | 'fulfilled'
  | 'fulfilled_late'
  | 'not_applicable';

export const STATUSES: readonly ObligationStatus[] = [
  'overdue',
  'due_soon',
  'upcoming',
  'fulfilled',
  'fulfilled_late',
  'not_applicable',
];

export interface StatusInput {
  due_date: string;
  fulfilled_on: string | null;
  notApplicable: boolean;
}

/** The last due date that counts as "due soon" today. */
export function dueSoonCutoff(today: string, calendar: WorkingCalendar, dueSoonDays: number): string {
  return calendar.addWorkingDays(today, dueSoonDays).date;
}

export function statusAt(o: StatusInput, today: string, cutoff: string): ObligationStatus {
  if (o.fulfilled_on) return o.fulfilled_on <= o.due_date ? 'fulfilled' : 'fulfilled_late';
  if (o.notApplicable) return 'not_applicable';
  if (o.due_date < today) return 'overdue';
  if (o.due_date <= cutoff) return 'due_soon';
  return 'upcoming';
}

export function obligationStatus(
  o: StatusInput,
  today: string,
  calendar: WorkingCalendar,
  dueSoonDays: number,
): ObligationStatus {
  return statusAt(o, today, dueSoonCutoff(today, calendar, dueSoonDays));
}

/**
 * Escalation threshold: an open obligation is overdue by at least k working days (working days in
 * (due_date, today] ≥ k) exactly when due_date < the returned date — the k-th working day counting
 * back from today, today included. k = 0 gives today (every overdue obligation).
 */
export function overdueByCutoff(today: string, calendar: WorkingCalendar, k: number): string {
  let day = parseDate(today);
  let left = k;
  while (left > 0) {
    if (calendar.isWorkingDay(formatDay(day))) left -= 1;
    if (left > 0) day -= 1;
  }
  return formatDay(day);
}

/** Working days overdue (0 when not overdue). */
export function workingDaysOverdue(dueDate: string, today: string, calendar: WorkingCalendar): number {
  return dueDate < today ? calendar.workingDaysBetween(dueDate, today).days : 0;
}
