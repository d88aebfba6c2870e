import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requireSignedIn } from '../auth/routes.ts';
import { t } from '../i18n/index.ts';
import { parse } from '../lib/validate.ts';
import { isApi, opContext, redirect } from '../server/context.ts';
import { formBody } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import { markAllNotificationsRead, markNotificationRead } from './mark-read.ts';
import { countUnread, listMyNotifications, toNotificationView } from './queries.ts';
import { IdParams, NotificationList, NotificationListQuery, PageQuery } from './schemas.ts';
import { NotificationsPage } from './views.tsx';

declare module 'fastify' {
  interface FastifyRequest {
    /** Unread notifications of the signed-in person, counted for pages (layout header). */
    unreadNotifications: number | null;
  }
}

const PAGE = 50;
const tags = ['notifications'];

/** A stored link is followed only when it stays on this site. */
function isLocalPath(link: string | null): link is string {
  return !!link && link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\');
}

export function registerNotifyRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  // The header's 通知(N): one indexed count per signed-in page view; API and assets skip it.
  app.decorateRequest('unreadNotifications', null);
  app.addHook('preHandler', async (req) => {
    if (req.method !== 'GET' || req.actor?.kind !== 'person' || isApi(req) || req.url.startsWith('/static/'))
      return;
    req.unreadNotifications = await countUnread(db, req.actor);
  });

  // ---- pages
  app.get('/notifications', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/notifications');
    const page = parse(PageQuery, req.query).page ?? 1;
    const rows = await listMyNotifications(db, req.actor, { limit: PAGE + 1, offset: (page - 1) * PAGE });
    return sendPage(
      reply,
      NotificationsPage({
        ...pageMeta(req, t('notify.title'), 'account'),
        rows: rows.slice(0, PAGE),
        unread: req.unreadNotifications ?? (await countUnread(db, req.actor)),
        page,
        hasMore: rows.length > PAGE,
      }),
    );
  });

  app.post('/notifications/:id/read', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    const r = await markNotificationRead(opContext(req), (req.params as { id: string }).id);
    if (body.next !== undefined && isLocalPath(r.link)) return redirect(reply, r.link);
    return redirect(reply, '/notifications', 'notification_read');
  });

  app.post('/notifications/read-all', async (req, reply) => {
    requireSignedIn(req);
    await markAllNotificationsRead(opContext(req));
    return redirect(reply, '/notifications', 'notifications_read');
  });

  // ---- API
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: '我的通知 (newest first) and the unread count',
        querystring: NotificationListQuery,
        response: { 200: NotificationList },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const q = req.query as Static<typeof NotificationListQuery>;
      const rows = await listMyNotifications(db, req.actor, {
        unreadOnly: q.unread,
        limit: q.limit,
        offset: q.offset,
      });
      return { items: rows.map(toNotificationView), unread: await countUnread(db, req.actor) };
    },
  );
  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        summary: '标为已读 (no-op when already read)',
        params: IdParams,
        response: { 200: Type.Object({ ok: Type.Boolean(), changed: Type.Boolean() }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const r = await markNotificationRead(opContext(req), (req.params as { id: string }).id);
      return { ok: true, changed: r.changed };
    },
  );
  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags,
        summary: '全部标为已读',
        response: { 200: Type.Object({ ok: Type.Boolean(), count: Type.Integer() }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return { ok: true, ...(await markAllNotificationsRead(opContext(req))) };
    },
  );
}
