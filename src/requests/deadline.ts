import type { WorkingCalendar } from '../calendar/calendar.ts';
import type { RequestConsultationsTable, RequestsTable } from '../db/types.ts';
import { type ClockPause, type ClockResult, computeReplyDeadline } from './clock/reply-deadline.ts';

export interface RequestDeadline extends ClockResult {
  /** The clock is stopped today (an open consultation or fee window, or a 补正 pending). */
  paused: boolean;
}

type ClockFields = Pick<
  RequestsTable,
  | 'state'
  | 'received_on'
  | 'supplement_received_on'
  | 'fee_notice_on'
  | 'fee_due_on'
  | 'fee_paid_on'
  | 'extension_days'
  | 'closed_on'
>;
type Consultation = Pick<RequestConsultationsTable, 'kind' | 'sent_on' | 'expires_on' | 'ended_on'>;

/**
 * The reply deadline as of `today`, recomputed from the request's records through the engine
 * (src/requests/clock/): received date, the 补正 restart, consultations (pause from the letter to
 * the reply or the 15-working-day window's end) and the fee window (notice → payment), the one
 * extension. An open pause is counted up to today (or its window's end, whichever is first): the
 * shown date moves on while the clock is stopped. Null before the request is received.
 */
export function deadlineOf(
  cal: WorkingCalendar,
  r: ClockFields,
  consultations: readonly Consultation[],
  today: string,
): RequestDeadline | null {
  if (!r.received_on) return null;
  // Open pauses end today at the latest; a finished request's open ones end on its closing day.
  const openEnd = (start: string, limit: string) => {
    const until = r.closed_on ?? today;
    const e = until < limit ? until : limit;
    return e < start ? start : e;
  };
  let paused = r.state === 'supplement_pending';
  const pauses: ClockPause[] = [];
  for (const c of consultations) {
    if (c.sent_on < r.received_on) continue;
    const end = c.ended_on ?? openEnd(c.sent_on, c.expires_on);
    if (!c.ended_on && !r.closed_on && today <= c.expires_on) paused = true;
    pauses.push({ start: c.sent_on, end, kind: c.kind });
  }
  if (r.fee_notice_on && r.fee_notice_on >= r.received_on) {
    const end = r.fee_paid_on ?? openEnd(r.fee_notice_on, r.fee_due_on ?? r.fee_notice_on);
    if (!r.fee_paid_on && r.state === 'fee_pending') paused = true;
    pauses.push({ start: r.fee_notice_on, end, kind: 'fee' });
  }
  const result = computeReplyDeadline(cal, {
    received: r.received_on,
    supplementReceived: r.supplement_received_on ?? undefined,
    pauses,
    extendDays: r.extension_days ?? undefined,
  });
  return { ...result, paused };
}
