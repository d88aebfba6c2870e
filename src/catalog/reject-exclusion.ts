import { recordAudit } from '../audit/record-audit.ts';
import type { CatalogExclusion } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { exclusionToDecide } from './access.ts';
import { findExclusion } from './queries.ts';
import { ReasonInput } from './schemas.ts';

/**
 * The office rejects a "not applicable" claim with its reason: the entry applies to the unit
 * again. An accepted claim may be rejected later too (circumstances change).
 */
export async function rejectExclusion(ctx: OpContext, id: string, raw: unknown): Promise<CatalogExclusion> {
  const input = parse(ReasonInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { exclusion, unit, entry } = await exclusionToDecide(tx.db, tx.actor, id, 'catalog.manage', [
      'claimed',
      'accepted',
    ]);
    const changes = {
      status: 'rejected' as const,
      decided_by: tx.actor.personId,
      decided_at: tx.now.toISOString(),
      decision_reason: input.reason,
    };
    await tx.db
      .updateTable('catalog_exclusions')
      .set(changes)
      .where('tenant_id', '=', exclusion.tenant_id)
      .where('id', '=', exclusion.id)
      .execute();
    await recordAudit(tx, {
      action: 'catalog.exclusion.reject',
      targetType: 'catalog_exclusion',
      targetId: exclusion.id,
      unitId: unit.id,
      summary: `驳回“${unit.name}”对目录条目“${entry.item}”的不适用申请：${input.reason}`,
      before: { status: exclusion.status },
      after: changes,
    });
    return (await findExclusion(tx.db, exclusion.tenant_id, exclusion.id))!;
  });
}
