import type { Actor } from '../auth/actor.ts';
import { can, canSeeAudience, unitVisibility } from '../auth/policy.ts';
import { containsText } from '../db/dialect.ts';
import type { DbOrTx, DisclosureState } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import type { DisclosureVersion } from './chain.ts';
import { attachmentsOf, type Disclosure, findDisclosure, type LoadedDisclosure } from './store.ts';

export interface DisclosureListItem {
  id: string;
  title: string;
  state: DisclosureState;
  unitName: string;
  periodKey: string | null;
  updatedAt: string;
  returnedReason: string | null;
}

/** The back office's list: items of the units where the actor holds disclosure.view_internal. */
export async function listAdminDisclosures(
  db: DbOrTx,
  actor: Actor,
  filter: { state?: DisclosureState } = {},
): Promise<DisclosureListItem[]> {
  let q = db
    .selectFrom('disclosures as d')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'd.tenant_id').onRef('u.id', '=', 'd.unit_id'),
    )
    .select([
      'd.id',
      'd.title',
      'd.state',
      'u.name as unitName',
      'd.period_key as periodKey',
      'd.updated_at as updatedAt',
      'd.returned_reason as returnedReason',
    ])
    .where('d.tenant_id', '=', actor.tenantId)
    .where(unitVisibility(actor, 'disclosure.view_internal', 'u'));
  if (filter.state) q = q.where('d.state', '=', filter.state);
  return q.orderBy('d.updated_at', 'desc').orderBy('d.id', 'desc').limit(500).execute();
}

/** A disclosure for the back office: not found unless the actor holds view_internal on its unit. */
export async function getAdminDisclosure(db: DbOrTx, actor: Actor, id: string): Promise<LoadedDisclosure> {
  const found = await findDisclosure(db, actor.tenantId, id);
  if (!found || !can(actor, 'disclosure.view_internal', found.unit))
    throw new AppError('disclosure.not_found');
  return found;
}

/**
 * A disclosure on the portal: published or revoked, and an audience the actor is entitled to.
 * Everything else — drafts, filed withholdings, 党内公开/本单位/特定对象 items for outsiders — is
 * "not found" (404), never "forbidden", so its existence does not leak.
 */
export async function getPublicDisclosure(db: DbOrTx, actor: Actor, id: string): Promise<LoadedDisclosure> {
  const found = await findDisclosure(db, actor.tenantId, id);
  if (!found || (found.d.state !== 'published' && found.d.state !== 'revoked'))
    throw new AppError('disclosure.not_found');
  if (!canSeeAudience(actor, found.d.audience, found.unit)) throw new AppError('disclosure.not_found');
  return found;
}

export function versionsOf(db: DbOrTx, d: Disclosure): Promise<DisclosureVersion[]> {
  return db
    .selectFrom('disclosure_versions')
    .selectAll()
    .where('tenant_id', '=', d.tenant_id)
    .where('disclosure_id', '=', d.id)
    .orderBy('version')
    .execute();
}

export function eventsOf(db: DbOrTx, d: Disclosure) {
  return db
    .selectFrom('disclosure_events')
    .selectAll()
    .where('tenant_id', '=', d.tenant_id)
    .where('disclosure_id', '=', d.id)
    .orderBy('id')
    .execute();
}

/** Display names of people by id (三级负责). */
export async function peopleNames(
  db: DbOrTx,
  tenantId: string,
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const list = ids.filter((x): x is string => !!x);
  if (list.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', list)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function entryAndObligation(db: DbOrTx, d: Disclosure) {
  const entry = await db
    .selectFrom('catalog_entries')
    .select(['item', 'level1', 'level2', 'timing', 'period', 'requires_interpretation'])
    .where('tenant_id', '=', d.tenant_id)
    .where('id', '=', d.entry_id)
    .executeTakeFirst();
  const obligation = await db
    .selectFrom('obligations')
    .select(['period_key', 'due_date', 'fulfilled_on', 'title'])
    .where('tenant_id', '=', d.tenant_id)
    .where('disclosure_id', '=', d.id)
    .executeTakeFirst();
  return { entry: entry ?? null, obligation: obligation ?? null };
}

/**
 * /verify: published versions whose digest matches a fingerprint, or (`fileSha256`) that carry an
 * attachment with exactly these bytes — among the versions the actor may see.
 */
export async function versionsMatching(
  db: DbOrTx,
  actor: Actor,
  fp: { kind: 'short' | 'full' | 'file'; hex: string },
): Promise<(DisclosureVersion & { unitName: string })[]> {
  const short = `${fp.hex.slice(0, 4)}-${fp.hex.slice(4, 8)}-${fp.hex.slice(8, 12)}`;
  let q = db
    .selectFrom('disclosure_versions as v')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'v.tenant_id').onRef('u.id', '=', 'v.unit_id'),
    )
    .selectAll('v')
    .select(['u.name as unitName', 'u.path as unitPath', 'u.sphere as unitSphere'])
    .where('v.tenant_id', '=', actor.tenantId);
  if (fp.kind === 'full') q = q.where('v.digest', '=', fp.hex);
  else if (fp.kind === 'short') q = q.where('v.fingerprint', '=', short);
  else q = q.where(containsText('v.attachments', `"sha256":"${fp.hex}"`));
  const rows = await q.orderBy('v.id').limit(50).execute();
  return rows
    .filter((r) => fp.kind !== 'file' || attachmentsOf(r.attachments).some((a) => a.sha256 === fp.hex))
    .filter((r) =>
      canSeeAudience(actor, r.audience, { id: r.unit_id, path: r.unitPath, sphere: r.unitSphere }),
    )
    .map(({ unitPath: _p, unitSphere: _s, ...r }) => r);
}

/**
 * The other half of a 政策解读 pair for the portal: the document's published interpretation, or
 * the interpretation's published document — only when the visitor may see it.
 */
export async function publicRelated(
  db: DbOrTx,
  actor: Actor,
  d: Disclosure,
): Promise<{ interpretation: RelatedLink | null; document: RelatedLink | null }> {
  const visible = (x: LoadedDisclosure | undefined) =>
    x && x.d.state === 'published' && canSeeAudience(actor, x.d.audience, x.unit)
      ? { id: x.d.id, title: x.d.title }
      : null;
  if (d.interprets_id)
    return {
      interpretation: null,
      document: visible(await findDisclosure(db, d.tenant_id, d.interprets_id)),
    };
  const row = await db
    .selectFrom('disclosures')
    .select('id')
    .where('tenant_id', '=', d.tenant_id)
    .where('interprets_id', '=', d.id)
    .where('state', '=', 'published')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    interpretation: row ? visible(await findDisclosure(db, d.tenant_id, row.id)) : null,
    document: null,
  };
}

export interface RelatedLink {
  id: string;
  title: string;
}
