import { registerFeedbackReminders } from './feedback/reminders.ts';

/**
 * Job kinds and daily schedules of the engagement features (reply-deadline reminders, …): each
 * feature exports a register function and is called here; src/jobs/builtin-jobs.ts calls this once.
 */
export function registerEngagementJobs(): void {
  registerFeedbackReminders();
}
