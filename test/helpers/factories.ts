import { type Actor, loadPersonActor, systemActor } from '../../src/auth/actor.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import type { DbOrTx, RoleName, Unit, UnitKind } from '../../src/db/types.ts';
import type { OpContext } from '../../src/lib/context.ts';
import { newId } from '../../src/lib/ids.ts';
import { grantRole } from '../../src/people/grant-role.ts';
import { createTenant } from '../../src/units/create-tenant.ts';
import { createUnit } from '../../src/units/create-unit.ts';

/** Factories build test data through the real operations (so audit and rules apply). */
export const TEST_PASSWORD = 'Test-pass-2026';
let cachedHash: Promise<string> | null = null;
function testHash() {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export const FIXED_NOW = new Date('2026-03-02T02:00:00.000Z');

export interface World {
  tenantId: string;
  rootId: string;
  system: OpContext;
  ctx(actor: Actor, now?: Date): OpContext;
}

export async function makeWorld(db: DbOrTx, now = FIXED_NOW, code = `t${newId().slice(-8)}`): Promise<World> {
  const { tenant, rootUnitId } = await createTenant(db, { code, name: '测试县' }, now);
  const system: OpContext = { db, actor: systemActor(tenant.id, 'test'), now };
  return {
    tenantId: tenant.id,
    rootId: rootUnitId,
    system,
    ctx: (actor, at = now) => ({ db, actor, now: at }),
  };
}

let seq = 0;
export async function makeUnit(
  w: World,
  parentId: string,
  kind: UnitKind,
  name?: string,
  code?: string,
): Promise<Unit> {
  seq += 1;
  return createUnit(w.system, {
    code: code ?? `U${Date.now().toString(36)}${seq}`,
    name: name ?? `${kind}-${seq}`,
    kind,
    parentId,
  });
}

/** A person with an active account (no forced password change) and optional grants. */
export async function makePerson(
  w: World,
  unitId: string | null,
  grants: { role: RoleName; unitId: string; coversSubtree?: boolean }[] = [],
  username?: string,
): Promise<{ id: string; username: string; actor: () => Promise<Actor> }> {
  seq += 1;
  const id = newId();
  const uname = username ?? `user${seq}${id.slice(-6)}`;
  const now = w.system.now.toISOString();
  await w.system.db
    .insertInto('people')
    .values({
      tenant_id: w.tenantId,
      id,
      username: uname,
      display_name: `测试人员${seq}`,
      unit_id: unitId,
      phone: null,
      email: null,
      password_hash: await testHash(),
      must_change_password: 0,
      status: 'active',
      password_changed_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const g of grants) await grantRole(w.system, { personId: id, ...g });
  return {
    id,
    username: uname,
    actor: async () => (await loadPersonActor(w.system.db, w.tenantId, id))!,
  };
}
