import { loadCalendar } from '../calendar/tenant-calendar.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { supplementNoticeDue } from './clock/periods.ts';
import { issueStepDocument } from './documents-bridge.ts';
import { SupplementNoticeInput } from './schemas.ts';
import { type InfoRequest, loadForStep, recordStep, stepDate, updateRequest } from './store.ts';

/**
 * 补正告知 (Art. 30): one single notice, within 7 working days of receipt, saying what to supplement
 * and the period (working days) to do it in. The clock stops; the supplement restarts it in full.
 */
export async function requestSupplement(ctx: OpContext, id: string, raw: unknown): Promise<InfoRequest> {
  const input = parse(SupplementNoticeInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['processing']);
    if (r.supplement_notice_on) throw new AppError('request.supplement_once', { status: 409 });
    const received = r.received_on as string;
    const on = stepDate(tx, input.on, received);
    const cal = await loadCalendar(tx.db, r.tenant_id);
    const limit = supplementNoticeDue(cal, received).date;
    if (on > limit)
      throw new AppError('request.supplement_too_late', { status: 409, params: { date: limit } });
    const due = cal.addWorkingDays(on, input.periodDays).date;
    const next = await updateRequest(tx, r, {
      state: 'supplement_pending',
      supplement_notice_on: on,
      supplement_due_on: due,
      supplement_request: input.items,
    });
    const doc = await issueStepDocument(tx, next, 'supplement_notice', {
      supplementItems: input.items,
      supplementDeadline: due,
    });
    await recordStep(tx, next, {
      action: 'supplement_notice',
      summary: '发出补正告知',
      onDate: on,
      reason: input.items,
      detail: { periodDays: input.periodDays, due, ...doc },
    });
    return next;
  });
}
