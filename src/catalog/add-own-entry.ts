import type { CatalogEntry } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { unitToChange } from './access.ts';
import { entryValues } from './entry-rules.ts';
import { insertEntry } from './entry-store.ts';
import { EntryInput } from './schemas.ts';

/** Adds one of a unit's own entries ("X" of "7+X"): its publisher, approver or office may. */
export async function addOwnEntry(ctx: OpContext, unitId: string, raw: unknown): Promise<CatalogEntry> {
  const input = parse(EntryInput, raw);
  return inTransaction(ctx, async (tx) => {
    const unit = await unitToChange(tx.db, tx.actor, unitId, 'catalog.edit_own');
    const { values, errors } = entryValues(input, null);
    if (errors.length > 0) throw new AppError('validation.failed', { fields: errors });
    return insertEntry(tx, { unitId: unit.id, unitName: unit.name }, values, input.sortOrder);
  });
}
