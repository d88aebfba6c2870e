import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { deleteSession } from './sessions.ts';

export async function signOut(ctx: OpContext, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await deleteSession(tx.db, tx.actor.tenantId, sessionId);
    await recordAudit(tx, {
      action: 'auth.sign_out',
      targetType: 'person',
      targetId: tx.actor.personId,
      summary: `退出登录：${tx.actor.username ?? ''}`,
    });
  });
}
