import type { DbOrTx } from '../db/types.ts';
import { WorkingCalendar, type YearArrangement } from './calendar.ts';

export interface CalendarVersionRow {
  id: string;
  year: number;
  version: number;
  arrangement: YearArrangement;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** Every saved version for the tenant (optionally one year), newest first. */
export async function listCalendarVersions(
  db: DbOrTx,
  tenantId: string,
  year?: number,
): Promise<CalendarVersionRow[]> {
  let q = db.selectFrom('calendar_versions').selectAll().where('tenant_id', '=', tenantId);
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.orderBy('year', 'desc').orderBy('version', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    version: r.version,
    arrangement: {
      year: r.year,
      holidays: JSON.parse(r.holidays_json),
      makeupWorkdays: JSON.parse(r.makeup_json),
      source: r.source,
    },
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

/**
 * The tenant's calendar: the shipped State Council notices, each year replaced by the office's
 * latest saved version when there is one. The table is tiny (a row per saved year version), so it
 * is read whenever a deadline is computed; no cache to invalidate across app servers.
 */
export async function loadCalendar(db: DbOrTx, tenantId: string): Promise<WorkingCalendar> {
  const latest = new Map<number, YearArrangement>();
  for (const v of await listCalendarVersions(db, tenantId))
    if (!latest.has(v.year)) latest.set(v.year, v.arrangement);
  return WorkingCalendar.withShipped([...latest.values()]);
}
