import { recordAudit } from '../audit/record-audit.ts';
import { systemActor } from '../auth/actor.ts';
import type { DbOrTx, Tenant } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';

/**
 * Creates a tenant (a county-level region) with its root unit. Only the CLI and the demo seeder
 * do this; a deployment usually holds one tenant.
 */
export async function createTenant(
  db: DbOrTx,
  input: { code: string; name: string; rootCode?: string },
  now: Date,
): Promise<{ tenant: Tenant; rootUnitId: string }> {
  if (!/^[a-z0-9-]{2,40}$/.test(input.code))
    throw new AppError('validation.failed', { fields: [{ field: 'code', code: 'validation.pattern' }] });
  const run = async (tx: DbOrTx) => {
    const exists = await tx
      .selectFrom('tenants')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (exists) throw new AppError('tenant.exists', { params: { code: input.code } });
    const tenant: Tenant = {
      id: newId(now.getTime()),
      code: input.code,
      name: input.name,
      created_at: now.toISOString(),
    };
    await tx.insertInto('tenants').values(tenant).execute();
    const rootUnitId = newId(now.getTime());
    await tx
      .insertInto('units')
      .values({
        tenant_id: tenant.id,
        id: rootUnitId,
        code: input.rootCode ?? input.code,
        name: input.name,
        kind: 'region',
        sphere: 'region',
        parent_id: null,
        path: `/${rootUnitId}/`,
        depth: 0,
        admin_code: null,
        host_unit_id: null,
        contact_phone: null,
        address: null,
        sort_order: 0,
        status: 'active',
        retired_at: null,
        retire_reason: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await recordAudit(
      { db: tx, actor: systemActor(tenant.id), now },
      {
        action: 'tenant.create',
        targetType: 'tenant',
        targetId: tenant.id,
        unitId: rootUnitId,
        summary: `创建区域“${input.name}”`,
        after: tenant,
      },
    );
    return { tenant, rootUnitId };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

export async function findTenant(db: DbOrTx, code?: string): Promise<Tenant | undefined> {
  let q = db.selectFrom('tenants').selectAll();
  if (code) q = q.where('code', '=', code);
  return q.orderBy('created_at').executeTakeFirst();
}
