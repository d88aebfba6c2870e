import { t } from '../../i18n/index.ts';
import type { OpContext } from '../../lib/context.ts';
import { emailOutsider } from '../../notify/email-outsider.ts';
import type { Feedback } from './store.ts';

/**
 * When the writer left an email address: one email per answer (reply round or 暂无法办理), naming
 * the tracking code and linking to the tracking page with the code filled in. It carries neither
 * the question, the answer nor the secret: the writer reads (and rates) the answer there.
 */
export async function tellWriterAnswered(ctx: OpContext, f: Feedback, round: number): Promise<void> {
  await emailOutsider(ctx, {
    to: f.contact_email,
    subject: t('feedback.notice.subject', { code: f.tracking_code }),
    body: t('feedback.notice.body', { code: f.tracking_code }),
    link: `/feedback/track?c=${encodeURIComponent(f.tracking_code)}`,
    dedupeKey: `feedback.answered:${f.id}:${round}`,
  });
}
