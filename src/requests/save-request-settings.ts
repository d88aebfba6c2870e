import { recordAudit } from '../audit/record-audit.ts';
import { coversWholeTenant } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { writeTenantSetting } from '../lib/tenant-settings.ts';
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
    await writeTenantSetting(tx, PRECHECK_KEY, precheck);
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
