import type { ComponentChildren } from 'preact';
import type { Actor } from '../auth/actor.ts';
import { hasPermissionSomewhere } from '../auth/policy.ts';
import { t } from '../i18n/index.ts';

export interface PageMeta {
  title: string;
  actor: Actor;
  csrfToken: string;
  tenantName: string;
  /** Which top-level area the page belongs to. */
  area: 'portal' | 'admin' | 'account';
  currentPath?: string;
  flash?: string | null;
  /** Unread notifications of the signed-in person (src/notify/), shown as 通知(N) in the header. */
  unreadCount?: number | null;
}

/**
 * The single HTML shell. The portal works without JavaScript; htmx (deferred) only enhances the
 * back office. The large-type mode (适老化) is a cookie the server reads, so it persists per visitor.
 */
export function Layout(
  props: PageMeta & {
    children: ComponentChildren;
    largeType?: boolean;
    /** Feeds advertised in the head (<link rel="alternate" type="application/atom+xml">). */
    feeds?: { href: string; title: string }[];
  },
) {
  const { actor, area } = props;
  const signedIn = actor.kind === 'person';
  return (
    <html lang="zh-CN" class={props.largeType ? 'large-type' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${props.tenantName}${t('app.name_suffix')}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {props.feeds?.map((f) => (
          <link key={f.href} rel="alternate" type="application/atom+xml" href={f.href} title={f.title} />
        ))}
        {area !== 'portal' && <script src="/static/vendor/htmx/htmx.min.js" defer />}
      </head>
      <body hx-headers={signedIn ? JSON.stringify({ 'x-csrf-token': props.csrfToken }) : undefined}>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">
                公
              </span>
              <span>
                {props.tenantName}
                {t('app.name_suffix')}
              </span>
            </a>
            <nav aria-label={t('nav.main')} class="main-nav">
              <a href="/" aria-current={area === 'portal' ? 'page' : undefined}>
                {t('nav.portal')}
              </a>
              <a href="/units">{t('nav.directory')}</a>
              <a href="/requests/new">{t('request.title')}</a>
              <a href="/echo">{t('nav.echo')}</a>
              <a href="/consultations">{t('nav.consultations')}</a>
              <a href="/demands">{t('nav.demands')}</a>
              <a href="/surveys">{t('nav.surveys')}</a>
              {signedIn && hasPermissionSomewhere(actor, 'admin.enter') && (
                <a href="/admin" aria-current={area === 'admin' ? 'page' : undefined}>
                  {t('nav.admin')}
                </a>
              )}
              {signedIn ? (
                <>
                  <a
                    href="/notifications"
                    aria-label={
                      props.unreadCount ? t('notify.nav_unread_label', { n: props.unreadCount }) : undefined
                    }
                  >
                    {props.unreadCount ? t('notify.nav_unread', { n: props.unreadCount }) : t('notify.nav')}
                  </a>
                  <a href="/account" aria-current={area === 'account' ? 'page' : undefined}>
                    {actor.displayName ?? actor.username}
                  </a>
                  <form method="post" action="/signout" class="inline">
                    <input type="hidden" name="_csrf" value={props.csrfToken} />
                    <button type="submit" class="link">
                      {t('nav.signout')}
                    </button>
                  </form>
                </>
              ) : (
                <a href="/signin">{t('nav.signin')}</a>
              )}
              {/* GET with an explicit value: a display preference in a cookie, no server state, so
                  no per-visitor form token (public pages then carry none and stay cacheable) */}
              <form method="get" action="/preferences/large-type" class="inline">
                <input type="hidden" name="on" value={props.largeType ? '0' : '1'} />
                <input type="hidden" name="back" value={props.currentPath ?? '/'} />
                <button type="submit" class="link" aria-pressed={props.largeType ? 'true' : 'false'}>
                  {t('nav.large_type')}
                </button>
              </form>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap">
          {props.flash && (
            <p class="flash" role="status">
              {props.flash}
            </p>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {props.tenantName}
              {t('footer.text')}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
