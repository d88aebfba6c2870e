import type { WorkingCalendar } from '../../calendar/calendar.ts';
import { checkDate, clockError, MAX_EXTENSION_WORKING_DAYS, REPLY_WORKING_DAYS } from './periods.ts';

/**
 * The reply deadline of a 依申请公开 request (OGI Art. 33), exactly as regulations.md §1.6:
 *
 * - the clock starts on the received date (Art. 31), or restarts in full on the day the 补正
 *   supplement is received (Art. 30): due = addWorkingDays(start, 20);
 * - a pause (third-party Art. 32, co-producer Art. 34, fee window) stops it: with
 *   used = working days in (start, pauseStart], due = addWorkingDays(pauseEnd, 20 − used): the
 *   pause-start day counts as used and counting resumes the day after pauseEnd;
 * - one extension (Art. 33(2)) adds 1..20 working days: addWorkingDays(due, k);
 * - all of them together, cumulatively.
 *
 * Pure: no clock, no database. Every step is recorded so the request page can show how the date
 * was computed (explainClock).
 */

/** What the pause was for; only the explanation uses it. */
export type PauseKind = 'third_party' | 'co_producer' | 'fee' | 'other';

export interface ClockPause {
  /** Receipt date of the consultation letter (or of the fee notice). */
  start: string;
  /** Day the pause ended: opinion received, the 15-working-day reply window's end, or payment. */
  end: string;
  kind?: PauseKind;
}

export interface ClockInput {
  /** 'YYYY-MM-DD', the legal received date (收到申请之日, Art. 31). */
  received: string;
  /** 补正 supplement receipt: the 20-working-day clock restarts from this day. */
  supplementReceived?: string;
  /** Consultation / fee pauses, in any order; overlapping ones are merged (their union is paused). */
  pauses?: ClockPause[];
  /** One extension, 1..20 working days (Art. 33(2)). */
  extendDays?: number;
}

/**
 * What happened to a pause:
 * - counted: it stopped the clock;
 * - after_due: it began after the deadline had already passed, so there was no clock to stop;
 * - before_restart: it ended before the 补正 restart, which discards everything before it.
 */
export type PauseEffect = 'counted' | 'after_due' | 'before_restart';

export interface ClockStep {
  kind: 'received' | 'restart' | 'pause' | 'extend' | 'due';
  date: string;
  from?: string;
  to?: string;
  /**
   * pause: working days of the period used when the pause began (its start day included);
   * extend: the extension; restart: the fresh period (20).
   */
  days?: number;
  note?: string;
  /** pause: working days left when it ended (the extension included once granted). */
  remaining?: number;
  pauseKind?: PauseKind;
  /** pause: the distinct kinds of merged pauses, when they differ. */
  pauseKinds?: PauseKind[];
  effect?: PauseEffect;
  /** pause: how many input pauses this step stands for (> 1 when overlapping ones were merged). */
  merged?: number;
  /**
   * pause: nothing was left when it ended (it began on the due day) and it ended on a day off, so
   * the deadline moves to the next working day (民法典 Art. 203).
   */
  rolledForward?: boolean;
  /** due: the deadline the period would have without the extension. */
  baseDue?: string;
}

export interface ClockResult {
  due: string;
  /** True when a counted day lies in a year whose 节假日安排 the calendar does not have yet. */
  provisional: boolean;
  steps: ClockStep[];
  /** The day the running period is counted from: received, or the supplement's receipt. */
  start: string;
  /** Working days the period actually ran outside pauses: 20 + extension (+1 after a roll-forward). */
  workingDaysCounted: number;
}

interface Interval {
  from: string;
  to: string;
}

