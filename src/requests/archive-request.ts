import { inTransaction, type OpContext } from '../lib/context.ts';
import { type InfoRequest, loadForStep, recordStep, updateRequest } from './store.ts';

/** 归档 (Art. 45): a delivered or ended request is filed; nothing changes it afterwards but remedies. */
export async function archiveRequest(ctx: OpContext, id: string): Promise<InfoRequest> {
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['delivered', 'closed']);
    const next = await updateRequest(tx, r, { state: 'archived', archived_at: tx.now.toISOString() });
    await recordStep(tx, next, { action: 'archive', summary: '归档', public: false });
    return next;
  });
}
