import { recordAudit } from '../audit/record-audit.ts';
import type { CatalogEntry } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { auditUnitOf, entryToChange } from './access.ts';
import { findEntry } from './queries.ts';
import { ReasonInput } from './schemas.ts';

/**
 * Retires (删除) an entry with a reason; the row stays for the record and for the disclosures
 * made against it. There is deliberately no way for a unit to retire an inherited entry: it
 * answers catalog.entry_inherited, and the unit marks the entry not applicable instead.
 */
export async function retireCatalogEntry(
  ctx: OpContext,
  entryId: string,
  raw: unknown,
): Promise<CatalogEntry> {
  const input = parse(ReasonInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { entry, owner } = await entryToChange(tx.db, tx.actor, entryId);
    const now = tx.now.toISOString();
    await tx.db
      .updateTable('catalog_entries')
      .set({ status: 'retired', retired_at: now, retire_reason: input.reason, updated_at: now })
      .where('tenant_id', '=', entry.tenant_id)
      .where('id', '=', entry.id)
      .execute();
    await recordAudit(tx, {
      action: 'catalog.entry.retire',
      targetType: 'catalog_entry',
      targetId: entry.id,
      unitId: auditUnitOf(owner),
      summary: `删除目录条目“${entry.item}”：${input.reason}`,
      before: { status: entry.status },
      after: { status: 'retired', retire_reason: input.reason },
    });
    return (await findEntry(tx.db, entry.tenant_id, entry.id))!;
  });
}
