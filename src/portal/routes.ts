import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CatalogDomain } from '../db/types.ts';
import { unitEngagementPanels } from '../engagement/unit-panel.tsx';
import { t } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import { sendPageConditional } from '../server/conditional.ts';
import { pageMeta } from '../server/page.ts';
import { sendCachedPage } from '../server/page-cache.ts';
import { buildTree, findUnit } from '../units/queries.ts';
import { registerPortalApi } from './api-routes.ts';
import { portalChangedAt } from './changed-at.ts';
import { registerChannelRoutes } from './channel-routes.ts';
import { columnItems, findUnitColumn } from './column-items.ts';
import { countsByDomain, latestDisclosures } from './latest-disclosures.ts';
import { pageCount, pageParam } from './listing.ts';
import {
  ColumnPage,
  columnHref,
  columnLabel,
  PORTAL_DOMAINS,
  SearchPage,
  unitHref,
} from './listing-views.tsx';
import { listPublicUnits } from './queries.ts';
import { publicUnitOr404, todayOf } from './request-helpers.ts';
import { normaliseQuery, searchDisclosures } from './search-disclosures.ts';
import { groupByLevel1, unitColumns } from './unit-columns.ts';
import { DirectoryPage, HomePage, UnitPage } from './views.tsx';

export const LIST_PAGE_SIZE = 20;

export function registerPortalRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/', (req, reply) => sendCachedPage(req, reply, () => homePage(req)));

  async function homePage(req: FastifyRequest) {
    const today = todayOf(req);
    const raw = (req.query as { domain?: string }).domain;
    const domain = PORTAL_DOMAINS.find((d) => d === raw) ?? null;
    const [units, latest, domainCounts, changed] = await Promise.all([
      listPublicUnits(db, req.actor.tenantId),
      latestDisclosures(db, req.actor, today, { domain: domain as CatalogDomain | null }),
      countsByDomain(db, req.actor, today),
      portalChangedAt(db, req.actor.tenantId, today),
    ]);
    const counts: Record<string, number> = {};
    for (const u of units) {
      const key =
        u.sphere === 'party'
          ? 'party'
          : u.kind === 'street'
            ? 'township'
            : u.kind === 'community'
              ? 'village'
              : u.kind;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const govTree = buildTree(units.filter((u) => u.sphere === 'government'));
    const townships = govTree
      .flatMap((n) => (n.unit.kind === 'county' ? n.children : [n]))
      .filter((n) => n.unit.kind === 'township' || n.unit.kind === 'street');
    return {
      page: HomePage({
        ...pageMeta(req, t('nav.portal'), 'portal'),
        townships,
        departments: units.filter((u) => u.kind === 'department'),
        party: units.filter((u) => u.kind === 'party_committee'),
        counts,
        latest,
        domain,
        domainCounts,
        today,
      }),
      lastModified: changed,
    };
  }

  app.get('/units', async (req, reply) => {
    const q = String((req.query as { q?: string }).q ?? '')
      .trim()
      .slice(0, 50);
    const units = await listPublicUnits(db, req.actor.tenantId, q || undefined);
    return sendPageConditional(
      req,
      reply,
      DirectoryPage({ ...pageMeta(req, t('nav.directory'), 'portal'), q, units }),
      {
        lastModified: await portalChangedAt(db, req.actor.tenantId, todayOf(req)),
      },
    );
  });

  app.get('/units/:code', (req, reply) => sendCachedPage(req, reply, () => unitPage(req)));

  async function unitPage(req: FastifyRequest) {
    const unit = await publicUnitOr404(req, (req.params as { code: string }).code);
    const today = todayOf(req);
    const [parent, host, children, columns, changed, engagement] = await Promise.all([
      unit.parent_id ? findUnit(db, unit.tenant_id, unit.parent_id) : undefined,
      unit.host_unit_id ? findUnit(db, unit.tenant_id, unit.host_unit_id) : undefined,
      listPublicUnits(db, req.actor.tenantId, undefined, unit.id),
      unitColumns(db, req.actor, unit, today),
      portalChangedAt(db, req.actor.tenantId, today),
      unitEngagementPanels(db, req.actor, unit, today),
    ]);
    return {
      page: UnitPage({
        ...pageMeta(req, unit.name, 'portal'),
        feeds: [
          { href: `${unitHref(unit.code)}/feed.atom`, title: t('portal.feed_title', { name: unit.name }) },
        ],
        unit,
        parent: parent ?? null,
        children,
        host: host ?? null,
        groups: groupByLevel1(columns),
        today,
        engagement,
      }),
      lastModified: changed,
    };
  }

  app.get('/units/:code/columns/:entryId', (req, reply) => sendCachedPage(req, reply, () => columnPage(req)));

  async function columnPage(req: FastifyRequest) {
    const { code, entryId } = req.params as { code: string; entryId: string };
    const query = req.query as { page?: string; archived?: string };
    const unit = await publicUnitOr404(req, code);
    const entry = await findUnitColumn(db, unit, entryId);
    if (!entry) throw new AppError('column.not_found');
    const today = todayOf(req);
    const archived = query.archived === '1';
    const page = pageParam(query.page);
    const [list, changed] = await Promise.all([
      columnItems(db, req.actor, unit, entry.id, today, {
        page,
        pageSize: LIST_PAGE_SIZE,
        scope: archived ? 'archived' : 'current',
      }),
      portalChangedAt(db, req.actor.tenantId, today),
    ]);
    const label = columnLabel(entry);
    return {
      page: ColumnPage({
        ...pageMeta(req, `${label} - ${unit.name}`, 'portal'),
        feeds: [
          {
            href: `${columnHref(unit.code, entry.id)}/feed.atom`,
            title: t('portal.column_feed_title', { name: unit.name, column: label }),
          },
        ],
        unit,
        entry,
        items: list.items,
        page,
        pages: pageCount(list.total, LIST_PAGE_SIZE),
        total: list.total,
        archived,
        today,
      }),
      lastModified: changed,
    };
  }

  app.get('/search', async (req, reply) => {
    const query = req.query as { q?: string; page?: string };
    const q = normaliseQuery(query.q);
    const today = todayOf(req);
    const page = pageParam(query.page);
    const list = q
      ? await searchDisclosures(db, req.actor, today, { q, page, pageSize: LIST_PAGE_SIZE })
      : { items: [], total: 0 };
    const changed = await portalChangedAt(db, req.actor.tenantId, today);
    return sendPageConditional(
      req,
      reply,
      SearchPage({
        ...pageMeta(req, q ? `${q} - ${t('portal.search.title')}` : t('portal.search.title'), 'portal'),
        q,
        items: list.items,
        page,
        pages: pageCount(list.total, LIST_PAGE_SIZE),
        total: list.total,
        today,
      }),
      { lastModified: changed },
    );
  });

  registerChannelRoutes(app);
  registerPortalApi(app);
}
