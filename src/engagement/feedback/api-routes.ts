import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireSignedIn } from '../../auth/routes.ts';
import type { DbOrTx } from '../../db/types.ts';
import type { FeedbackKind, FeedbackStatus } from '../../db/types-engagement.ts';
import { AppError } from '../../lib/errors.ts';
import { pageParam } from '../../portal/listing.ts';
import { opContext } from '../../server/context.ts';
import { seesFeedback } from './admin-routes.ts';
import { ECHO_PAGE_SIZE, getEcho, listEcho } from './echo.ts';
import { enterPaperFeedback } from './enter-paper-feedback.ts';
import { trackView } from './public-routes.ts';
import { eventsOf, listFeedback, repliesOf } from './queries.ts';
import { rateFeedback } from './rate-feedback.ts';
import {
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  ModerateInput,
  NoteInput,
  PaperFeedbackInput,
  RateInput,
  ReasonInput,
  ReplyInput,
  RouteInput,
  SubmitFeedbackInput,
  TrackFeedbackInput,
} from './schemas.ts';
import { FEEDBACK_STEPS } from './steps.ts';
import { canSeeContacts, chinaDate, type Feedback, getFeedbackForStaff } from './store.ts';
import { submitFeedback } from './submit-feedback.ts';
import { trackFeedback } from './track-feedback.ts';

const tags = ['feedback'];
const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

const AnswerView = Type.Object({ round: Type.Integer(), kind: Str, on: Str, body: Str });
const EchoView = Type.Object({
  id: Str,
  kind: Str,
  status: Str,
  unitName: Str,
  unitCode: Str,
  submittedOn: Str,
  repliedOn: NStr,
  private: Type.Boolean(),
  subject: NStr,
  body: NStr,
  disclosureId: NStr,
  answers: Type.Array(AnswerView),
});
const EventView = Type.Object({ kind: Str, at: Str, actor: NStr, detail: Type.Any() });

/** The staff view (writer's name and contacts included: only for those the policy lets see it). */
const FeedbackView = Type.Object({
  id: Str,
  trackingCode: Str,
  kind: Str,
  status: Str,
  addressedUnitId: Str,
  unitId: Str,
  disclosureId: NStr,
  subject: Str,
  body: Str,
  authorName: NStr,
  contactPhone: NStr,
  contactEmail: NStr,
  private: Type.Boolean(),
  channel: Str,
  heldWords: NStr,
  submittedAt: Str,
  receivedOn: Str,
  dueOn: NStr,
  repliedOn: NStr,
  reopenedCount: Type.Integer(),
  rating: NStr,
  ratingComment: NStr,
});
const FullView = Type.Object({
  ...FeedbackView.properties,
  replies: Type.Array(Type.Object({ round: Type.Integer(), body: Str, repliedAt: Str })),
  events: Type.Array(EventView),
});
const StepResult = Type.Object({ id: Str, status: Str, unitId: Str, dueOn: NStr });

function toView(f: Feedback, contacts: boolean) {
  return {
    id: f.id,
    trackingCode: f.tracking_code,
    kind: f.kind,
    status: f.status,
    addressedUnitId: f.addressed_unit_id,
    unitId: f.unit_id,
    disclosureId: f.disclosure_id,
    subject: f.subject,
    body: f.body,
    // null for viewers who do not handle the message (store.ts canSeeContacts)
    authorName: contacts ? f.author_name : null,
    contactPhone: contacts ? f.contact_phone : null,
    contactEmail: contacts ? f.contact_email : null,
    private: f.private === 1,
    channel: f.channel,
    heldWords: f.held_words,
    submittedAt: f.submitted_at,
    receivedOn: f.received_on,
    dueOn: f.due_on,
    repliedOn: f.replied_on,
    reopenedCount: f.reopened_count,
    rating: f.rating,
    ratingComment: f.rating_comment,
  };
}

async function fullView(db: DbOrTx, f: Feedback, contacts: boolean) {
  const [replies, events] = await Promise.all([repliesOf(db, f), eventsOf(db, f)]);
  return {
    ...toView(f, contacts),
    replies: replies.map((r) => ({ round: r.round, body: r.body, repliedAt: r.replied_at })),
    events: events.map((e) => ({
      kind: e.kind,
      at: e.at,
      actor: e.actor_name,
      detail: e.detail ? JSON.parse(e.detail) : null,
    })),
  };
}

