import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireSignedIn } from '../auth/routes.ts';
import type { CatalogDomain, UnitKind } from '../db/types.ts';
import { opContext } from '../server/context.ts';
import { getVisibleUnit } from '../units/queries.ts';
import { acceptExclusion } from './accept-exclusion.ts';
import { entryToRead } from './access.ts';
import { addGuidingEntry } from './add-guiding-entry.ts';
import { addOwnEntry } from './add-own-entry.ts';
import { claimExclusion } from './claim-exclusion.ts';
import { createGuidingCatalog } from './create-guiding-catalog.ts';
import {
  effectiveCatalog,
  getVisibleCatalog,
  listEntries,
  listVisibleCatalogs,
  pendingClaims,
  toCatalogView,
  toEntryView,
  toExclusionView,
} from './queries.ts';
import { rejectExclusion } from './reject-exclusion.ts';
import { retireCatalogEntry } from './retire-catalog-entry.ts';
import { retireGuidingCatalog } from './retire-guiding-catalog.ts';
import {
  CatalogDetailView,
  CatalogView,
  ClaimExclusionInput,
  CreateCatalogInput,
  Domain,
  EffectiveCatalogView,
  EntryInput,
  EntryView,
  ExclusionView,
  OptionalReasonInput,
  PendingClaimView,
  ReasonInput,
  UpdateCatalogInput,
} from './schemas.ts';
import { updateCatalogEntry } from './update-catalog-entry.ts';
import { updateGuidingCatalog } from './update-guiding-catalog.ts';
import { withdrawExclusion } from './withdraw-exclusion.ts';

