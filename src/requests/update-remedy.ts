import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { RemedyUpdateInput } from './schemas.ts';
import { DONE_STATES, loadForStep, recordStep } from './store.ts';

/** A 复议/诉讼 was decided (or its result corrected): result and date. */
export async function updateRemedy(ctx: OpContext, id: string, raw: unknown): Promise<{ id: string }> {
  const input = parse(RemedyUpdateInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', DONE_STATES);
    const remedy = await tx.db
      .selectFrom('request_remedies')
      .selectAll()
      .where('tenant_id', '=', r.tenant_id)
      .where('request_id', '=', r.id)
      .where('id', '=', input.remedyId)
      .executeTakeFirst();
    if (!remedy) throw new AppError('request.remedy_not_found');
    if (input.result !== 'pending' && !input.decidedOn)
      throw new AppError('validation.failed', {
        fields: [{ field: 'decidedOn', code: 'validation.required' }],
      });
    if (input.decidedOn && input.decidedOn < remedy.filed_on)
      throw new AppError('validation.failed', {
        fields: [{ field: 'decidedOn', code: 'request.date_too_early', params: { date: remedy.filed_on } }],
      });
    await tx.db
      .updateTable('request_remedies')
      .set({
        result: input.result,
        decided_on: input.decidedOn || null,
        note: input.note ?? remedy.note,
        updated_at: tx.now.toISOString(),
      })
      .where('tenant_id', '=', r.tenant_id)
      .where('id', '=', remedy.id)
      .execute();
    await recordStep(tx, r, {
      action: 'remedy_update',
      summary: '更新复议/诉讼结果',
      onDate: input.decidedOn || null,
      detail: { remedyId: remedy.id, result: input.result },
      before: { result: remedy.result, decidedOn: remedy.decided_on },
      public: false,
    });
    return { id: remedy.id };
  });
}
