import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requirePermission } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import type { DbOrTx, RequestState } from '../db/types.ts';
import { AppError } from '../lib/errors.ts';
import { readForm } from '../obligations/form-body.ts';
import { opContext } from '../server/context.ts';
import { addRequestFile } from './add-request-file.ts';
import { LIST_STATES } from './admin-views.tsx';
import { explainClock } from './clock/index.ts';
import type { RequestDeadline } from './deadline.ts';
import { eventsOf, getRequestForStaff, listRequests } from './queries.ts';
import { registerRequest } from './register-request.ts';
import { saveRequestSettings } from './save-request-settings.ts';
import { RegisterRequestInput, SettingsInput, SubmitRequestInput, TrackInput } from './schemas.ts';
import { STEPS } from './steps.ts';
import { chinaDate, type InfoRequest } from './store.ts';
import { submitRequest } from './submit-request.ts';
import { trackRequest } from './track-request.ts';
import { currentDeadline, trackView } from './views-data.ts';

const tags = ['requests'];
const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

const DeadlineView = Type.Union([
  Type.Object({ due: Str, provisional: Type.Boolean(), paused: Type.Boolean(), how: Type.Array(Str) }),
  Type.Null(),
]);
const EventView = Type.Object({
  action: Str,
  at: Str,
  onDate: NStr,
  actor: Type.Optional(Str),
  reason: NStr,
  toUnitId: NStr,
});

/** The staff view of a request (personal data included: request.view is the handling unit or the office). */
export const RequestView = Type.Object({
  id: Str,
  trackingCode: Str,
  unitId: Str,
  state: Str,
  channel: Str,
  submittedAt: Str,
  receivedOn: NStr,
  applicantKind: Str,
  applicantName: Str,
  contactPerson: NStr,
  idType: NStr,
  idNumber: NStr,
  phone: NStr,
  email: NStr,
  address: NStr,
  description: Str,
  docNumber: NStr,
  provisionForm: Str,
  obtainMethod: Str,
  supplementDueOn: NStr,
  supplementReceivedOn: NStr,
  extensionDays: Type.Union([Type.Integer(), Type.Null()]),
  feeAmount: Type.Union([Type.Integer(), Type.Null()]),
  feeDueOn: NStr,
  replyKind: NStr,
  outcomeKey: NStr,
  repliedOn: NStr,
  deliveryMethod: NStr,
  deliveredOn: NStr,
  closedOn: NStr,
  dueDate: NStr,
  deadline: Type.Optional(DeadlineView),
  events: Type.Optional(Type.Array(EventView)),
});

const deadlineView = (d: RequestDeadline | null) =>
  d ? { due: d.due, provisional: d.provisional, paused: d.paused, how: explainClock(d) } : null;

function toView(r: InfoRequest) {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    unitId: r.unit_id,
    state: r.state,
    channel: r.channel,
    submittedAt: r.submitted_at,
    receivedOn: r.received_on,
    applicantKind: r.applicant_kind,
    applicantName: r.applicant_name,
    contactPerson: r.contact_person,
    idType: r.id_type,
    idNumber: r.id_number,
    phone: r.phone,
    email: r.email,
    address: r.address,
    description: r.description,
    docNumber: r.doc_number,
    provisionForm: r.provision_form,
    obtainMethod: r.obtain_method,
    supplementDueOn: r.supplement_due_on,
    supplementReceivedOn: r.supplement_received_on,
    extensionDays: r.extension_days,
    feeAmount: r.fee_amount,
    feeDueOn: r.fee_due_on,
    replyKind: r.reply_kind,
    outcomeKey: r.outcome_key,
    repliedOn: r.replied_on,
    deliveryMethod: r.delivery_method,
    deliveredOn: r.delivered_on,
    closedOn: r.closed_on,
    dueDate: r.due_date,
  };
}

async function fullView(db: DbOrTx, r: InfoRequest, today: string) {
  return {
    ...toView(r),
    deadline: deadlineView(await currentDeadline(db, r, today)),
    events: (await eventsOf(db, r)).map((e) => ({
      action: e.action,
      at: e.at,
      onDate: e.on_date,
      actor: e.actor_name,
      reason: e.reason,
      toUnitId: e.to_unit_id,
    })),
  };
}

