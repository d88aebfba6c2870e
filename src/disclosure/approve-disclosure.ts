import { inTransaction, type OpContext } from '../lib/context.ts';
import { type Disclosure, loadForStep, recordStep, updateDisclosure } from './store.ts';

/** 审批 by an approver (leader) of the unit, after review. */
export async function approveDisclosure(ctx: OpContext, id: string): Promise<Disclosure> {
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(tx, id, 'disclosure.approve', ['reviewed']);
    const next = await updateDisclosure(tx, d, {
      state: 'approved',
      approved_by: tx.actor.personId,
      approved_at: tx.now.toISOString(),
    });
    await recordStep(tx, next, { action: 'approve', summary: '审批同意' });
    return next;
  });
}
