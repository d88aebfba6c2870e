import { authorize } from '../../auth/policy.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parse } from '../../lib/validate.ts';
import {
  addressedUnit,
  bodyDigest,
  checkDisclosure,
  checkDuplicate,
  checkHoneypot,
  insertFeedback,
} from './intake.ts';
import { PaperFeedbackInput } from './schemas.ts';
import { chinaDate, type Feedback } from './store.ts';

/**
 * Staff enter a paper form (纸质征集表) on the writer's behalf: channel 'paper', entered_by set,
 * the same checks as the public form (but no per-IP throttle: the clerk types many forms). The
 * clock starts on the day written on the form (not in the future). Returns the writer's secret.
 */
export async function enterPaperFeedback(
  ctx: OpContext,
  raw: unknown,
): Promise<{ feedback: Feedback; secret: string }> {
  const input = parse(PaperFeedbackInput, raw);
  checkHoneypot(input);
  const today = chinaDate(ctx.now);
  const writtenOn = input.writtenOn || today;
  if (writtenOn > today)
    throw new AppError('validation.failed', {
      fields: [{ field: 'writtenOn', code: 'feedback.date_in_future' }],
    });
  return inTransaction(ctx, async (tx) => {
    const unit = await addressedUnit(tx, input.unitId);
    authorize(tx.actor, 'feedback.handle', unit);
    const disclosureId = await checkDisclosure(tx, unit, input.disclosureId);
    const digest = bodyDigest(input.body);
    await checkDuplicate(tx, unit.id, digest, input, null);
    return insertFeedback(tx, unit, input, { channel: 'paper', disclosureId, digest, receivedOn: writtenOn });
  });
}
