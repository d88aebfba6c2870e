import { chinaDate } from '../../calendar/dates.ts';
import type { DisclosureState } from '../../db/types.ts';
import type { ConsultationsTable } from '../../db/types-engagement.ts';

/**
 * The status people see (pure; unit-tested). The stored state says how far staff have taken the
 * consultation; the comment period itself is derived from the dates and today's China date, so no
 * job has to "close" anything, and the final decision counts only while its disclosure is published.
 */
export type ConsultationStatus =
  | 'draft'
  | 'upcoming' // published, the period has not begun (预告)
  | 'open' // 征求意见中
  | 'closed' // period over, adoption report not yet published
  | 'reported' // 采纳情况已公布
  | 'concluded' // the linked final decision is published
  | 'withdrawn';

/** Shortest comment period (calendar days, both ends included). 重大行政决策 need 30 — staff choose. */
export const MIN_PERIOD_DAYS = 7;
export const MAX_PERIOD_DAYS = 180;

type Dates = Pick<ConsultationsTable, 'state' | 'opens_on' | 'closes_on'>;

export function consultationStatus(
  c: Dates,
  today: string,
  finalState: DisclosureState | null = null,
): ConsultationStatus {
  if (c.state === 'draft' || c.state === 'withdrawn') return c.state;
  if (c.state === 'reported') return finalState === 'published' ? 'concluded' : 'reported';
  if (c.opens_on && today < c.opens_on) return 'upcoming';
  if (c.closes_on && today <= c.closes_on) return 'open';
  return 'closed';
}

/** Whole days between two China dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Days left to comment, today included (the last day counts as 1). */
export function daysLeft(c: Dates, today: string): number {
  return c.closes_on ? Math.max(0, daysBetween(today, c.closes_on) + 1) : 0;
}

/** The text as numbered paragraphs: one per non-empty line, trimmed. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The China date of an instant (one definition, in src/calendar/dates.ts). */
export { chinaDate };
