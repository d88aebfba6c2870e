import type { Actor } from '../auth/actor.ts';
import type { DbOrTx, Unit } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { fromListed, LISTED_COLUMNS, type ListedItem, listedWhere, toListed } from './listing.ts';

export const FEED_SIZE = 50;
const SUMMARY_CHARS = 200;

export type FeedItem = ListedItem & { summary: string };

/** The newest listed items of a unit (or of one of its columns) the visitor may read, with a text summary. */
export async function feedItems(
  db: DbOrTx,
  actor: Actor,
  unit: Unit,
  today: string,
  entryId?: string,
): Promise<FeedItem[]> {
  let q = fromListed(db)
    .leftJoin('disclosure_versions as v', (j) =>
      j.onRef('v.tenant_id', '=', 'd.tenant_id').onRef('v.id', '=', 'd.current_version_id'),
    )
    .select([...LISTED_COLUMNS, 'v.body_text as bodyText'])
    .where('d.unit_id', '=', unit.id)
    .where(listedWhere(actor, today));
  if (entryId) q = q.where('d.entry_id', '=', entryId);
  const rows = await q.orderBy('d.published_at', 'desc').orderBy('d.id', 'desc').limit(FEED_SIZE).execute();
  return rows.map(({ bodyText, ...r }) => ({
    ...toListed(r),
    // a revoked item's text is no longer shown anywhere
    summary:
      r.state === 'revoked' ? '' : (bodyText ?? '').replace(/\s+/g, ' ').trim().slice(0, SUMMARY_CHARS),
  }));
}

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: this lists the characters XML allows
      .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export interface FeedMeta {
  /** Absolute URL of the feed itself (also its id). */
  selfUrl: string;
  /** Absolute URL of the page the feed mirrors. */
  pageUrl: string;
  /** The site's absolute base URL, without a trailing slash. */
  baseUrl: string;
  title: string;
  author: string;
  /** Used as <updated> when there are no entries (a feed must have one). */
  fallbackUpdated: string;
}

/** An Atom 1.0 document (RFC 4287). Entry ids are urn:uuid: of the item, stable across host names. */
export function renderAtom(meta: FeedMeta, items: FeedItem[]): string {
  const e = xmlEscape;
  // ISO timestamps sort as text: the newest is the last
  const updated =
    items
      .map((i) => i.updatedAt)
      .sort()
      .at(-1) ?? meta.fallbackUpdated;
  const entries = items.map((i) => {
    const title = i.state === 'revoked' ? `【${t('portal.list.revoked')}】${i.title}` : i.title;
    const href = `${meta.baseUrl}/d/${i.id}`;
    return `  <entry>
    <id>urn:uuid:${e(i.id)}</id>
    <title type="text">${e(title)}</title>
    <link rel="alternate" type="text/html" href="${e(href)}"/>
    <published>${e(i.publishedAt)}</published>
    <updated>${e(i.updatedAt)}</updated>
    <author><name>${e(i.unitName)}</name></author>${i.summary ? `\n    <summary type="text">${e(i.summary)}</summary>` : ''}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${e(meta.selfUrl)}</id>
  <title type="text">${e(meta.title)}</title>
  <updated>${e(updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${e(meta.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${e(meta.pageUrl)}"/>
  <author><name>${e(meta.author)}</name></author>
${entries.join('\n')}
</feed>
`;
}
