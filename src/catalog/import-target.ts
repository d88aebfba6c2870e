import type { Actor } from '../auth/actor.ts';
import type { CatalogDomain, CatalogEntry, DbOrTx } from '../db/types.ts';
import { catalogToChange, unitToChange } from './access.ts';
import type { EntryTarget } from './entry-store.ts';
import { listEntries } from './queries.ts';

/** Where an import writes: a guiding catalog, or one unit's own entries. */
export type ImportTargetRef = { catalogId: string } | { unitId: string };

export interface ResolvedTarget {
  ref: ImportTargetRef;
  entryTarget: EntryTarget;
  /** The guiding catalog's domain (rows must share it); null for own entries (rows name theirs). */
  fixedDomain: CatalogDomain | null;
  /** The unit audit entries are scoped to. */
  auditUnitId: string;
  label: string;
  existing: CatalogEntry[];
}

/** Resolves and authorizes an import target exactly as adding one entry there would. */
export async function resolveImportTarget(
  db: DbOrTx,
  actor: Actor,
  ref: ImportTargetRef,
): Promise<ResolvedTarget> {
  if ('catalogId' in ref) {
    const c = await catalogToChange(db, actor, ref.catalogId);
    return {
      ref: { catalogId: c.id },
      entryTarget: { catalogId: c.id, catalogName: c.name, auditUnitId: c.owner_unit_id },
      fixedDomain: c.domain,
      auditUnitId: c.owner_unit_id,
      label: `指导目录“${c.name}”`,
      existing: await listEntries(db, actor.tenantId, { catalogId: c.id }),
    };
  }
  const u = await unitToChange(db, actor, ref.unitId, 'catalog.edit_own');
  return {
    ref: { unitId: u.id },
    entryTarget: { unitId: u.id, unitName: u.name },
    fixedDomain: null,
    auditUnitId: u.id,
    label: `“${u.name}”的自有目录`,
    existing: await listEntries(db, actor.tenantId, { unitId: u.id }),
  };
}
