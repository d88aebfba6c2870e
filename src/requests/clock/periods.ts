import type { DateResult, WorkingCalendar } from '../../calendar/calendar.ts';
import { isValidDate } from '../../calendar/dates.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * The fixed periods of 依申请公开 (regulations.md §1.3, §1.5) and the small computations the
 * request workflow needs besides the reply deadline. All counts follow §1.6: the start day is
 * day 0 and never counted; the result is the n-th working day after it.
 */

/** Art. 33(2): reply within 20 working days of receipt. */
export const REPLY_WORKING_DAYS = 20;
/** Art. 33(2): one extension of at most 20 working days. */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** Art. 30: the single 补正 notice goes out within 7 working days of receipt. */
export const SUPPLEMENT_NOTICE_WORKING_DAYS = 7;
/** Arts. 32 and 34: the third party / co-producing organ answers within 15 working days. */
export const CONSULTATION_REPLY_WORKING_DAYS = 15;
/** 国办函〔2020〕109号: the fee is paid within 20 working days from the day after the notice arrives. */
export const FEE_PAYMENT_WORKING_DAYS = 20;
/** Reminders go out this many working days before a deadline, on the day, and when overdue. */
export const REMINDER_LEAD_WORKING_DAYS = 3;

export function clockError(code: string, params: Record<string, string | number>): AppError {
  return new AppError(code, { status: 422, params });
}

/** Throws requests.clock.bad_date (naming the field) unless value is a real 'YYYY-MM-DD' date. */
export function checkDate(field: string, value: unknown): asserts value is string {
  if (!isValidDate(value)) throw clockError('requests.clock.bad_date', { field, value: String(value) });
}

/** Art. 30: the last day to send the 补正 notice, 7 working days after receipt. */
export function supplementNoticeDue(cal: WorkingCalendar, received: string): DateResult {
  checkDate('received', received);
  return cal.addWorkingDays(received, SUPPLEMENT_NOTICE_WORKING_DAYS);
}

/**
 * Arts. 32 / 34: the last day of the third party's (or co-producing organ's) reply window, 15
 * working days after it received the consultation letter. After it, silence counts (Art. 34:
 * as consent) and the pause ends.
 */
export function consultationReplyDue(cal: WorkingCalendar, letterReceived: string): DateResult {
  checkDate('letterReceived', letterReceived);
  return cal.addWorkingDays(letterReceived, CONSULTATION_REPLY_WORKING_DAYS);
}

export interface ConsultationPause {
  start: string;
  end: string;
  /** 'reply' when the opinion arrived within the window, 'window' when the window ran out. */
  endedBy: 'reply' | 'window';
  provisional: boolean;
}

/**
 * §1.6: a consultation pauses the clock from the letter's receipt to the earlier of the reply's
 * receipt and the 15-working-day window's end. Pass `replyReceived` once there is one; without
 * it the pause ends with the window (what the deadline is if the third party stays silent).
 */
export function consultationPause(
  cal: WorkingCalendar,
  letterReceived: string,
  replyReceived?: string,
): ConsultationPause {
  const window = consultationReplyDue(cal, letterReceived);
  if (replyReceived !== undefined) {
    checkDate('replyReceived', replyReceived);
    if (replyReceived < letterReceived) {
      throw clockError('requests.clock.pause_reversed', {
        index: 1,
        start: letterReceived,
        end: replyReceived,
      });
    }
    if (replyReceived <= window.date) {
      return { start: letterReceived, end: replyReceived, endedBy: 'reply', provisional: window.provisional };
    }
  }
  return { start: letterReceived, end: window.date, endedBy: 'window', provisional: window.provisional };
}

/** 国办函〔2020〕109号: last day to pay the 信息处理费, 20 working days after the notice's receipt. */
export function feePaymentDue(cal: WorkingCalendar, noticeReceived: string): DateResult {
  checkDate('noticeReceived', noticeReceived);
  return cal.addWorkingDays(noticeReceived, FEE_PAYMENT_WORKING_DAYS);
}

/** Art. 33(2): the extended deadline, `days` (1..20) working days after the original one. */
export function extendDeadline(cal: WorkingCalendar, originalDue: string, days: number): DateResult {
  checkDate('originalDue', originalDue);
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_WORKING_DAYS) {
    throw clockError('requests.clock.bad_extension', {
      value: String(days),
      max: MAX_EXTENSION_WORKING_DAYS,
    });
  }
  return cal.addWorkingDays(originalDue, days);
}

/**
 * Art. 49: annual reports are due on fixed calendar dates of the following year, with no
 * weekend roll-forward (regulations.md §1.6, §8.7): departments by 1月31日, the government's own
 * report by 3月31日.
 */
export function annualReportDue(reportYear: number): { department: string; government: string } {
  if (!Number.isInteger(reportYear) || reportYear < 1900 || reportYear > 2198) {
    throw clockError('requests.clock.bad_year', { value: String(reportYear) });
  }
  return { department: `${reportYear + 1}-01-31`, government: `${reportYear + 1}-03-31` };
}

/**
 * running: more than 3 working days left; approaching: 1–3 left (the reminder); due_today: the
 * deadline is today; overdue: the deadline has passed.
 */
export type DeadlineStage = 'running' | 'approaching' | 'due_today' | 'overdue';

export interface DeadlineStatus {
  stage: DeadlineStage;
  /** Working days in (today, due] before the deadline; 0 on the day; −(working days in (due, today]) after. */
  workingDaysLeft: number;
  /** Working days past the deadline (0 before and on the day; may be 0 on the weekend right after it). */
  workingDaysOverdue: number;
  provisional: boolean;
}

/** Where a request stands against its deadline on `today`: what reminders and the overdue list read. */
export function deadlineStatus(cal: WorkingCalendar, due: string, today: string): DeadlineStatus {
  checkDate('due', due);
  checkDate('today', today);
  const r = cal.workingDaysBetween(today, due);
  if (today > due) {
    // `|| 0` turns the −0 of "no working day since the deadline" (a weekend) into 0.
    const overdue = -r.days || 0;
    return {
      stage: 'overdue',
      workingDaysLeft: -overdue || 0,
      workingDaysOverdue: overdue,
      provisional: r.provisional,
    };
  }
  const stage: DeadlineStage =
    today === due ? 'due_today' : r.days <= REMINDER_LEAD_WORKING_DAYS ? 'approaching' : 'running';
  return { stage, workingDaysLeft: r.days, workingDaysOverdue: 0, provisional: r.provisional };
}
