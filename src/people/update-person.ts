import { recordAudit } from '../audit/record-audit.ts';
import { authorize, can } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { findUnit } from '../units/queries.ts';
import { getVisiblePerson } from './queries.ts';
import { UpdatePersonInput } from './schemas.ts';

/**
 * Edits a person's name, home unit, contacts and status. Moving a person needs person.manage on
 * both units. Disabling ends the person's sessions.
 */
export async function updatePerson(ctx: OpContext, personId: string, raw: unknown): Promise<void> {
  const input = parse(UpdatePersonInput, raw);
  await inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const person = await getVisiblePerson(tx.db, tx.actor, personId);
    if (person.unit_id)
      authorize(
        tx.actor,
        'person.manage',
        { id: person.unit_id, path: person.unit_path!, sphere: person.unit_sphere! },
        'person.not_found',
      );
    const unit = await findUnit(tx.db, tenantId, input.unitId);
    if (!unit || !can(tx.actor, 'unit.view', unit))
      throw new AppError('validation.failed', { fields: [{ field: 'unitId', code: 'unit.not_found' }] });
    if (unit.id !== person.unit_id) {
      authorize(tx.actor, 'person.manage', unit);
      if (unit.status !== 'active') throw new AppError('unit.retired', { status: 409 });
    }
    const status = input.status ?? person.status;
    if (status === 'disabled' && person.id === tx.actor.personId)
      throw new AppError('person.cannot_disable_self', { status: 409 });
    const changes = {
      display_name: input.displayName,
      unit_id: unit.id,
      phone: input.phone ?? null,
      email: input.email ?? null,
      status,
    };
    await tx.db
      .updateTable('people')
      .set({ ...changes, updated_at: tx.now.toISOString() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', person.id)
      .execute();
    if (status === 'disabled' && person.status !== 'disabled')
      await tx.db
        .deleteFrom('sessions')
        .where('tenant_id', '=', tenantId)
        .where('person_id', '=', person.id)
        .execute();
    await recordAudit(tx, {
      action:
        status !== person.status
          ? status === 'disabled'
            ? 'person.disable'
            : 'person.enable'
          : 'person.update',
      targetType: 'person',
      targetId: person.id,
      unitId: unit.id,
      summary: `修改人员 ${person.display_name}（${person.username}）`,
      before: {
        display_name: person.display_name,
        unit_id: person.unit_id,
        phone: person.phone,
        email: person.email,
        status: person.status,
      },
      after: changes,
    });
  });
}
