import type { FastifyRequest } from 'fastify';
import { hasMessage, t } from '../i18n/index.ts';
import type { PageMeta } from '../views/layout.tsx';

export const LARGE_TYPE_COOKIE = 'gk_large';

/** Everything the layout needs from the request. Flash messages are catalog keys, never free text. */
export function pageMeta(
  req: FastifyRequest,
  title: string,
  area: PageMeta['area'],
): PageMeta & { largeType: boolean } {
  const ok = (req.query as Record<string, unknown> | undefined)?.ok;
  const flashKey = typeof ok === 'string' ? `flash.${ok}` : null;
  return {
    title,
    area,
    actor: req.actor,
    csrfToken: req.csrfToken,
    tenantName: req.server.gk.tenantName,
    currentPath: req.url.split('?')[0],
    flash: flashKey && hasMessage(flashKey) ? t(flashKey) : null,
    largeType: req.cookies[LARGE_TYPE_COOKIE] === '1',
    unreadCount: req.unreadNotifications,
  };
}
