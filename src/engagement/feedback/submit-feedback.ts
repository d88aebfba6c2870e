import { inTransaction, type OpContext } from '../../lib/context.ts';
import { parse } from '../../lib/validate.ts';
import { checkThrottle, recordThrottle } from '../throttle.ts';
import {
  addressedUnit,
  bodyDigest,
  checkDisclosure,
  checkDuplicate,
  checkHoneypot,
  contactKeys,
  insertFeedback,
  recordDigest,
} from './intake.ts';
import { SubmitFeedbackInput } from './schemas.ts';
import type { Feedback } from './store.ts';

/**
 * The public form (anonymous or signed in): to a unit, or about one of its published disclosures.
 * Guards in order: honeypot, throttle per IP and per contact, input, duplicate, sensitive words.
 * Returns the tracking secret, shown once.
 */
export async function submitFeedback(
  ctx: OpContext,
  raw: unknown,
): Promise<{ feedback: Feedback; secret: string }> {
  const ip = ctx.ip ?? 'unknown';
  const tenantId = ctx.actor.tenantId;
  checkHoneypot((raw ?? {}) as { website?: string });
  await checkThrottle(ctx.db, tenantId, 'feedback', ip, ctx.now);
  const input = parse(SubmitFeedbackInput, raw);
  const contacts = contactKeys(input);
  for (const key of contacts) await checkThrottle(ctx.db, tenantId, 'feedback_contact', key, ctx.now);
  return inTransaction(ctx, async (tx) => {
    const unit = await addressedUnit(tx, input.unitId);
    const disclosureId = await checkDisclosure(tx, unit, input.disclosureId);
    const digest = bodyDigest(input.body);
    await checkDuplicate(tx, unit.id, digest, input, ip);
    const done = await insertFeedback(tx, unit, input, { channel: 'online', disclosureId, digest });
    await recordThrottle(tx.db, tenantId, 'feedback', ip, tx.now);
    for (const key of contacts) await recordThrottle(tx.db, tenantId, 'feedback_contact', key, tx.now);
    await recordDigest(tx, digest, ip);
    return done;
  });
}
