import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedCalendar } from '../../calendar/calendar.ts';
import { formatDay, parseDate } from '../../calendar/dates.ts';
import { type ClockInput, type ClockPause, computeReplyDeadline } from './index.ts';

/**
 * Property tests over random requests from a seeded PRNG (mulberry32), so a failure reproduces:
 * the message names the seed's case number and the input.
 */

const cal = shippedCalendar();
const RUNS = 1500;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = ReturnType<typeof mulberry32>;
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const plus = (date: string, days: number) => formatDay(parseDate(date) + days);
/** 2020-01-01 … 2026-12-31, so some requests run into 2027 (provisional). */
const randomDate = (rand: Rand) => plus('2020-01-01', int(rand, 0, 2556));

function randomPause(rand: Rand, notBefore: string): ClockPause {
  const start = plus(notBefore, int(rand, 0, 45));
  const kinds = ['third_party', 'co_producer', 'fee', undefined] as const;
  const kind = kinds[int(rand, 0, 3)];
  return { start, end: plus(start, int(rand, 0, 30)), ...(kind ? { kind } : {}) };
}

function randomInput(rand: Rand, opts: { extend?: boolean } = {}): ClockInput {
  const received = randomDate(rand);
  const input: ClockInput = { received };
  if (rand() < 0.3) input.supplementReceived = plus(received, int(rand, 0, 25));
  const n = int(rand, 0, 3);
  if (n > 0) input.pauses = Array.from({ length: n }, () => randomPause(rand, received));
  if (opts.extend ?? rand() < 0.4) input.extendDays = int(rand, 1, 20);
  return input;
}

function forAll(seed: number, check: (rand: Rand, i: number) => void) {
  const rand = mulberry32(seed);
  for (let i = 0; i < RUNS; i++) check(rand, i);
}

const ctx = (i: number, input: unknown) => `case ${i}: ${JSON.stringify(input)}`;

test('a pause never shortens a deadline', () => {
  forAll(1, (rand, i) => {
    const input = randomInput(rand);
    const extra = randomPause(rand, input.received);
    const before = computeReplyDeadline(cal, input).due;
    const after = computeReplyDeadline(cal, { ...input, pauses: [...(input.pauses ?? []), extra] }).due;
    assert.ok(after >= before, `${ctx(i, { input, extra })}: ${after} < ${before}`);
  });
});

test('an extension of N adds exactly N working days when no pause falls after the original deadline, never fewer, and the period never runs more than 20 + N working days', () => {
  forAll(2, (rand, i) => {
    const input = randomInput(rand, { extend: true });
    const n = input.extendDays!;
    const without = computeReplyDeadline(cal, { ...input, extendDays: undefined });
    const withExt = computeReplyDeadline(cal, input);
    const expected = cal.addWorkingDays(without.due, n).date;
    const pausedLater = without.steps.some((s) => s.effect === 'after_due');
    if (!pausedLater) assert.equal(withExt.due, expected, ctx(i, input));
    else assert.ok(withExt.due >= expected, ctx(i, input));
    const rolls = withExt.steps.filter((s) => s.rolledForward).length;
    assert.equal(withExt.workingDaysCounted, 20 + n + rolls, ctx(i, input));
    assert.ok(n <= 20);
  });
});

test('a 补正 restart never puts the deadline before the supplement’s receipt (nor before its 20th working day)', () => {
  forAll(3, (rand, i) => {
    const input = randomInput(rand);
    input.supplementReceived ??= plus(input.received, int(rand, 0, 25));
    const r = computeReplyDeadline(cal, input);
    assert.ok(r.due > input.supplementReceived, ctx(i, input));
    assert.ok(r.due >= cal.addWorkingDays(input.supplementReceived, 20).date, ctx(i, input));
  });
});

test('the deadline is always a working day, at least 20 (+ extension) working days after the start', () => {
  forAll(4, (rand, i) => {
    const input = randomInput(rand);
    const r = computeReplyDeadline(cal, input);
    assert.ok(cal.isWorkingDay(r.due), ctx(i, input));
    assert.ok(r.due >= cal.addWorkingDays(r.start, 20 + (input.extendDays ?? 0)).date, ctx(i, input));
    assert.equal(r.steps.at(-1)?.date, r.due);
  });
});

test('deadlines are monotonic in the received date', () => {
  forAll(5, (rand, i) => {
    const input = randomInput(rand);
    const later = plus(input.received, int(rand, 0, 20));
    // Keep the input valid for both dates: pauses and supplement not before the later receipt.
    const shift = (d: string) => (d < later ? later : d);
    const pauses = input.pauses?.map((p) => ({ ...p, start: shift(p.start), end: shift(p.end) }));
    const supplementReceived = input.supplementReceived && shift(input.supplementReceived);
    const a = computeReplyDeadline(cal, { ...input, pauses, supplementReceived }).due;
    const b = computeReplyDeadline(cal, { ...input, pauses, supplementReceived, received: later }).due;
    assert.ok(a <= b, `${ctx(i, { input, later })}: ${a} > ${b}`);
  });
});

test('the order in which pauses are given does not matter', () => {
  forAll(6, (rand, i) => {
    const input = randomInput(rand);
    const reversed = { ...input, pauses: [...(input.pauses ?? [])].reverse() };
    assert.deepEqual(
      computeReplyDeadline(cal, reversed).due,
      computeReplyDeadline(cal, input).due,
      ctx(i, input),
    );
  });
});

test('one pause within the period is exactly the §1.6 formula addWorkingDays(pauseEnd, 20 − used)', () => {
  forAll(7, (rand, i) => {
    const received = randomDate(rand);
    const base = cal.addWorkingDays(received, 20).date;
    const pause = randomPause(rand, received);
    if (pause.start > base) return;
    const usedDays = cal.workingDaysBetween(received, pause.start).days;
    const r = computeReplyDeadline(cal, { received, pauses: [pause] });
    if (usedDays < 20) assert.equal(r.due, cal.addWorkingDays(pause.end, 20 - usedDays).date, ctx(i, pause));
    else assert.equal(r.due, cal.isWorkingDay(pause.end) ? pause.end : cal.addWorkingDays(pause.end, 1).date);
  });
});
