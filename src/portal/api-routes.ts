import type { FastifyInstance } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { describeTimeLimit } from '../catalog/vocabulary.ts';
import { AppError } from '../lib/errors.ts';
import { columnItems, findUnitColumn } from './column-items.ts';
import type { ListedItem } from './listing.ts';
import { columnHref, columnLabel, PORTAL_DOMAINS, unitHref } from './listing-views.tsx';
import { findPublicUnitByCode, listPublicUnits } from './queries.ts';
import { todayOf } from './request-helpers.ts';
import { MAX_QUERY_LENGTH, searchDisclosures } from './search-disclosures.ts';
import { unitColumns } from './unit-columns.ts';

/**
 * The open read API of the portal (no sign-in needed; a signed-in caller sees what the portal
 * shows them). Every list is paginated the same way: `page` (from 1), `pageSize` (≤ 100) in, and
 * `{ items, page, pageSize, total }` out. Unknown units and columns answer 404 with a stable code.
 */
const tags = ['public'];
const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
const Paging = {
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};
const paged = (item: TSchema) =>
  Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
  });

const UnitView = Type.Object({
  code: Str,
  name: Str,
  kind: Str,
  sphere: Str,
  parentCode: NStr,
  phone: NStr,
  address: NStr,
  url: Str,
});
const ColumnView = Type.Object({
  id: Str,
  domain: Str,
  level1: Str,
  level2: NStr,
  item: Str,
  label: Str,
  timing: Str,
  period: NStr,
  timeLimit: Str,
  legalBasis: NStr,
  count: Type.Integer({ description: '当前公开（未归档）且调用者可见的事项数' }),
  url: Str,
  feed: Str,
});
const ItemView = Type.Object({
  id: Str,
  title: Str,
  state: Type.Union([Type.Literal('published'), Type.Literal('revoked')]),
  unitCode: Str,
  unitName: Str,
  entryId: Str,
  periodKey: NStr,
  publishedAt: Str,
  updatedAt: Str,
  displayUntil: NStr,
  archived: Type.Boolean(),
  url: Str,
});

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
const ColumnParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64 }),
  entryId: Type.String({ minLength: 1, maxLength: 40 }),
});

function itemView(i: ListedItem, today: string) {
  return {
    id: i.id,
    title: i.title,
    state: i.state as 'published' | 'revoked',
    unitCode: i.unitCode,
    unitName: i.unitName,
    entryId: i.entryId,
    periodKey: i.periodKey,
    publishedAt: i.publishedAt,
    updatedAt: i.updatedAt,
    displayUntil: i.displayUntil,
    archived: !!i.displayUntil && i.displayUntil < today,
    url: `/d/${i.id}`,
  };
}

function slice<T>(all: T[], page: number, pageSize: number) {
  return { items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length };
}

export function registerPortalApi(app: FastifyInstance): void {
  const { db } = app.gk;
  const unitOr404 = async (tenantId: string, code: string) => {
    const unit = await findPublicUnitByCode(db, tenantId, code);
    if (!unit) throw new AppError('unit.not_found');
    return unit;
  };

  app.get(
    '/api/v1/public/units',
    {
      schema: {
        tags,
        summary: '单位名录（公开；仅在用单位）',
        security: [],
        querystring: Type.Object({ ...Paging, q: Type.Optional(Type.String({ maxLength: 50 })) }),
        response: { 200: paged(UnitView) },
      },
    },
    async (req) => {
      const { page, pageSize, q } = req.query as { page: number; pageSize: number; q?: string };
      const units = await listPublicUnits(db, req.actor.tenantId, q?.trim() || undefined);
      const codes = new Map(units.map((u) => [u.id, u.code]));
      const all = units.map((u) => ({
        code: u.code,
        name: u.name,
        kind: u.kind,
        sphere: u.sphere,
        parentCode: (u.parent_id && codes.get(u.parent_id)) || null,
        phone: u.contact_phone,
        address: u.address,
        url: unitHref(u.code),
      }));
      return slice(all, page, pageSize);
    },
  );

  app.get(
    '/api/v1/public/units/:code/columns',
    {
      schema: {
        tags,
        summary: '单位的公开栏目（公开目录）及可见事项数',
        security: [],
        params: CodeParams,
        querystring: Type.Object(Paging),
        response: { 200: paged(ColumnView) },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query as { page: number; pageSize: number };
      const unit = await unitOr404(req.actor.tenantId, (req.params as { code: string }).code);
      const columns = await unitColumns(db, req.actor, unit, todayOf(req), 1);
      const all = columns.map(({ entry: e, count }) => ({
        id: e.id,
        domain: e.domain,
        level1: e.level1,
        level2: e.level2,
        item: e.item,
        label: columnLabel(e),
        timing: e.timing,
        period: e.period,
        timeLimit: e.time_limit_text ?? describeTimeLimit(e),
        legalBasis: e.legal_basis,
        count,
        url: columnHref(unit.code, e.id),
        feed: `${columnHref(unit.code, e.id)}/feed.atom`,
      }));
      return slice(all, page, pageSize);
    },
  );

  app.get(
    '/api/v1/public/units/:code/columns/:entryId/items',
    {
      schema: {
        tags,
        summary: '栏目下的公开事项（新→旧；archived=true 为已过展示期的归档事项）',
        security: [],
        params: ColumnParams,
        querystring: Type.Object({ ...Paging, archived: Type.Boolean({ default: false }) }),
        response: { 200: paged(ItemView) },
      },
    },
    async (req) => {
      const { page, pageSize, archived } = req.query as { page: number; pageSize: number; archived: boolean };
      const { code, entryId } = req.params as { code: string; entryId: string };
      const unit = await unitOr404(req.actor.tenantId, code);
      const entry = await findUnitColumn(db, unit, entryId);
      if (!entry) throw new AppError('column.not_found');
      const today = todayOf(req);
      const list = await columnItems(db, req.actor, unit, entry.id, today, {
        page,
        pageSize,
        scope: archived ? 'archived' : 'current',
      });
      return { ...list, items: list.items.map((i) => itemView(i, today)) };
    },
  );

  app.get(
    '/api/v1/public/disclosures',
    {
      schema: {
        tags,
        summary: '检索公开事项（标题、正文包含 q；可按领域、单位筛选；含已撤销与已归档）',
        security: [],
        querystring: Type.Object({
          ...Paging,
          q: Type.Optional(Type.String({ maxLength: MAX_QUERY_LENGTH })),
          domain: Type.Optional(Type.Union(PORTAL_DOMAINS.map((d) => Type.Literal(d)))),
          unit: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: { 200: paged(ItemView) },
      },
    },
    async (req) => {
      const { page, pageSize, q, domain, unit } = req.query as {
        page: number;
        pageSize: number;
        q?: string;
        domain?: string;
        unit?: string;
      };
      if (unit) await unitOr404(req.actor.tenantId, unit);
      const today = todayOf(req);
      const list = await searchDisclosures(db, req.actor, today, {
        q,
        domain: domain ?? null,
        unitCode: unit ?? null,
        page,
        pageSize,
      });
      return { ...list, items: list.items.map((i) => itemView(i, today)) };
    },
  );
}
