/**
 * The deadline engine of 依申请公开 (regulations.md §1.6). Pure: give it a WorkingCalendar (the
 * tenant's, from loadCalendar) and dates; it never reads the clock or the database.
 */
export { explainClock } from './explain.ts';
export {
  annualReportDue,
  CONSULTATION_REPLY_WORKING_DAYS,
  type ConsultationPause,
  consultationPause,
  consultationReplyDue,
  type DeadlineStage,
  type DeadlineStatus,
  deadlineStatus,
  extendDeadline,
  FEE_PAYMENT_WORKING_DAYS,
  feePaymentDue,
  MAX_EXTENSION_WORKING_DAYS,
  REMINDER_LEAD_WORKING_DAYS,
  REPLY_WORKING_DAYS,
  SUPPLEMENT_NOTICE_WORKING_DAYS,
  supplementNoticeDue,
} from './periods.ts';
export {
  type ClockInput,
  type ClockPause,
  type ClockResult,
  type ClockStep,
  computeReplyDeadline,
  type PauseEffect,
  type PauseKind,
} from './reply-deadline.ts';