const tags = ['catalogs'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
const ListQuery = Type.Object({
  unitKind: Type.Optional(Type.String({ maxLength: 30 })),
  domain: Type.Optional(Domain),
  status: Type.Optional(Type.Enum(['active', 'retired', 'all'])),
});
const id = (p: unknown) => (p as { id: string }).id;

/** The catalogs' JSON API: the same operations as the pages, TypeBox schemas for OpenAPI. */
export function registerCatalogApi(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get(
    '/api/v1/catalogs',
    {
      schema: {
        tags,
        summary: '指导目录列表（调用者可见的）',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(CatalogView), total: Type.Integer() }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const q = req.query as {
        unitKind?: UnitKind;
        domain?: CatalogDomain;
        status?: 'active' | 'retired' | 'all';
      };
      const items = await listVisibleCatalogs(db, req.actor, q);
      return { items: items.map(toCatalogView), total: items.length };
    },
  );
  app.post(
    '/api/v1/catalogs',
    { schema: { tags, summary: '新建指导目录', body: CreateCatalogInput, response: { 201: CatalogView } } },
    async (req, reply) => {
      requireSignedIn(req);
      return reply.code(201).send(toCatalogView(await createGuidingCatalog(opContext(req), req.body)));
    },
  );
  app.get(
    '/api/v1/catalogs/:id',
    { schema: { tags, summary: '指导目录及其条目', params: IdParams, response: { 200: CatalogDetailView } } },
    async (req) => {
      requireSignedIn(req);
      const catalog = await getVisibleCatalog(db, req.actor, id(req.params));
      const entries = await listEntries(db, req.actor.tenantId, { catalogId: catalog.id });
      return { catalog: toCatalogView(catalog), entries: entries.map(toEntryView) };
    },
  );
  app.patch(
    '/api/v1/catalogs/:id',
    {
      schema: {
        tags,
        summary: '修改指导目录名称、说明',
        params: IdParams,
        body: UpdateCatalogInput,
        response: { 200: CatalogView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return toCatalogView(await updateGuidingCatalog(opContext(req), id(req.params), req.body));
    },
  );
  app.post(
    '/api/v1/catalogs/:id/retire',
    {
      schema: {
        tags,
        summary: '废止指导目录',
        params: IdParams,
        body: ReasonInput,
        response: { 200: CatalogView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return toCatalogView(await retireGuidingCatalog(opContext(req), id(req.params), req.body));
    },
  );
  app.post(
    '/api/v1/catalogs/:id/entries',
    {
      schema: {
        tags,
        summary: '新增指导目录条目',
        params: IdParams,
        body: EntryInput,
        response: { 201: EntryView },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      return reply
        .code(201)
        .send(toEntryView(await addGuidingEntry(opContext(req), id(req.params), req.body)));
    },
  );

  app.get(
    '/api/v1/catalog-entries/:id',
    { schema: { tags, summary: '目录条目', params: IdParams, response: { 200: EntryView } } },
    async (req) => {
      requireSignedIn(req);
      return toEntryView(await entryToRead(db, req.actor, id(req.params)));
    },
  );
  app.patch(
    '/api/v1/catalog-entries/:id',
    {
      schema: {
        tags,
        summary: '修改目录条目（继承的条目只能由制定目录的公开办修改）',
        params: IdParams,
        body: EntryInput,
        response: { 200: EntryView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return toEntryView(await updateCatalogEntry(opContext(req), id(req.params), req.body));
    },
  );
  app.post(
    '/api/v1/catalog-entries/:id/retire',
    {
      schema: {
        tags,
        summary: '删除目录条目（继承的条目不能由单位删除，可标记为不适用）',
        params: IdParams,
        body: ReasonInput,
        response: { 200: EntryView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return toEntryView(await retireCatalogEntry(opContext(req), id(req.params), req.body));
    },
  );

  app.get(
    '/api/v1/units/:id/catalog',
    {
      schema: {
        tags,
        summary: '单位的公开目录（继承条目 + 自有条目）',
        params: IdParams,
        response: { 200: EffectiveCatalogView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const unit = await getVisibleUnit(db, req.actor, id(req.params), 'catalog.view');
      const items = await effectiveCatalog(db, unit);
      return {
        unitId: unit.id,
        unitName: unit.name,
        unitKind: unit.kind,
        items: items.map((i) => ({
          source: i.source,
          applies: i.applies,
          catalog: i.catalog
            ? { id: i.catalog.id, name: i.catalog.name, ownerUnitName: i.catalog.owner_name }
            : null,
          entry: toEntryView(i.entry),
          exclusion: i.exclusion ? toExclusionView(i.exclusion) : null,
        })),
      };
    },
  );
  app.post(
    '/api/v1/units/:id/catalog/entries',
    {
      schema: {
        tags,
        summary: '新增单位自有目录条目',
        params: IdParams,
        body: EntryInput,
        response: { 201: EntryView },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      return reply.code(201).send(toEntryView(await addOwnEntry(opContext(req), id(req.params), req.body)));
    },
  );
  app.post(
    '/api/v1/units/:id/catalog/exclusions',
    {
      schema: {
        tags,
        summary: '将继承的条目标记为不适用（须说明理由）',
        params: IdParams,
        body: ClaimExclusionInput,
        response: { 201: ExclusionView },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      return reply
        .code(201)
        .send(toExclusionView(await claimExclusion(opContext(req), id(req.params), req.body)));
    },
  );

  app.get(
    '/api/v1/catalog-exclusions',
    {
      schema: {
        tags,
        summary: '待审核的不适用申请（调用者可审核的单位）',
        querystring: Type.Object({ unitId: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: { 200: Type.Object({ items: Type.Array(PendingClaimView) }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const claims = await pendingClaims(db, req.actor, (req.query as { unitId?: string }).unitId);
      return { items: claims.map((c) => ({ ...c, exclusion: toExclusionView(c.exclusion) })) };
    },
  );
  const decisions = [
    ['accept', '同意不适用申请', OptionalReasonInput, acceptExclusion],
    ['reject', '驳回不适用申请（条目重新适用）', ReasonInput, rejectExclusion],
    ['withdraw', '撤回不适用申请', OptionalReasonInput, withdrawExclusion],
  ] as const;
  for (const [verb, summary, body, op] of decisions) {
    app.post(
      `/api/v1/catalog-exclusions/:id/${verb}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: ExclusionView } } },
      async (req) => {
        requireSignedIn(req);
        return toExclusionView(await op(opContext(req), id(req.params), req.body));
      },
    );
  }
}
