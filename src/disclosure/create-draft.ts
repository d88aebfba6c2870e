import { authorize } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { isId, newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { draftDisplayUntil } from './display-until.ts';
import { draftColumns, entryOfUnit } from './draft-rules.ts';
import { CreateDraftInput } from './schemas.ts';
import { type Disclosure, newDraftTrail, recordStep } from './store.ts';

/** 提出: a publisher of the unit drafts a disclosure against an entry of the unit's catalog. */
export async function createDraft(ctx: OpContext, raw: unknown): Promise<Disclosure> {
  const input = parse(CreateDraftInput, raw);
  return inTransaction(ctx, async (tx) => {
    const unit = isId(input.unitId)
      ? await tx.db
          .selectFrom('units')
          .selectAll()
          .where('tenant_id', '=', tx.actor.tenantId)
          .where('id', '=', input.unitId)
          .executeTakeFirst()
      : undefined;
    if (!unit) throw new AppError('unit.not_found');
    authorize(tx.actor, 'disclosure.draft', unit);
    if (unit.status === 'retired') throw new AppError('unit.retired', { status: 409 });
    const entry = await entryOfUnit(tx.db, unit, input.entryId);
    const columns = draftColumns(entry, input);
    columns.display_until = draftDisplayUntil(columns.display_until, columns.decided_on);
    const d: Disclosure = {
      tenant_id: unit.tenant_id,
      id: newId(tx.now.getTime()),
      unit_id: unit.id,
      entry_id: entry.id,
      state: 'draft',
      ...columns,
      interprets_id: null,
      ...newDraftTrail(tx),
    };
    await tx.db.insertInto('disclosures').values(d).execute();
    await recordStep(tx, d, {
      action: 'draft',
      summary: '起草公开事项',
      after: { entry_id: d.entry_id, period_key: d.period_key, audience: d.audience },
    });
    return d;
  });
}
