import type { CatalogEntry, DbOrTx, Unit } from '../db/types.ts';

/**
 * The effective catalog entries of many units at once (the batched form of catalog's
 * effectiveCatalog, without exclusions: an excluded entry still has its obligations, shown as
 * not applicable while the claim is live). Three queries whatever the number of units: the
 * guiding catalogs, their entries, the units' own entries; applicability is matched in memory, and
 * units with the same kind, sphere and covering owners share one list of inherited entries.
 */
export type UnitRow = Pick<Unit, 'id' | 'kind' | 'sphere' | 'path' | 'created_at'>;
export type EntryRow = Pick<
  CatalogEntry,
  'id' | 'unit_id' | 'guiding_catalog_id' | 'timing' | 'period' | 'time_limit_days' | 'created_at'
>;

export async function entriesByUnit(
  db: DbOrTx,
  tenantId: string,
  units: readonly UnitRow[],
  filter: { timing: CatalogEntry['timing']; mode: CatalogEntry['mode'] },
): Promise<Map<string, EntryRow[]>> {
  const out = new Map<string, EntryRow[]>();
  if (units.length === 0) return out;
  const catalogs = await db
    .selectFrom('guiding_catalogs as gc')
    .innerJoin('units as ou', (j) =>
      j.onRef('ou.tenant_id', '=', 'gc.tenant_id').onRef('ou.id', '=', 'gc.owner_unit_id'),
    )
    .select(['gc.id', 'gc.unit_kind', 'gc.owner_unit_id', 'ou.sphere as owner_sphere', 'ou.depth'])
    .where('gc.tenant_id', '=', tenantId)
    .where('gc.status', '=', 'active')
    .orderBy('ou.depth')
    .orderBy('gc.id')
    .execute();
  const cols = [
    'id',
    'unit_id',
    'guiding_catalog_id',
    'timing',
    'period',
    'time_limit_days',
    'created_at',
  ] as const;
  const base = db
    .selectFrom('catalog_entries')
    .select(cols)
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .where('timing', '=', filter.timing)
    .where('mode', '=', filter.mode);
  const inherited = catalogs.length
    ? await base
        .where(
          'guiding_catalog_id',
          'in',
          catalogs.map((c) => c.id),
        )
        .orderBy('sort_order')
        .orderBy('id')
        .execute()
    : [];
  const byCatalog = new Map<string, EntryRow[]>();
  for (const e of inherited) {
    const list = byCatalog.get(e.guiding_catalog_id!) ?? [];
    list.push(e);
    byCatalog.set(e.guiding_catalog_id!, list);
  }
  // Own entries: one query for all units (filtered to the given units in memory when few are asked).
  const own = await base.where('unit_id', 'is not', null).orderBy('sort_order').orderBy('id').execute();
  const ownByUnit = new Map<string, EntryRow[]>();
  for (const e of own) {
    const list = ownByUnit.get(e.unit_id!) ?? [];
    list.push(e);
    ownByUnit.set(e.unit_id!, list);
  }
  const shared = new Map<string, EntryRow[]>();
  for (const u of units) {
    const ancestors = new Set(u.path.split('/').filter(Boolean));
    const applicable = catalogs.filter(
      (c) =>
        c.unit_kind === u.kind &&
        ancestors.has(c.owner_unit_id) &&
        (c.owner_sphere === 'region' || c.owner_sphere === u.sphere),
    );
    const key = `${u.kind}|${applicable.map((c) => c.id).join(',')}`;
    let list = shared.get(key);
    if (!list) {
      list = applicable.flatMap((c) => byCatalog.get(c.id) ?? []);
      shared.set(key, list);
    }
    const mine = ownByUnit.get(u.id);
    out.set(u.id, mine ? [...list, ...mine] : list);
  }
  return out;
}
