import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { type Permission, unitVisibility } from '../../auth/policy.ts';
import { startsWith } from '../../db/dialect.ts';
import type { CatalogDomain, DbOrTx } from '../../db/types.ts';
import { entryIsLive } from '../live-entry.ts';
import type { BoardDates, BoardFilter, BoardUnit, ObligationClass } from './board-model.ts';

/**
 * The board's SQL: the units in scope (visibility, subtree, kind), then a handful of aggregate
 * statements over those units' obligations joined to their entries (domain). Every statement
 * reaches obligations through obligations_unit_ix (tenant, unit, due_date), so a township board
 * reads only its own units' rows. The same statements run on SQLite and PostgreSQL; GROUP BY uses
 * column positions because PostgreSQL does not see two parameterised CASEs as the same expression.
 *
 * What counts: obligations of active units, not superseded. A fulfilled obligation always counts
 * (on time or late, as status.ts says). An open one counts only while its column exists for the
 * unit: the entry and its guiding catalog are active and the unit has no live "not applicable"
 * claim (claimed or accepted catalog_exclusion) on it — so a claim, a retired entry or a retired
 * catalog clears the red at once, before any re-derivation.
 */

export interface Scope {
  actor: Actor;
  perm: Permission;
  filter: BoardFilter;
  /** Path of the region unit (its subtree), when filter.regionId is set. */
  regionPath: string | null;
}

/**
 * The units whose obligations a statement reads: ids from scopeUnits (so through the policy's
 * visibility filter), passed as a list so both planners drive from obligations_unit_ix per unit —
 * SQLite, with bound parameters and no statistics, would otherwise scan the tenant's obligations.
 */
export interface UnitSet {
  tenantId: string;
  unitIds: string[];
  domain?: CatalogDomain;
}

/** The class of an obligation on the board's day, as SQL (see classify() in board-model.ts). */
export function classSql(d: BoardDates): RawBuilder<ObligationClass> {
  return sql<ObligationClass>`case
    when o.fulfilled_on is not null then (case when o.fulfilled_on <= o.due_date then 'on_time' else 'late' end)
    when o.due_date < ${d.today} then 'overdue'
    when o.due_date <= ${d.soonCutoff} then 'due_soon'
    else 'upcoming' end`;
}

/**
 * The column (entry e) exists for the unit in column `unitCol`: entry and catalog active, and no
 * live "not applicable" claim (claimed or accepted) of the unit on it.
 */
function columnLiveFor(unitCol: string) {
  const unit = sql.ref(unitCol);
  return sql<boolean>`(${entryIsLive}
  and not exists (select 1 from catalog_exclusions x
    where x.tenant_id = e.tenant_id and x.unit_id = ${unit} and x.entry_id = e.id
      and x.status in ('claimed', 'accepted')))`;
}
const columnLive = columnLiveFor('o.unit_id');

function obligationsOf(db: DbOrTx, s: UnitSet) {
  let q = db
    .selectFrom('obligations as o')
    .innerJoin('catalog_entries as e', (j) =>
      j.onRef('e.tenant_id', '=', 'o.tenant_id').onRef('e.id', '=', 'o.entry_id'),
    )
    .where('o.tenant_id', '=', s.tenantId)
    .where('o.unit_id', 'in', s.unitIds)
    .where('o.superseded_at', 'is', null);
  if (s.domain) q = q.where('e.domain', '=', s.domain);
  return q;
}

/** What the board counts: fulfilled obligations, and open ones of a live column. */
function counted(db: DbOrTx, s: UnitSet) {
  return obligationsOf(db, s).where(sql<boolean>`(o.fulfilled_on is not null or ${columnLive})`);
}

/** Units in scope (visible, active, in the region, of the kind), in tree order. */
export async function scopeUnits(db: DbOrTx, s: Scope): Promise<BoardUnit[]> {
  let q = db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.code', 'u.kind', 'u.path', 'u.depth'])
    .where('u.tenant_id', '=', s.actor.tenantId)
    .where('u.status', '=', 'active')
    .where(unitVisibility(s.actor, s.perm, 'u'));
  if (s.regionPath) q = q.where(startsWith('u.path', s.regionPath));
  if (s.filter.kind) q = q.where('u.kind', '=', s.filter.kind);
  return q.orderBy('u.path').execute();
}

export interface OverdueRow {
  obligationId: string;
  unitId: string;
  domain: CatalogDomain;
  item: string;
  periodKey: string;
  title: string | null;
  dueDate: string;
  /** 1 when the due date was computed for a year without holiday data (暂定). */
  dueProvisional: number;
}

/** Open obligations past their due date, oldest first (limit: the page shows a head, the export all). */
export async function overdueList(
  db: DbOrTx,
  s: UnitSet,
  d: BoardDates,
  limit: number | null,
): Promise<OverdueRow[]> {
  if (s.unitIds.length === 0 || limit === 0) return [];
  let q = counted(db, s)
    .select([
      'o.id as obligationId',
      'o.unit_id as unitId',
      'e.domain as domain',
      'e.item as item',
      'o.period_key as periodKey',
      'o.title as title',
      'o.due_date as dueDate',
      'o.due_provisional as dueProvisional',
    ])
    .where('o.fulfilled_on', 'is', null)
    .where('o.due_date', '<', d.today)
    .orderBy('o.due_date')
    .orderBy('o.unit_id')
    .orderBy('e.sort_order');
  if (limit !== null) q = q.limit(limit);
  return q.execute();
}

export interface UnitItemRow {
  obligationId: string;
  domain: CatalogDomain;
  item: string;
  periodKey: string;
  title: string | null;
  dueDate: string;
  dueProvisional: number;
  fulfilledOn: string | null;
  cls: ObligationClass;
}

/** The drill-down: one unit's counted obligations (open ones, and fulfilled ones due in the window). */
export async function unitItems(
  db: DbOrTx,
  s: Pick<UnitSet, 'tenantId' | 'domain'>,
  d: BoardDates,
  unitId: string,
): Promise<UnitItemRow[]> {
  return counted(db, { ...s, unitIds: [unitId] })
    .select([
      'o.id as obligationId',
      'e.domain as domain',
      'e.item as item',
      'o.period_key as periodKey',
      'o.title as title',
      'o.due_date as dueDate',
      'o.due_provisional as dueProvisional',
      'o.fulfilled_on as fulfilledOn',
      classSql(d).as('cls'),
    ])
    .where((eb) => eb.or([eb('o.fulfilled_on', 'is', null), eb('o.due_date', '>=', d.windowStart)]))
    .orderBy('o.due_date')
    .orderBy('e.sort_order')
    .execute();
}
