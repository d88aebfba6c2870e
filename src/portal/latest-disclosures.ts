import { sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { audienceDependsOnUnit } from '../auth/policy.ts';
import type { CatalogDomain, DbOrTx } from '../db/types.ts';
import { fromListed, LISTED_COLUMNS, type ListedItem, listedWhere, num, toListed } from './listing.ts';

/** Home: the newest listed items of the tenant, optionally of one domain (党务/政务/财务/村务). */
export async function latestDisclosures(
  db: DbOrTx,
  actor: Actor,
  today: string,
  opts: { domain?: CatalogDomain | null; limit?: number } = {},
): Promise<ListedItem[]> {
  let q = fromListed(db).select(LISTED_COLUMNS).where(listedWhere(actor, today));
  if (opts.domain) {
    // the domain's columns first, so the newest-first index walk filters on its own columns
    const entries = await domainEntryIds(db, actor.tenantId, opts.domain);
    if (entries.length === 0) return [];
    q = q.where('d.entry_id', 'in', entries);
  }
  const rows = await q
    .orderBy('d.published_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(opts.limit ?? 20)
    .execute();
  return rows.map(toListed);
}

async function domainEntryIds(db: DbOrTx, tenantId: string, domain: CatalogDomain): Promise<string[]> {
  const rows = await db
    .selectFrom('catalog_entries')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('domain', '=', domain)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Published (not revoked, not archived) items the visitor may read, per domain. Counted per
 * column first — for visitors without grants an index-only scan (no units join: the audience
 * alone decides) — then summed by the columns' domain.
 */
export async function countsByDomain(db: DbOrTx, actor: Actor, today: string): Promise<Map<string, number>> {
  const where = listedWhere(actor, today);
  const perEntry = audienceDependsOnUnit(actor)
    ? await fromListed(db)
        .select(['d.entry_id as entryId', sql<number>`count(*)`.as('n')])
        .where(where)
        .where('d.state', '=', 'published')
        .groupBy('d.entry_id')
        .execute()
    : await db
        .selectFrom('disclosures as d')
        .select(['d.entry_id as entryId', sql<number>`count(*)`.as('n')])
        .where(where)
        .where('d.state', '=', 'published')
        .groupBy('d.entry_id')
        .execute();
  if (perEntry.length === 0) return new Map();
  const domains = await db
    .selectFrom('catalog_entries')
    .select(['id', 'domain'])
    .where('tenant_id', '=', actor.tenantId)
    .where(
      'id',
      'in',
      perEntry.map((r) => r.entryId),
    )
    .execute();
  const domainOf = new Map(domains.map((e) => [e.id, e.domain]));
  const out = new Map<string, number>();
  for (const r of perEntry) {
    const domain = domainOf.get(r.entryId);
    if (domain) out.set(domain, (out.get(domain) ?? 0) + num(r.n));
  }
  return out;
}
