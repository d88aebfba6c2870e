import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { ReasonInput } from './schemas.ts';
import { type Disclosure, loadForStep, recordStep, updateDisclosure } from './store.ts';

/** 撤销: the item leaves the portal; a public notice with the reason stays at its address. */
export async function revokeDisclosure(ctx: OpContext, id: string, raw: unknown): Promise<Disclosure> {
  const input = parse(ReasonInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(tx, id, 'disclosure.publish', ['published']);
    const next = await updateDisclosure(tx, d, {
      state: 'revoked',
      revoked_reason: input.reason,
      revoked_by: tx.actor.personId,
      revoked_at: tx.now.toISOString(),
    });
    await recordStep(tx, next, { action: 'revoke', summary: '撤销', reason: input.reason });
    return next;
  });
}
