import type { FastifyInstance, FastifyRequest } from 'fastify';
import { t } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import { sendConditional } from '../server/conditional.ts';
import { portalChangedAt } from './changed-at.ts';
import { findUnitColumn } from './column-items.ts';
import { feedItems, renderAtom } from './feed.ts';
import { columnHref, columnLabel, unitHref } from './listing-views.tsx';
import { publicUnitOr404, todayOf } from './request-helpers.ts';
import { renderSitemapIndex, renderUrlset, SITEMAP_PAGE, sitemapPage, sitemapPlan } from './sitemap.ts';

const ATOM = 'application/atom+xml; charset=utf-8';
const XML = 'application/xml; charset=utf-8';

/** Absolute URLs: the configured public URL (GONGKAI_PUBLIC_URL), else the request's own host. */
export function baseUrl(req: FastifyRequest): string {
  const configured = req.server.gk.config.publicUrl;
  if (configured) return configured.replace(/\/+$/, '');
  return `${req.protocol}://${req.host}`;
}

/** Atom feeds per unit and per column, and the sitemap: the machine-readable public channels. */
export function registerChannelRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/units/:code/feed.atom', async (req, reply) => {
    const unit = await publicUnitOr404(req, (req.params as { code: string }).code);
    const today = todayOf(req);
    const items = await feedItems(db, req.actor, unit, today);
    const base = baseUrl(req);
    const body = renderAtom(
      {
        selfUrl: `${base}${unitHref(unit.code)}/feed.atom`,
        pageUrl: `${base}${unitHref(unit.code)}`,
        baseUrl: base,
        title: t('portal.feed_title', { name: unit.name }),
        author: unit.name,
        fallbackUpdated: unit.updated_at,
      },
      items,
    );
    return sendConditional(req, reply, body, ATOM, {
      lastModified: [unit.updated_at, ...items.map((i) => i.updatedAt)],
    });
  });

  app.get('/units/:code/columns/:entryId/feed.atom', async (req, reply) => {
    const { code, entryId } = req.params as { code: string; entryId: string };
    const unit = await publicUnitOr404(req, code);
    const entry = await findUnitColumn(db, unit, entryId);
    if (!entry) throw new AppError('column.not_found');
    const today = todayOf(req);
    const items = await feedItems(db, req.actor, unit, today, entry.id);
    const base = baseUrl(req);
    const body = renderAtom(
      {
        selfUrl: `${base}${columnHref(unit.code, entry.id)}/feed.atom`,
        pageUrl: `${base}${columnHref(unit.code, entry.id)}`,
        baseUrl: base,
        title: t('portal.column_feed_title', { name: unit.name, column: columnLabel(entry) }),
        author: unit.name,
        fallbackUpdated: [entry.updated_at, unit.updated_at].sort().at(-1)!,
      },
      items,
    );
    return sendConditional(req, reply, body, ATOM, {
      lastModified: [unit.updated_at, entry.updated_at, ...items.map((i) => i.updatedAt)],
    });
  });

  // Always the anonymous view, whoever asks (see sitemap.ts).
  app.get('/sitemap.xml', async (req, reply) => {
    const today = todayOf(req);
    const tenantId = app.gk.tenantId;
    const plan = await sitemapPlan(db, tenantId, today);
    const changed = await portalChangedAt(db, tenantId, today);
    const body =
      plan.pages === 1
        ? renderUrlset(baseUrl(req), await sitemapPage(db, tenantId, today, 1))
        : renderSitemapIndex(baseUrl(req), plan.pages);
    return sendConditional(req, reply, body, XML, { lastModified: changed });
  });

  app.get('/sitemap-:n.xml', async (req, reply) => {
    const n = Number((req.params as { n: string }).n);
    const today = todayOf(req);
    const tenantId = app.gk.tenantId;
    const plan = await sitemapPlan(db, tenantId, today);
    if (!Number.isInteger(n) || n < 1 || n > plan.pages)
      throw new AppError('error.not_found', { status: 404 });
    const urls = await sitemapPage(db, tenantId, today, n, SITEMAP_PAGE);
    const changed = await portalChangedAt(db, tenantId, today);
    return sendConditional(req, reply, renderUrlset(baseUrl(req), urls), XML, { lastModified: changed });
  });
}
