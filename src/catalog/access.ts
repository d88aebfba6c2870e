import type { Actor } from '../auth/actor.ts';
import { can, hasPermissionSomewhere } from '../auth/policy.ts';
import type { CatalogEntry, CatalogExclusion, DbOrTx, Unit } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { getVisibleUnit } from '../units/queries.ts';
import { type CatalogWithOwner, findEntry, findExclusion, getVisibleCatalog, ownerRef } from './queries.ts';

/**
 * The authorization questions of this feature, asked of src/auth/policy.ts. The catalogs'
 * permissions are: catalog.view (read), catalog.manage (define guiding catalogs on the owner
 * unit; decide claims on a unit), catalog.edit_own (a unit's own entries), catalog.exclude (claim
 * "not applicable" for a unit).
 */

/** A visible guiding catalog the actor may change: office with catalog.manage on its owner unit. */
export async function catalogToChange(db: DbOrTx, actor: Actor, id: string): Promise<CatalogWithOwner> {
  const catalog = await getVisibleCatalog(db, actor, id);
  if (!can(actor, 'catalog.manage', ownerRef(catalog))) {
    if (catalog.owner_status === 'retired') throw new AppError('unit.retired', { status: 409 });
    throw new AppError('auth.forbidden');
  }
  if (catalog.status === 'retired') throw new AppError('catalog.retired', { status: 409 });
  return catalog;
}

/** A visible, active unit on which the actor holds perm (catalog.edit_own or catalog.exclude). */
export async function unitToChange(
  db: DbOrTx,
  actor: Actor,
  unitId: string,
  perm: 'catalog.edit_own' | 'catalog.exclude' | 'catalog.manage',
): Promise<Unit> {
  const unit = await getVisibleUnit(db, actor, unitId, 'catalog.view');
  if (unit.status === 'retired') throw new AppError('unit.retired', { status: 409 });
  if (!can(actor, perm, unit)) throw new AppError('auth.forbidden');
  return unit;
}

export type EntryOwner = { kind: 'guiding'; catalog: CatalogWithOwner } | { kind: 'own'; unit: Unit };

/**
 * An active entry the actor may change, with what it belongs to. An inherited entry can be
 * changed only by the office that owns its guiding catalog: a unit that follows the catalog gets
 * catalog.entry_inherited (it may mark the entry not applicable instead).
 */
export async function entryToChange(
  db: DbOrTx,
  actor: Actor,
  entryId: string,
): Promise<{ entry: CatalogEntry; owner: EntryOwner }> {
  const entry = await findEntry(db, actor.tenantId, entryId);
  if (!entry) throw new AppError('catalog.entry.not_found');
  let owner: EntryOwner;
  if (entry.guiding_catalog_id) {
    const catalog = await getVisibleCatalog(db, actor, entry.guiding_catalog_id).catch(notFound);
    if (!can(actor, 'catalog.manage', ownerRef(catalog))) {
      if (hasPermissionSomewhere(actor, 'catalog.edit_own'))
        throw new AppError('catalog.entry_inherited', { status: 403 });
      throw new AppError('auth.forbidden');
    }
    if (catalog.status === 'retired') throw new AppError('catalog.retired', { status: 409 });
    owner = { kind: 'guiding', catalog };
  } else {
    const unit = await getVisibleUnit(db, actor, entry.unit_id!, 'catalog.view').catch(notFound);
    if (!can(actor, 'catalog.edit_own', unit)) throw new AppError('auth.forbidden');
    if (unit.status === 'retired') throw new AppError('unit.retired', { status: 409 });
    owner = { kind: 'own', unit };
  }
  if (entry.status === 'retired') throw new AppError('catalog.entry_retired', { status: 409 });
  return { entry, owner };
}

function notFound(e: unknown): never {
  if (e instanceof AppError && e.status === 404) throw new AppError('catalog.entry.not_found');
  throw e;
}

/** The unit an audit entry about this entry belongs to (scopes who may read it). */
export function auditUnitOf(owner: EntryOwner): string {
  return owner.kind === 'guiding' ? owner.catalog.owner_unit_id : owner.unit.id;
}

/**
 * A claim and its unit, for a decision. Deciding (accept, reject) needs catalog.manage on the unit
 * — an office above it — and never by the person who made the claim; withdrawing needs
 * catalog.exclude, like claiming.
 */
export async function exclusionToDecide(
  db: DbOrTx,
  actor: Actor,
  id: string,
  perm: 'catalog.manage' | 'catalog.exclude',
  from: readonly CatalogExclusion['status'][],
): Promise<{ exclusion: CatalogExclusion; unit: Unit; entry: CatalogEntry }> {
  const exclusion = await findExclusion(db, actor.tenantId, id);
  if (!exclusion) throw new AppError('catalog.exclusion.not_found');
  const unit = await getVisibleUnit(db, actor, exclusion.unit_id, 'catalog.view').catch((e: unknown) => {
    if (e instanceof AppError && e.status === 404) throw new AppError('catalog.exclusion.not_found');
    throw e;
  });
  if (!can(actor, perm, unit)) throw new AppError('auth.forbidden');
  if (perm === 'catalog.manage' && exclusion.created_by !== null && exclusion.created_by === actor.personId)
    throw new AppError('catalog.exclusion_self_decision', { status: 403 });
  if (!from.includes(exclusion.status)) throw new AppError('catalog.exclusion_decided', { status: 409 });
  const entry = (await findEntry(db, actor.tenantId, exclusion.entry_id))!;
  return { exclusion, unit, entry };
}

/** An entry the actor may read: through its guiding catalog's visibility, or its unit's. */
export async function entryToRead(db: DbOrTx, actor: Actor, entryId: string): Promise<CatalogEntry> {
  const entry = await findEntry(db, actor.tenantId, entryId);
  if (!entry) throw new AppError('catalog.entry.not_found');
  if (entry.guiding_catalog_id) await getVisibleCatalog(db, actor, entry.guiding_catalog_id).catch(notFound);
  else await getVisibleUnit(db, actor, entry.unit_id!, 'catalog.view').catch(notFound);
  return entry;
}
