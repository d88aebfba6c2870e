import type { Actor } from '../auth/actor.ts';
import { hasPermissionSomewhere } from '../auth/policy.ts';
import { t } from '../i18n/index.ts';
import { demandNavItems } from './demands/nav.ts';
import { engagementSettingsNavItems } from './settings-page/nav.ts';

export interface NavItem {
  href: string;
  label: string;
}

/** Back-office menu entries of the engagement features, each shown only to those it serves. */
export function engagementNavItems(actor: Actor): NavItem[] {
  const out: NavItem[] = [];
  if (hasPermissionSomewhere(actor, 'feedback.view') || hasPermissionSomewhere(actor, 'feedback.report'))
    out.push({ href: '/admin/feedback', label: t('feedback.admin_title') });
  if (hasPermissionSomewhere(actor, 'consultation.manage'))
    out.push({ href: '/admin/consultations', label: t('consultation.admin_title') });
  if (hasPermissionSomewhere(actor, 'survey.view'))
    out.push({ href: '/admin/surveys', label: t('survey.nav') });
  if (hasPermissionSomewhere(actor, 'feedback.view'))
    out.push({ href: '/admin/feedback/stats', label: t('feedback_stats.nav') });
  out.push(...demandNavItems(actor));
  out.push(...engagementSettingsNavItems(actor));
  return out;
}
