import { recordAudit } from '../audit/record-audit.ts';
import { coversWholeTenant } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { SettingsInput } from './schemas.ts';
import { PRECHECK_KEY, precheckEnabled } from './settings.ts';

/** The region's office turns the procedural pre-check of replies on or off. */
export async function saveRequestSettings(ctx: OpContext, raw: unknown): Promise<{ precheck: boolean }> {
  const input = parse(SettingsInput, raw);
  if (!coversWholeTenant(ctx.actor, 'request.office')) {
    if (ctx.actor.kind === 'anonymous') throw new AppError('auth.required');
    throw new AppError('auth.forbidden');
  }
  const precheck = input.precheck === true || input.precheck === 'true';
  return inTransaction(ctx, async (tx) => {
    const before = await precheckEnabled(tx.db, tx.actor.tenantId);
    const values = {
      tenant_id: tx.actor.tenantId,
      key: PRECHECK_KEY,
      value_json: JSON.stringify(precheck),
      updated_by: tx.actor.personId,
      updated_at: tx.now.toISOString(),
    };
    await tx.db
      .insertInto('tenant_settings')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'key']).doUpdateSet({
          value_json: values.value_json,
          updated_by: values.updated_by,
          updated_at: values.updated_at,
        }),
      )
      .execute();
    await recordAudit(tx, {
      action: 'request.settings',
      targetType: 'tenant_settings',
      targetId: PRECHECK_KEY,
      summary: precheck ? '开启答复程序性把关' : '关闭答复程序性把关',
      before: { precheck: before },
      after: { precheck },
    });
    return { precheck };
  });
}
