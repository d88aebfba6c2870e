import { inTransaction, type OpContext } from '../../lib/context.ts';
import { parse } from '../../lib/validate.ts';
import { draftParagraphs } from './create-consultation.ts';
import { UpdateConsultationInput } from './schemas.ts';
import {
  type Consultation,
  consultationForStaff,
  recordStep,
  stateError,
  updateConsultationRow,
  writeParagraphs,
} from './store.ts';

/** Edits a draft: title, 起草说明 and text (renumbered). Once opened the text is frozen. */
export async function updateConsultation(ctx: OpContext, id: string, raw: unknown): Promise<Consultation> {
  const input = parse(UpdateConsultationInput, raw);
  const paragraphs = draftParagraphs(input.text);
  return inTransaction(ctx, async (tx) => {
    const { c } = await consultationForStaff(tx, id);
    if (c.state !== 'draft') throw stateError('consultation.published_immutable');
    const next = await updateConsultationRow(tx, c, {
      title: input.title.trim(),
      explanation: input.explanation.trim(),
    });
    await writeParagraphs(tx, c, paragraphs);
    await recordStep(tx, next, {
      kind: 'edited',
      summary: `修改征求意见稿「${next.title}」`,
      before: { title: c.title },
      after: { title: next.title, paragraphs: paragraphs.length },
    });
    return next;
  });
}
