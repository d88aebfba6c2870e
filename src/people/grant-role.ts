import { recordAudit } from '../audit/record-audit.ts';
import { authorize, can } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { findUnit } from '../units/queries.ts';
import { getVisiblePerson } from './queries.ts';
import { GrantRoleInput } from './schemas.ts';

/**
 * Grants a role on a unit (optionally covering its subtree). The actor must manage grants on
 * that unit and see the person. A person may hold several grants.
 */
export async function grantRole(ctx: OpContext, raw: unknown): Promise<{ id: string }> {
  const input = parse(GrantRoleInput, raw);
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const unit = await findUnit(tx.db, tenantId, input.unitId);
    if (!unit || !can(tx.actor, 'unit.view', unit))
      throw new AppError('validation.failed', { fields: [{ field: 'unitId', code: 'unit.not_found' }] });
    authorize(tx.actor, 'grant.manage', unit);
    if (unit.status !== 'active') throw new AppError('grant.unit_retired', { status: 409 });
    const person = await tx.db
      .selectFrom('people')
      .select(['id', 'username', 'display_name', 'unit_id'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.personId)
      .executeTakeFirst();
    // The person must be visible to the actor (home unit in scope); otherwise "not found".
    const personMissing = new AppError('validation.failed', {
      fields: [{ field: 'personId', code: 'person.not_found' }],
    });
    if (!person) throw personMissing;
    if (tx.actor.kind !== 'system')
      await getVisiblePerson(tx.db, tx.actor, person.id).catch(() => {
        throw personMissing;
      });
    const existing = await tx.db
      .selectFrom('grants')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('person_id', '=', person.id)
      .where('role', '=', input.role)
      .where('unit_id', '=', unit.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (existing) throw new AppError('grant.exists', { status: 409 });
    const id = newId(tx.now.getTime());
    const row = {
      tenant_id: tenantId,
      id,
      person_id: person.id,
      role: input.role,
      unit_id: unit.id,
      covers_subtree: input.coversSubtree ? (1 as const) : (0 as const),
      created_at: tx.now.toISOString(),
      created_by: tx.actor.personId,
      revoked_at: null,
      revoked_by: null,
    };
    await tx.db.insertInto('grants').values(row).execute();
    await recordAudit(tx, {
      action: 'grant.create',
      targetType: 'grant',
      targetId: id,
      unitId: unit.id,
      summary: `授予 ${person.display_name}（${person.username}）在“${unit.name}”的角色 ${input.role}${input.coversSubtree ? '（含下级）' : ''}`,
      after: row,
    });
    return { id };
  });
}
