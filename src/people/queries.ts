import { type SqlBool, sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { coversWholeTenant, type Permission, unitVisibility } from '../auth/policy.ts';
import { containsText } from '../db/dialect.ts';
import type { DbOrTx } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';

/**
 * People are scoped by their home unit: visible to whoever holds person.view over it. People
 * with no home unit are visible only to a whole-tenant office.
 */
function basePeopleQuery(db: DbOrTx, actor: Actor, perm: Permission) {
  return db
    .selectFrom('people as p')
    .leftJoin('units as u', (j) => j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'))
    .where('p.tenant_id', '=', actor.tenantId)
    .where((eb) =>
      coversWholeTenant(actor, perm)
        ? sql<SqlBool>`1 = 1`
        : eb.and([eb('p.unit_id', 'is not', null), unitVisibility(actor, perm, 'u')]),
    );
}

const personColumns = [
  'p.id',
  'p.username',
  'p.display_name',
  'p.unit_id',
  'p.phone',
  'p.email',
  'p.status',
  'p.created_at',
  'p.updated_at',
  'u.name as unit_name',
  'u.path as unit_path',
  'u.sphere as unit_sphere',
  'u.status as unit_status',
] as const;

export type PersonRow = Awaited<ReturnType<typeof getVisiblePerson>>;

export async function getVisiblePerson(
  db: DbOrTx,
  actor: Actor,
  id: string,
  perm: Permission = 'person.view',
) {
  const row = await basePeopleQuery(db, actor, perm)
    .select(personColumns)
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('person.not_found');
  return row;
}

export async function listVisiblePeople(
  db: DbOrTx,
  actor: Actor,
  filter: { q?: string; unitId?: string; limit?: number; offset?: number } = {},
) {
  let q = basePeopleQuery(db, actor, 'person.view').select(personColumns);
  if (filter.unitId) q = q.where('p.unit_id', '=', filter.unitId);
  if (filter.q) {
    const needle = filter.q;
    q = q.where((eb) =>
      eb.or([
        containsText('p.username', needle),
        containsText('p.display_name', needle),
        containsText('u.name', needle),
      ]),
    );
  }
  return q
    .orderBy('u.path')
    .orderBy('p.username')
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0)
    .execute();
}

export async function listGrantsOfPerson(
  db: DbOrTx,
  tenantId: string,
  personId: string,
  includeRevoked = false,
) {
  let q = db
    .selectFrom('grants as g')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.unit_id'),
    )
    .select([
      'g.id',
      'g.person_id',
      'g.role',
      'g.unit_id',
      'g.covers_subtree',
      'g.created_at',
      'g.revoked_at',
      'u.name as unit_name',
      'u.status as unit_status',
    ])
    .where('g.tenant_id', '=', tenantId)
    .where('g.person_id', '=', personId);
  if (!includeRevoked) q = q.where('g.revoked_at', 'is', null);
  return q.orderBy('g.created_at').execute();
}

export function toPersonView(r: PersonRow) {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    phone: r.phone,
    email: r.email,
    status: r.status,
    createdAt: r.created_at,
  };
}
