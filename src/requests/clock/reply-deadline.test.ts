import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedCalendar, WorkingCalendar } from '../../calendar/calendar.ts';
import { hasMessage } from '../../i18n/index.ts';
import { AppError } from '../../lib/errors.ts';
import { type ClockInput, computeReplyDeadline } from './index.ts';

const cal = shippedCalendar();
const due = (input: ClockInput) => computeReplyDeadline(cal, input).due;
const add = (d: string, n: number) => cal.addWorkingDays(d, n).date;
const used = (from: string, to: string) => cal.workingDaysBetween(from, to).days;

test('plain request: 20 working days after the received date', () => {
  const r = computeReplyDeadline(cal, { received: '2025-01-02' });
  assert.deepEqual(r, {
    due: '2025-02-06',
    provisional: false,
    start: '2025-01-02',
    workingDaysCounted: 20,
    steps: [
      { kind: 'received', date: '2025-01-02' },
      { kind: 'due', date: '2025-02-06' },
    ],
  });
});

test('pause: used = working days in (received, pauseStart]; due = addWorkingDays(pauseEnd, 20 − used)', () => {
  // (01-02, 01-10] = Jan 3, 6–10: 6 used, the start day included; 14 left after Mon 01-20.
  assert.equal(used('2025-01-02', '2025-01-10'), 6);
  const r = computeReplyDeadline(cal, {
    received: '2025-01-02',
    pauses: [{ start: '2025-01-10', end: '2025-01-20', kind: 'third_party' }],
  });
  // Jan 21–24 [4], Sun 26 make-up [5], 27 [6], Jan 28–Feb 4 off, Feb 5–7 [9], Sat 8 [10], 10–13 [14]
  assert.equal(r.due, '2025-02-13');
  assert.equal(r.due, add('2025-01-20', 14));
  assert.deepEqual(r.steps[1], {
    kind: 'pause',
    date: '2025-01-10',
    from: '2025-01-10',
    to: '2025-01-20',
    pauseKind: 'third_party',
    days: 6,
    remaining: 14,
    effect: 'counted',
  });
  assert.equal(r.workingDaysCounted, 20);
});

test('pause starting on the received day uses nothing; one starting on a weekend counts up to it', () => {
  assert.equal(
    due({ received: '2025-03-03', pauses: [{ start: '2025-03-03', end: '2025-03-12' }] }),
    add('2025-03-12', 20),
  );
  // Sat 03-08: (Mon 03-03, Sat 03-08] holds Tue–Fri = 4 working days.
  assert.equal(
    due({ received: '2025-03-03', pauses: [{ start: '2025-03-08', end: '2025-03-12' }] }),
    add('2025-03-12', 16),
  );
});

test('restart (补正): 20 working days from the supplement, the original receipt is irrelevant', () => {
  assert.equal(due({ received: '2025-09-26', supplementReceived: '2025-10-20' }), '2025-11-17');
  assert.equal(due({ received: '2025-10-20', supplementReceived: '2025-10-20' }), '2025-11-17');
  const r = computeReplyDeadline(cal, { received: '2025-09-26', supplementReceived: '2025-10-20' });
  assert.equal(r.start, '2025-10-20');
  assert.deepEqual(r.steps[1], { kind: 'restart', date: '2025-10-20', from: '2025-09-26', days: 20 });
});

test('extension: addWorkingDays(deadline, k), the extended deadline in the steps', () => {
  const r = computeReplyDeadline(cal, { received: '2025-01-02', extendDays: 20 });
  assert.equal(r.due, '2025-03-05');
  assert.equal(r.workingDaysCounted, 40);
  assert.deepEqual(r.steps.slice(1), [
    { kind: 'extend', date: '2025-02-06', from: '2025-02-06', to: '2025-03-05', days: 20 },
    { kind: 'due', date: '2025-03-05', baseDue: '2025-02-06' },
  ]);
  assert.equal(due({ received: '2025-01-02', extendDays: 1 }), '2025-02-07');
});

