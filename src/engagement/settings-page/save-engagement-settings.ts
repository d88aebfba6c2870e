import { Type } from 'typebox';
import { recordAudit } from '../../audit/record-audit.ts';
import { coversWholeTenant } from '../../auth/policy.ts';
import type { OpContext } from '../../lib/context.ts';
import { inTransaction } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { writeTenantSetting } from '../../lib/tenant-settings.ts';
import { parse } from '../../lib/validate.ts';
import {
  FEEDBACK_DIRECT_KEY,
  FEEDBACK_REPLY_DAYS_KEY,
  feedbackDirectDelivery,
  feedbackReplyDays,
  MAX_FEEDBACK_REPLY_DAYS,
} from '../settings.ts';

export const EngagementSettingsInput = Type.Object({
  /** working days a unit has to reply to feedback */
  replyDays: Type.Integer({ minimum: 1, maximum: MAX_FEEDBACK_REPLY_DAYS }),
  /** 直达: feedback to a unit goes straight there (a form checkbox sends 'true'; absent = off) */
  direct: Type.Optional(Type.Union([Type.Boolean(), Type.Literal('true'), Type.Literal('false')])),
});

export interface EngagementSettings {
  replyDays: number;
  direct: boolean;
}

/**
 * The region's office (feedback.office over the whole tenant) sets the feedback reply days and
 * 直达 (direct delivery to the addressed unit). Both keys are written and audited in one transaction.
 */
export async function saveEngagementSettings(ctx: OpContext, raw: unknown): Promise<EngagementSettings> {
  const input = parse(EngagementSettingsInput, raw);
  if (!coversWholeTenant(ctx.actor, 'feedback.office')) {
    if (ctx.actor.kind === 'anonymous') throw new AppError('auth.required');
    throw new AppError('auth.forbidden');
  }
  const after: EngagementSettings = {
    replyDays: input.replyDays,
    direct: input.direct === true || input.direct === 'true',
  };
  return inTransaction(ctx, async (tx) => {
    const tenantId = tx.actor.tenantId;
    const before: EngagementSettings = {
      replyDays: await feedbackReplyDays(tx.db, tenantId),
      direct: await feedbackDirectDelivery(tx.db, tenantId),
    };
    for (const [key, value] of [
      [FEEDBACK_REPLY_DAYS_KEY, after.replyDays],
      [FEEDBACK_DIRECT_KEY, after.direct],
    ] as const)
      await writeTenantSetting(tx, key, value);
    await recordAudit(tx, {
      action: 'engagement.settings',
      targetType: 'tenant_settings',
      targetId: 'engagement',
      summary: `互动设置：意见建议答复时限 ${after.replyDays} 个工作日，直达${after.direct ? '开启' : '关闭'}`,
      before,
      after,
    });
    return after;
  });
}
