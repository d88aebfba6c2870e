import type { DbOrTx } from '../db/types.ts';
import { readTenantSetting } from '../lib/tenant-settings.ts';

/**
 * Region (tenant) settings of the engagement features, in tenant_settings under 'engagement.<name>'.
 * Readers live here; the office edits them on the engagement settings page.
 */
export const FEEDBACK_REPLY_DAYS_KEY = 'engagement.feedback_reply_days';
export const FEEDBACK_DIRECT_KEY = 'engagement.feedback_direct';
export const DEFAULT_FEEDBACK_REPLY_DAYS = 5;
export const MAX_FEEDBACK_REPLY_DAYS = 60;

/** Working days a unit has to reply to feedback (default 5). */
export async function feedbackReplyDays(db: DbOrTx, tenantId: string): Promise<number> {
  const v = await readTenantSetting(db, tenantId, FEEDBACK_REPLY_DAYS_KEY);
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_FEEDBACK_REPLY_DAYS
    ? v
    : DEFAULT_FEEDBACK_REPLY_DAYS;
}

/**
 * 直达: when on, feedback written to a unit other than the region root goes straight to that unit
 * (assigned); when off (the default), the office triages every message first (公开办统一受理、分办).
 */
export async function feedbackDirectDelivery(db: DbOrTx, tenantId: string): Promise<boolean> {
  return (await readTenantSetting(db, tenantId, FEEDBACK_DIRECT_KEY)) === true;
}
