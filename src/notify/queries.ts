import type { Selectable } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { ownRecordVisibility } from '../auth/policy.ts';
import type { DbOrTx, NotificationsTable } from '../db/types.ts';

export type NotificationRow = Selectable<NotificationsTable>;

/** The actor's own notifications, newest first (nobody lists another person's inbox). */
export async function listMyNotifications(
  db: DbOrTx,
  actor: Actor,
  f: { unreadOnly?: boolean; limit?: number; offset?: number } = {},
): Promise<NotificationRow[]> {
  let q = db
    .selectFrom('notifications')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where(ownRecordVisibility(actor));
  if (f.unreadOnly) q = q.where('read_at', 'is', null);
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute();
}

/** One count over the partial index notifications_unread_ix: cheap enough for every page. */
export async function countUnread(db: DbOrTx, actor: Actor): Promise<number> {
  if (actor.kind !== 'person') return 0;
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', actor.tenantId)
    .where(ownRecordVisibility(actor))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function toNotificationView(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}
