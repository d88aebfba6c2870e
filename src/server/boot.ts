import { type DbHandle, openDb } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Tenant } from '../db/types.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { findTenant } from '../units/create-tenant.ts';
import type { Config } from './config.ts';

/**
 * Opens the configured database, brings the schema up to date, seeds the demo county when demo
 * mode is on, and finds the tenant this server serves.
 */
export async function boot(
  config: Config,
  log: (msg: string) => void,
): Promise<{ handle: DbHandle; tenant: Tenant }> {
  const handle = openDb(config.database);
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    if (config.demo) {
      const seeded = await seedDemo(handle.db, new Date());
      if (seeded.created) log('demo county seeded (青山县)');
    }
    const tenant = await findTenant(handle.db, config.tenantCode ?? undefined);
    if (!tenant) {
      throw new Error(
        config.tenantCode
          ? `tenant "${config.tenantCode}" does not exist (GONGKAI_TENANT)`
          : 'the database has no tenant yet: run `npx gongkai tenant create --code CODE --name NAME`, or start with GONGKAI_DEMO=on',
      );
    }
    return { handle, tenant };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
