import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { addressedUnit, checkContact, newRequestRow } from './intake.ts';
import { checkAttemptAllowed, recordAttempt } from './limits.ts';
import { SubmitRequestInput } from './schemas.ts';
import { type InfoRequest, recordStep } from './store.ts';

/**
 * The public online form (网上申请). The request waits for the office's confirmation: its received
 * date is the day both sides confirm (Art. 31). Returns the tracking secret, shown once.
 */
export async function submitRequest(
  ctx: OpContext,
  raw: unknown,
): Promise<{ request: InfoRequest; secret: string }> {
  const ip = ctx.ip ?? 'unknown';
  await checkAttemptAllowed(ctx.db, ctx.actor.tenantId, 'submit', ip, ctx.now);
  const input = parse(SubmitRequestInput, raw);
  checkContact(input);
  return inTransaction(ctx, async (tx) => {
    const unit = await addressedUnit(tx, input.unitId);
    const { row, secret } = newRequestRow(tx, unit, input, {
      channel: 'online',
      state: 'awaiting_confirmation',
      confirmed_on: null,
      received_on: null,
    });
    await tx.db.insertInto('requests').values(row).execute();
    await recordAttempt(tx.db, tx.actor.tenantId, 'submit', ip, tx.now, true);
    await recordStep(tx, row, {
      action: 'submit',
      summary: '网上提交政府信息公开申请',
      detail: { channel: 'online' },
    });
    return { request: row, secret };
  });
}
