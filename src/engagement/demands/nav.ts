import type { Actor } from '../../auth/actor.ts';
import { hasPermissionSomewhere } from '../../auth/policy.ts';
import { t } from '../../i18n/index.ts';
import type { NavItem } from '../nav.ts';

/** The back-office menu entry of 点单式公开: for those who answer demands somewhere. */
export function demandNavItems(actor: Actor): NavItem[] {
  return hasPermissionSomewhere(actor, 'demand.answer')
    ? [{ href: '/admin/demands', label: t('demand.admin_title') }]
    : [];
}
