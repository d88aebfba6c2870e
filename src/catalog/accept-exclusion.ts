import { recordAudit } from '../audit/record-audit.ts';
import type { CatalogExclusion } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { exclusionToDecide } from './access.ts';
import { findExclusion } from './queries.ts';
import { OptionalReasonInput } from './schemas.ts';

/** The office confirms a "not applicable" claim: it leaves the pending list and stays in force. */
export async function acceptExclusion(ctx: OpContext, id: string, raw: unknown): Promise<CatalogExclusion> {
  const input = parse(OptionalReasonInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { exclusion, unit, entry } = await exclusionToDecide(tx.db, tx.actor, id, 'catalog.manage', [
      'claimed',
    ]);
    const changes = {
      status: 'accepted' as const,
      decided_by: tx.actor.personId,
      decided_at: tx.now.toISOString(),
      decision_reason: input.reason ?? null,
    };
    await tx.db
      .updateTable('catalog_exclusions')
      .set(changes)
      .where('tenant_id', '=', exclusion.tenant_id)
      .where('id', '=', exclusion.id)
      .execute();
    await recordAudit(tx, {
      action: 'catalog.exclusion.accept',
      targetType: 'catalog_exclusion',
      targetId: exclusion.id,
      unitId: unit.id,
      summary: `同意“${unit.name}”将目录条目“${entry.item}”标记为不适用`,
      before: { status: exclusion.status },
      after: changes,
    });
    return (await findExclusion(tx.db, exclusion.tenant_id, exclusion.id))!;
  });
}
