import type { Updateable } from 'kysely';
import nodemailer from 'nodemailer';
import type { DbOrTx, EmailOutboxTable } from '../db/types.ts';
import { errorText } from '../jobs/finish-job.ts';
import type { Config } from '../server/config.ts';

export type DeliveryResult = 'sent' | 'already_sent' | 'gone';

/**
 * Delivers one outbox email over SMTP (the 'email.send' job). The row's status is the "sent"
 * flag: a row already sent is never sent again, so a repeated job is harmless. A failure is
 * recorded on the row (attempts, last_error; 'failed' on the job's last attempt) and rethrown so
 * the job retries with backoff.
 *
 * Delivery is at least once: a worker that dies between the SMTP acceptance and the status update
 * leaves the row pending, and the retried job sends it again.
 */
export async function deliverOutboxEmail(
  db: DbOrTx,
  ref: { tenantId: string; outboxId: string },
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  now: Date,
  lastAttempt: boolean,
): Promise<DeliveryResult> {
  const row = await db
    .selectFrom('email_outbox')
    .selectAll()
    .where('tenant_id', '=', ref.tenantId)
    .where('id', '=', ref.outboxId)
    .executeTakeFirst();
  if (!row) return 'gone';
  if (row.status === 'sent') return 'already_sent';
  const mark = (set: Updateable<EmailOutboxTable>) =>
    db
      .updateTable('email_outbox')
      .set(set)
      .where('tenant_id', '=', ref.tenantId)
      .where('id', '=', ref.outboxId)
      .where('status', '!=', 'sent')
      .execute();
  try {
    if (!config.smtpUrl) throw new Error('SMTP is not configured (GONGKAI_SMTP_URL)');
    await sendMail(config.smtpUrl, {
      from: config.mailFrom,
      to: row.to_address,
      subject: row.subject,
      text: row.text,
      html: row.html ?? undefined,
    });
  } catch (e) {
    await mark({
      status: lastAttempt ? 'failed' : 'pending',
      attempts: row.attempts + 1,
      last_error: errorText(e),
    });
    throw e;
  }
  await mark({ status: 'sent', attempts: row.attempts + 1, last_error: null, sent_at: now.toISOString() });
  return 'sent';
}

interface Message {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** One connection per message: reminders are few, and a fresh transport never holds a dead socket. */
async function sendMail(smtpUrl: string, message: Message): Promise<void> {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    await transport.sendMail(message);
  } finally {
    transport.close();
  }
}
