import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { issueStepDocument } from './documents-bridge.ts';
import { DateInput } from './schemas.ts';
import { chinaDate, type InfoRequest, loadForStep, recordStep, stepDate, updateRequest } from './store.ts';

/**
 * The office confirms an online, fax or ordinary-post request with the applicant (双方确认): the
 * confirmation day is the received date (Art. 31) and the 20-working-day clock starts.
 */
export async function confirmRequest(ctx: OpContext, id: string, raw: unknown): Promise<InfoRequest> {
  const input = parse(DateInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['awaiting_confirmation']);
    const on = stepDate(tx, input.on, chinaDate(new Date(r.submitted_at)));
    const next = await updateRequest(tx, r, { state: 'processing', confirmed_on: on, received_on: on });
    const doc = await issueStepDocument(tx, next, 'acknowledgement', {});
    await recordStep(tx, next, {
      action: 'confirm',
      summary: '确认收到申请',
      onDate: on,
      detail: { received: on, ...doc },
    });
    return next;
  });
}
