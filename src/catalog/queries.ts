import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { unitVisibility } from '../auth/policy.ts';
import type {
  CatalogDomain,
  CatalogEntry,
  CatalogExclusion,
  DbOrTx,
  GuidingCatalog,
  Unit,
  UnitKind,
} from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { isId } from '../lib/ids.ts';
import { channelList } from './entry-rules.ts';
import { describeTimeLimit } from './vocabulary.ts';

export type CatalogWithOwner = GuidingCatalog & {
  owner_name: string;
  owner_path: string;
  owner_sphere: Unit['sphere'];
  owner_status: Unit['status'];
  entry_count: number;
};

const OWNER_COLUMNS = [
  'ou.name as owner_name',
  'ou.path as owner_path',
  'ou.sphere as owner_sphere',
  'ou.status as owner_status',
] as const;

/**
 * Which guiding catalogs an actor may read: those whose owner unit it sees with catalog.view
 * (the offices that define them), and those that apply to a unit it sees (the units that follow
 * them: a village publisher reads the county's village catalogs). Built from the policy's filter.
 */
export function catalogVisibility(actor: Actor, alias = 'gc'): RawBuilder<SqlBool> {
  if (actor.kind === 'system') return sql<SqlBool>`1 = 1`;
  const gc = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<SqlBool>`(exists (select 1 from units as o
      where o.tenant_id = ${gc('tenant_id')} and o.id = ${gc('owner_unit_id')}
        and ${unitVisibility(actor, 'catalog.view', 'o')})
    or exists (select 1 from units as o
      inner join units as u on u.tenant_id = o.tenant_id and u.kind = ${gc('unit_kind')}
        and u.status = 'active' and u.path like (o.path || '%')
        and (o.sphere = 'region' or o.sphere = u.sphere)
      where o.tenant_id = ${gc('tenant_id')} and o.id = ${gc('owner_unit_id')}
        and ${unitVisibility(actor, 'catalog.view', 'u')}))`;
}

function catalogsQuery(db: DbOrTx, actor: Actor) {
  return db
    .selectFrom('guiding_catalogs as gc')
    .innerJoin('units as ou', (j) =>
      j.onRef('ou.tenant_id', '=', 'gc.tenant_id').onRef('ou.id', '=', 'gc.owner_unit_id'),
    )
    .selectAll('gc')
    .select(OWNER_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('catalog_entries as ce')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('ce.tenant_id', '=', 'gc.tenant_id')
        .whereRef('ce.guiding_catalog_id', '=', 'gc.id')
        .where('ce.status', '=', 'active')
        .as('entry_count'),
    )
    .where('gc.tenant_id', '=', actor.tenantId)
    .where(catalogVisibility(actor, 'gc'));
}

function withCount<T extends { entry_count: unknown }>(r: T): T & { entry_count: number } {
  return { ...r, entry_count: Number(r.entry_count ?? 0) };
}

