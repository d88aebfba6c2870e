import type { DbHandle } from '../db/connect.ts';
import { type Config, loadConfig } from '../server/config.ts';
import { registerBuiltinJobs } from './builtin-jobs.ts';
import { errorText } from './finish-job.ts';
import type { JobDeps } from './registry.ts';
import { newWorkerId, type RunSummary, runDueJobs } from './run-due-jobs.ts';
import { enqueueDailyJobs } from './schedule-daily.ts';

export interface Worker {
  id: string;
  /** Stops ticking and waits for the tick in progress (shutdown calls it before closing the pool). */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  intervalMs: number;
  clock?: () => Date;
}

/**
 * The in-process worker every app server runs: each tick enqueues the day's scheduled sweeps
 * (deduplicated across servers) and drains due jobs. Ticks never overlap; the timer does not keep
 * the process alive. Not started by tests (they call runDueJobs with a pinned `now`).
 */
export function startWorker(deps: JobDeps, opts: WorkerOptions): Worker {
  const id = newWorkerId();
  const clock = opts.clock ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | null = null;
  const tick = async () => {
    const now = clock();
    try {
      await enqueueDailyJobs(deps.db, now);
      await runDueJobs(deps, now, { workerId: id });
    } catch (e) {
      deps.log?.(`job worker ${id}: tick failed: ${errorText(e)}`);
    }
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      inFlight = tick().finally(() => {
        inFlight = null;
        if (!stopped) schedule(opts.intervalMs);
      });
    }, ms);
    timer.unref();
  };
  schedule(Math.min(opts.intervalMs, 5_000));
  return {
    id,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}

/**
 * One pass for the CLI (`gongkai jobs run`): schedule today's sweeps, then drain every due job.
 * Config defaults to the environment's (SMTP settings for email delivery).
 */
export async function runJobsOnce(
  handle: Pick<DbHandle, 'db'>,
  now: Date,
  config: Config = loadConfig(),
): Promise<RunSummary & { scheduled: number }> {
  registerBuiltinJobs();
  const deps: JobDeps = { db: handle.db, config, log: (m) => console.error(`[gongkai] ${m}`) };
  const scheduled = await enqueueDailyJobs(handle.db, now);
  const summary = await runDueJobs(deps, now, { rounds: 1000 });
  return { scheduled, ...summary };
}