/** The request feature's JSON API: the same operations as the pages, one route per step. */
export function registerRequestApi(app: FastifyInstance): void {
  const { db } = app.gk;
  const Created = Type.Object({ id: Str, trackingCode: Str, secret: Str, state: Str, receivedOn: NStr });

  app.post(
    '/api/v1/public/requests',
    {
      schema: {
        tags,
        summary: '提交政府信息公开申请（公开；待受理单位确认，确认之日为收到申请之日）。secret 只返回这一次',
        body: SubmitRequestInput,
        security: [],
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      const { request: r, secret } = await submitRequest(opContext(req), req.body);
      return reply
        .code(201)
        .send({ id: r.id, trackingCode: r.tracking_code, secret, state: r.state, receivedOn: r.received_on });
    },
  );

  app.post(
    '/api/v1/public/requests/track',
    {
      schema: {
        tags,
        summary: '凭查询码和查询密码查询办理进度（公开；错误一律 404，按 IP 限流）',
        body: TrackInput,
        security: [],
        response: {
          200: Type.Object({
            trackingCode: Str,
            state: Str,
            receivedOn: NStr,
            supplementRequest: NStr,
            supplementDueOn: NStr,
            deadline: DeadlineView,
            events: Type.Array(EventView),
            files: Type.Array(Type.Object({ id: Str, name: Str })),
            documents: Type.Array(Type.Object({ id: Str, number: Str, kind: Str })),
          }),
        },
      },
    },
    async (req) => {
      const { r, unit } = await trackRequest(opContext(req), req.body);
      const v = await trackView(db, r, unit.name, chinaDate(req.now));
      return {
        trackingCode: r.tracking_code,
        state: r.state,
        receivedOn: r.received_on,
        supplementRequest: r.state === 'supplement_pending' ? r.supplement_request : null,
        supplementDueOn: r.state === 'supplement_pending' ? r.supplement_due_on : null,
        deadline: deadlineView(v.deadline),
        events: v.events.map((e) => ({
          action: e.action,
          at: e.at,
          onDate: e.on_date,
          reason: e.reason,
          toUnitId: null,
        })),
        files: v.files.map((f) => ({ id: f.id, name: f.name })),
        documents: v.documents,
      };
    },
  );

  app.get(
    '/api/v1/requests',
    {
      schema: {
        tags,
        summary: '依申请公开申请列表（调用者有 request.view 的单位；逾期在前）',
        querystring: Type.Object({
          state: Type.Optional(Type.String({ maxLength: 40 })),
          overdue: Type.Optional(Type.Boolean()),
          q: Type.Optional(
            Type.String({
              maxLength: 100,
              description: '查询码（完全一致）或申请人、内容、文号（部分一致）',
            }),
          ),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Str,
                trackingCode: Str,
                unitId: Str,
                state: Str,
                receivedOn: NStr,
                dueDate: NStr,
                overdue: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      requirePermission(req.actor, 'request.view');
      const q = req.query as { state?: string; overdue?: boolean; q?: string };
      const state = LIST_STATES.includes(q.state ?? '') ? (q.state as RequestState) : undefined;
      const rows = await listRequests(db, req.actor, chinaDate(req.now), {
        state,
        overdueOnly: q.overdue === true,
        q: q.q,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          trackingCode: r.tracking_code,
          unitId: r.unit_id,
          state: r.state,
          receivedOn: r.received_on,
          dueDate: r.due_date,
          overdue: Number(r.overdue) === 1,
        })),
      };
    },
  );

  app.get(
    '/api/v1/requests/:id',
    {
      schema: {
        tags,
        summary: '申请详情（含期限计算过程与办理过程）',
        params: IdParams,
        response: { 200: RequestView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const { r } = await getRequestForStaff(db, req.actor, (req.params as { id: string }).id);
      return fullView(db, r, chinaDate(req.now));
    },
  );

  app.post(
    '/api/v1/requests',
    {
      schema: {
        tags,
        summary: '登记当面、邮寄、电子邮件或传真提交的申请（按渠道确定收到申请之日）',
        body: RegisterRequestInput,
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const { request: r, secret } = await registerRequest(opContext(req), req.body);
      return reply
        .code(201)
        .send({ id: r.id, trackingCode: r.tracking_code, secret, state: r.state, receivedOn: r.received_on });
    },
  );

  app.put(
    '/api/v1/requests/settings',
    {
      schema: {
        tags,
        summary: '区域设置：答复程序性把关开关（公开办）',
        body: SettingsInput,
        response: { 200: Type.Object({ precheck: Type.Boolean() }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return saveRequestSettings(opContext(req), req.body);
    },
  );

  app.post(
    '/api/v1/requests/:id/files',
    {
      schema: {
        tags,
        summary: '上传答复附件（multipart：file；role=disclosed_part 为部分公开的公开部分）',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ id: Str, name: Str }) },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const { fields, file } = readForm(req.body);
      const f = await addRequestFile(
        opContext(req),
        (req.params as { id: string }).id,
        fields,
        file,
        app.gk.config.uploadLimitBytes,
      );
      return reply.code(201).send(f);
    },
  );

  for (const [name, def] of Object.entries(STEPS)) {
    app.post(
      `/api/v1/requests/:id/${name}`,
      {
        schema: {
          tags,
          summary: def.summary,
          params: IdParams,
          ...(def.body ? { body: def.body } : {}),
          response: { 200: RequestView },
        },
      },
      async (req) => {
        requireSignedIn(req);
        const id = (req.params as { id: string }).id;
        const result = await def.run(
          opContext(req),
          id,
          (req.body ?? {}) as Record<string, unknown>,
          null,
          app.gk.config.uploadLimitBytes,
        );
        const found = await getRequestForStaff(db, req.actor, id).catch(() => undefined);
        if (found) return fullView(db, found.r, chinaDate(req.now));
        // after a transfer the caller no longer sees the request: the step's own result, no trail
        if (result && typeof result === 'object' && 'tracking_code' in result)
          return toView(result as InfoRequest);
        throw new AppError('request.not_found');
      },
    );
  }
}
