import { containsText } from '../db/dialect.ts';
import type { DbOrTx, Unit } from '../db/types.ts';

/**
 * Public reads of the unit directory. The organisation structure (names, kinds, contacts) is
 * public information; retired units are left out of listings but their pages still answer.
 */
export async function listPublicUnits(
  db: DbOrTx,
  tenantId: string,
  q?: string,
  parentId?: string,
): Promise<Unit[]> {
  let query = db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .where('kind', '!=', 'region');
  if (q) query = query.where(containsText('name', q));
  if (parentId) query = query.where('parent_id', '=', parentId);
  return query.orderBy('depth').orderBy('sort_order').orderBy('code').execute();
}

export async function findPublicUnitByCode(
  db: DbOrTx,
  tenantId: string,
  code: string,
): Promise<Unit | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .where('kind', '!=', 'region')
    .executeTakeFirst();
}
