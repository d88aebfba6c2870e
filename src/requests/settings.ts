import type { DbOrTx } from '../db/types.ts';
import { readTenantSetting } from '../lib/tenant-settings.ts';

/** Per-region (tenant) settings of the request workflow, in tenant_settings ('requests.<name>'). */
export const PRECHECK_KEY = 'requests.precheck';

/** 程序性把关: does a reply go to the supervising office for a procedural check before it goes out? */
export async function precheckEnabled(db: DbOrTx, tenantId: string): Promise<boolean> {
  return (await readTenantSetting(db, tenantId, PRECHECK_KEY)) === true;
}
