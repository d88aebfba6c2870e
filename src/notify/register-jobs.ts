import { registerJobHandler } from '../jobs/registry.ts';
import { deliverOutboxEmail } from './deliver-email.ts';
import { EMAIL_JOB } from './notify.ts';

/** The notify feature's job kinds (called from src/jobs/builtin-jobs.ts). */
export function registerNotifyJobs(): void {
  registerJobHandler<{ outboxId: string }>(EMAIL_JOB, async (run) => {
    await deliverOutboxEmail(
      run.deps.db,
      { tenantId: run.job.tenantId, outboxId: run.payload.outboxId },
      run.deps.config,
      run.ctx.now,
      run.lastAttempt,
    );
  });
}