export function computeReplyDeadline(cal: WorkingCalendar, input: ClockInput): ClockResult {
  const { received, supplementReceived, extendDays } = input;
  checkDate('received', received);
  if (supplementReceived !== undefined) {
    checkDate('supplementReceived', supplementReceived);
    if (supplementReceived < received) {
      throw clockError('requests.clock.supplement_before_received', {
        received,
        supplementReceived,
      });
    }
  }
  if (extendDays !== undefined) checkExtension(extendDays);
  const pauses = mergePauses(input.pauses ?? [], received);

  const start = supplementReceived ?? received;
  const steps: ClockStep[] = [{ kind: 'received', date: received }];
  if (supplementReceived !== undefined) {
    steps.push({
      kind: 'restart',
      date: supplementReceived,
      from: received,
      days: REPLY_WORKING_DAYS,
    });
  }

  let budget = REPLY_WORKING_DAYS;
  let due = cal.addWorkingDays(start, budget).date;
  const counted: Interval[] = [];
  let cursor = start;
  let extended = false;
  const extend = () => {
    if (extendDays === undefined || extended) return;
    const to = cal.addWorkingDays(due, extendDays).date;
    steps.push({ kind: 'extend', date: due, from: due, to, days: extendDays });
    due = to;
    budget += extendDays;
    extended = true;
  };

  for (const p of pauses) {
    const base = {
      kind: 'pause' as const,
      date: p.start,
      from: p.start,
      to: p.end,
      ...(p.merged > 1 ? { merged: p.merged } : {}),
    };
    const kindField =
      p.kinds.length === 1 ? { pauseKind: p.kinds[0] } : p.kinds.length > 1 ? { pauseKinds: p.kinds } : {};
    if (p.end < start) {
      steps.push({ ...base, ...kindField, effect: 'before_restart' });
      continue;
    }
    // A pause that straddles the restart stops the fresh clock from its first day.
    let pauseStart = p.start;
    if (pauseStart < start) pauseStart = start;
    // The extension is placed as late as possible, but before a pause that begins in it.
    if (pauseStart > due) extend();
    if (pauseStart > due) {
      steps.push({ ...base, ...kindField, effect: 'after_due' });
      continue;
    }
    const left = cal.workingDaysBetween(pauseStart, due).days;
    counted.push({ from: cursor, to: pauseStart });
    cursor = p.end;
    let rolledForward = false;
    if (left > 0) {
      due = cal.addWorkingDays(p.end, left).date;
    } else {
      // Began on the due day: the period ends with the pause, on a working day (民法典 Art. 203).
      rolledForward = !cal.isWorkingDay(p.end);
      due = rolledForward ? cal.addWorkingDays(p.end, 1).date : p.end;
    }
    steps.push({
      ...base,
      ...kindField,
      days: budget - left,
      remaining: left,
      effect: 'counted',
      ...(rolledForward ? { rolledForward } : {}),
    });
  }
  const baseDue = extendDays !== undefined && !extended ? due : undefined;
  extend();
  counted.push({ from: cursor, to: due });

  let provisional = false;
  let workingDaysCounted = 0;
  for (const i of counted) {
    const r = cal.workingDaysBetween(i.from, i.to);
    workingDaysCounted += r.days;
    if (r.provisional) provisional = true;
  }
  steps.push({ kind: 'due', date: due, ...(baseDue ? { baseDue } : {}) });
  return { due, provisional, steps, start, workingDaysCounted };
}

function checkExtension(days: unknown): void {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_WORKING_DAYS) {
    throw clockError('requests.clock.bad_extension', {
      value: String(days),
      max: MAX_EXTENSION_WORKING_DAYS,
    });
  }
}

interface MergedPause {
  start: string;
  end: string;
  kinds: PauseKind[];
  merged: number;
}

/**
 * Validates the pauses and merges overlapping ones (sharing at least one day): a day is either
 * paused or not, so two consultations running at once stop the clock once, for their union.
 * Pauses that only touch (one ends on day d, the next starts on d + 1) stay separate, and the
 * second one's start day counts as used, as for any pause.
 */
function mergePauses(pauses: readonly ClockPause[], received: string): MergedPause[] {
  pauses.forEach((p, i) => {
    checkDate(`pauses[${i}].start`, p.start);
    checkDate(`pauses[${i}].end`, p.end);
    if (p.end < p.start) {
      throw clockError('requests.clock.pause_reversed', { index: i + 1, start: p.start, end: p.end });
    }
    if (p.start < received) {
      throw clockError('requests.clock.pause_before_received', { index: i + 1, start: p.start, received });
    }
  });
  const sorted = [...pauses].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: MergedPause[] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (last && p.start <= last.end) {
      if (p.end > last.end) last.end = p.end;
      if (p.kind && !last.kinds.includes(p.kind)) last.kinds.push(p.kind);
      last.merged += 1;
    } else {
      out.push({ start: p.start, end: p.end, kinds: p.kind ? [p.kind] : [], merged: 1 });
    }
  }
  return out;
}
