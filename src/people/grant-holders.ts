import type { RoleName, Sphere } from '../db/types.ts';
import type { OpContext } from '../lib/context.ts';

/** A grant as the reminder sweeps need it: who, which role, on which unit (for policy.grantCovers). */
export interface GrantHolder {
  id: string;
  personId: string;
  role: RoleName;
  unitId: string;
  unitPath: string;
  unitSphere: Sphere;
  coversSubtree: boolean;
}

/**
 * Active grants of these roles, of active people, on active units, in one query: the recipients
 * of reminders (obligations, information requests, withheld-filing reviews). Which of them cover
 * a given unit is decided by `grantCovers` in src/auth/policy.ts.
 */
export async function grantHolders(ctx: OpContext, roles: readonly RoleName[]): Promise<GrantHolder[]> {
  const rows = await ctx.db
    .selectFrom('grants as g')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.unit_id'),
    )
    .innerJoin('people as p', (j) =>
      j.onRef('p.tenant_id', '=', 'g.tenant_id').onRef('p.id', '=', 'g.person_id'),
    )
    .select(['g.id', 'g.person_id', 'g.role', 'g.unit_id', 'g.covers_subtree', 'u.path', 'u.sphere'])
    .where('g.tenant_id', '=', ctx.actor.tenantId)
    .where('g.revoked_at', 'is', null)
    .where('g.role', 'in', [...roles])
    .where('u.status', '=', 'active')
    .where('p.status', '=', 'active')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    role: r.role,
    unitId: r.unit_id,
    unitPath: r.path,
    unitSphere: r.sphere,
    coversSubtree: r.covers_subtree === 1,
  }));
}
