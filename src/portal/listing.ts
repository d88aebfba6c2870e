import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { audienceVisibility } from '../auth/policy.ts';
import type { DbOrTx, DisclosureState } from '../db/types.ts';

/**
 * The one rule for what the portal lists (home, unit and column pages, search, feeds, sitemap,
 * public API): items that were published — revoked ones stay as "已撤销" notices linking to their
 * page — whose audience the visitor may read (`audienceVisibility` from the policy module), and,
 * unless archived ones are asked for, whose display-until date has not passed.
 *
 * Queries alias disclosures as `d` and their units as `u`.
 */
export type ListScope = 'current' | 'archived' | 'all';

export interface ListedItem {
  id: string;
  title: string;
  state: DisclosureState;
  publishedAt: string;
  updatedAt: string;
  displayUntil: string | null;
  periodKey: string | null;
  entryId: string;
  unitCode: string;
  unitName: string;
}

/** The visibility and listing condition (`today` is the China date, YYYY-MM-DD, from the clock). */
export function listedWhere(actor: Actor, today: string, scope: ListScope = 'current'): RawBuilder<SqlBool> {
  const archive =
    scope === 'current'
      ? sql`(d.display_until is null or d.display_until >= ${today})`
      : scope === 'archived'
        ? sql`d.display_until < ${today}`
        : sql`1 = 1`;
  return sql<SqlBool>`(d.tenant_id = ${actor.tenantId} and d.state in ('published', 'revoked')
    and d.published_at is not null and ${archive} and ${audienceVisibility(actor, 'u', 'd.audience')})`;
}

/** disclosures d joined with their unit u: the start of every listing query. */
export function fromListed(db: DbOrTx) {
  return db
    .selectFrom('disclosures as d')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'd.tenant_id').onRef('u.id', '=', 'd.unit_id'),
    );
}

export const LISTED_COLUMNS = [
  'd.id',
  'd.title',
  'd.state',
  'd.published_at as publishedAt',
  'd.updated_at as updatedAt',
  'd.display_until as displayUntil',
  'd.period_key as periodKey',
  'd.entry_id as entryId',
  'u.code as unitCode',
  'u.name as unitName',
] as const;

/** Rows as the queries return them: published_at is never null in a listing. */
export function toListed(r: Omit<ListedItem, 'publishedAt'> & { publishedAt: string | null }): ListedItem {
  return { ...r, publishedAt: r.publishedAt ?? '' };
}

/** PostgreSQL returns count(*) as a string. */
export function num(v: unknown): number {
  return Number(v ?? 0);
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A page number from a query string: a positive integer, else 1 (capped so offsets stay sane). */
export function pageParam(v: unknown, max = 100_000): number {
  const n = Number.parseInt(String(v ?? '1'), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
