import type { OpContext } from '../../lib/context.ts';
import { acceptFeedback } from './accept-feedback.ts';
import { closeFeedback } from './close-feedback.ts';
import { markCannotHandle } from './mark-cannot-handle.ts';
import { moderateFeedback } from './moderate-feedback.ts';
import { reopenFeedback } from './reopen-feedback.ts';
import { replyFeedback } from './reply-feedback.ts';
import { routeFeedback } from './route-feedback.ts';
import type { Feedback } from './store.ts';

/** The back-office steps on one message, by URL segment: pages and API post to the same table. */
export const FEEDBACK_STEPS: Record<
  string,
  (ctx: OpContext, id: string, body: unknown) => Promise<Feedback>
> = {
  moderate: moderateFeedback,
  route: routeFeedback,
  accept: (ctx, id) => acceptFeedback(ctx, id),
  reply: replyFeedback,
  'cannot-handle': markCannotHandle,
  close: closeFeedback,
  reopen: reopenFeedback,
};
