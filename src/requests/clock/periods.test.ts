import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedCalendar } from '../../calendar/calendar.ts';
import { AppError } from '../../lib/errors.ts';
import {
  annualReportDue,
  consultationPause,
  consultationReplyDue,
  deadlineStatus,
  extendDeadline,
  feePaymentDue,
  supplementNoticeDue,
} from './index.ts';

const cal = shippedCalendar();
const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;

test('补正 notice: 7 working days after receipt (A3, B8)', () => {
  assert.deepEqual(supplementNoticeDue(cal, '2025-09-26'), { date: '2025-10-13', provisional: false });
  assert.deepEqual(supplementNoticeDue(cal, '2026-04-30'), { date: '2026-05-13', provisional: false });
  assert.throws(() => supplementNoticeDue(cal, '2026-4-30'), code('requests.clock.bad_date'));
});

test('consultation reply window: 15 working days after the letter’s receipt', () => {
  // Sun 09-28 [1], 29–30 [3], Oct 1–8 off, 9–10 [5], Sat 10-11 [6], 13–17 [11], 20–23 [15]
  assert.deepEqual(consultationReplyDue(cal, '2025-09-26'), { date: '2025-10-23', provisional: false });
  assert.equal(consultationReplyDue(cal, '2026-12-20').provisional, true);
});

test('consultation pause ends with the reply or with the window, whichever is first', () => {
  assert.deepEqual(consultationPause(cal, '2025-09-26', '2025-10-09'), {
    start: '2025-09-26',
    end: '2025-10-09',
    endedBy: 'reply',
    provisional: false,
  });
  assert.equal(consultationPause(cal, '2025-09-26', '2025-10-23').endedBy, 'reply');
  assert.deepEqual(consultationPause(cal, '2025-09-26', '2025-10-24'), {
    start: '2025-09-26',
    end: '2025-10-23',
    endedBy: 'window',
    provisional: false,
  });
  assert.equal(consultationPause(cal, '2025-09-26').end, '2025-10-23');
  assert.throws(
    () => consultationPause(cal, '2025-09-26', '2025-09-25'),
    code('requests.clock.pause_reversed'),
  );
});

test('fee payment window: 20 working days after the notice (B7)', () => {
  assert.deepEqual(feePaymentDue(cal, '2026-06-15'), { date: '2026-07-14', provisional: false });
});

test('extendDeadline: 1..20 working days', () => {
  assert.deepEqual(extendDeadline(cal, '2025-02-06', 20), { date: '2025-03-05', provisional: false });
  assert.throws(() => extendDeadline(cal, '2025-02-06', 21), code('requests.clock.bad_extension'));
  assert.throws(() => extendDeadline(cal, '2025-02-06', 0), code('requests.clock.bad_extension'));
});

test('annual reports: fixed dates, no weekend roll-forward (D1, D2)', () => {
  assert.deepEqual(annualReportDue(2025), { department: '2026-01-31', government: '2026-03-31' });
  assert.deepEqual(annualReportDue(2026), { department: '2027-01-31', government: '2027-03-31' });
  assert.throws(() => annualReportDue(20.5), code('requests.clock.bad_year'));
});

test('deadlineStatus: running, approaching (3 working days before), due today, overdue', () => {
  const due = '2025-02-06'; // Thu, after the 2025 Spring Festival
  assert.deepEqual(deadlineStatus(cal, due, '2025-01-24'), {
    stage: 'running',
    workingDaysLeft: 4, // Sun 01-26 (make-up), Mon 01-27, 02-05, 02-06
    workingDaysOverdue: 0,
    provisional: false,
  });
  assert.equal(deadlineStatus(cal, due, '2025-01-27').stage, 'approaching');
  assert.equal(deadlineStatus(cal, due, '2025-01-27').workingDaysLeft, 2);
  assert.equal(deadlineStatus(cal, due, '2025-02-03').workingDaysLeft, 2); // inside the holiday
  assert.equal(deadlineStatus(cal, due, '2025-02-05').workingDaysLeft, 1);
  assert.deepEqual(deadlineStatus(cal, due, due), {
    stage: 'due_today',
    workingDaysLeft: 0,
    workingDaysOverdue: 0,
    provisional: false,
  });
  assert.deepEqual(deadlineStatus(cal, due, '2025-02-09'), {
    stage: 'overdue',
    workingDaysLeft: -2, // Fri 02-07 and the make-up Sat 02-08
    workingDaysOverdue: 2,
    provisional: false,
  });
  // Overdue on the weekend right after a Friday deadline: no working day missed yet, still overdue.
  const weekend = deadlineStatus(cal, '2025-03-07', '2025-03-08');
  assert.equal(weekend.stage, 'overdue');
  assert.ok(Object.is(weekend.workingDaysLeft, 0));
  assert.ok(Object.is(weekend.workingDaysOverdue, 0));
  assert.equal(deadlineStatus(cal, '2027-01-13', '2026-12-20').provisional, true);
});
