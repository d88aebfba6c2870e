import type { DbOrTx, Unit } from '../../db/types.ts';
import { isId } from '../../lib/ids.ts';

/** A unit of the tenant by id (the caller asks the policy whether the actor may see or act on it). */
export async function findUnit(db: DbOrTx, tenantId: string, id: string): Promise<Unit | undefined> {
  if (!isId(id)) return undefined;
  return db
    .selectFrom('units')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}
