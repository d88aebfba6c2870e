import type { ComponentChildren } from 'preact';
import type { Actor } from '../auth/actor.ts';
import { hasPermissionSomewhere } from '../auth/policy.ts';
import { engagementNavItems } from '../engagement/nav.ts';
import { t } from '../i18n/index.ts';
import { Layout, type PageMeta } from '../views/layout.tsx';

/** Back-office shell: the site layout plus a section menu filtered by the actor's permissions. */
export function AdminLayout(p: PageMeta & { largeType?: boolean; children: ComponentChildren }) {
  return (
    <Layout {...p}>
      <div class="admin">
        <nav class="admin-nav" aria-label={t('admin.menu')}>
          <ul>
            {items(p.actor).map((it) => (
              <li key={it.href}>
                <a href={it.href} aria-current={p.currentPath === it.href ? 'page' : undefined}>
                  {it.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="admin-main">{p.children}</div>
      </div>
    </Layout>
  );
}

function items(actor: Actor) {
  const out = [{ href: '/admin', label: t('admin.dashboard') }];
  if (hasPermissionSomewhere(actor, 'unit.view')) out.push({ href: '/admin/units', label: t('admin.units') });
  if (hasPermissionSomewhere(actor, 'unit.manage'))
    out.push({ href: '/admin/units/import', label: t('admin.units_import') });
  if (hasPermissionSomewhere(actor, 'person.view'))
    out.push({ href: '/admin/people', label: t('admin.people') });
  if (hasPermissionSomewhere(actor, 'catalog.view'))
    out.push({ href: '/admin/catalogs', label: t('admin.catalogs') });
  if (hasPermissionSomewhere(actor, 'obligation.view'))
    out.push({ href: '/admin/obligations', label: t('admin.board') });
  if (hasPermissionSomewhere(actor, 'disclosure.view_internal'))
    out.push({ href: '/admin/disclosures', label: t('disclosure.admin_title') });
  if (hasPermissionSomewhere(actor, 'request.view')) {
    out.push({ href: '/admin/requests/report', label: t('request_report.nav') });
    out.push({ href: '/admin/requests/templates', label: t('request_docs.nav') });
  }
  if (hasPermissionSomewhere(actor, 'request.view'))
    out.push({ href: '/admin/requests', label: t('request.admin_title') });
  out.push(...engagementNavItems(actor));
  if (hasPermissionSomewhere(actor, 'audit.view'))
    out.push({ href: '/admin/audit', label: t('admin.audit') });
  out.push({ href: '/admin/calendar', label: t('calendar.title') });
  out.push({ href: '/account', label: t('admin.account') });
  return out;
}
