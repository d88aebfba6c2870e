import type { Actor } from '../../auth/actor.ts';
import { coversWholeTenant } from '../../auth/policy.ts';
import { t } from '../../i18n/index.ts';
import type { NavItem } from '../nav.ts';

/** The page of the engagement settings. */
export const SETTINGS_PATH = '/admin/engagement/settings';

/** The menu entry of the engagement settings: the region's office only. */
export function engagementSettingsNavItems(actor: Actor): NavItem[] {
  return coversWholeTenant(actor, 'feedback.office')
    ? [{ href: SETTINGS_PATH, label: t('engagement_settings.title') }]
    : [];
}
