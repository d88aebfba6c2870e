import { type Static, Type } from 'typebox';
import { recordAudit } from '../../audit/record-audit.ts';
import { authorize } from '../../auth/policy.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { parse } from '../../lib/validate.ts';
import { numberPattern, patternProblem } from './numbering.ts';
import { TEMPLATE_PERMISSION } from './save-template.ts';
import { findUnit } from './unit-lookup.ts';

export const SetNumberPatternInput = Type.Object({
  unitId: Type.String({ minLength: 1, maxLength: 40 }),
  pattern: Type.String({ minLength: 1, maxLength: 60 }),
});
export type SetNumberPatternInput = Static<typeof SetNumberPatternInput>;

/** Sets a unit's 文号 pattern (office of that unit). Numbers already issued keep their text. */
export async function setNumberPattern(
  ctx: OpContext,
  raw: unknown,
): Promise<{ unitId: string; pattern: string }> {
  const input = parse(SetNumberPatternInput, raw);
  const pattern = input.pattern.trim();
  const problem = patternProblem(pattern);
  if (problem)
    throw new AppError('validation.failed', { status: 422, fields: [{ field: 'pattern', code: problem }] });
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const unit = await findUnit(tx.db, tenantId, input.unitId);
    if (!unit) throw new AppError('unit.not_found');
    authorize(tx.actor, TEMPLATE_PERMISSION, unit);
    const before = await numberPattern(tx.db, tenantId, unit.id);
    await tx.db
      .insertInto('request_document_numbering')
      .values({
        tenant_id: tenantId,
        id: newId(tx.now.getTime()),
        unit_id: unit.id,
        pattern,
        updated_by: tx.actor.personId,
        updated_at: tx.now.toISOString(),
      })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'unit_id']).doUpdateSet({
          pattern,
          updated_by: tx.actor.personId,
          updated_at: tx.now.toISOString(),
        }),
      )
      .execute();
    await recordAudit(tx, {
      action: 'request_docs.number_pattern_set',
      targetType: 'unit',
      targetId: unit.id,
      unitId: unit.id,
      summary: `设置${unit.name}依申请公开文书文号格式：${pattern}`,
      before: { pattern: before },
      after: { pattern },
    });
    return { unitId: unit.id, pattern };
  });
}
