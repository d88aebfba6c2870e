import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { ReasonInput } from './schemas.ts';
import { type InfoRequest, loadForStep, OPEN_STATES, recordStep, stepDate, updateRequest } from './store.ts';

/**
 * The applicant withdrew the request (recorded by staff, with what they said): it ends as
 * （六）3 其他. A request never confirmed as received ends without an outcome (it is not counted).
 */
export async function withdrawRequest(ctx: OpContext, id: string, raw: unknown): Promise<InfoRequest> {
  const input = parse(ReasonInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['awaiting_confirmation', ...OPEN_STATES]);
    const on = stepDate(tx, input.on, r.received_on);
    const next = await updateRequest(tx, r, {
      state: 'closed',
      outcome_key: r.received_on ? 'other' : null,
      closed_on: r.received_on ? on : null,
    });
    await recordStep(tx, next, {
      action: 'withdraw',
      summary: '申请人撤回申请',
      onDate: on,
      reason: input.reason,
    });
    return next;
  });
}
