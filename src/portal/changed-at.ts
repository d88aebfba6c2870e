import { sql } from 'kysely';
import type { DbOrTx } from '../db/types.ts';

/**
 * When the portal's data of a tenant last changed: the newest update of disclosures, units and
 * catalogs (each an index seek or a small table), and the start of the day in China — items leave
 * the listings on their display-until date without any row changing. Listing pages, feeds and the
 * sitemap send it as Last-Modified.
 */
export async function portalChangedAt(db: DbOrTx, tenantId: string, today: string): Promise<string[]> {
  const r = await sql<{
    d: string | null;
    u: string | null;
    e: string | null;
    g: string | null;
    x: string | null;
  }>`
    select
      (select max(updated_at) from disclosures where tenant_id = ${tenantId}) as d,
      (select max(updated_at) from units where tenant_id = ${tenantId}) as u,
      (select max(updated_at) from catalog_entries where tenant_id = ${tenantId}) as e,
      (select max(updated_at) from guiding_catalogs where tenant_id = ${tenantId}) as g,
      (select max(coalesce(decided_at, created_at)) from catalog_exclusions where tenant_id = ${tenantId}) as x`.execute(
    db,
  );
  const row = r.rows[0];
  return [row?.d, row?.u, row?.e, row?.g, row?.x, `${today}T00:00:00+08:00`].filter((s): s is string => !!s);
}
