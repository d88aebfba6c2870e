import type { DbOrTx } from '../db/types.ts';

/** Per-region (tenant) settings of the request workflow, in tenant_settings ('requests.<name>'). */
export const PRECHECK_KEY = 'requests.precheck';

/** 程序性把关: does a reply go to the supervising office for a procedural check before it goes out? */
export async function precheckEnabled(db: DbOrTx, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('tenant_settings')
    .select('value_json')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', PRECHECK_KEY)
    .executeTakeFirst();
  return row ? JSON.parse(row.value_json) === true : false;
}
