import type { DbOrTx } from '../db/types.ts';
import { enqueueJob } from './enqueue-job.ts';

const BEIJING_OFFSET_MS = 8 * 3600_000;

export interface DailySchedule {
  kind: string;
  /** Hour of the day in China Standard Time (UTC+8, no daylight saving), 0–23. */
  hourBeijing: number;
}

const schedules = new Map<string, DailySchedule>();

/**
 * Declares that `kind` runs once a day per tenant from `hourBeijing` on. The job itself is made
 * by enqueueDailyJobs (every worker tick calls it), with dedupe key `${kind}:${date}`: however many
 * servers tick, each tenant gets one job per day. Returns a function that removes the schedule.
 */
export function scheduleDaily(kind: string, hourBeijing: number): () => void {
  if (!Number.isInteger(hourBeijing) || hourBeijing < 0 || hourBeijing > 23)
    throw new Error(`scheduleDaily(${kind}): hourBeijing must be an integer 0–23 (got ${hourBeijing})`);
  const s = { kind, hourBeijing };
  schedules.set(kind, s);
  return () => {
    if (schedules.get(kind) === s) schedules.delete(kind);
  };
}

export function dailySchedules(): DailySchedule[] {
  return [...schedules.values()];
}

/** The China-time calendar day of an instant, 'YYYY-MM-DD'. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China-time day reaches an hour. */
export function beijingInstant(date: string, hour: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + hour * 3600_000 - BEIJING_OFFSET_MS);
}

export function dailyDedupeKey(kind: string, date: string): string {
  return `${kind}:${date}`;
}

/**
 * Enqueues today's job of every schedule whose hour has come, for every tenant, unless it exists.
 * A server that was down at the hour catches up later the same day; a whole day missed is not
 * replayed (sweeps look at the current state, so the next day's run covers it).
 * Payload: { date } — the China-time day the run is for.
 */
export async function enqueueDailyJobs(
  db: DbOrTx,
  now: Date,
  list: readonly DailySchedule[] = dailySchedules(),
): Promise<number> {
  const date = beijingDate(now);
  const due = list.filter((s) => beijingInstant(date, s.hourBeijing).getTime() <= now.getTime());
  if (due.length === 0) return 0;
  const tenants = await db.selectFrom('tenants').select('id').execute();
  let created = 0;
  for (const t of tenants) {
    const keys = due.map((s) => dailyDedupeKey(s.kind, date));
    // Read first so a steady tick writes nothing; the unique key settles races between servers.
    const have = new Set(
      (
        await db
          .selectFrom('jobs')
          .select('dedupe_key')
          .where('tenant_id', '=', t.id)
          .where('dedupe_key', 'in', keys)
          .execute()
      ).map((r) => r.dedupe_key),
    );
    for (const s of due) {
      const key = dailyDedupeKey(s.kind, date);
      if (have.has(key)) continue;
      const r = await enqueueJob(db, {
        tenantId: t.id,
        kind: s.kind,
        payload: { date },
        runAt: beijingInstant(date, s.hourBeijing),
        dedupeKey: key,
        now,
      });
      if (r.created) created += 1;
    }
  }
  return created;
}
