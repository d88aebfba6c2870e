import { type DeadlineNote, deadlineNotesFor } from '../calendar/calendar-hooks.ts';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import type { DbOrTx } from '../db/types.ts';
import { deadlineOf, type RequestDeadline } from './deadline.ts';
import { documentsOf } from './documents-bridge.ts';
import { eventsOf } from './queries.ts';
import { filesOf } from './request-files.ts';
import { consultationsOf, type InfoRequest } from './store.ts';

/** The request's deadline as of today, recomputed through the engine (what every page shows). */
export async function currentDeadline(
  db: DbOrTx,
  r: InfoRequest,
  today: string,
): Promise<RequestDeadline | null> {
  const cal = await loadCalendar(db, r.tenant_id);
  return deadlineOf(cal, r, await consultationsOf(db, r), today);
}

/** Notes left when a calendar change moved the request's deadline (newest first). */
export async function deadlineNotes(db: DbOrTx, r: InfoRequest): Promise<DeadlineNote[]> {
  return (await deadlineNotesFor(db, r.tenant_id, 'request', [r.id])).get(r.id) ?? [];
}

/** What the applicant sees on the tracking page: public trail entries, public files, documents. */
export async function trackView(db: DbOrTx, r: InfoRequest, unitName: string, today: string) {
  return {
    r,
    unitName,
    deadline: await currentDeadline(db, r, today),
    deadlineNotes: await deadlineNotes(db, r),
    events: await eventsOf(db, r, true),
    files: (await filesOf(db, r, true)).map((f) => ({ id: f.id, name: f.name, role: f.role })),
    documents: await documentsOf(db, r, true),
  };
}
