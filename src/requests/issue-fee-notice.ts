import { loadCalendar } from '../calendar/tenant-calendar.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { feePaymentDue } from './clock/periods.ts';
import { issueStepDocument } from './documents-bridge.ts';
import { processingFee } from './fee.ts';
import { FeeNoticeInput } from './schemas.ts';
import { type InfoRequest, loadForStep, recordStep, stepDate, updateRequest } from './store.ts';

/**
 * 收费通知 (Art. 42, 国办函〔2020〕109号): per request (the applicant's count of requests received in
 * the calendar month, across the tenant, by identity number) or per volume (pages), never both. The
 * payment window (20 working days) pauses the clock; unpaid at its end → abandonRequest.
 */
export async function issueFeeNotice(ctx: OpContext, id: string, raw: unknown): Promise<InfoRequest> {
  const input = parse(FeeNoticeInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['processing']);
    if (r.fee_notice_on) throw new AppError('request.fee_once', { status: 409 });
    const method = input.method as 'per_request' | 'per_volume';
    let quantity = input.quantity ?? 0;
    if (method === 'per_request') {
      const month = (r.received_on as string).slice(0, 7);
      const row = await tx.db
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', r.tenant_id)
        .where('id_number_hash', '=', r.id_number_hash ?? '-')
        .where('received_on', '>=', `${month}-01`)
        .where('received_on', '<=', `${month}-31`)
        .where('id', '<=', r.id)
        .executeTakeFirstOrThrow();
      quantity = Number(row.n);
    } else if (quantity < 1) {
      throw new AppError('validation.failed', {
        fields: [{ field: 'quantity', code: 'validation.required' }],
      });
    }
    const amount = processingFee(method, quantity);
    if (amount === 0) throw new AppError('request.fee_free', { status: 409, params: { quantity } });
    const on = stepDate(tx, input.on, r.supplement_received_on ?? r.received_on);
    const cal = await loadCalendar(tx.db, r.tenant_id);
    const due = feePaymentDue(cal, on).date;
    const next = await updateRequest(tx, r, {
      state: 'fee_pending',
      fee_method: method,
      fee_quantity: quantity,
      fee_amount: amount,
      fee_notice_on: on,
      fee_due_on: due,
    });
    const doc = await issueStepDocument(tx, next, 'fee_notice', {
      feeAmount: String(amount),
      feeBasis: method === 'per_request' ? `按件计收（本月第 ${quantity} 件）` : `按量计收（${quantity} 页）`,
      paymentDeadline: due,
    });
    await recordStep(tx, next, {
      action: 'fee_notice',
      summary: `发出收费通知（${amount} 元）`,
      onDate: on,
      detail: { method, quantity, amount, pauseStart: on, due, ...doc },
    });
    return next;
  });
}
