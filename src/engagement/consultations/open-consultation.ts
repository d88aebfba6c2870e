import { inTransaction, type OpContext } from '../../lib/context.ts';
import { parse } from '../../lib/validate.ts';
import { OpenConsultationInput } from './schemas.ts';
import { chinaDate, daysBetween, MAX_PERIOD_DAYS, MIN_PERIOD_DAYS } from './status.ts';
import {
  type Consultation,
  consultationForStaff,
  fieldError,
  recordStep,
  stateError,
  updateConsultationRow,
} from './store.ts';

/** The period rules shared by opening and extending: real dates, in order, long enough. */
export function checkPeriod(opensOn: string, closesOn: string): void {
  if (Number.isNaN(Date.parse(`${opensOn}T00:00:00Z`))) throw fieldError('opensOn', 'validation.invalid');
  if (Number.isNaN(Date.parse(`${closesOn}T00:00:00Z`))) throw fieldError('closesOn', 'validation.invalid');
  if (closesOn <= opensOn) throw fieldError('closesOn', 'consultation.closes_before_opens');
  const days = daysBetween(opensOn, closesOn) + 1;
  if (days < MIN_PERIOD_DAYS)
    throw fieldError('closesOn', 'consultation.period_too_short', { min: MIN_PERIOD_DAYS, days });
  if (days > MAX_PERIOD_DAYS)
    throw fieldError('closesOn', 'consultation.period_too_long', { max: MAX_PERIOD_DAYS });
}

/**
 * 发布征求意见稿: publishes the draft with its comment period. From here on the text, title and
 * 起草说明 are immutable; only the end date can move (an extension with a public note).
 */
export async function openConsultation(ctx: OpContext, id: string, raw: unknown): Promise<Consultation> {
  const input = parse(OpenConsultationInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { c } = await consultationForStaff(tx, id);
    if (c.state !== 'draft') throw stateError('consultation.not_draft');
    if (input.opensOn < chinaDate(tx.now)) throw fieldError('opensOn', 'consultation.opens_in_past');
    checkPeriod(input.opensOn, input.closesOn);
    const next = await updateConsultationRow(tx, c, {
      state: 'open',
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      first_closes_on: input.closesOn,
      published_at: tx.now.toISOString(),
      published_by: tx.actor.personId,
    });
    await recordStep(tx, next, {
      kind: 'opened',
      summary: `发布征求意见稿「${c.title}」，征求意见期 ${input.opensOn} 至 ${input.closesOn}`,
      public: true,
      note: `${input.opensOn} 至 ${input.closesOn}`,
      after: { opens_on: input.opensOn, closes_on: input.closesOn },
    });
    return next;
  });
}
