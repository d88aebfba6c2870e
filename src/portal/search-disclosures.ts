import { sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { containsText } from '../db/dialect.ts';
import type { DbOrTx } from '../db/types.ts';
import {
  fromListed,
  LISTED_COLUMNS,
  type ListedItem,
  type ListScope,
  listedWhere,
  num,
  type Paged,
  toListed,
} from './listing.ts';

export const MAX_QUERY_LENGTH = 50;

/** A search query as typed: trimmed, inner whitespace collapsed, capped. */
export function normaliseQuery(raw: unknown): string {
  return String(raw ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

export interface SearchInput {
  q?: string;
  domain?: string | null;
  unitCode?: string | null;
  page: number;
  pageSize: number;
  scope?: ListScope;
}

/**
 * Substring search (case-insensitive) over the titles of listed items and the text of their
 * current published version, visibility-filtered like every listing; a revoked item matches on its
 * title only (its text is no longer shown). Also the filterable list behind the public API.
 * Newest first; archived items are found too (they stay reachable).
 */
export async function searchDisclosures(
  db: DbOrTx,
  actor: Actor,
  today: string,
  input: SearchInput,
): Promise<Paged<ListedItem>> {
  let base = fromListed(db)
    .leftJoin('disclosure_versions as v', (j) =>
      j.onRef('v.tenant_id', '=', 'd.tenant_id').onRef('v.id', '=', 'd.current_version_id'),
    )
    .where(listedWhere(actor, today, input.scope ?? 'all'));
  const q = input.q ? normaliseQuery(input.q) : '';
  if (q)
    base = base.where(
      sql<boolean>`(${containsText('d.title', q)} or (d.state = 'published' and ${containsText('v.body_text', q)}))`,
    );
  if (input.unitCode) base = base.where('u.code', '=', input.unitCode);
  if (input.domain) {
    const domain = input.domain;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('catalog_entries as e')
          .select(sql`1`.as('one'))
          .whereRef('e.tenant_id', '=', 'd.tenant_id')
          .whereRef('e.id', '=', 'd.entry_id')
          .where('e.domain', '=', domain as never),
      ),
    );
  }
  const [rows, total] = await Promise.all([
    base
      .select(LISTED_COLUMNS)
      .orderBy('d.published_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items: rows.map(toListed), page: input.page, pageSize: input.pageSize, total: num(total?.n) };
}
