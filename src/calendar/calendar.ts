import { AppError } from '../lib/errors.ts';
import {
  firstDayOfYear,
  formatDay,
  isWeekend,
  lastDayOfYear,
  MAX_YEAR,
  MIN_YEAR,
  monthDayOf,
  parseDate,
  yearOf,
} from './dates.ts';
import { SHIPPED_YEARS } from './holidays-data.ts';

/**
 * Working-day calendar (工作日历). A calendar is data: one YearArrangement per year that has a
 * published 节假日安排, built from the shipped notices plus anything the office adds or corrects.
 * Every operation is pure; nothing here reads the clock, the database or the time zone.
 */

/** One year's official arrangement (节假日安排), keyed by the year of the notice. */
export interface YearArrangement {
  year: number;
  /** 放假日: full days off, weekend days inside a block included. May include days of year − 1. */
  holidays: string[];
  /** 调休上班日: weekend days that are working days. */
  makeupWorkdays: string[];
  /** Notice title, number and date, or who entered a local change. */
  source?: string;
}

/** workday = ordinary Mon–Fri; makeup_workday = 调休上班; holiday = 放假 on any day; weekend = ordinary weekend. */
export type DayKind = 'workday' | 'makeup_workday' | 'holiday' | 'weekend';

export interface DayInfo {
  date: string;
  working: boolean;
  kind: DayKind;
  /** True when the date's year has no arrangement and the answer comes from the statutory fallback. */
  provisional: boolean;
}

export interface DateResult {
  date: string;
  provisional: boolean;
}

export interface CountResult {
  days: number;
  provisional: boolean;
}

/** A weekday that is a day off, or a weekend day that is a working day: what `calendar list` prints. */
export interface CalendarException {
  date: string;
  kind: 'holiday' | 'workday';
}

/**
 * Fixed-date statutory days off (全国年节及纪念日放假办法, 2024 revision, Art. 2) used for years
 * without a notice: 元旦 1/1, 劳动节 5/1–5/2, 国庆 10/1–10/3. The lunar holidays (春节, 清明, 端午,
 * 中秋) are NOT included because that needs a lunar conversion; neither are Art. 6 substitute days or
 * the 调休 a future notice will add. A provisional answer is an estimate, in either direction.
 */
export const PROVISIONAL_DAYS_OFF: readonly string[] = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'];

/** Upper bound for n: 40 years of working days, far beyond any legal period, guards runaway loops. */
export const MAX_WORKING_DAYS = 10_000;

type Mark = 'holiday' | 'makeup';

export class WorkingCalendar {
  private readonly arrangements = new Map<number, YearArrangement>();
  private readonly marks = new Map<number, Mark>();

  /**
   * Builds a calendar from exactly these arrangements (no shipped data). Throws calendar.bad_date
   * for a malformed date and calendar.bad_arrangement for anything inconsistent, so a bad row the
   * office typed in fails loudly instead of shifting deadlines.
   */
  constructor(arrangements: readonly YearArrangement[]) {
    for (const a of arrangements) {
      if (!Array.isArray(a.holidays) || !Array.isArray(a.makeupWorkdays)) {
        throw badArrangement(a.year, 'not_a_list', '');
      }
      if (!Number.isInteger(a.year) || a.year < MIN_YEAR || a.year > MAX_YEAR) {
        throw badArrangement(a.year, 'year', String(a.year));
      }
      if (this.arrangements.has(a.year)) throw badArrangement(a.year, 'duplicate_year', String(a.year));
      this.arrangements.set(a.year, freeze(a));
    }
    for (const a of this.arrangements.values()) {
      const seen = new Set<number>();
      const add = (value: string, mark: Mark) => {
        const day = parseDate(value);
        const y = yearOf(day);
        // A notice only reaches back into the previous year (元旦 blocks), never further.
        if (y !== a.year && y !== a.year - 1) throw badArrangement(a.year, 'date_outside_year', value);
        if (seen.has(day)) throw badArrangement(a.year, 'duplicate_date', value);
        seen.add(day);
        if (mark === 'makeup' && !isWeekend(day)) throw badArrangement(a.year, 'makeup_not_weekend', value);
        const prev = this.marks.get(day);
        if (prev !== undefined && prev !== mark) throw badArrangement(a.year, 'conflict', value);
        this.marks.set(day, mark);
      };
      for (const d of a.holidays) add(d, 'holiday');
      for (const d of a.makeupWorkdays) add(d, 'makeup');
    }
  }

  /**
   * The shipped notices, with the office's arrangements replacing a shipped year of the same
   * number as a whole (a correction restates the year; it is not merged day by day).
   */
  static withShipped(overrides: readonly YearArrangement[] = []): WorkingCalendar {
    const byYear = new Map<number, YearArrangement>();
    for (const a of SHIPPED_YEARS) byYear.set(a.year, a);
    const overridden = new Set<number>();
    for (const a of overrides) {
      if (overridden.has(a.year)) throw badArrangement(a.year, 'duplicate_year', String(a.year));
      overridden.add(a.year);
      byYear.set(a.year, a);
    }
    return new WorkingCalendar([...byYear.values()]);
  }

