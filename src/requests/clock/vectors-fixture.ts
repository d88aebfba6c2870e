import { readReference } from '../../../test/helpers/reference.ts';
import type { WorkingCalendar } from '../../calendar/calendar.ts';
import {
  annualReportDue,
  computeReplyDeadline,
  extendDeadline,
  FEE_PAYMENT_WORKING_DAYS,
  feePaymentDue,
  REPLY_WORKING_DAYS,
  SUPPLEMENT_NOTICE_WORKING_DAYS,
  supplementNoticeDue,
} from './index.ts';

/**
 * Test support (imported by tests only): every vector of deadline-vectors.json (regulations.md §7)
 * turned into an engine call and a `gongkai` command line. A vector whose input shape is not
 * recognised throws, so a new vector cannot be skipped silently.
 */

interface RawVector {
  id: string;
  rule: string;
  input: Record<string, string | number>;
  expected: string;
}

export interface VectorCase {
  id: string;
  rule: string;
  expected: { date: string; provisional: boolean };
  /** The engine's answer for the vector. */
  engine: (cal: WorkingCalendar) => { date: string; provisional: boolean };
  /** argv after `gongkai`. */
  argv: string[];
  /** The stdout line that must be printed (the whole stdout, except for annual-report's two lines). */
  line: string;
}

export function deadlineVectors(cal: WorkingCalendar): VectorCase[] {
  const raw = (readReference('deadline-vectors.json') as { vectors: RawVector[] }).vectors;
  return raw.map((v) => toCase(v, cal));
}

function toCase(v: RawVector, cal: WorkingCalendar): VectorCase {
  const m = /\d{4}-\d{2}-\d{2}/.exec(v.expected);
  if (!m) throw new Error(`vector ${v.id}: no date in expected "${v.expected}"`);
  const expected = { date: m[0], provisional: /provisional/i.test(v.expected) };
  const line = expected.provisional ? `${expected.date} provisional` : expected.date;
  const base = { id: v.id, rule: v.rule, expected, line };
  const { input } = v;
  const n = input.n;
  const keys = Object.keys(input).sort().join(',');
  const reply = (r: ReturnType<typeof computeReplyDeadline>) => ({ date: r.due, provisional: r.provisional });

  if (keys === 'n,received' && n === REPLY_WORKING_DAYS) {
    const received = String(input.received);
    return {
      ...base,
      engine: (c) => reply(computeReplyDeadline(c, { received })),
      argv: ['deadline', '--received', received],
    };
  }
  if (keys === 'n,received' && n === SUPPLEMENT_NOTICE_WORKING_DAYS) {
    const received = String(input.received);
    return {
      ...base,
      engine: (c) => supplementNoticeDue(c, received),
      argv: ['deadline', 'supplement-notice', '--received', received],
    };
  }
  if (keys === 'n,supplementReceived' && n === REPLY_WORKING_DAYS) {
    // The original receipt is irrelevant (Art. 30): take one 10 calendar days earlier.
    const supplementReceived = String(input.supplementReceived);
    const received = shiftDays(supplementReceived, -10);
    return {
      ...base,
      engine: (c) => reply(computeReplyDeadline(c, { received, supplementReceived })),
      argv: ['deadline', '--received', received, '--supplement-received', supplementReceived],
    };
  }
  if (keys === 'n,originalDeadline') {
    // Through the engine as a request whose plain 20-day deadline is originalDeadline, extended by n,
    // and through extendDeadline; the two must agree (the test checks both).
    const original = String(input.originalDeadline);
    const received = receivedFor(cal, original);
    const days = Number(n);
    return {
      ...base,
      engine: (c) => {
        const direct = extendDeadline(c, original, days);
        const viaClock = reply(computeReplyDeadline(c, { received, extendDays: days }));
        if (direct.date !== viaClock.date) throw new Error(`${v.id}: ${direct.date} ≠ ${viaClock.date}`);
        return viaClock;
      },
      argv: ['deadline', '--received', received, '--extend', String(days)],
    };
  }
  if (keys === 'formed,n' && n === REPLY_WORKING_DAYS) {
    // 主动公开 within 20 WD of formation (Art. 26): the same arithmetic as the reply period.
    const formed = String(input.formed);
    return {
      ...base,
      engine: (c) => reply(computeReplyDeadline(c, { received: formed })),
      argv: ['deadline', '--received', formed],
    };
  }
  if (keys === 'feeNoticeReceived,n' && n === FEE_PAYMENT_WORKING_DAYS) {
    const notice = String(input.feeNoticeReceived);
    return {
      ...base,
      engine: (c) => feePaymentDue(c, notice),
      argv: ['deadline', 'fee-payment', '--notice-received', notice],
    };
  }
  if (keys === 'reportYear') {
    const year = Number(input.reportYear);
    const who = /49\(1\)/.test(v.rule) ? 'department' : /49\(2\)/.test(v.rule) ? 'government' : null;
    if (!who) throw new Error(`vector ${v.id}: cannot tell department or government from "${v.rule}"`);
    return {
      ...base,
      engine: () => ({ date: annualReportDue(year)[who], provisional: false }),
      argv: ['deadline', 'annual-report', '--year', String(year)],
      line: `${expected.date} ${who}`,
    };
  }
  throw new Error(`vector ${v.id}: unrecognised input ${JSON.stringify(input)}`);
}

/** The latest received date whose plain 20-working-day deadline is `due`. */
function receivedFor(cal: WorkingCalendar, due: string): string {
  for (let back = 1; back < 80; back++) {
    const candidate = shiftDays(due, -back);
    if (cal.addWorkingDays(candidate, REPLY_WORKING_DAYS).date === due) return candidate;
  }
  throw new Error(`no received date gives ${due}`);
}

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
