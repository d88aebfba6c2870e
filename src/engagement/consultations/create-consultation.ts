import { authorize } from '../../auth/policy.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { CreateConsultationInput, MAX_PARAGRAPHS } from './schemas.ts';
import { splitParagraphs } from './status.ts';
import { type Consultation, fieldError, recordStep, writeParagraphs } from './store.ts';

/** The draft text as paragraphs, within the limits. */
export function draftParagraphs(text: string): string[] {
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length === 0) throw fieldError('text', 'validation.required');
  if (paragraphs.length > MAX_PARAGRAPHS)
    throw fieldError('text', 'consultation.too_many_paragraphs', { max: MAX_PARAGRAPHS });
  return paragraphs;
}

/** 起草征求意见稿: staff of the unit (consultation.manage) draft a consultation; nothing is public yet. */
export async function createConsultation(ctx: OpContext, raw: unknown): Promise<Consultation> {
  const input = parse(CreateConsultationInput, raw);
  const paragraphs = draftParagraphs(input.text);
  return inTransaction(ctx, async (tx) => {
    const unit = isId(input.unitId)
      ? await tx.db
          .selectFrom('units')
          .selectAll()
          .where('tenant_id', '=', tx.actor.tenantId)
          .where('id', '=', input.unitId)
          .executeTakeFirst()
      : undefined;
    if (!unit) throw new AppError('unit.not_found');
    authorize(tx.actor, 'consultation.manage', unit);
    if (unit.status === 'retired') throw new AppError('unit.retired', { status: 409 });
    const at = tx.now.toISOString();
    const c: Consultation = {
      tenant_id: unit.tenant_id,
      id: newId(tx.now.getTime()),
      unit_id: unit.id,
      title: input.title.trim(),
      explanation: input.explanation.trim(),
      state: 'draft',
      opens_on: null,
      closes_on: null,
      first_closes_on: null,
      published_at: null,
      published_by: null,
      withdrawn_at: null,
      withdrawn_reason: null,
      report_summary: null,
      report_published_at: null,
      report_published_by: null,
      final_disclosure_id: null,
      created_by: tx.actor.personId,
      created_at: at,
      updated_at: at,
    };
    await tx.db.insertInto('consultations').values(c).execute();
    await writeParagraphs(tx, c, paragraphs);
    await recordStep(tx, c, {
      kind: 'created',
      summary: `起草征求意见稿「${c.title}」`,
      after: { title: c.title, paragraphs: paragraphs.length },
    });
    return c;
  });
}
