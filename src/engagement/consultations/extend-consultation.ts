import { inTransaction, type OpContext } from '../../lib/context.ts';
import { parse } from '../../lib/validate.ts';
import { checkPeriod } from './open-consultation.ts';
import { ExtendConsultationInput } from './schemas.ts';
import { chinaDate, consultationStatus } from './status.ts';
import {
  type Consultation,
  consultationForStaff,
  fieldError,
  recordStep,
  stateError,
  updateConsultationRow,
} from './store.ts';

/** 延长征求意见期: a later end date with a note shown on the public page; only before the period ends. */
export async function extendConsultation(ctx: OpContext, id: string, raw: unknown): Promise<Consultation> {
  const input = parse(ExtendConsultationInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { c } = await consultationForStaff(tx, id);
    const status = consultationStatus(c, chinaDate(tx.now));
    if (status !== 'open' && status !== 'upcoming') throw stateError('consultation.not_extendable');
    if (!c.closes_on || !c.opens_on || input.closesOn <= c.closes_on)
      throw fieldError('closesOn', 'consultation.extension_not_later');
    checkPeriod(c.opens_on, input.closesOn);
    const next = await updateConsultationRow(tx, c, { closes_on: input.closesOn });
    await recordStep(tx, next, {
      kind: 'extended',
      summary: `征求意见期延长至 ${input.closesOn}`,
      note: input.note.trim(),
      public: true,
      before: { closes_on: c.closes_on },
      after: { closes_on: input.closesOn },
    });
    return next;
  });
}
