import { sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { applicableCatalogs } from '../catalog/queries.ts';
import type { CatalogEntry, DbOrTx, Unit } from '../db/types.ts';
import { isId } from '../lib/ids.ts';
import {
  fromListed,
  LISTED_COLUMNS,
  type ListedItem,
  type ListScope,
  listedWhere,
  num,
  type Paged,
  toListed,
} from './listing.ts';

/**
 * A column (栏目) of a unit: a catalog entry that is the unit's own, belongs to a guiding catalog
 * that applies to the unit, or holds items the unit published under it (a column that has since
 * left the catalog keeps its history reachable). Anything else is "not found".
 */
export async function findUnitColumn(
  db: DbOrTx,
  unit: Unit,
  entryId: string,
): Promise<CatalogEntry | undefined> {
  if (!isId(entryId)) return undefined;
  const entry = await db
    .selectFrom('catalog_entries')
    .selectAll()
    .where('tenant_id', '=', unit.tenant_id)
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!entry) return undefined;
  if (entry.unit_id === unit.id) return entry;
  if (
    entry.guiding_catalog_id &&
    (await applicableCatalogs(db, unit)).some((c) => c.id === entry.guiding_catalog_id)
  )
    return entry;
  const used = await db
    .selectFrom('disclosures')
    .select(sql`1`.as('one'))
    .where('tenant_id', '=', unit.tenant_id)
    .where('unit_id', '=', unit.id)
    .where('entry_id', '=', entry.id)
    .where('state', 'in', ['published', 'revoked'])
    .limit(1)
    .executeTakeFirst();
  return used ? entry : undefined;
}

/** One page of a column's listed items, newest first; `archived` lists those past display-until. */
export async function columnItems(
  db: DbOrTx,
  actor: Actor,
  unit: Unit,
  entryId: string,
  today: string,
  opts: { page: number; pageSize: number; scope?: ListScope },
): Promise<Paged<ListedItem>> {
  const base = fromListed(db)
    .where('d.unit_id', '=', unit.id)
    .where('d.entry_id', '=', entryId)
    .where(listedWhere(actor, today, opts.scope ?? 'current'));
  const [rows, total] = await Promise.all([
    base
      .select(LISTED_COLUMNS)
      .orderBy('d.published_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map(toListed), page: opts.page, pageSize: opts.pageSize, total: num(total?.n) };
}