test('restart + pause + extension are cumulative', () => {
  // Supplement Mon 10-20; letter received Mon 10-27: (10-20, 10-27] = 5 used, 15 left after 11-07.
  const r = computeReplyDeadline(cal, {
    received: '2025-09-26',
    supplementReceived: '2025-10-20',
    pauses: [{ start: '2025-10-27', end: '2025-11-07', kind: 'co_producer' }],
    extendDays: 10,
  });
  assert.equal(add('2025-11-07', 15), '2025-11-28');
  assert.equal(r.due, '2025-12-12');
  assert.equal(r.due, add(add('2025-11-07', 20 - used('2025-10-20', '2025-10-27')), 10));
  assert.deepEqual(
    r.steps.map((s) => s.kind),
    ['received', 'restart', 'pause', 'extend', 'due'],
  );
  assert.equal(r.workingDaysCounted, 30);
});

test('two separate pauses: each start day is used, counting resumes the day after each end', () => {
  const r = computeReplyDeadline(cal, {
    received: '2025-03-03',
    pauses: [
      { start: '2025-03-20', end: '2025-03-28', kind: 'fee' },
      { start: '2025-03-05', end: '2025-03-10', kind: 'third_party' },
    ],
  });
  const first = used('2025-03-03', '2025-03-05'); // 2
  const second = used('2025-03-10', '2025-03-20'); // 8
  assert.equal(r.due, add('2025-03-28', 20 - first - second));
  const pauses = r.steps.filter((s) => s.kind === 'pause');
  assert.deepEqual(
    pauses.map((s) => [s.from, s.days, s.remaining]),
    [
      ['2025-03-05', 2, 18],
      ['2025-03-20', 10, 10],
    ],
  );
});

test('overlapping pauses merge into their union; touching ones stay apart', () => {
  const union = due({ received: '2025-03-03', pauses: [{ start: '2025-03-05', end: '2025-03-14' }] });
  const overlapping = computeReplyDeadline(cal, {
    received: '2025-03-03',
    pauses: [
      { start: '2025-03-10', end: '2025-03-14', kind: 'co_producer' },
      { start: '2025-03-05', end: '2025-03-10', kind: 'third_party' },
      { start: '2025-03-06', end: '2025-03-07', kind: 'third_party' },
    ],
  });
  assert.equal(overlapping.due, union);
  const step = overlapping.steps[1];
  assert.equal(step.merged, 3);
  assert.deepEqual(step.pauseKinds, ['third_party', 'co_producer']);
  // Touching: 03-05..03-10 then 03-11..03-14; Tue 03-11 is a used working day.
  const touching = due({
    received: '2025-03-03',
    pauses: [
      { start: '2025-03-05', end: '2025-03-10' },
      { start: '2025-03-11', end: '2025-03-14' },
    ],
  });
  assert.equal(touching, add('2025-03-14', 20 - 2 - 1));
  assert.ok(touching < union);
});

test('a pause that begins after the deadline has passed does not revive it', () => {
  const r = computeReplyDeadline(cal, {
    received: '2025-01-02',
    pauses: [{ start: '2025-02-07', end: '2025-02-20', kind: 'third_party' }],
  });
  assert.equal(r.due, '2025-02-06');
  assert.equal(r.steps[1].effect, 'after_due');
  assert.equal(r.steps[1].days, undefined);
});

test('a pause inside the extension counts: the extension is placed before it', () => {
  const r = computeReplyDeadline(cal, {
    received: '2025-01-02',
    pauses: [{ start: '2025-02-10', end: '2025-02-20' }],
    extendDays: 20,
  });
  // 20 + (02-06, 02-10] = 23 used of 40; 17 left after 02-20.
  assert.equal(used('2025-02-06', '2025-02-10'), 3);
  assert.equal(r.due, add('2025-02-20', 17));
  assert.deepEqual(
    r.steps.map((s) => s.kind),
    ['received', 'extend', 'pause', 'due'],
  );
  assert.equal(r.steps[2].days, 23);
  assert.equal(r.steps.at(-1)?.baseDue, undefined);
  assert.equal(r.workingDaysCounted, 40);
});

test('a pause that begins on the due day ends the period with the pause, on a working day', () => {
  // Due Thu 2025-02-06. Ending on Sat 02-08 (a make-up workday): due that day.
  const atEnd = computeReplyDeadline(cal, {
    received: '2025-01-02',
    pauses: [{ start: '2025-02-06', end: '2025-02-08' }],
  });
  assert.equal(atEnd.due, '2025-02-08');
  assert.equal(atEnd.steps[1].remaining, 0);
  assert.equal(atEnd.steps[1].rolledForward, undefined);
  // Ending on Sun 02-09: rolled forward to Mon 02-10 (民法典 Art. 203).
  const rolled = computeReplyDeadline(cal, {
    received: '2025-01-02',
    pauses: [{ start: '2025-02-06', end: '2025-02-09' }],
  });
  assert.equal(rolled.due, '2025-02-10');
  assert.equal(rolled.steps[1].rolledForward, true);
  assert.equal(rolled.workingDaysCounted, 21);
});

