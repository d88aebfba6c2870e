import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { can, requirePermission } from '../../auth/policy.ts';
import { requireSignedIn } from '../../auth/routes.ts';
import type { DbOrTx } from '../../db/types.ts';
import type { DemandStatus } from '../../db/types-engagement.ts';
import { AppError } from '../../lib/errors.ts';
import { findPublicUnitByCode } from '../../portal/queries.ts';
import { opContext } from '../../server/context.ts';
import { deviceId } from '../device.ts';
import { answerDemand } from './answer-demand.ts';
import { groundLabel } from './grounds.ts';
import { moderateDemand } from './moderate-demand.ts';
import { DEMAND_PAGE_SIZE } from './public-routes.ts';
import {
  answerLinks,
  listPublicDemands,
  listStaffDemands,
  maskedDemand,
  publicMasker,
  unitDemandCounts,
} from './queries.ts';
import { AnswerDemandInput, DemandListQuery, ModerateDemandInput, SubmitDemandInput } from './schemas.ts';
import { answerOf, type Demand, demandToHandle, visibleDemand } from './store.ts';
import { submitDemand } from './submit-demand.ts';
import { supportDemand } from './support-demand.ts';

const tags = ['demands'];
const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

const ListItem = Type.Object({
  id: Str,
  title: Str,
  status: Str,
  supportCount: Type.Integer(),
  submittedAt: Str,
  answeredAt: NStr,
  unitCode: Str,
  unitName: Str,
  answerKind: NStr,
});
const AnswerView = Type.Object({
  kind: Str,
  answeredAt: Str,
  explanation: NStr,
  catalogEntry: Type.Union([
    Type.Object({ id: Str, level1: Str, level2: NStr, item: Str, href: Str }),
    Type.Null(),
  ]),
  disclosure: Type.Union([Type.Object({ id: Str, title: Str, href: Str }), Type.Null()]),
  ground: NStr,
  groundLabel: NStr,
});
/** A demand as the public sees it: masked, no writer identity. */
const PublicDemand = Type.Object({
  id: Str,
  unitId: Str,
  unitCode: Str,
  unitName: Str,
  title: Str,
  description: Str,
  status: Str,
  supportCount: Type.Integer(),
  submittedAt: Str,
  answeredAt: NStr,
  answer: Type.Union([AnswerView, Type.Null()]),
});

async function publicView(db: DbOrTx, d: Demand, unit: { id: string; code: string; name: string }) {
  const mask = await publicMasker(db, d.tenant_id);
  const m = maskedDemand(d, mask);
  const a = await answerOf(db, d);
  const links = a ? await answerLinks(db, a) : null;
  return {
    id: m.id,
    unitId: unit.id,
    unitCode: unit.code,
    unitName: unit.name,
    title: m.title,
    description: m.description,
    status: m.status,
    supportCount: m.supportCount,
    submittedAt: m.submittedAt,
    answeredAt: m.answeredAt,
    answer:
      a && links
        ? {
            kind: a.kind,
            answeredAt: a.answered_at,
            explanation: a.explanation ? mask(a.explanation) : a.explanation,
            catalogEntry: links.entry
              ? { ...links.entry, href: `/units/${encodeURIComponent(unit.code)}/columns/${links.entry.id}` }
              : null,
            disclosure: links.disclosure ? { ...links.disclosure, href: `/d/${links.disclosure.id}` } : null,
            ground: a.ground,
            groundLabel: a.ground ? groundLabel(a.ground) : null,
          }
        : null,
  };
}

/** A demand as those who answer for its unit see it: unmasked, with the writer's name and contact. */
const StaffDemand = Type.Object({
  ...PublicDemand.properties,
  authorName: NStr,
  contact: NStr,
  heldWords: NStr,
  moderationNote: NStr,
  moderatedAt: NStr,
});

async function staffView(db: DbOrTx, d: Demand, unit: { id: string; code: string; name: string }) {
  const a = await answerOf(db, d);
  const pub = await publicView(db, d, unit);
  return {
    ...pub,
    title: d.title,
    description: d.description,
    answer: pub.answer && a ? { ...pub.answer, explanation: a.explanation } : pub.answer,
    authorName: d.author_name,
    contact: d.contact,
    heldWords: d.held_words,
    moderationNote: d.moderation_note,
    moderatedAt: d.moderated_at,
  };
}

