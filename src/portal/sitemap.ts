import { sql } from 'kysely';
import { anonymousActor } from '../auth/actor.ts';
import type { DbOrTx } from '../db/types.ts';
import { engagementSitemapUrls } from '../engagement/sitemap.ts';
import { xmlEscape } from './feed.ts';
import { fromListed, listedWhere, num } from './listing.ts';

/**
 * The sitemap, always as an anonymous visitor sees the portal (a sitemap is for crawlers: it never
 * lists a non-public item, whoever asks). URLs: home, the unit directory, every active unit, every
 * column holding public items, the public engagement pages (src/engagement/sitemap.ts: 回音壁,
 * consultations, 点单 demands, surveys), every published public item (archived ones too: they stay
 * reachable). Past 50,000 URLs (the protocol's limit) `/sitemap.xml` becomes an index of
 * `/sitemap-N.xml` pages in that same order.
 */
export const SITEMAP_PAGE = 50_000;

export interface SitemapUrl {
  loc: string;
  lastmod?: string | null;
}

/** The fixed part (pages other than items) and the number of items. */
async function fixedPart(db: DbOrTx, tenantId: string, today: string) {
  const anon = anonymousActor(tenantId);
  const units = await db
    .selectFrom('units')
    .select(['code', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .where('kind', '!=', 'region')
    .orderBy('depth')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  const columns = await fromListed(db)
    .select(['u.code', 'd.entry_id as entryId', sql<string>`max(d.updated_at)`.as('lastmod')])
    .where(listedWhere(anon, today, 'all'))
    .where('d.state', '=', 'published')
    .groupBy(['u.code', 'd.entry_id'])
    .orderBy('u.code')
    .orderBy('d.entry_id')
    .execute();
  const items = await fromListed(db)
    .select(sql<number>`count(*)`.as('n'))
    .where(listedWhere(anon, today, 'all'))
    .where('d.state', '=', 'published')
    .executeTakeFirst();
  const fixed: SitemapUrl[] = [
    { loc: '/' },
    { loc: '/units' },
    ...units.map((u) => ({ loc: `/units/${encodeURIComponent(u.code)}`, lastmod: u.updated_at })),
    ...columns.map((c) => ({
      loc: `/units/${encodeURIComponent(c.code)}/columns/${c.entryId}`,
      lastmod: c.lastmod,
    })),
    ...(await engagementSitemapUrls(db, tenantId, today)),
  ];
  return { fixed, itemCount: num(items?.n) };
}

export interface SitemapPlan {
  total: number;
  pages: number;
}

export async function sitemapPlan(
  db: DbOrTx,
  tenantId: string,
  today: string,
  pageSize = SITEMAP_PAGE,
): Promise<SitemapPlan> {
  const { fixed, itemCount } = await fixedPart(db, tenantId, today);
  const total = fixed.length + itemCount;
  return { total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** URLs number (page-1)*pageSize … page*pageSize-1 of the whole list (site-relative). */
export async function sitemapPage(
  db: DbOrTx,
  tenantId: string,
  today: string,
  page: number,
  pageSize = SITEMAP_PAGE,
): Promise<SitemapUrl[]> {
  const { fixed } = await fixedPart(db, tenantId, today);
  const start = (page - 1) * pageSize;
  const head = fixed.slice(start, start + pageSize);
  const want = pageSize - head.length;
  if (want <= 0) return head;
  const items = await fromListed(db)
    .select(['d.id', 'd.updated_at as lastmod'])
    .where(listedWhere(anonymousActor(tenantId), today, 'all'))
    .where('d.state', '=', 'published')
    .orderBy('d.published_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(want)
    .offset(Math.max(0, start - fixed.length))
    .execute();
  return [...head, ...items.map((i) => ({ loc: `/d/${i.id}`, lastmod: i.lastmod }))];
}

export function renderUrlset(baseUrl: string, urls: SitemapUrl[]): string {
  const body = urls
    .map(
      (u) =>
        `  <url><loc>${xmlEscape(baseUrl + u.loc)}</loc>${u.lastmod ? `<lastmod>${xmlEscape(u.lastmod)}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
}

export function renderSitemapIndex(baseUrl: string, pages: number): string {
  const body = Array.from(
    { length: pages },
    (_, i) => `  <sitemap><loc>${xmlEscape(`${baseUrl}/sitemap-${i + 1}.xml`)}</loc></sitemap>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</sitemapindex>
`;
}