const STEP_BODIES: Record<string, Parameters<typeof Type.Object>[0] | ReturnType<typeof Type.Object>> = {
  moderate: ModerateInput,
  route: RouteInput,
  accept: Type.Object({}),
  reply: ReplyInput,
  'cannot-handle': ReasonInput,
  close: NoteInput,
  reopen: NoteInput,
};
const STEP_SUMMARIES: Record<string, string> = {
  moderate: '审核含敏感词的留言：release 通过 / reject 不予通过（说明不公开）（feedback.office）',
  route: '分办至承办单位（默认留言单位），答复期限按工作日计算（feedback.office 覆盖两单位）',
  accept: '承办单位开始办理（feedback.handle；举报为 feedback.report）',
  reply: '答复留言（feedback.handle；举报为 feedback.report）',
  'cannot-handle': '暂不能办理，原因必填并公开（feedback.handle）',
  close: '办结（feedback.office；举报为 feedback.report）',
  reopen: '重新办理（通常在不满意之后；feedback.office）',
};

/** The feedback JSON API: the same operations as the pages. */
export function registerFeedbackApi(app: FastifyInstance): void {
  const { db } = app.gk;
  const Created = Type.Object({ id: Str, trackingCode: Str, secret: Str, status: Str, dueOn: NStr });

  app.post(
    '/api/v1/feedback',
    {
      schema: {
        tags,
        summary: '提交留言（公开；匿名或登录；按 IP 和联系方式限流；secret 只返回这一次）',
        body: SubmitFeedbackInput,
        security: [],
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      const { feedback: f, secret } = await submitFeedback(opContext(req), req.body);
      return reply
        .code(201)
        .send({ id: f.id, trackingCode: f.tracking_code, secret, status: f.status, dueOn: f.due_on });
    },
  );

  app.post(
    '/api/v1/feedback/paper',
    {
      schema: {
        tags,
        summary: '录入纸质留言（feedback.handle；secret 只返回这一次）',
        body: PaperFeedbackInput,
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const { feedback: f, secret } = await enterPaperFeedback(opContext(req), req.body);
      return reply
        .code(201)
        .send({ id: f.id, trackingCode: f.tracking_code, secret, status: f.status, dueOn: f.due_on });
    },
  );

  const TrackResult = Type.Object({
    trackingCode: Str,
    kind: Str,
    status: Str,
    subject: Str,
    dueOn: NStr,
    rating: NStr,
    canRate: Type.Boolean(),
    answers: Type.Array(AnswerView),
    events: Type.Array(Type.Object({ kind: Str, at: Str })),
  });
  const trackResult = async (f: Feedback, unitName: string) => {
    const v = await trackView(db, f, unitName);
    return {
      trackingCode: f.tracking_code,
      kind: f.kind,
      status: f.status,
      subject: f.subject,
      dueOn: f.due_on,
      rating: f.rating,
      canRate: (f.status === 'replied' || f.status === 'cannot_handle') && f.rating === null,
      answers: v.answers,
      events: v.events.map((e) => ({ kind: e.kind, at: e.at })),
    };
  };

  app.post(
    '/api/v1/feedback/track',
    {
      schema: {
        tags,
        summary: '凭查询码和查询密码查看办理情况和答复（公开；错误一律 404，失败按 IP 限流）',
        body: TrackFeedbackInput,
        security: [],
        response: { 200: TrackResult },
      },
    },
    async (req) => {
      const { f, unit } = await trackFeedback(opContext(req), req.body);
      return trackResult(f, unit.name);
    },
  );

  app.post(
    '/api/v1/feedback/rate',
    {
      schema: {
        tags,
        summary: '留言人评价答复：satisfied / basic / dissatisfied（公开，凭查询码和密码；每轮一次）',
        body: RateInput,
        security: [],
        response: { 200: TrackResult },
      },
    },
    async (req) => {
      const f = await rateFeedback(opContext(req), req.body);
      const unit = await db
        .selectFrom('units')
        .select('name')
        .where('tenant_id', '=', f.tenant_id)
        .where('id', '=', f.unit_id)
        .executeTakeFirstOrThrow();
      return trackResult(f, unit.name);
    },
  );

  app.get(
    '/api/v1/echo',
    {
      schema: {
        tags,
        summary:
          '回音壁：已答复的留言及答复（公开；个人信息已遮蔽；不含举报；不公开的留言只有类别、日期和状态）',
        querystring: Type.Object({
          kind: Type.Optional(Type.String({ maxLength: 20 })),
          unit: Type.Optional(Type.String({ maxLength: 60 })),
          page: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        security: [],
        response: {
          200: Type.Object({
            items: Type.Array(EchoView),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
        },
      },
    },
    async (req) => {
      const q = req.query as { kind?: string; unit?: string; page?: number };
      let unitId: string | undefined;
      if (q.unit) {
        const u = await db
          .selectFrom('units')
          .select('id')
          .where('tenant_id', '=', req.actor.tenantId)
          .where('code', '=', q.unit)
          .where('kind', '!=', 'region')
          .executeTakeFirst();
        unitId = u?.id ?? '-';
      }
      const page = pageParam(q.page);
      const list = await listEcho(db, req.actor.tenantId, { kind: q.kind, unitId, page });
      return {
        items: list.items.map(({ reopened: _r, ...e }) => e),
        total: list.total,
        page,
        pageSize: ECHO_PAGE_SIZE,
      };
    },
  );

  app.get(
    '/api/v1/echo/:id',
    {
      schema: {
        tags,
        summary: '回音壁条目（公开；不存在、未答复、举报一律 404）',
        params: IdParams,
        security: [],
        response: { 200: EchoView },
      },
    },
    async (req) => {
      const e = await getEcho(db, req.actor.tenantId, (req.params as { id: string }).id);
      if (!e) throw new AppError('feedback.not_found');
      const { reopened: _r, updatedAt: _u, ...out } = e;
      return out;
    },
  );

  app.get(
    '/api/v1/feedback',
    {
      schema: {
        tags,
        summary:
          '留言列表（调用者可见的：公开办 feedback.office、承办单位 feedback.view、举报仅纪检 feedback.report）',
        querystring: Type.Object({
          status: Type.Optional(Type.String({ maxLength: 20 })),
          kind: Type.Optional(Type.String({ maxLength: 20 })),
          unitId: Type.Optional(Type.String({ maxLength: 40 })),
          overdue: Type.Optional(Type.Boolean()),
          dissatisfied: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Object({ items: Type.Array(FeedbackView) }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      if (!seesFeedback(req.actor)) throw new AppError('auth.forbidden');
      const q = req.query as {
        status?: string;
        kind?: string;
        unitId?: string;
        overdue?: boolean;
        dissatisfied?: boolean;
      };
      const items = await listFeedback(db, req.actor, chinaDate(req.now), {
        status: FEEDBACK_STATUSES.find((s) => s === q.status) as FeedbackStatus | undefined,
        kind: FEEDBACK_KINDS.find((k) => k === q.kind) as FeedbackKind | undefined,
        unitId: q.unitId,
        overdue: q.overdue,
        dissatisfied: q.dissatisfied,
      });
      // lists carry no contacts; GET /api/v1/feedback/:id shows them to those who handle the message
      return { items: items.map((f) => toView(f, false)) };
    },
  );

  app.get(
    '/api/v1/feedback/:id',
    {
      schema: {
        tags,
        summary: '留言详情、答复和办理过程（不可见的一律 404）',
        params: IdParams,
        response: { 200: FullView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const { f, unit } = await getFeedbackForStaff(db, req.actor, (req.params as { id: string }).id);
      return fullView(db, f, canSeeContacts(req.actor, f, unit));
    },
  );

  for (const [step, run] of Object.entries(FEEDBACK_STEPS)) {
    app.post(
      `/api/v1/feedback/:id/${step}`,
      {
        schema: {
          tags,
          summary: STEP_SUMMARIES[step],
          params: IdParams,
          body: STEP_BODIES[step] as ReturnType<typeof Type.Object>,
          response: { 200: StepResult },
        },
      },
      async (req) => {
        requireSignedIn(req);
        const f = await run(opContext(req), (req.params as { id: string }).id, req.body ?? {});
        return { id: f.id, status: f.status, unitId: f.unit_id, dueOn: f.due_on };
      },
    );
  }
}
