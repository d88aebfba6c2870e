import type { OpContext } from '../lib/context.ts';
import { queueOutboxEmail } from './notify.ts';

/** A plausible address (the forms validate more strictly; this only guards what reaches SMTP). */
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * An email to someone outside the platform — an applicant, a feedback writer — in the caller's
 * transaction, when the server can send email (ctx.mail). It says that something happened and links
 * to the page where they look it up with their own code and secret; it carries no personal data and
 * no secret, since email is neither private nor certain. At most one per dedupeKey.
 */
export async function emailOutsider(
  ctx: OpContext,
  o: { to: string | null | undefined; subject: string; body: string; link: string; dedupeKey: string },
): Promise<boolean> {
  const to = o.to?.trim();
  if (!ctx.mail?.mailEnabled || !to || !ADDRESS.test(to)) return false;
  return queueOutboxEmail(ctx, {
    to,
    subject: o.subject,
    body: o.body,
    link: o.link,
    publicUrl: ctx.mail.publicUrl,
    dedupeKey: o.dedupeKey,
  });
}
