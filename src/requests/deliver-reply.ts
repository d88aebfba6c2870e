import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { DeliverInput } from './schemas.ts';
import { type InfoRequest, loadForStep, recordStep, stepDate, updateRequest } from './store.ts';

/**
 * 送达 (国办公开办函〔2016〕235号): direct or entrusted delivery → the day the applicant signs; post
 * (China Post/EMS) → the day it is posted (交邮之日); email / online → the day it is sent. That day
 * is what the deadline is met by, and the day the request's outcome counts (closed_on).
 */
export async function deliverReply(ctx: OpContext, id: string, raw: unknown): Promise<InfoRequest> {
  const input = parse(DeliverInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['replied']);
    const on = stepDate(tx, input.on, r.replied_on);
    const next = await updateRequest(tx, r, {
      state: 'delivered',
      delivery_method: input.method,
      delivered_on: on,
      closed_on: on,
    });
    const late = next.due_date !== null && on > next.due_date;
    await recordStep(tx, next, {
      action: 'deliver',
      summary: '答复已送达',
      onDate: on,
      detail: { method: input.method, due: next.due_date, late },
    });
    return next;
  });
}