test('pauses and the 补正 restart: one ended before it is ignored, one across it stops the fresh clock', () => {
  const before = computeReplyDeadline(cal, {
    received: '2025-03-03',
    supplementReceived: '2025-03-12',
    pauses: [{ start: '2025-03-04', end: '2025-03-07' }],
  });
  assert.equal(before.due, add('2025-03-12', 20));
  assert.equal(before.steps.find((s) => s.kind === 'pause')?.effect, 'before_restart');
  const across = computeReplyDeadline(cal, {
    received: '2025-03-03',
    supplementReceived: '2025-03-12',
    pauses: [{ start: '2025-03-10', end: '2025-03-17' }],
  });
  assert.equal(across.due, add('2025-03-17', 20));
});

test('provisional exactly when a counted day lies in a year without an arrangement', () => {
  assert.equal(computeReplyDeadline(cal, { received: '2026-12-15' }).provisional, true);
  assert.equal(computeReplyDeadline(cal, { received: '2026-11-02' }).provisional, false);
  const intoGap = computeReplyDeadline(cal, {
    received: '2026-11-02',
    pauses: [{ start: '2026-11-10', end: '2027-01-20' }],
  });
  assert.equal(intoGap.provisional, true);
  // With 2028 known but 2027 not, a pause covering all of 2027 counts no 2027 day.
  const cal2028 = WorkingCalendar.withShipped([{ year: 2028, holidays: ['2028-01-03'], makeupWorkdays: [] }]);
  const over = computeReplyDeadline(cal2028, {
    received: '2026-12-01',
    pauses: [{ start: '2026-12-10', end: '2027-12-31' }],
  });
  assert.equal(over.provisional, false);
  assert.equal(over.due, cal2028.addWorkingDays('2027-12-31', 20 - 7).date);
  const partly = computeReplyDeadline(cal2028, {
    received: '2026-12-01',
    pauses: [{ start: '2026-12-10', end: '2027-12-20' }],
  });
  assert.equal(partly.provisional, true);
});

function assertClockError(input: unknown, code: string, params?: Record<string, string | number>) {
  assert.throws(
    () => computeReplyDeadline(cal, input as ClockInput),
    (e: unknown) => {
      assert.ok(e instanceof AppError, String(e));
      assert.equal(e.code, code);
      assert.equal(e.status, 422);
      assert.ok(hasMessage(code), `no zh-CN message for ${code}`);
      if (params) assert.deepEqual(e.params, params);
      return true;
    },
  );
}

test('invalid input is refused with stable codes', () => {
  assertClockError({ received: '2025-02-30' }, 'requests.clock.bad_date', {
    field: 'received',
    value: '2025-02-30',
  });
  assertClockError({ received: '2025-1-2' }, 'requests.clock.bad_date');
  assertClockError({}, 'requests.clock.bad_date', { field: 'received', value: 'undefined' });
  assertClockError({ received: '2025-01-02', supplementReceived: 'x' }, 'requests.clock.bad_date');
  assertClockError(
    { received: '2025-01-02', supplementReceived: '2025-01-01' },
    'requests.clock.supplement_before_received',
    {
      received: '2025-01-02',
      supplementReceived: '2025-01-01',
    },
  );
  assertClockError(
    { received: '2025-01-02', pauses: [{ start: '2025-01-09', end: '2025-01-08' }] },
    'requests.clock.pause_reversed',
    {
      index: 1,
      start: '2025-01-09',
      end: '2025-01-08',
    },
  );
  assertClockError(
    { received: '2025-01-02', pauses: [{ start: '2025-01-01', end: '2025-01-08' }] },
    'requests.clock.pause_before_received',
  );
  assertClockError(
    { received: '2025-01-02', pauses: [{ start: '2025-01-03', end: '2025-13-01' }] },
    'requests.clock.bad_date',
    {
      field: 'pauses[0].end',
      value: '2025-13-01',
    },
  );
  for (const extendDays of [0, 21, 1.5, -1, Number.NaN, '5']) {
    assertClockError({ received: '2025-01-02', extendDays }, 'requests.clock.bad_extension');
  }
});
