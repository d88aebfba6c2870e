import { type SqlBool, sql } from 'kysely';

/**
 * The one rule for "this obligation's column still exists": its catalog entry (alias `e`) is active
 * and, for an inherited entry, so is its guiding catalog. Open obligations of a retired column are
 * neither listed, counted on the board nor reminded about; fulfilled ones stay as history.
 */
export const entryIsLive = sql<SqlBool>`(e.status = 'active' and not exists (select 1 from guiding_catalogs g
  where g.tenant_id = e.tenant_id and g.id = e.guiding_catalog_id and g.status <> 'active'))`;
