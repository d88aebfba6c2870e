import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readReference } from '../../test/helpers/reference.ts';
import { AppError } from '../lib/errors.ts';
import { shippedCalendar, WorkingCalendar, type YearArrangement } from './calendar.ts';

const _repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cal = shippedCalendar();

function assertCode(fn: () => unknown, code: string) {
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === code, `expected ${code}`);
}

interface Vector {
  id: string;
  input: Record<string, unknown>;
  expected: string;
}

// Inputs that are "start date + n working days" (§7); any other shape is not plain arithmetic.
const START_KEYS = ['received', 'originalDeadline', 'supplementReceived', 'formed', 'feeNoticeReceived'];
const EXPECTED_RE = /^(\d{4}-\d{2}-\d{2})( \(PROVISIONAL\))?$/;

function plainShape(v: Vector): { start: string; n: number; date: string; provisional: boolean } | null {
  const keys = Object.keys(v.input);
  const startKey = keys.find((k) => START_KEYS.includes(k));
  const m = EXPECTED_RE.exec(v.expected);
  if (keys.length !== 2 || !startKey || typeof v.input.n !== 'number' || !m) return null;
  return { start: String(v.input[startKey]), n: v.input.n, date: m[1], provisional: m[2] !== undefined };
}

test('deadline-vectors.json: every plain working-day vector passes; other shapes are listed', (t) => {
  const { vectors } = readReference('deadline-vectors.json') as { vectors: Vector[] };
  const excluded: string[] = [];
  let ran = 0;
  for (const v of vectors) {
    const plain = plainShape(v);
    if (!plain) {
      excluded.push(v.id);
      continue;
    }
    const got = cal.addWorkingDays(plain.start, plain.n);
    assert.deepEqual(got, { date: plain.date, provisional: plain.provisional }, `vector ${v.id}`);
    // The inverse must hold too: the deadline is exactly n working days after the start.
    assert.equal(cal.workingDaysBetween(plain.start, got.date).days, plain.n, `vector ${v.id} inverse`);
    ran += 1;
  }
  t.diagnostic(`ran ${ran} plain vectors; excluded (not start + n): ${excluded.join(', ') || 'none'}`);
  assert.ok(ran > 0, 'no plain vectors found: the vector file changed shape');
  assert.equal(ran + excluded.length, vectors.length);
});

test('addWorkingDays: day 0 is the start, n = 0 returns it, make-up days count, holidays do not', () => {
  assert.deepEqual(cal.addWorkingDays('2025-10-01', 0), { date: '2025-10-01', provisional: false });
  assert.equal(cal.addWorkingDays('2025-01-02', 1).date, '2025-01-03');
  // Start inside a holiday block: the first working day after it is 10-09.
  assert.equal(cal.addWorkingDays('2025-10-01', 1).date, '2025-10-09');
  // Sat 2025-01-25 → Sun 01-26 is a make-up workday.
  assert.equal(cal.addWorkingDays('2025-01-25', 1).date, '2025-01-26');
  // 2020 extension: Fri 01-31 and Sat 02-01 are off, work resumes Mon 02-03.
  assert.equal(cal.addWorkingDays('2020-01-23', 1).date, '2020-02-03');
});

test('workingDaysBetween counts (a, b]: the pause rule used = WD in (received, pauseStart]', () => {
  // A1 counting: the make-up Sunday 2025-01-26 is working day #17 after 2025-01-02.
  assert.deepEqual(cal.workingDaysBetween('2025-01-02', '2025-01-26'), { days: 17, provisional: false });
  assert.equal(cal.workingDaysBetween('2025-01-02', '2025-01-25').days, 16);
  assert.equal(cal.workingDaysBetween('2025-01-02', '2025-01-02').days, 0);
  // A pause starting on a holiday uses no extra day.
  assert.equal(cal.workingDaysBetween('2025-09-30', '2025-10-08').days, 0);
  assert.equal(cal.workingDaysBetween('2025-01-26', '2025-01-02').days, -17);
});

test('invariant: workingDaysBetween inverts addWorkingDays across all shipped years', () => {
  for (let i = 0; i < 2557; i += 5) {
    const start = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    for (const n of [0, 1, 7, 15, 20]) {
      const end = cal.addWorkingDays(start, n);
      if (end.provisional) continue;
      assert.equal(cal.workingDaysBetween(start, end.date).days, n, `${start} + ${n}`);
      if (n > 0) assert.equal(cal.isWorkingDay(end.date), true, `${start} + ${n} lands on a working day`);
    }
  }
});

test('2027 has no data: answers are provisional, with fixed-date statutory days off only', () => {
  assert.deepEqual(cal.dayInfo('2027-01-01'), {
    date: '2027-01-01',
    working: false,
    kind: 'holiday',
    provisional: true,
  });
  assert.equal(cal.dayInfo('2027-01-04').working, true);
  assert.equal(cal.dayInfo('2027-01-04').provisional, true);
  for (const d of ['2027-10-01', '2027-10-02', '2027-10-03']) assert.equal(cal.isWorkingDay(d), false, d);
  // 劳动节 2027 falls on Sat/Sun; Art. 6 substitute days are not guessed, so Mon 05-03 stays working.
  assert.equal(cal.isWorkingDay('2027-05-03'), true);
  // Lunar holidays are not computed: 2027 春节 (Feb 6) falls on a weekend anyway, Feb 8 is a Monday.
  assert.deepEqual(cal.dayInfo('2027-02-08'), {
    date: '2027-02-08',
    working: true,
    kind: 'workday',
    provisional: true,
  });
  // C2: crossing into 2027 flags the result.
  assert.deepEqual(cal.addWorkingDays('2026-12-15', 20), { date: '2027-01-13', provisional: true });
  assert.deepEqual(cal.addWorkingDays('2026-12-15', 11), { date: '2026-12-30', provisional: false });
  assert.equal(cal.workingDaysBetween('2026-12-15', '2027-01-13').provisional, true);
  assert.equal(cal.workingDaysBetween('2026-12-15', '2026-12-31').provisional, false);
  assert.equal(cal.dayInfo('2019-06-03').provisional, true);
});

