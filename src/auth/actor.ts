import type { DbOrTx, RoleName, Sphere } from '../db/types.ts';

/** A grant as the policy uses it: joined with the unit it is on (active units only). */
export interface EffectiveGrant {
  id: string;
  role: RoleName;
  unitId: string;
  unitPath: string;
  unitSphere: Sphere;
  coversSubtree: boolean;
}

export interface Actor {
  kind: 'person' | 'system' | 'anonymous';
  tenantId: string;
  personId: string | null;
  /** Shown in the audit log. */
  name: string;
  username: string | null;
  /** The person's own name (姓名), for display. */
  displayName?: string;
  grants: EffectiveGrant[];
  /** Signed in with an initial or reset password: must change it before doing anything else. */
  mustChangePassword?: boolean;
}

export function anonymousActor(tenantId: string): Actor {
  return { kind: 'anonymous', tenantId, personId: null, name: '匿名访客', username: null, grants: [] };
}

/** The CLI, the scheduler and the demo seeder act as the system; it may do everything. */
export function systemActor(tenantId: string, label = 'system'): Actor {
  return { kind: 'system', tenantId, personId: null, name: label, username: null, grants: [] };
}

/**
 * Loads a person's effective grants. Grants on retired units are not effective, so the people
 * of a retired unit lose access with it.
 */
export async function loadPersonActor(db: DbOrTx, tenantId: string, personId: string): Promise<Actor | null> {
  const person = await db
    .selectFrom('people')
    .select(['id', 'username', 'display_name', 'status', 'must_change_password'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (person?.status !== 'active') return null;
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.unit_id'),
    )
    .select(['g.id', 'g.role', 'g.unit_id', 'g.covers_subtree', 'u.path', 'u.sphere'])
    .where('g.tenant_id', '=', tenantId)
    .where('g.person_id', '=', personId)
    .where('g.revoked_at', 'is', null)
    .where('u.status', '=', 'active')
    .execute();
  return {
    kind: 'person',
    tenantId,
    personId: person.id,
    name: `${person.display_name}（${person.username}）`,
    username: person.username,
    displayName: person.display_name,
    mustChangePassword: person.must_change_password === 1,
    grants: rows.map((r) => ({
      id: r.id,
      role: r.role,
      unitId: r.unit_id,
      unitPath: r.path,
      unitSphere: r.sphere,
      coversSubtree: r.covers_subtree === 1,
    })),
  };
}