/** The JSON API of 点单式公开: the same operations as the pages. */
export function registerDemandApi(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get(
    '/api/v1/public/demands',
    {
      schema: {
        tags,
        summary: '点单列表（公开：待答复与已答复；按支持人数或最新排序）',
        querystring: DemandListQuery,
        security: [],
        response: {
          200: Type.Object({ items: Type.Array(ListItem), total: Type.Integer(), page: Type.Integer() }),
        },
      },
    },
    async (req) => {
      const q = req.query as {
        unit?: string;
        state?: 'open' | 'answered';
        sort?: 'support' | 'newest';
        page?: number;
      };
      const unit = q.unit ? await findPublicUnitByCode(db, req.actor.tenantId, q.unit) : undefined;
      if (q.unit && !unit) return { items: [], total: 0, page: 1 };
      const page = q.page ?? 1;
      const list = await listPublicDemands(db, req.actor.tenantId, {
        unitId: unit?.id,
        status: q.state,
        sort: q.sort,
        page,
        pageSize: DEMAND_PAGE_SIZE,
      });
      return { ...list, page };
    },
  );

  app.get(
    '/api/v1/public/units/:code/demand-counts',
    {
      schema: {
        tags,
        summary: '单位的点单统计（公开）：待答复、已答复件数与累计支持人次',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }),
        security: [],
        response: {
          200: Type.Object({ open: Type.Integer(), answered: Type.Integer(), supports: Type.Integer() }),
        },
      },
    },
    async (req) => {
      const unit = await findPublicUnitByCode(db, req.actor.tenantId, (req.params as { code: string }).code);
      if (!unit) throw new AppError('error.not_found', { status: 404 });
      return unitDemandCounts(db, unit);
    },
  );

  app.get(
    '/api/v1/public/demands/:id',
    {
      schema: {
        tags,
        summary: '点单详情（公开；待审核、未通过审核的点单一律 404）',
        params: IdParams,
        security: [],
        response: { 200: PublicDemand },
      },
    },
    async (req) => {
      const { demand, unit } = await visibleDemand(db, req.actor, (req.params as { id: string }).id);
      return publicView(db, demand, unit);
    },
  );

  app.post(
    '/api/v1/public/demands',
    {
      schema: {
        tags,
        summary: '提交点单（公开；按 IP 限流；含敏感词的进入待审核；同单位相同点单返回 409 及已有点单 id）',
        body: SubmitDemandInput,
        security: [],
        response: { 201: Type.Object({ id: Str, status: Str }) },
      },
    },
    async (req, reply) => {
      const d = await submitDemand(opContext(req), req.body);
      return reply.code(201).send({ id: d.id, status: d.status });
    },
  );

  app.post(
    '/api/v1/public/demands/:id/support',
    {
      schema: {
        tags,
        summary: '支持点单（每人或每台设备一次；重复支持 added=false）',
        params: IdParams,
        security: [],
        response: { 200: Type.Object({ added: Type.Boolean(), supportCount: Type.Integer() }) },
      },
    },
    async (req, reply) => {
      const device = req.actor.kind === 'person' ? null : deviceId(req, reply);
      return supportDemand(opContext(req), (req.params as { id: string }).id, device);
    },
  );

  app.get(
    '/api/v1/demands',
    {
      schema: {
        tags,
        summary: '本人负责答复的单位的点单（含待审核、未通过）',
        querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })) }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ ...ListItem.properties, heldWords: NStr })),
          }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      requirePermission(req.actor, 'demand.answer');
      const s = (req.query as { status?: string }).status;
      const status = ['held', 'open', 'answered', 'rejected'].includes(s ?? '')
        ? (s as DemandStatus)
        : undefined;
      return { items: await listStaffDemands(db, req.actor, { status }) };
    },
  );

  app.get(
    '/api/v1/demands/:id',
    {
      schema: {
        tags,
        summary: '点单详情（工作人员：含写信人姓名与联系方式；须对该单位有答复权限，否则 404）',
        params: IdParams,
        response: { 200: StaffDemand },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const { demand, unit } = await visibleDemand(db, req.actor, (req.params as { id: string }).id);
      if (!can(req.actor, 'demand.answer', unit)) throw new AppError('demand.not_found');
      return staffView(db, demand, unit);
    },
  );

  app.post(
    '/api/v1/demands/:id/moderate',
    {
      schema: {
        tags,
        summary: '审核含敏感词的点单：release 公开 / reject 驳回（驳回须填意见，驳回的不公开）',
        params: IdParams,
        body: ModerateDemandInput,
        response: { 200: Type.Object({ id: Str, status: Str }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const d = await moderateDemand(opContext(req), (req.params as { id: string }).id, req.body);
      return { id: d.id, status: d.status };
    },
  );

  app.post(
    '/api/v1/demands/:id/answer',
    {
      schema: {
        tags,
        summary:
          '答复点单（公开、不可修改）：added_to_catalog 新增自有目录事项 / already_published 链接已公开信息 / cannot_disclose 不予公开依据及说明',
        params: IdParams,
        body: AnswerDemandInput,
        response: { 200: PublicDemand },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const id = (req.params as { id: string }).id;
      await answerDemand(opContext(req), id, req.body);
      const { demand, unit } = await demandToHandle(db, req.actor, id);
      return publicView(db, demand, unit);
    },
  );
}