test('a calendar built from arrangements: office years override shipped ones as a whole', () => {
  const y2027: YearArrangement = {
    year: 2027,
    holidays: ['2027-01-01', '2027-01-04'],
    makeupWorkdays: ['2027-01-09'],
    source: 'test',
  };
  const withOffice = WorkingCalendar.withShipped([y2027]);
  assert.deepEqual(withOffice.dayInfo('2027-01-04'), {
    date: '2027-01-04',
    working: false,
    kind: 'holiday',
    provisional: false,
  });
  assert.equal(withOffice.dayInfo('2027-01-09').kind, 'makeup_workday');
  assert.deepEqual(withOffice.years(), [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);

  // A local emergency closure (Mon 2026-03-02) restates 2026 and moves deadlines.
  const base = cal.arrangement(2026)!;
  const closure = WorkingCalendar.withShipped([{ ...base, holidays: [...base.holidays, '2026-03-02'] }]);
  assert.equal(cal.addWorkingDays('2026-02-27', 2).date, '2026-03-02');
  assert.equal(closure.addWorkingDays('2026-02-27', 2).date, '2026-03-03');

  // Only the given years: everything else is provisional.
  const empty = new WorkingCalendar([]);
  assert.equal(empty.dayInfo('2025-01-26').working, false);
  assert.equal(empty.dayInfo('2025-01-26').provisional, true);
  // Caller arrays are copied: mutating them later changes nothing.
  const arr: YearArrangement = { year: 2030, holidays: ['2030-01-01'], makeupWorkdays: [] };
  const own = new WorkingCalendar([arr]);
  arr.holidays.push('2030-01-02');
  assert.equal(own.isWorkingDay('2030-01-02'), true);
});

test('inconsistent arrangements are rejected with calendar.bad_arrangement', () => {
  const mk = (a: Partial<YearArrangement>) => () =>
    new WorkingCalendar([{ year: 2030, holidays: [], makeupWorkdays: [], ...a }]);
  assertCode(mk({ makeupWorkdays: ['2030-01-07'] }), 'calendar.bad_arrangement'); // a Monday
  assertCode(mk({ holidays: ['2030-01-05'], makeupWorkdays: ['2030-01-05'] }), 'calendar.bad_arrangement');
  assertCode(mk({ holidays: ['2030-01-01', '2030-01-01'] }), 'calendar.bad_arrangement');
  assertCode(mk({ holidays: ['2031-01-01'] }), 'calendar.bad_arrangement');
  assertCode(mk({ year: 2030.5 }), 'calendar.bad_arrangement');
  assertCode(mk({ holidays: ['2030-1-1'] }), 'calendar.bad_date');
  assertCode(
    () =>
      WorkingCalendar.withShipped([
        { year: 2030, holidays: [], makeupWorkdays: [] },
        { year: 2030, holidays: [], makeupWorkdays: [] },
      ]),
    'calendar.bad_arrangement',
  );
  // Accepted: a notice reaching back into the previous year (2023's 元旦 starts 2022-12-31).
  assert.equal(mk({ holidays: ['2029-12-31'] })().isWorkingDay('2029-12-31'), false);
});

test('dates are validated strictly (calendar.bad_date) and n as a whole number (calendar.bad_count)', () => {
  const bad: unknown[] = [
    '2025-13-01',
    '2025-02-29',
    '2025-04-31',
    '2025-1-01',
    ' 2025-01-01',
    '2025-01-01T00:00:00Z',
    '20250101',
    '1899-12-31',
    '2200-01-01',
    '',
    20250101,
    null,
  ];
  for (const d of bad) assertCode(() => cal.isWorkingDay(d as string), 'calendar.bad_date');
  assert.equal(cal.isWorkingDay('2024-02-29'), true);
  assertCode(() => cal.workingDaysBetween('2025-01-01', '2025-02-30'), 'calendar.bad_date');
  for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3', 10_001]) {
    assertCode(() => cal.addWorkingDays('2025-01-02', n as number), 'calendar.bad_count');
  }
  assertCode(() => cal.addWorkingDays('2199-12-01', 100), 'calendar.out_of_range');
  try {
    cal.isWorkingDay('2025-13-01');
  } catch (e) {
    assert.deepEqual((e as AppError).params, { value: '2025-13-01' });
  }
});

test('results do not depend on the process time zone', () => {
  const saved = process.env.TZ;
  try {
    const results = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((tz) => {
      process.env.TZ = tz;
      return [cal.addWorkingDays('2025-01-02', 20), cal.dayInfo('2026-02-14'), cal.exceptions(2024).length];
    });
    for (const r of results) assert.deepEqual(r, results[0]);
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});