  /** Years with an arrangement, ascending. */
  years(): number[] {
    return [...this.arrangements.keys()].sort((x, y) => x - y);
  }

  hasYear(year: number): boolean {
    return this.arrangements.has(year);
  }

  arrangement(year: number): YearArrangement | undefined {
    return this.arrangements.get(year);
  }

  dayInfo(date: string): DayInfo {
    return this.info(parseDate(date));
  }

  /** Plain answer; use dayInfo() when the caller must show that a year has no data yet. */
  isWorkingDay(date: string): boolean {
    return this.info(parseDate(date)).working;
  }

  /**
   * The n-th working day after date (§1.6): date itself is day 0 and never counted, make-up
   * weekend days count, holidays and ordinary weekends do not; n = 0 returns date unchanged.
   * Provisional when any day in (date, result] lies in a year without an arrangement.
   */
  addWorkingDays(date: string, n: number): DateResult {
    let day = parseDate(date);
    checkCount(n);
    let provisional = false;
    let left = n;
    while (left > 0) {
      day += 1;
      if (yearOf(day) > MAX_YEAR) throw new AppError('calendar.out_of_range', { params: { value: date } });
      const info = this.info(day);
      if (info.provisional) provisional = true;
      if (info.working) left -= 1;
    }
    return { date: formatDay(day), provisional };
  }

  /**
   * Working days in the half-open interval (from, to]: from is not counted, to is. This is the
   * pause rule's `used = working days in (received, pauseStart]`, and it inverts addWorkingDays:
   * workingDaysBetween(d, addWorkingDays(d, n).date).days === n. Negative when to < from
   * (−count of (to, from]), zero when equal. Provisional when any day of the interval has no data.
   */
  workingDaysBetween(from: string, to: string): CountResult {
    const a = parseDate(from);
    const b = parseDate(to);
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    let days = 0;
    let provisional = false;
    for (let day = lo + 1; day <= hi; day++) {
      const info = this.info(day);
      if (info.provisional) provisional = true;
      if (info.working) days += 1;
    }
    return { days: b < a ? -days : days, provisional };
  }

  /**
   * Days of calendar year `year` that differ from the plain Mon–Fri rule, in date order: weekdays
   * off as 'holiday' and weekend working days as 'workday'. Weekend days off are not listed.
   * Throws calendar.no_data for a year without an arrangement, where the answer would be a guess.
   */
  exceptions(year: number): CalendarException[] {
    if (!this.hasYear(year)) throw new AppError('calendar.no_data', { params: { year } });
    const out: CalendarException[] = [];
    for (let day = firstDayOfYear(year); day <= lastDayOfYear(year); day++) {
      const weekend = isWeekend(day);
      const { working } = this.info(day);
      if (!weekend && !working) out.push({ date: formatDay(day), kind: 'holiday' });
      if (weekend && working) out.push({ date: formatDay(day), kind: 'workday' });
    }
    return out;
  }

  private info(day: number): DayInfo {
    const date = formatDay(day);
    const provisional = !this.arrangements.has(yearOf(day));
    // An explicit mark wins even in an uncovered year (a next-year notice naming 12-31).
    const mark = this.marks.get(day);
    if (mark === 'holiday') return { date, working: false, kind: 'holiday', provisional };
    if (mark === 'makeup') return { date, working: true, kind: 'makeup_workday', provisional };
    if (isWeekend(day)) return { date, working: false, kind: 'weekend', provisional };
    if (provisional && PROVISIONAL_DAYS_OFF.includes(monthDayOf(day))) {
      return { date, working: false, kind: 'holiday', provisional };
    }
    return { date, working: true, kind: 'workday', provisional };
  }
}

/** Throws calendar.bad_count unless n is a whole number in 0..MAX_WORKING_DAYS. */
export function checkCount(n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new AppError('calendar.bad_count', { params: { value: String(n), max: MAX_WORKING_DAYS } });
  }
}

/** Shipped data only; built once because the shipped arrangements never change at runtime. */
let shipped: WorkingCalendar | undefined;
export function shippedCalendar(): WorkingCalendar {
  shipped ??= WorkingCalendar.withShipped();
  return shipped;
}

function freeze(a: YearArrangement): YearArrangement {
  // Copies, so later edits to the caller's arrays (a form, a DB row) cannot change the calendar.
  return Object.freeze({
    year: a.year,
    holidays: Object.freeze([...a.holidays]) as string[],
    makeupWorkdays: Object.freeze([...a.makeupWorkdays]) as string[],
    ...(a.source === undefined ? {} : { source: a.source }),
  });
}

function badArrangement(year: number, reason: string, value: string): AppError {
  return new AppError('calendar.bad_arrangement', { params: { year: String(year), reason, value } });
}
