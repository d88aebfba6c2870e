import type { FastifyInstance } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { requirePermission } from '../../auth/policy.ts';
import { requireSignedIn } from '../../auth/routes.ts';
import type { OpContext } from '../../lib/context.ts';
import { opContext } from '../../server/context.ts';
import { adminDetail } from './admin-data.ts';
import { approveComment } from './approve-comment.ts';
import { createConsultation } from './create-consultation.ts';
import { type PublicDetail, publicDetail } from './detail-data.ts';
import { extendConsultation } from './extend-consultation.ts';
import { openConsultation } from './open-consultation.ts';
import { publishReport } from './publish-report.ts';
import { type ListedConsultation, listPublicConsultations, listStaffConsultations } from './queries.ts';
import { recordDecision } from './record-decision.ts';
import { rejectComment } from './reject-comment.ts';
import {
  CommentInput,
  CreateConsultationInput,
  DecisionInput,
  ExtendConsultationInput,
  FinalDecisionInput,
  OpenConsultationInput,
  PublishReportInput,
  ReasonInput,
  UpdateConsultationInput,
} from './schemas.ts';
import { startFinalDecision } from './start-final-decision.ts';
import { submitComment } from './submit-comment.ts';
import { updateConsultation } from './update-consultation.ts';
import { withdrawConsultation } from './withdraw-consultation.ts';

const tags = ['consultations'];
const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
const Int = Type.Integer();
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

const Summary = Type.Object({
  id: Str,
  unitId: Str,
  unitName: Str,
  title: Str,
  status: Str,
  opensOn: NStr,
  closesOn: NStr,
  daysLeft: Int,
  comments: Int,
});
const PublicCommentView = Type.Object({
  id: Str,
  paragraph: Type.Union([Int, Type.Null()]),
  name: NStr,
  body: Str,
  submittedAt: Str,
  decisionId: NStr,
});
const ReportView = Type.Object({
  publishedAt: NStr,
  summary: NStr,
  total: Int,
  counts: Type.Object({ adopted: Int, partly_adopted: Int, not_adopted: Int }),
  entries: Type.Array(Type.Object({ outcome: Str, reason: NStr, commentIds: Type.Array(Str) })),
});
const DetailView = Type.Object({
  ...Summary.properties,
  explanation: Str,
  withdrawnReason: NStr,
  paragraphs: Type.Array(Type.Object({ number: Int, body: Str })),
  comments: Type.Array(PublicCommentView),
  report: Type.Union([ReportView, Type.Null()]),
  finalDecision: Type.Union([Type.Object({ id: Str, title: Str }), Type.Null()]),
  notes: Type.Array(Type.Object({ kind: Str, note: NStr, at: Str })),
});
const StaffView = Type.Object({
  id: Str,
  unitId: Str,
  title: Str,
  state: Str,
  status: Str,
  opensOn: NStr,
  closesOn: NStr,
  finalDisclosureId: NStr,
  paragraphs: Type.Array(Type.Object({ number: Int, body: Str })),
  comments: Type.Array(
    Type.Object({
      id: Str,
      paragraph: Type.Union([Int, Type.Null()]),
      name: NStr,
      contact: NStr,
      body: Str,
      status: Str,
      flagWords: Type.Array(Str),
      flagPersonal: Type.Array(Str),
      rejectReason: NStr,
      decisionId: NStr,
    }),
  ),
});

const summaryOf = (x: ListedConsultation) => ({
  id: x.c.id,
  unitId: x.c.unit_id,
  unitName: x.unitName,
  title: x.c.title,
  status: x.status,
  opensOn: x.c.opens_on,
  closesOn: x.c.closes_on,
  daysLeft: x.daysLeft,
  comments: x.approved,
});

function detailView(d: PublicDetail) {
  return {
    ...summaryOf({
      c: d.c,
      unitName: d.unitName,
      status: d.status,
      daysLeft: d.daysLeft,
      approved: d.comments.length,
    }),
    explanation: d.c.explanation,
    withdrawnReason: d.c.withdrawn_reason,
    paragraphs: d.paragraphs.map((p) => ({ number: p.number, body: p.body })),
    comments: d.comments,
    report: d.report
      ? {
          publishedAt: d.c.report_published_at,
          summary: d.c.report_summary,
          total: d.report.total,
          counts: d.report.counts,
          entries: d.report.entries.map((e) => ({
            outcome: e.decision.outcome,
            reason: e.decision.reason,
            commentIds: e.comments.map((k) => k.id),
          })),
        }
      : null,
    finalDecision: d.final,
    notes: d.notes,
  };
}

async function staffView(ctx: OpContext, id: string) {
  const d = await adminDetail(ctx, id);
  const list = (s: string | null): string[] => (s ? JSON.parse(s) : []);
  return {
    id: d.c.id,
    unitId: d.c.unit_id,
    title: d.c.title,
    state: d.c.state,
    status: d.status,
    opensOn: d.c.opens_on,
    closesOn: d.c.closes_on,
    finalDisclosureId: d.c.final_disclosure_id,
    paragraphs: d.paragraphs.map((p) => ({ number: p.number, body: p.body })),
    comments: d.comments.map((k) => ({
      id: k.id,
      paragraph: k.paragraph_number,
      name: k.author_name,
      contact: k.contact,
      body: k.body,
      status: k.status,
      flagWords: list(k.flag_words),
      flagPersonal: list(k.flag_personal),
      rejectReason: k.reject_reason,
      decisionId: k.decision_id,
    })),
  };
}

