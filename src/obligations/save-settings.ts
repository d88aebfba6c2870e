import { Type } from 'typebox';
import { recordAudit } from '../audit/record-audit.ts';
import { coversWholeTenant } from '../auth/policy.ts';
import { isValidDate } from '../calendar/dates.ts';
import { beijingDate } from '../jobs/schedule-daily.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { writeTenantSetting } from '../lib/tenant-settings.ts';
import { parse } from '../lib/validate.ts';
import {
  getSettings,
  type ObligationSettings,
  ObligationSettingsSchema,
  SETTING_NAMES,
  settingKey,
} from './settings.ts';

export const SaveSettingsInput = Type.Partial(ObligationSettingsSchema);

/**
 * Saves the compliance settings (whole-tenant office only: they apply to every unit). Only the
 * given fields change; one audit entry with before and after.
 */
export async function saveSettings(ctx: OpContext, raw: unknown): Promise<ObligationSettings> {
  const input = parse(SaveSettingsInput, raw) as Partial<ObligationSettings>;
  if (!coversWholeTenant(ctx.actor, 'obligation.manage'))
    throw new AppError(ctx.actor.kind === 'anonymous' ? 'auth.required' : 'auth.forbidden');
  if (input.derivationStart !== undefined && !isValidDate(input.derivationStart))
    throw new AppError('validation.failed', {
      status: 422,
      fields: [{ field: 'derivationStart', code: 'validation.format' }],
    });
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const today = beijingDate(tx.now);
    const before = await getSettings(tx.db, tenantId, today);
    for (const name of SETTING_NAMES) {
      const value = input[name];
      if (value === undefined) continue;
      await writeTenantSetting(tx, settingKey(name), value);
    }
    const after = await getSettings(tx.db, tenantId, today);
    await recordAudit(tx, {
      action: 'obligation.manage',
      targetType: 'tenant_settings',
      targetId: tenantId,
      summary: '修改公开义务设置',
      before,
      after,
    });
    return after;
  });
}