/** A guiding catalog the actor may read, or catalog.not_found (existence is not revealed). */
export async function getVisibleCatalog(db: DbOrTx, actor: Actor, id: string): Promise<CatalogWithOwner> {
  if (!isId(id)) throw new AppError('catalog.not_found');
  const row = await catalogsQuery(db, actor).where('gc.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('catalog.not_found');
  return withCount(row);
}

export interface CatalogListFilter {
  unitKind?: UnitKind;
  domain?: CatalogDomain;
  status?: 'active' | 'retired' | 'all';
}

export async function listVisibleCatalogs(
  db: DbOrTx,
  actor: Actor,
  filter: CatalogListFilter = {},
): Promise<CatalogWithOwner[]> {
  let q = catalogsQuery(db, actor);
  const status = filter.status ?? 'active';
  if (status !== 'all') q = q.where('gc.status', '=', status);
  if (filter.unitKind) q = q.where('gc.unit_kind', '=', filter.unitKind);
  if (filter.domain) q = q.where('gc.domain', '=', filter.domain);
  const rows = await q
    .orderBy('ou.depth')
    .orderBy('gc.unit_kind')
    .orderBy('gc.domain')
    .orderBy('gc.name')
    .execute();
  return rows.map(withCount);
}

export async function findEntry(db: DbOrTx, tenantId: string, id: string): Promise<CatalogEntry | undefined> {
  if (!isId(id)) return undefined;
  return db
    .selectFrom('catalog_entries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Entries of a guiding catalog, or of one unit's own catalog, in catalog order. */
export async function listEntries(
  db: DbOrTx,
  tenantId: string,
  owner: { catalogId: string } | { unitId: string },
  opts: { includeRetired?: boolean } = {},
): Promise<CatalogEntry[]> {
  let q = db.selectFrom('catalog_entries').selectAll().where('tenant_id', '=', tenantId);
  q =
    'catalogId' in owner
      ? q.where('guiding_catalog_id', '=', owner.catalogId)
      : q.where('unit_id', '=', owner.unitId);
  if (!opts.includeRetired) q = q.where('status', '=', 'active');
  return q.orderBy('sort_order').orderBy('id').execute();
}

export async function nextSortOrder(
  db: DbOrTx,
  tenantId: string,
  owner: { catalogId: string } | { unitId: string },
): Promise<number> {
  let q = db
    .selectFrom('catalog_entries')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('tenant_id', '=', tenantId);
  q =
    'catalogId' in owner
      ? q.where('guiding_catalog_id', '=', owner.catalogId)
      : q.where('unit_id', '=', owner.unitId);
  const r = await q.executeTakeFirst();
  return Number(r?.m ?? 0) + 10;
}

/**
 * The guiding catalogs that apply to a unit: active, for its kind, owned by the unit itself or
 * one of its ancestors (the owner's path is a prefix of the unit's path), sphere-compatible.
 */
export async function applicableCatalogs(db: DbOrTx, unit: Unit): Promise<CatalogWithOwner[]> {
  const ancestors = unit.path.split('/').filter(Boolean);
  const rows = await db
    .selectFrom('guiding_catalogs as gc')
    .innerJoin('units as ou', (j) =>
      j.onRef('ou.tenant_id', '=', 'gc.tenant_id').onRef('ou.id', '=', 'gc.owner_unit_id'),
    )
    .selectAll('gc')
    .select(OWNER_COLUMNS)
    .select(sql<number>`0`.as('entry_count'))
    .where('gc.tenant_id', '=', unit.tenant_id)
    .where('gc.owner_unit_id', 'in', ancestors)
    .where('gc.unit_kind', '=', unit.kind)
    .where('gc.status', '=', 'active')
    .where((eb) => eb.or([eb('ou.sphere', '=', 'region'), eb('ou.sphere', '=', unit.sphere)]))
    .orderBy('ou.depth')
    .orderBy('gc.domain')
    .orderBy('gc.name')
    .execute();
  return rows.map(withCount);
}

export interface EffectiveItem {
  source: 'inherited' | 'own';
  applies: boolean;
  catalog: CatalogWithOwner | null;
  entry: CatalogEntry;
  /** The latest claim on this entry for this unit, live or decided. */
  exclusion: CatalogExclusion | null;
}

export function isLive(x: CatalogExclusion | null | undefined): boolean {
  return x?.status === 'claimed' || x?.status === 'accepted';
}

/** A unit's catalog: the entries it inherits ("7"), with their exclusion state, then its own ("X"). */
export async function effectiveCatalog(db: DbOrTx, unit: Unit): Promise<EffectiveItem[]> {
  const catalogs = await applicableCatalogs(db, unit);
  const byId = new Map(catalogs.map((c) => [c.id, c]));
  const inherited =
    catalogs.length === 0
      ? []
      : await db
          .selectFrom('catalog_entries')
          .selectAll()
          .where('tenant_id', '=', unit.tenant_id)
          .where('guiding_catalog_id', 'in', [...byId.keys()])
          .where('status', '=', 'active')
          .orderBy('sort_order')
          .orderBy('id')
          .execute();
  const own = await listEntries(db, unit.tenant_id, { unitId: unit.id });
  const claims = await db
    .selectFrom('catalog_exclusions')
    .selectAll()
    .where('tenant_id', '=', unit.tenant_id)
    .where('unit_id', '=', unit.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map<string, CatalogExclusion>();
  for (const c of claims) if (!latest.has(c.entry_id)) latest.set(c.entry_id, c);
  const order = new Map(catalogs.map((c, i) => [c.id, i]));
  inherited.sort((a, b) => order.get(a.guiding_catalog_id!)! - order.get(b.guiding_catalog_id!)!);
  return [
    ...inherited.map((entry) => {
      const exclusion = latest.get(entry.id) ?? null;
      return {
        source: 'inherited' as const,
        applies: !isLive(exclusion),
        catalog: byId.get(entry.guiding_catalog_id!)!,
        entry,
        exclusion,
      };
    }),
    ...own.map((entry) => ({ source: 'own' as const, applies: true, catalog: null, entry, exclusion: null })),
  ];
}

export interface PendingClaim {
  exclusion: CatalogExclusion;
  unitName: string;
  entryItem: string;
  catalogName: string;
}

/** Claims waiting for a decision on units the actor manages catalogs of (optionally one unit). */
export async function pendingClaims(db: DbOrTx, actor: Actor, unitId?: string): Promise<PendingClaim[]> {
  let q = db
    .selectFrom('catalog_exclusions as x')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'x.tenant_id').onRef('u.id', '=', 'x.unit_id'),
    )
    .innerJoin('catalog_entries as e', (j) =>
      j.onRef('e.tenant_id', '=', 'x.tenant_id').onRef('e.id', '=', 'x.entry_id'),
    )
    .innerJoin('guiding_catalogs as gc', (j) =>
      j.onRef('gc.tenant_id', '=', 'e.tenant_id').onRef('gc.id', '=', 'e.guiding_catalog_id'),
    )
    .selectAll('x')
    .select(['u.name as unit_name', 'e.item as entry_item', 'gc.name as catalog_name'])
    .where('x.tenant_id', '=', actor.tenantId)
    .where('x.status', '=', 'claimed')
    .where('u.status', '=', 'active')
    .where(unitVisibility(actor, 'catalog.manage', 'u'));
  if (unitId) q = q.where('x.unit_id', '=', unitId);
  const rows = await q.orderBy('x.created_at').orderBy('x.id').execute();
  return rows.map(({ unit_name, entry_item, catalog_name, ...x }) => ({
    exclusion: x,
    unitName: unit_name,
    entryItem: entry_item,
    catalogName: catalog_name,
  }));
}

export async function findExclusion(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<CatalogExclusion | undefined> {
  if (!isId(id)) return undefined;
  return db
    .selectFrom('catalog_exclusions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// ---- API shapes

/** The owner unit as the policy needs it. */
export function ownerRef(c: CatalogWithOwner) {
  return { id: c.owner_unit_id, path: c.owner_path, sphere: c.owner_sphere, status: c.owner_status };
}

export function toCatalogView(c: CatalogWithOwner) {
  return {
    id: c.id,
    ownerUnitId: c.owner_unit_id,
    ownerUnitName: c.owner_name,
    unitKind: c.unit_kind,
    domain: c.domain,
    name: c.name,
    description: c.description,
    status: c.status,
    retiredAt: c.retired_at,
    retireReason: c.retire_reason,
    entryCount: c.entry_count,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export function toEntryView(e: CatalogEntry) {
  return {
    id: e.id,
    guidingCatalogId: e.guiding_catalog_id,
    unitId: e.unit_id,
    domain: e.domain,
    level1: e.level1,
    level2: e.level2,
    item: e.item,
    elements: e.elements,
    legalBasis: e.legal_basis,
    mode: e.mode,
    timing: e.timing,
    period: e.period,
    timeLimitDays: e.time_limit_days,
    timeLimitText: e.time_limit_text ?? describeTimeLimit(e),
    minDisplayDays: e.min_display_days,
    requiresInterpretation: e.requires_interpretation === 1,
    audience: e.audience,
    requiredChannels: channelList(e.required_channels),
    optionalChannels: channelList(e.optional_channels),
    subject: e.subject,
    level: e.level,
    responsibleRole: e.responsible_role,
    sortOrder: e.sort_order,
    status: e.status,
    createdAt: e.created_at,
    updatedAt: e.updated_at,
  };
}

export function toExclusionView(x: CatalogExclusion) {
  return {
    id: x.id,
    unitId: x.unit_id,
    entryId: x.entry_id,
    reason: x.reason,
    status: x.status,
    createdAt: x.created_at,
    decidedAt: x.decided_at,
    decisionReason: x.decision_reason,
  };
}