/** /api/v1 for consultations: the same operations as the pages (tag consultations). */
export function registerConsultationApiRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get(
    '/api/v1/public/consultations',
    {
      schema: {
        tags,
        summary: '征求意见列表（公开；正在征求意见的在前）',
        security: [],
        response: { 200: Type.Object({ active: Type.Array(Summary), past: Type.Array(Summary) }) },
      },
    },
    async (req) => {
      const { active, past } = await listPublicConsultations(db, req.actor.tenantId, req.now);
      return { active: active.map(summaryOf), past: past.map(summaryOf) };
    },
  );

  app.get(
    '/api/v1/public/consultations/:id',
    {
      schema: {
        tags,
        summary: '征求意见详情：正文（编号段落）、已公开的意见、采纳情况、最终决定（公开）',
        security: [],
        params: IdParams,
        response: { 200: DetailView },
      },
    },
    async (req) => detailView(await publicDetail(db, req.actor, (req.params as { id: string }).id, req.now)),
  );

  app.post(
    '/api/v1/public/consultations/:id/comments',
    {
      schema: {
        tags,
        summary: '对全文或某一段提意见（公开；审核后显示；按 IP 限流）',
        security: [],
        params: IdParams,
        body: CommentInput,
        response: { 202: Type.Object({ status: Str }) },
      },
    },
    async (req, reply) => {
      await submitComment(opContext(req), (req.params as { id: string }).id, req.body);
      return reply.code(202).send({ status: 'pending' });
    },
  );

  app.get(
    '/api/v1/consultations',
    {
      schema: {
        tags,
        summary: '本人可管理单位的征求意见（consultation.manage）',
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ ...Summary.properties, pending: Int })) }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      requirePermission(req.actor, 'consultation.manage');
      const rows = await listStaffConsultations(db, req.actor, req.now);
      return { items: rows.map((x) => ({ ...summaryOf(x), pending: x.pending })) };
    },
  );

  app.post(
    '/api/v1/consultations',
    {
      schema: {
        tags,
        summary: '起草征求意见稿（text 每行一段）',
        body: CreateConsultationInput,
        response: { 201: StaffView },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const c = await createConsultation(opContext(req), req.body);
      return reply.code(201).send(await staffView(opContext(req), c.id));
    },
  );

  app.get(
    '/api/v1/consultations/:id',
    {
      schema: {
        tags,
        summary: '征求意见详情（工作人员：含待审核意见与联系方式）',
        params: IdParams,
        response: { 200: StaffView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return staffView(opContext(req), (req.params as { id: string }).id);
    },
  );

  app.patch(
    '/api/v1/consultations/:id',
    {
      schema: {
        tags,
        summary: '修改草稿（发布后不可修改）',
        params: IdParams,
        body: UpdateConsultationInput,
        response: { 200: StaffView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const id = (req.params as { id: string }).id;
      await updateConsultation(opContext(req), id, req.body);
      return staffView(opContext(req), id);
    },
  );

  const steps: [string, string, TSchema, (ctx: OpContext, id: string, body: unknown) => Promise<unknown>][] =
    [
      ['open', '发布并开始征求意见（opensOn、closesOn）', OpenConsultationInput, openConsultation],
      ['extend', '延长征求意见期（须说明，公开显示）', ExtendConsultationInput, extendConsultation],
      ['withdraw', '撤回（须说明原因）', ReasonInput, withdrawConsultation],
      ['decisions', '记录一条或一组意见的采纳情况', DecisionInput, recordDecision],
      ['report', '公布采纳情况（所有意见审核完毕并记录采纳情况后）', PublishReportInput, publishReport],
    ];
  for (const [name, summary, body, run] of steps) {
    app.post(
      `/api/v1/consultations/:id/${name}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: StaffView } } },
      async (req) => {
        requireSignedIn(req);
        const id = (req.params as { id: string }).id;
        await run(opContext(req), id, req.body);
        return staffView(opContext(req), id);
      },
    );
  }

  app.post(
    '/api/v1/consultations/:id/final',
    {
      schema: {
        tags,
        summary: '据采纳情况起草最终决定（创建公开事项草稿并关联，之后按公开事项流程审核、审批、发布）',
        params: IdParams,
        body: FinalDecisionInput,
        response: { 201: Type.Object({ disclosureId: Str, state: Str }) },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const d = await startFinalDecision(opContext(req), (req.params as { id: string }).id, req.body);
      return reply.code(201).send({ disclosureId: d.id, state: d.state });
    },
  );

  const CommentParams = Type.Object({ commentId: Type.String({ minLength: 1, maxLength: 40 }) });
  const CommentResult = Type.Object({ id: Str, status: Str });
  app.post(
    '/api/v1/consultation-comments/:commentId/approve',
    {
      schema: {
        tags,
        summary: '审核通过一条意见（公开显示，个人信息遮盖）',
        params: CommentParams,
        response: { 200: CommentResult },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const k = await approveComment(opContext(req), (req.params as { commentId: string }).commentId);
      return { id: k.id, status: k.status };
    },
  );
  app.post(
    '/api/v1/consultation-comments/:commentId/reject',
    {
      schema: {
        tags,
        summary: '不予显示一条意见（须说明原因）',
        params: CommentParams,
        body: ReasonInput,
        response: { 200: CommentResult },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const k = await rejectComment(
        opContext(req),
        (req.params as { commentId: string }).commentId,
        req.body,
      );
      return { id: k.id, status: k.status };
    },
  );
}
