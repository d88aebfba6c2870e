import { sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { effectiveCatalog } from '../catalog/queries.ts';
import type { CatalogEntry, DbOrTx, Unit } from '../db/types.ts';
import { fromListed, LISTED_COLUMNS, type ListedItem, listedWhere, num, toListed } from './listing.ts';

/**
 * A unit's catalog as the portal shows it: its columns (栏目, the entries of its effective
 * catalog that apply to it) grouped by 一级事项, each with its newest visible items and their
 * count. The catalog itself is public, so columns without visible items are listed too. Columns
 * that left the catalog (retired, claimed not applicable) still appear while they hold items.
 * A fixed number of queries whatever the number of columns: the catalog, one windowed query for
 * the items of all columns, and the stray entries if any.
 */
export type ColumnEntry = Pick<
  CatalogEntry,
  | 'id'
  | 'domain'
  | 'level1'
  | 'level2'
  | 'item'
  | 'timing'
  | 'period'
  | 'legal_basis'
  | 'time_limit_days'
  | 'time_limit_text'
  | 'audience'
  | 'updated_at'
>;

export interface PortalColumn {
  entry: ColumnEntry;
  items: ListedItem[];
  count: number;
}
export interface ColumnGroup {
  level1: string;
  columns: PortalColumn[];
}

export async function unitColumns(
  db: DbOrTx,
  actor: Actor,
  unit: Unit,
  today: string,
  perColumn = 5,
): Promise<PortalColumn[]> {
  const catalog = (await effectiveCatalog(db, unit)).filter((x) => x.applies).map((x) => x.entry);
  const ranked = fromListed(db)
    .select([
      ...LISTED_COLUMNS,
      sql<number>`row_number() over (partition by d.entry_id order by d.published_at desc, d.id desc)`.as(
        'rn',
      ),
      sql<number>`count(*) over (partition by d.entry_id)`.as('n'),
    ])
    .where('d.unit_id', '=', unit.id)
    .where(listedWhere(actor, today));
  const rows = await db
    .selectFrom(ranked.as('x'))
    .selectAll()
    .where('x.rn', '<=', perColumn)
    .orderBy('x.entryId')
    .orderBy('x.rn')
    .execute();

  const byEntry = new Map<string, { items: ListedItem[]; count: number }>();
  for (const { rn: _rn, n, ...r } of rows) {
    const slot = byEntry.get(r.entryId) ?? { items: [], count: num(n) };
    slot.items.push(toListed(r));
    byEntry.set(r.entryId, slot);
  }
  const known = new Set(catalog.map((e) => e.id));
  const strays = [...byEntry.keys()].filter((id) => !known.has(id));
  const extra = strays.length
    ? await db
        .selectFrom('catalog_entries')
        .selectAll()
        .where('tenant_id', '=', unit.tenant_id)
        .where('id', 'in', strays)
        .orderBy('sort_order')
        .execute()
    : [];
  return [...catalog, ...extra].map((entry) => ({
    entry,
    items: byEntry.get(entry.id)?.items ?? [],
    count: byEntry.get(entry.id)?.count ?? 0,
  }));
}

/** Columns grouped by 一级事项, in catalog order. */
export function groupByLevel1(columns: PortalColumn[]): ColumnGroup[] {
  const groups = new Map<string, PortalColumn[]>();
  for (const c of columns) groups.set(c.entry.level1, [...(groups.get(c.entry.level1) ?? []), c]);
  return [...groups].map(([level1, cols]) => ({ level1, columns: cols }));
}
