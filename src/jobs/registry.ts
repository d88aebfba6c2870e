import type { Db } from '../db/types.ts';
import type { OpContext } from '../lib/context.ts';
import type { Config } from '../server/config.ts';
import type { Job } from './job.ts';

/** What a worker runs with: the database pool and the validated configuration. */
export interface JobDeps {
  db: Db;
  config: Config;
  /** Failures and lost locks are reported here (the server passes its logger). */
  log?: (message: string) => void;
}

/** One run of one job. ctx acts as the system in the job's tenant, at the runner's `now`. */
export interface JobRun<P = unknown> {
  job: Job;
  payload: P;
  ctx: OpContext;
  deps: JobDeps;
  /** True when a failure of this run makes the job fail for good. */
  lastAttempt: boolean;
}

/**
 * A handler must be idempotent: delivery is at least once (a worker may die after the work and
 * before marking it done, and the job is then run again after its lock expires). Throw to fail
 * the run; the runner retries with backoff until max_attempts.
 */
// biome-ignore lint/suspicious/noExplicitAny: handlers narrow their own payload type
export type JobHandler<P = any> = (run: JobRun<P>) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Registers the handler of a job kind (process-wide; src/jobs/builtin-jobs.ts lists the app's). */
export function registerJobHandler<P>(kind: string, handler: JobHandler<P>): () => void {
  handlers.set(kind, handler as JobHandler);
  return () => {
    if (handlers.get(kind) === handler) handlers.delete(kind);
  };
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export function registeredKinds(): string[] {
  return [...handlers.keys()].sort();
}
