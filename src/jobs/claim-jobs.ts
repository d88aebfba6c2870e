import { claimDueJobs } from '../db/jobs-sql.ts';
import type { DbOrTx } from '../db/types.ts';
import { DEFAULT_LOCK_MS, type Job, toJob } from './job.ts';
import { registeredKinds } from './registry.ts';

export interface ClaimOptions {
  /** Kinds to claim; defaults to those with a registered handler in this process. */
  kinds?: readonly string[];
  lockMs?: number;
}

/**
 * Claims up to `limit` due jobs for this worker, atomically (src/db/jobs-sql.ts): no other worker,
 * in this process or another server, gets the same job until this claim's lock expires.
 * Running jobs whose lock expired with no attempts left are marked failed first.
 */
export async function claimJobs(
  db: DbOrTx,
  workerId: string,
  now: Date,
  limit: number,
  opts: ClaimOptions = {},
): Promise<Job[]> {
  const at = now.toISOString();
  await db
    .updateTable('jobs')
    .set({
      status: 'failed',
      locked_by: null,
      locked_until: null,
      finished_at: at,
      last_error: 'lock expired on the last attempt (worker stopped or job ran too long)',
    })
    .where('status', '=', 'running')
    .where('locked_until', '<', at)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .execute();
  const rows = await claimDueJobs(db, {
    workerId,
    now: at,
    lockedUntil: new Date(now.getTime() + (opts.lockMs ?? DEFAULT_LOCK_MS)).toISOString(),
    limit,
    kinds: opts.kinds ?? registeredKinds(),
  });
  return rows.map(toJob);
}
