import { sql } from 'kysely';
import type { CatalogDomain, DbOrTx, DisclosureTiming } from '../../db/types.ts';
import type { BoardDates, ObligationClass } from './board-model.ts';
import { classSql, type UnitSet } from './board-queries.ts';

/**
 * The board's aggregate statements (合规看板). Measured on 300 units × 3 years (bench/): what costs
 * is reading obligation rows (an index lookup plus a table lookup each) and joining entries per
 * row, so:
 *
 * - the statements read obligations alone, per unit through obligations_unit_ix, and only the
 *   trend window's rows (due_date ≥ windowStart) — plus the open ones due before it, through the
 *   partial index obligations_open_ix;
 * - they group by (unit, entry) and the domain, the item and whether the column is live (entry and
 *   catalog active, no "not applicable" claim) are applied in memory from two small lookups
 *   (entries of the tenant, live claims) — see assemble-board.ts.
 */

export interface ColumnFact {
  unitId: string;
  entryId: string;
  cls: ObligationClass;
  n: number;
  /** Latest fulfilment among these rows (null if none). */
  lastItem: string | null;
  /** Earliest due date among these rows. */
  firstDue: string;
}

/** Obligations due in or after the trend window, per (unit, entry, class). */
export async function windowFacts(db: DbOrTx, s: UnitSet, d: BoardDates): Promise<ColumnFact[]> {
  if (s.unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('obligations as o')
    .select([
      'o.unit_id as unitId',
      'o.entry_id as entryId',
      classSql(d).as('cls'),
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.max('o.fulfilled_on').as('lastItem'),
      (eb) => eb.fn.min('o.due_date').as('firstDue'),
    ])
    .where('o.tenant_id', '=', s.tenantId)
    .where('o.unit_id', 'in', s.unitIds)
    .where('o.due_date', '>=', d.windowStart)
    .where('o.superseded_at', 'is', null)
    .groupBy([sql`1`, sql`2`, sql`3`])
    .execute();
  return rows.map((r) => ({
    ...r,
    n: Number(r.n),
    lastItem: (r.lastItem as string | null) ?? null,
    firstDue: String(r.firstDue),
  }));
}

/** Open obligations due before the window (all overdue), per (unit, entry); the caller keeps its units. */
export async function oldOpenFacts(db: DbOrTx, s: UnitSet, d: BoardDates): Promise<ColumnFact[]> {
  if (s.unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('obligations as o')
    .select([
      'o.unit_id as unitId',
      'o.entry_id as entryId',
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.min('o.due_date').as('firstDue'),
    ])
    .where('o.tenant_id', '=', s.tenantId)
    .where('o.fulfilled_on', 'is', null)
    .where('o.due_date', '<', d.windowStart)
    .where('o.superseded_at', 'is', null)
    .groupBy(['o.unit_id', 'o.entry_id'])
    .execute();
  const wanted = new Set(s.unitIds);
  return rows
    .filter((r) => wanted.has(r.unitId))
    .map((r) => ({
      unitId: r.unitId,
      entryId: r.entryId,
      cls: 'overdue' as const,
      n: Number(r.n),
      lastItem: null,
      firstDue: String(r.firstDue),
    }));
}

export interface TrendRow {
  month: string;
  cls: ObligationClass;
  n: number;
}

/**
 * Obligations due in the trend window by month and class. An open one counts only while its column
 * is live; the check runs for open rows only (OR short-circuits on fulfilled rows).
 */
export async function trendCounts(db: DbOrTx, s: UnitSet, d: BoardDates): Promise<TrendRow[]> {
  if (s.unitIds.length === 0) return [];
  let q = db
    .selectFrom('obligations as o')
    .select([
      sql<string>`substr(o.due_date, 1, 7)`.as('month'),
      classSql(d).as('cls'),
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .where('o.tenant_id', '=', s.tenantId)
    .where('o.unit_id', 'in', s.unitIds)
    .where('o.due_date', '>=', d.windowStart)
    .where('o.due_date', '<=', d.windowEnd)
    .where('o.superseded_at', 'is', null)
    .where(sql<boolean>`(o.fulfilled_on is not null or (
      not exists (select 1 from catalog_entries e
        left join guiding_catalogs g on g.tenant_id = e.tenant_id and g.id = e.guiding_catalog_id
        where e.tenant_id = o.tenant_id and e.id = o.entry_id
          and (e.status <> 'active' or g.status <> 'active'))
      and not exists (select 1 from catalog_exclusions x
        where x.tenant_id = o.tenant_id and x.unit_id = o.unit_id and x.entry_id = o.entry_id
          and x.status in ('claimed', 'accepted'))))`);
  if (s.domain) {
    const domain = s.domain;
    q = q.where('o.entry_id', 'in', (eb) =>
      eb
        .selectFrom('catalog_entries')
        .select('id')
        .where('tenant_id', '=', s.tenantId)
        .where('domain', '=', domain),
    );
  }
  const rows = await q.groupBy([sql`1`, sql`2`]).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface EntryFact {
  domain: CatalogDomain;
  item: string;
  sort: number;
  timing: DisclosureTiming;
  /** monthly | quarterly | half_yearly | yearly for periodic entries. */
  period: string | null;
  /** The entry and its guiding catalog (if any) are active. */
  live: boolean;
}

/** Every entry of the tenant (a few hundred rows): domain, item and whether it is live. */
export async function entryFacts(db: DbOrTx, tenantId: string): Promise<Map<string, EntryFact>> {
  const rows = await db
    .selectFrom('catalog_entries as e')
    .leftJoin('guiding_catalogs as g', (j) =>
      j.onRef('g.tenant_id', '=', 'e.tenant_id').onRef('g.id', '=', 'e.guiding_catalog_id'),
    )
    .select([
      'e.id',
      'e.domain',
      'e.item',
      'e.sort_order',
      'e.timing',
      'e.period',
      'e.status',
      'g.status as catalogStatus',
    ])
    .where('e.tenant_id', '=', tenantId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        domain: r.domain,
        item: r.item,
        sort: r.sort_order,
        timing: r.timing,
        period: r.period,
        live: r.status === 'active' && (r.catalogStatus === null || r.catalogStatus === 'active'),
      },
    ]),
  );
}

/** Live "not applicable" claims (claimed or accepted) of the tenant, as 'unit|entry' keys. */
export async function liveClaims(db: DbOrTx, tenantId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('catalog_exclusions')
    .select(['unit_id', 'entry_id'])
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['claimed', 'accepted'])
    .execute();
  return new Set(rows.map((r) => `${r.unit_id}|${r.entry_id}`));
}
