import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { RemedyInput } from './schemas.ts';
import { DONE_STATES, loadForStep, recordStep } from './store.ts';

const LABEL: Record<string, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};

/** Records a 行政复议 or 行政诉讼 against a request (table 四), with its result so far. */
export async function recordRemedy(ctx: OpContext, id: string, raw: unknown): Promise<{ id: string }> {
  const input = parse(RemedyInput, raw);
  if (input.result !== 'pending' && !input.decidedOn)
    throw new AppError('validation.failed', {
      fields: [{ field: 'decidedOn', code: 'validation.required' }],
    });
  if (input.decidedOn && input.decidedOn < input.filedOn)
    throw new AppError('validation.failed', {
      fields: [{ field: 'decidedOn', code: 'request.date_too_early', params: { date: input.filedOn } }],
    });
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', DONE_STATES);
    const remedyId = newId(tx.now.getTime());
    const at = tx.now.toISOString();
    await tx.db
      .insertInto('request_remedies')
      .values({
        tenant_id: r.tenant_id,
        id: remedyId,
        request_id: r.id,
        unit_id: r.unit_id,
        kind: input.kind,
        result: input.result,
        filed_on: input.filedOn,
        decided_on: input.decidedOn || null,
        note: input.note ?? null,
        created_by: tx.actor.personId,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordStep(tx, r, {
      action: 'remedy',
      summary: `登记${LABEL[input.kind]}`,
      onDate: input.filedOn,
      detail: { remedyId, kind: input.kind, result: input.result, decidedOn: input.decidedOn || null },
      public: false,
    });
    return { id: remedyId };
  });
}
