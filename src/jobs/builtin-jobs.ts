import { registerFilingReviewReminders } from '../disclosure/filing-reminders.ts';
import { registerEngagementJobs } from '../engagement/jobs.ts';
import { registerNotifyJobs } from '../notify/register-jobs.ts';
import { registerObligationReminders } from '../obligations/reminders.ts';
import { registerRequestReminders } from '../requests/reminders.ts';

let registered = false;

/**
 * The job kinds and daily schedules the application runs. A feature that owns a job (a reminder
 * sweep, a delivery) exports a register function and is called here; serve and the CLI call this
 * once before starting the worker.
 */
export function registerBuiltinJobs(): void {
  if (registered) return;
  registered = true;
  registerNotifyJobs();
  registerObligationReminders();
  registerRequestReminders();
  registerFilingReviewReminders();
  registerEngagementJobs();
}
