import { loadCalendar } from '../calendar/tenant-calendar.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { deadlineOf } from './deadline.ts';
import { issueStepDocument } from './documents-bridge.ts';
import { ExtendInput } from './schemas.ts';
import {
  consultationsOf,
  type InfoRequest,
  loadForStep,
  recordStep,
  stepDate,
  updateRequest,
} from './store.ts';

/**
 * 延期答复 (Art. 33(2)): once, up to 20 working days, approved by the head of the disclosure office
 * (request.office: the acting person is recorded as the approver) before the deadline passes, with
 * a notice to the applicant (延期答复告知书).
 */
export async function extendDeadline(ctx: OpContext, id: string, raw: unknown): Promise<InfoRequest> {
  const input = parse(ExtendInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.office', ['processing', 'consulting', 'fee_pending']);
    if (r.extension_days) throw new AppError('request.extension_once', { status: 409 });
    const on = stepDate(tx, input.on, r.received_on);
    // The deadline as of the approval day, through the engine: the cached due_date counts an open
    // consultation or fee window only up to the last step, so it lags behind while the clock stops.
    const cal = await loadCalendar(tx.db, r.tenant_id);
    const before = deadlineOf(cal, r, await consultationsOf(tx.db, r), on)?.due ?? r.due_date;
    if (before && on > before)
      throw new AppError('request.extension_too_late', { status: 409, params: { date: before } });
    const next = await updateRequest(tx, r, {
      extension_days: input.days,
      extension_on: on,
      extension_reason: input.reason,
      extension_approved_by: tx.actor.name,
    });
    const doc = await issueStepDocument(tx, next, 'extension_notice', {
      extensionDays: String(input.days),
      deadline: next.due_date ?? '',
      reason: input.reason,
    });
    await recordStep(tx, next, {
      action: 'extend',
      summary: `延期答复 ${input.days} 个工作日`,
      onDate: on,
      reason: input.reason,
      detail: { days: input.days, from: before, to: next.due_date, approvedBy: tx.actor.name, ...doc },
    });
    return next;
  });
}
