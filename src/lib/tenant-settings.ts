import type { DbOrTx } from '../db/types.ts';
import type { OpContext } from './context.ts';

/**
 * The region's (tenant's) settings, one JSON value per key in `tenant_settings` (keys are named
 * '<feature>.<name>'). Features keep their own keys, defaults and validation; reading and writing
 * the row is here. A write belongs to an operation: call it inside the operation's transaction,
 * next to its audit entry.
 */
export async function readTenantSetting(db: DbOrTx, tenantId: string, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('tenant_settings')
    .select('value_json')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? JSON.parse(row.value_json) : undefined;
}

/** Inserts or replaces the value, recording who changed it and when. */
export async function writeTenantSetting(tx: OpContext, key: string, value: unknown): Promise<void> {
  const row = {
    value_json: JSON.stringify(value),
    updated_by: tx.actor.personId,
    updated_at: tx.now.toISOString(),
  };
  await tx.db
    .insertInto('tenant_settings')
    .values({ tenant_id: tx.actor.tenantId, key, ...row })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet(row))
    .execute();
}
