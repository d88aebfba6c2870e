import { type Static, Type } from 'typebox';
import type { DbOrTx } from '../db/types.ts';
import { beijingDate } from '../jobs/schedule-daily.ts';

/**
 * The compliance settings of a tenant, stored one key per setting in tenant_settings
 * ('obligations.<name>', JSON value); anything not stored takes its default.
 */
export const ObligationSettingsSchema = Type.Object({
  /** 即将到期: due within this many working days (0 = due today only). */
  dueSoonDays: Type.Integer({ minimum: 0, maximum: 30 }),
  /** A column without a new disclosure for this many days counts as stale (board). */
  staleDays: Type.Integer({ minimum: 7, maximum: 3660 }),
  /** Escalate an overdue obligation to the unit's approvers after this many working days. */
  escalateAfterDays: Type.Integer({ minimum: 0, maximum: 60 }),
  /** No periodic obligation is derived for periods ending before this date. */
  derivationStart: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
});
export type ObligationSettings = Static<typeof ObligationSettingsSchema>;
export type SettingName = keyof ObligationSettings;
export const SETTING_NAMES: readonly SettingName[] = [
  'dueSoonDays',
  'staleDays',
  'escalateAfterDays',
  'derivationStart',
];

export const settingKey = (name: SettingName) => `obligations.${name}`;

/** Defaults; derivationStart is 1 January of the year before `today`. */
export function defaultSettings(today: string): ObligationSettings {
  return {
    dueSoonDays: 3,
    staleDays: 90,
    escalateAfterDays: 3,
    derivationStart: `${Number(today.slice(0, 4)) - 1}-01-01`,
  };
}

/** The tenant's settings with defaults filled in; `today` (China time by default) fixes derivationStart's default. */
export async function getSettings(
  db: DbOrTx,
  tenantId: string,
  today: string = beijingDate(new Date()),
): Promise<ObligationSettings> {
  const out = defaultSettings(today);
  const rows = await db
    .selectFrom('tenant_settings')
    .select(['key', 'value_json'])
    .where('tenant_id', '=', tenantId)
    .where(
      'key',
      'in',
      SETTING_NAMES.map((n) => settingKey(n)),
    )
    .execute();
  for (const r of rows) {
    const name = r.key.slice('obligations.'.length) as SettingName;
    const value = JSON.parse(r.value_json) as unknown;
    if (name === 'derivationStart' && typeof value === 'string') out.derivationStart = value;
    else if (name !== 'derivationStart' && typeof value === 'number') out[name] = value;
  }
  return out;
}
