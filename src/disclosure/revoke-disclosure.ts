import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { ReasonInput } from './schemas.ts';
import { type Disclosure, loadForStep, recordStep, updateDisclosure } from './store.ts';

/**
 * 撤销: the item leaves the portal; a public notice with the reason stays at its address.
 * Revoking a document also revokes its published 政策解读 in the same transaction (三同时 works
 * both ways: an interpretation of a revoked policy would mislead), with a reason that says why.
 */
export async function revokeDisclosure(ctx: OpContext, id: string, raw: unknown): Promise<Disclosure> {
  const input = parse(ReasonInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(tx, id, 'disclosure.publish', ['published']);
    const next = await revoke(tx, d, input.reason);
    await recordStep(tx, next, { action: 'revoke', summary: '撤销', reason: input.reason });
    if (!d.interprets_id) {
      const interpretations = await tx.db
        .selectFrom('disclosures')
        .selectAll()
        .where('tenant_id', '=', d.tenant_id)
        .where('interprets_id', '=', d.id)
        .where('state', '=', 'published')
        .execute();
      for (const it of interpretations) {
        const reason = `所解读的文件《${d.title}》已撤销：${input.reason}`;
        const revoked = await revoke(tx, it, reason);
        await recordStep(tx, revoked, { action: 'revoke', summary: '随所解读的文件撤销', reason });
      }
    }
    return next;
  });
}

function revoke(ctx: OpContext, d: Disclosure, reason: string): Promise<Disclosure> {
  return updateDisclosure(ctx, d, {
    state: 'revoked',
    revoked_reason: reason,
    revoked_by: ctx.actor.personId,
    revoked_at: ctx.now.toISOString(),
  });
}
