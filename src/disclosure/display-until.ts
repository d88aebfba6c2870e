import { loadCalendar } from '../calendar/tenant-calendar.ts';
import type { CatalogEntry, DbOrTx } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';

/**
 * 公开截止日期 (display-until). Optional: null means the item stays in the listings until it is
 * changed or revoked (the usual case — a disclosure is a standing public record). When the
 * publisher sets a date, the entry's 最短公开时长 (min_display_days, working days, counted from
 * publication) is a floor: at publication a date that would cut the minimum short moves later.
 * After the date the item leaves the listings and its page says "已归档" (still reachable).
 */
export async function minimumDisplayUntil(
  db: DbOrTx,
  tenantId: string,
  entry: Pick<CatalogEntry, 'min_display_days'>,
  from: string,
): Promise<string | null> {
  if (!entry.min_display_days) return null;
  return (await loadCalendar(db, tenantId)).addWorkingDays(from, entry.min_display_days).date;
}

/** The draft's display_until: as typed (not before the decided date), else none. */
export function draftDisplayUntil(typed: string | null, decidedOn: string): string | null {
  if (typed && typed < decidedOn)
    throw new AppError('validation.failed', {
      fields: [{ field: 'displayUntil', code: 'disclosure.display_until_early' }],
    });
  return typed || null;
}

/** True once the display-until date has passed (today is the China date from the app clock). */
export function isArchived(displayUntil: string | null | undefined, today: string): boolean {
  return !!displayUntil && displayUntil < today;
}
