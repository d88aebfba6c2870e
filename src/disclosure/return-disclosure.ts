import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { ReasonInput } from './schemas.ts';
import { type Disclosure, loadForStep, recordStep, updateDisclosure } from './store.ts';

/** 退回: a reviewer or approver sends the item back to drafting; the reason is shown to the drafter. */
export async function returnDisclosure(ctx: OpContext, id: string, raw: unknown): Promise<Disclosure> {
  const input = parse(ReasonInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(
      tx,
      id,
      ['disclosure.review', 'disclosure.approve'],
      ['submitted', 'reviewed', 'approved'],
    );
    const next = await updateDisclosure(tx, d, {
      state: 'draft',
      returned_reason: input.reason,
      returned_by: tx.actor.personId,
      returned_at: tx.now.toISOString(),
      reviewed_by: null,
      reviewed_at: null,
      approved_by: null,
      approved_at: null,
    });
    await recordStep(tx, next, { action: 'return', summary: '退回修改', reason: input.reason });
    return next;
  });
}
