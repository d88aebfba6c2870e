import { inTransaction, type OpContext } from '../../lib/context.ts';
import { parse } from '../../lib/validate.ts';
import { ReasonInput } from './schemas.ts';
import {
  type Consultation,
  consultationForStaff,
  recordStep,
  stateError,
  updateConsultationRow,
} from './store.ts';

/**
 * 撤回: a draft is dropped; a published consultation stays on the portal with the reason (it was
 * public, so it is never silently removed). Not after the adoption report.
 */
export async function withdrawConsultation(ctx: OpContext, id: string, raw: unknown): Promise<Consultation> {
  const input = parse(ReasonInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { c } = await consultationForStaff(tx, id);
    if (c.state !== 'draft' && c.state !== 'open') throw stateError('consultation.not_withdrawable');
    const reason = input.reason.trim();
    const next = await updateConsultationRow(tx, c, {
      state: 'withdrawn',
      withdrawn_at: tx.now.toISOString(),
      withdrawn_reason: reason,
    });
    await recordStep(tx, next, {
      kind: 'withdrawn',
      summary: `撤回征求意见「${c.title}」`,
      note: reason,
      public: c.published_at !== null,
      before: { state: c.state },
      after: { state: 'withdrawn' },
    });
    return next;
  });
}
