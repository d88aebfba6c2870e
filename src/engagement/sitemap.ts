import type { DbOrTx } from '../db/types.ts';
import { listPublicConsultations } from './consultations/queries.ts';
import { PUBLIC_STATUSES } from './demands/store.ts';
import { publicBase } from './feedback/echo.ts';
import { listPublicSurveys } from './surveys/queries.ts';

export interface EngagementUrl {
  loc: string;
  lastmod?: string | null;
}

/**
 * The public engagement pages for the sitemap (src/portal/sitemap.ts), each from its feature's own
 * public query, so nothing the public may not read is listed: the four landing pages, answered
 * 回音壁 entries (never a 举报, held or rejected message), published consultations, open and
 * answered 点单 demands, and surveys past their draft.
 */
export async function engagementSitemapUrls(
  db: DbOrTx,
  tenantId: string,
  today: string,
): Promise<EngagementUrl[]> {
  const noon = new Date(`${today}T04:00:00.000Z`);
  const [echo, consultations, demands, surveys] = await Promise.all([
    publicBase(db, tenantId)
      .select(['f.id', 'f.updated_at'])
      .orderBy('f.replied_on', 'desc')
      .orderBy('f.id', 'desc')
      .limit(10_000)
      .execute(),
    listPublicConsultations(db, tenantId, noon),
    db
      .selectFrom('demands')
      .select(['id', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('status', 'in', [...PUBLIC_STATUSES])
      .orderBy('submitted_at', 'desc')
      .limit(10_000)
      .execute(),
    listPublicSurveys(db, tenantId),
  ]);
  return [
    { loc: '/echo' },
    { loc: '/consultations' },
    { loc: '/demands' },
    { loc: '/surveys' },
    ...echo.map((e) => ({ loc: `/echo/${e.id}`, lastmod: e.updated_at })),
    ...[...consultations.active, ...consultations.past].map((x) => ({
      loc: `/consultations/${x.c.id}`,
      lastmod: x.c.updated_at,
    })),
    ...demands.map((d) => ({ loc: `/demands/${d.id}`, lastmod: d.updated_at })),
    ...surveys.map((s) => ({ loc: `/surveys/${s.id}`, lastmod: s.updated_at })),
  ];
}
