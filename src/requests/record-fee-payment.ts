import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { DateInput } from './schemas.ts';
import { type InfoRequest, loadForStep, recordStep, stepDate, updateRequest } from './store.ts';

/** The fee was paid (on = day of payment): the pause ends and the clock runs again. */
export async function recordFeePayment(ctx: OpContext, id: string, raw: unknown): Promise<InfoRequest> {
  const input = parse(DateInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['fee_pending']);
    const on = stepDate(tx, input.on, r.fee_notice_on);
    if (r.fee_due_on && on > r.fee_due_on)
      throw new AppError('request.fee_window_over', { status: 409, params: { date: r.fee_due_on } });
    const next = await updateRequest(tx, r, { state: 'processing', fee_paid_on: on });
    await recordStep(tx, next, {
      action: 'fee_paid',
      summary: '申请人已缴纳信息处理费',
      onDate: on,
      detail: { pauseStart: r.fee_notice_on, pauseEnd: on, amount: r.fee_amount },
    });
    return next;
  });
}
