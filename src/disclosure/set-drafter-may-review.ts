import { recordAudit } from '../audit/record-audit.ts';
import { authorize } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { isId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { drafterMayReviewKey } from './review-disclosure.ts';
import { DrafterMayReviewInput } from './schemas.ts';

/** The unit setting "the drafter may also review their own draft" (default no); the office decides it. */
export async function setDrafterMayReview(ctx: OpContext, raw: unknown): Promise<boolean> {
  const input = parse(DrafterMayReviewInput, raw);
  const allowed = input.allowed === true || input.allowed === 'true';
  return inTransaction(ctx, async (tx) => {
    const unit = isId(input.unitId)
      ? await tx.db
          .selectFrom('units')
          .selectAll()
          .where('tenant_id', '=', tx.actor.tenantId)
          .where('id', '=', input.unitId)
          .executeTakeFirst()
      : undefined;
    if (!unit) throw new AppError('unit.not_found');
    authorize(tx.actor, 'unit.manage', unit);
    const key = drafterMayReviewKey(unit.id);
    const at = tx.now.toISOString();
    const existing = await tx.db
      .selectFrom('tenant_settings')
      .select('value_json')
      .where('tenant_id', '=', unit.tenant_id)
      .where('key', '=', key)
      .executeTakeFirst();
    const row = { value_json: JSON.stringify(allowed), updated_by: tx.actor.personId, updated_at: at };
    if (existing)
      await tx.db
        .updateTable('tenant_settings')
        .set(row)
        .where('tenant_id', '=', unit.tenant_id)
        .where('key', '=', key)
        .execute();
    else
      await tx.db
        .insertInto('tenant_settings')
        .values({ tenant_id: unit.tenant_id, key, ...row })
        .execute();
    await recordAudit(tx, {
      action: 'disclosure.settings',
      targetType: 'unit',
      targetId: unit.id,
      unitId: unit.id,
      summary: `${unit.name}：起草人${allowed ? '可以' : '不得'}审核本人起草的公开事项`,
      before: existing ? { allowed: JSON.parse(existing.value_json) } : { allowed: false },
      after: { allowed },
    });
    return allowed;
  });
}
