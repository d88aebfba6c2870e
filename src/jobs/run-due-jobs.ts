import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { systemActor } from '../auth/actor.ts';
import { claimJobs } from './claim-jobs.ts';
import { completeJob, errorText, failJob } from './finish-job.ts';
import type { Job } from './job.ts';
import { type JobDeps, jobHandler } from './registry.ts';

export interface RunOptions {
  workerId?: string;
  /** Jobs claimed per round; a round runs them one after another. */
  batch?: number;
  /** Rounds per call: the runner drains due work up to batch × rounds jobs. */
  rounds?: number;
  kinds?: readonly string[];
  lockMs?: number;
}

export interface RunSummary {
  claimed: number;
  done: number;
  /** Failed runs that will be retried. */
  retrying: number;
  /** Jobs that failed for good in this call. */
  failed: number;
}

/** A worker id that tells servers and processes apart in locked_by. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Actor name of jobs in the audit log. */
export const JOB_ACTOR_NAME = '系统定时任务';

/**
 * Claims due jobs and runs each with the handler registered for its kind, until nothing is due
 * (or the round limit). `now` is an input: tests and the CLI pin it; the worker passes the clock.
 */
export async function runDueJobs(deps: JobDeps, now: Date, opts: RunOptions = {}): Promise<RunSummary> {
  const workerId = opts.workerId ?? newWorkerId();
  const batch = opts.batch ?? 10;
  const sum: RunSummary = { claimed: 0, done: 0, retrying: 0, failed: 0 };
  for (let round = 0; round < (opts.rounds ?? 10); round++) {
    const jobs = await claimJobs(deps.db, workerId, now, batch, { kinds: opts.kinds, lockMs: opts.lockMs });
    sum.claimed += jobs.length;
    for (const job of jobs) await runOne(deps, job, workerId, now, sum);
    if (jobs.length < batch) break;
  }
  return sum;
}

async function runOne(deps: JobDeps, job: Job, workerId: string, now: Date, sum: RunSummary): Promise<void> {
  const handler = jobHandler(job.kind);
  try {
    if (!handler) throw new Error(`no handler registered for job kind "${job.kind}"`);
    await handler({
      job,
      payload: job.payload,
      ctx: { db: deps.db, actor: systemActor(job.tenantId, JOB_ACTOR_NAME), now },
      deps,
      lastAttempt: job.attempts >= job.maxAttempts,
    });
  } catch (e) {
    const r = await failJob(deps.db, job, workerId, now, e);
    if (r.retryAt) sum.retrying += 1;
    else sum.failed += 1;
    deps.log?.(
      `job ${job.kind} ${job.id} failed (attempt ${job.attempts}/${job.maxAttempts})${r.retryAt ? `, retry at ${r.retryAt}` : ', giving up'}: ${errorText(e)}`,
    );
    return;
  }
  if (await completeJob(deps.db, job, workerId, now)) sum.done += 1;
  else deps.log?.(`job ${job.kind} ${job.id} finished after its lock was lost; another worker may repeat it`);
}
