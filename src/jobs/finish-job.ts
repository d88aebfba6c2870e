import type { DbOrTx } from '../db/types.ts';
import type { Job } from './job.ts';

const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;

/** Delay before the next try after the n-th failed attempt: 30 s, 1 min, 2 min, … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

/**
 * Marks a claimed job done. Only the worker holding the claim may: false means the lock was lost
 * (it expired and another worker took the job over), which the runner reports.
 */
export async function completeJob(db: DbOrTx, job: Job, workerId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'done', locked_by: null, locked_until: null, finished_at: now.toISOString() })
    .where('tenant_id', '=', job.tenantId)
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Records a failed run: back to queued with run_at moved forward by the backoff, or failed for
 * good once max_attempts runs have failed.
 */
export async function failJob(
  db: DbOrTx,
  job: Job,
  workerId: string,
  now: Date,
  error: unknown,
): Promise<{ retryAt: string | null; updated: boolean }> {
  const message = errorText(error);
  const final = job.attempts >= job.maxAttempts;
  const retryAt = final ? null : new Date(now.getTime() + backoffMs(job.attempts)).toISOString();
  const r = await db
    .updateTable('jobs')
    .set({
      status: final ? 'failed' : 'queued',
      run_at: retryAt ?? job.runAt,
      locked_by: null,
      locked_until: null,
      last_error: message,
      finished_at: final ? now.toISOString() : null,
    })
    .where('tenant_id', '=', job.tenantId)
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return { retryAt, updated: Number(r.numUpdatedRows) === 1 };
}

export function errorText(error: unknown): string {
  const s = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return s.length > 1000 ? `${s.slice(0, 1000)}…` : s;
}
