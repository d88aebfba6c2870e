import type { CatalogEntry } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { catalogToChange } from './access.ts';
import { entryValues } from './entry-rules.ts';
import { insertEntry } from './entry-store.ts';
import { EntryInput } from './schemas.ts';

/** Adds an entry to a guiding catalog; every unit the catalog applies to inherits it. */
export async function addGuidingEntry(
  ctx: OpContext,
  catalogId: string,
  raw: unknown,
): Promise<CatalogEntry> {
  const input = parse(EntryInput, raw);
  return inTransaction(ctx, async (tx) => {
    const catalog = await catalogToChange(tx.db, tx.actor, catalogId);
    const { values, errors } = entryValues(input, catalog.domain);
    if (errors.length > 0) throw new AppError('validation.failed', { fields: errors });
    return insertEntry(
      tx,
      { catalogId: catalog.id, catalogName: catalog.name, auditUnitId: catalog.owner_unit_id },
      values,
      input.sortOrder,
    );
  });
}
