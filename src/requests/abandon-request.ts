import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { chinaDate, type InfoRequest, loadForStep, recordStep, updateRequest } from './store.ts';

/**
 * Ends a request whose applicant let a period run out (“视为放弃”):
 * - the 补正 period (Art. 30) → outcome （六）1, other_no_supplement;
 * - the fee payment window (国办函〔2020〕109号) → outcome （六）2, other_fee_unpaid.
 * Only after the period's last day; the daily sweep reminds the handler.
 */
export async function abandonRequest(ctx: OpContext, id: string): Promise<InfoRequest> {
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['supplement_pending', 'fee_pending']);
    const today = chinaDate(tx.now);
    const supplement = r.state === 'supplement_pending';
    const last = supplement ? r.supplement_due_on : r.fee_due_on;
    if (!last || today <= last)
      throw new AppError('request.period_running', { status: 409, params: { date: last ?? '' } });
    const outcome = supplement ? 'other_no_supplement' : 'other_fee_unpaid';
    const next = await updateRequest(tx, r, { state: 'closed', outcome_key: outcome, closed_on: today });
    await recordStep(tx, next, {
      action: supplement ? 'abandon_supplement' : 'abandon_fee',
      summary: supplement ? '逾期未补正，不再处理' : '逾期未缴费，不再处理',
      onDate: today,
      detail: { outcome, periodEnded: last },
    });
    return next;
  });
}
