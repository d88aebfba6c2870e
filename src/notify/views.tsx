import { t } from '../i18n/index.ts';
import { fmtTime } from '../lib/format.ts';
import { Csrf } from '../views/form.tsx';
import { Layout, type PageMeta } from '../views/layout.tsx';
import type { NotificationRow } from './queries.ts';

/** 通知: the signed-in person's inbox. Unread items are bold; "查看" marks read and follows the link. */
export function NotificationsPage(
  p: PageMeta & {
    largeType?: boolean;
    rows: NotificationRow[];
    unread: number;
    page: number;
    hasMore: boolean;
  },
) {
  return (
    <Layout {...p}>
      <div class="title-row">
        <h1>{t('notify.title')}</h1>
        {p.unread > 0 && (
          <form method="post" action="/notifications/read-all" class="inline">
            <Csrf token={p.csrfToken} />
            <button type="submit">{t('notify.mark_all_read')}</button>
          </form>
        )}
      </div>
      <p class="hint">{t('notify.hint')}</p>
      <p>{p.unread > 0 ? t('notify.unread_count', { n: p.unread }) : t('notify.none_unread')}</p>
      {p.rows.length === 0 ? (
        <p class="muted">{t('notify.empty')}</p>
      ) : (
        <table class="notifications">
          <thead>
            <tr>
              <th scope="col">{t('notify.time')}</th>
              <th scope="col">{t('notify.content')}</th>
              <th scope="col">{t('notify.status')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((n) => (
              <NotificationItem key={n.id} n={n} csrf={p.csrfToken} />
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label={t('common.pagination')}>
        {p.page > 1 && <a href={`/notifications?page=${p.page - 1}`}>{t('common.prev')}</a>}
        <span>{t('common.page', { n: p.page })}</span>
        {p.hasMore && <a href={`/notifications?page=${p.page + 1}`}>{t('common.next')}</a>}
      </nav>
    </Layout>
  );
}

function NotificationItem({ n, csrf }: { n: NotificationRow; csrf: string }) {
  const unread = n.read_at === null;
  return (
    <tr class={unread ? 'unread' : undefined}>
      <td>{fmtTime(n.created_at)}</td>
      <td>
        {unread ? <strong>{n.title}</strong> : n.title}
        <p>{n.body}</p>
      </td>
      <td>
        {unread ? (
          <span class="tag warn">{t('notify.unread')}</span>
        ) : (
          <span class="tag">{t('notify.read')}</span>
        )}
        {(unread || n.link) && (
          <form method="post" action={`/notifications/${n.id}/read`} class="inline">
            <Csrf token={csrf} />
            {n.link && <input type="hidden" name="next" value={n.link} />}
            <button type="submit" class="link">
              {n.link ? t('notify.open') : t('notify.mark_read')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
