import { recordAudit } from '../audit/record-audit.ts';
import type { CatalogExclusion } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { fieldError } from '../units/create-unit.ts';
import { unitToChange } from './access.ts';
import { applicableCatalogs, findEntry, isLive } from './queries.ts';
import { ClaimExclusionInput } from './schemas.ts';

/**
 * Marks an inherited entry not applicable to a unit (不适用), with the reason. The claim takes
 * effect at once — the entry leaves the unit's effective catalog — and waits for the office,
 * which may accept it or reject it (then the entry applies again). The unit's approver or an
 * office above it may claim. A unit's own entries are retired instead, never claimed.
 */
export async function claimExclusion(
  ctx: OpContext,
  unitId: string,
  raw: unknown,
): Promise<CatalogExclusion> {
  const input = parse(ClaimExclusionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const unit = await unitToChange(tx.db, tx.actor, unitId, 'catalog.exclude');
    const entry = await findEntry(tx.db, unit.tenant_id, input.entryId);
    if (entry?.unit_id === unit.id) throw fieldError('entryId', 'catalog.exclusion_own_entry');
    const applies =
      entry?.guiding_catalog_id &&
      entry.status === 'active' &&
      (await applicableCatalogs(tx.db, unit)).some((c) => c.id === entry.guiding_catalog_id);
    if (!entry || !applies) throw fieldError('entryId', 'catalog.entry_not_in_catalog');
    const live = await tx.db
      .selectFrom('catalog_exclusions')
      .selectAll()
      .where('tenant_id', '=', unit.tenant_id)
      .where('unit_id', '=', unit.id)
      .where('entry_id', '=', entry.id)
      .where('status', 'in', ['claimed', 'accepted'])
      .executeTakeFirst();
    if (isLive(live)) throw new AppError('catalog.exclusion_exists', { status: 409 });
    const row: CatalogExclusion = {
      tenant_id: unit.tenant_id,
      id: newId(tx.now.getTime()),
      unit_id: unit.id,
      entry_id: entry.id,
      reason: input.reason,
      status: 'claimed',
      created_by: tx.actor.personId,
      created_at: tx.now.toISOString(),
      decided_by: null,
      decided_at: null,
      decision_reason: null,
    };
    await tx.db.insertInto('catalog_exclusions').values(row).execute();
    await recordAudit(tx, {
      action: 'catalog.exclusion.claim',
      targetType: 'catalog_exclusion',
      targetId: row.id,
      unitId: unit.id,
      summary: `“${unit.name}”申请将目录条目“${entry.item}”标记为不适用：${input.reason}`,
      after: row,
    });
    return row;
  });
}
