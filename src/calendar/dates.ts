import { AppError } from '../lib/errors.ts';

/**
 * Calendar dates (日期) as 'YYYY-MM-DD' strings outside this module and as day numbers inside.
 * A day number counts days since 1970-01-01 in UTC, so adding 1 is "the next day" with no local
 * time zone or DST surprises; strings are only parsed at the edge and formatted on the way out.
 */

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Years outside this window are almost certainly typos (0202, 20255) in an office system, and
 * keeping the window bounded also bounds every day-by-day loop in the engine.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Throws calendar.bad_date unless value is a real calendar date written exactly as YYYY-MM-DD. */
export function parseDate(value: unknown): number {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  if (!m) throw badDate(value);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw badDate(value);
  }
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

/** The date in China (UTC+8) of an instant, YYYY-MM-DD: legal periods and deadlines count days there. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function isValidDate(value: unknown): value is string {
  try {
    parseDate(value);
    return true;
  } catch {
    return false;
  }
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekdayOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

/** 周末: Saturday or Sunday. */
export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 'MM-DD' of a day, used to match the fixed-date statutory days. */
export function monthDayOf(day: number): string {
  return formatDay(day).slice(5);
}

export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

export function lastDayOfYear(year: number): number {
  return Date.UTC(year, 11, 31) / MS_PER_DAY;
}

function daysInMonth(y: number, mo: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function badDate(value: unknown): AppError {
  return new AppError('calendar.bad_date', { params: { value: String(value) } });
}
