import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parse } from '../../lib/validate.ts';
import { notify } from '../../notify/notify.ts';
import { checkThrottle, recordThrottle } from '../throttle.ts';
import { peopleWith } from './recipients.ts';
import { RateInput } from './schemas.ts';
import { ANSWERED_STATES, type Feedback, officePerm, recordFeedbackStep, updateFeedback } from './store.ts';
import { trackFeedback } from './track-feedback.ts';

/**
 * The writer rates the answer of the current round through the tracking link (code + secret),
 * once per round: 满意 / 基本满意 close the thread; 不满意 keeps it open and alerts the office
 * covering the unit (the inspectors, for a 举报), who may reopen it (reopenFeedback).
 */
export async function rateFeedback(ctx: OpContext, raw: unknown): Promise<Feedback> {
  const input = parse(RateInput, raw);
  const ip = ctx.ip ?? 'unknown';
  await checkThrottle(ctx.db, ctx.actor.tenantId, 'rate_reply', ip, ctx.now);
  const found = await trackFeedback(ctx, { code: input.code, secret: input.secret });
  return inTransaction(ctx, async (tx) => {
    // re-read under the row lock: two ratings of one round cannot both pass
    await tx.db
      .updateTable('feedback')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('tenant_id', '=', found.f.tenant_id)
      .where('id', '=', found.f.id)
      .execute();
    const f = await tx.db
      .selectFrom('feedback')
      .selectAll()
      .where('tenant_id', '=', found.f.tenant_id)
      .where('id', '=', found.f.id)
      .executeTakeFirstOrThrow();
    if (!ANSWERED_STATES.includes(f.status) || f.rating !== null)
      throw new AppError('feedback.cannot_rate', { status: 409 });
    const at = tx.now.toISOString();
    const comment = input.comment?.trim() || null;
    const satisfied = input.rating !== 'dissatisfied';
    const next = await updateFeedback(tx, f, {
      rating: input.rating,
      rating_comment: comment,
      rated_at: at,
      ...(satisfied ? { status: 'closed' as const, closed_at: at } : {}),
    });
    await recordFeedbackStep(tx, next, {
      kind: 'rated',
      summary: `留言人评价：${RATING_LABEL[input.rating]}`,
      detail: { rating: input.rating, comment, round: f.reopened_count + 1 },
    });
    await recordThrottle(tx.db, tx.actor.tenantId, 'rate_reply', ip, tx.now);
    if (!satisfied) {
      const unit = found.unit;
      await notify(tx, {
        personIds: await peopleWith(tx, officePerm(f), unit),
        kind: 'feedback.dissatisfied',
        title: `留言人对答复不满意：${f.tracking_code}`,
        body: `${unit.name}答复的留言“${f.kind === 'report' ? '（举报）' : f.subject}”被评为不满意，请研究是否重新办理。`,
        link: `/admin/feedback/${f.id}`,
        dedupeKey: `feedback.dissatisfied:${f.id}:${f.reopened_count + 1}`,
        email: true,
      });
    }
    return next;
  });
}

export const RATING_LABEL = { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意' } as const;
