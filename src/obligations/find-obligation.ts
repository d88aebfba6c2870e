import type { UnitRef } from '../auth/policy.ts';
import type { DbOrTx, ObligationsTable } from '../db/types.ts';
import { isId } from '../lib/ids.ts';

/** An obligation row (the table has no generated columns, so row = table type). */
export type Obligation = ObligationsTable;
export type ObligationWithUnit = Obligation & { unit: UnitRef & { name: string } };

function base(db: DbOrTx, tenantId: string) {
  return db
    .selectFrom('obligations as o')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'o.tenant_id').onRef('u.id', '=', 'o.unit_id'),
    )
    .selectAll('o')
    .select([
      'u.name as unit_name',
      'u.path as unit_path',
      'u.sphere as unit_sphere',
      'u.status as unit_status',
    ])
    .where('o.tenant_id', '=', tenantId);
}

type Joined = Obligation & {
  unit_name: string;
  unit_path: string;
  unit_sphere: UnitRef['sphere'];
  unit_status: 'active' | 'retired';
};
function shape(r: Joined | undefined): ObligationWithUnit | undefined {
  if (!r) return undefined;
  const { unit_name, unit_path, unit_sphere, unit_status, ...o } = r;
  return {
    ...o,
    unit: { id: o.unit_id, name: unit_name, path: unit_path, sphere: unit_sphere, status: unit_status },
  };
}

/** One obligation with the unit the policy needs (no visibility check: callers authorize). */
export async function findObligation(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<ObligationWithUnit | undefined> {
  if (!isId(id)) return undefined;
  return shape(await base(db, tenantId).where('o.id', '=', id).executeTakeFirst());
}

export async function findObligationByKey(
  db: DbOrTx,
  tenantId: string,
  k: { unitId: string; entryId: string; periodKey: string },
): Promise<ObligationWithUnit | undefined> {
  if (!isId(k.unitId) || !isId(k.entryId)) return undefined;
  return shape(
    await base(db, tenantId)
      .where('o.unit_id', '=', k.unitId)
      .where('o.entry_id', '=', k.entryId)
      .where('o.period_key', '=', k.periodKey)
      .executeTakeFirst(),
  );
}
