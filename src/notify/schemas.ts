import { Type } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);

export const NotificationView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});

export const NotificationListQuery = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'only unread notifications' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export const NotificationList = Type.Object({
  items: Type.Array(NotificationView),
  /** Unread notifications in all, whatever the page. */
  unread: Type.Integer(),
});

export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
});

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
