import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { requirePermission } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import { AppError } from '../lib/errors.ts';
import { readForm } from '../obligations/form-body.ts';
import { opContext } from '../server/context.ts';
import { addAttachment } from './add-attachment.ts';
import { sendFile } from './admin-routes.ts';
import { approveDisclosure } from './approve-disclosure.ts';
import type { DisclosureVersion } from './chain.ts';
import { createDraft } from './create-draft.ts';
import { FilingReviewInput, listFilings, listPrivacyOverrides, reviewFiling } from './filings.ts';
import { createFinanceDraft } from './finance-draft.ts';
import { createInterpretation, InterpretationInput } from './interpretation.ts';
import { maskDisclosure } from './mask-disclosure.ts';
import { fileBytes, scanDisclosure } from './privacy-check.ts';
import { publishDisclosure } from './publish-disclosure.ts';
import {
  eventsOf,
  getAdminDisclosure,
  getPublicDisclosure,
  listAdminDisclosures,
  versionsOf,
} from './queries.ts';
import { removeAttachment } from './remove-attachment.ts';
import { returnDisclosure } from './return-disclosure.ts';
import { reviewDisclosure } from './review-disclosure.ts';
import { reviseDisclosure } from './revise-disclosure.ts';
import { revokeDisclosure } from './revoke-disclosure.ts';
import {
  CreateDraftInput,
  DrafterMayReviewInput,
  GuardedStepInput,
  ReasonInput,
  ReviseInput,
  UpdateDraftInput,
} from './schemas.ts';
import { setDrafterMayReview } from './set-drafter-may-review.ts';
import { attachmentsOf, chinaDate, type Disclosure } from './store.ts';
import { submitDisclosure } from './submit-disclosure.ts';
import { updateDraft } from './update-draft.ts';

const tags = ['disclosures'];
const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
const FileParams = Type.Object({
  id: Type.String({ maxLength: 40 }),
  fileId: Type.String({ maxLength: 40 }),
});
const Attachment = Type.Object({ fileId: Str, name: Str, sha256: Str, size: Type.Integer(), type: Str });

export const DisclosureView = Type.Object({
  id: Str,
  unitId: Str,
  entryId: Str,
  periodKey: NStr,
  state: Str,
  attribute: Str,
  audience: Str,
  title: Str,
  bodyHtml: Str,
  decidedOn: Str,
  attachments: Type.Array(Attachment),
  returnedReason: NStr,
  privacyOverrideReason: NStr,
  /** For a 政策解读: the disclosure it interprets. */
  interpretsId: NStr,
  displayUntil: NStr,
  withheldReason: NStr,
  withheldBasis: NStr,
  reviewDate: NStr,
  draftedBy: NStr,
  reviewedBy: NStr,
  reviewedAt: NStr,
  approvedBy: NStr,
  approvedAt: NStr,
  publishedAt: NStr,
  revokedReason: NStr,
  updatedAt: Str,
});
const VersionView = Type.Object({
  version: Type.Integer(),
  title: Str,
  bodyHtml: Str,
  changeNote: NStr,
  publishedAt: Str,
  digest: Str,
  previousDigest: NStr,
  fingerprint: Str,
  attachments: Type.Array(Attachment),
});

function toView(d: Disclosure) {
  return {
    id: d.id,
    unitId: d.unit_id,
    entryId: d.entry_id,
    periodKey: d.period_key,
    state: d.state,
    attribute: d.attribute,
    audience: d.audience,
    title: d.title,
    bodyHtml: d.body_html,
    decidedOn: d.decided_on,
    attachments: attachmentsOf(d.attachments),
    returnedReason: d.returned_reason,
    privacyOverrideReason: d.privacy_override_reason,
    interpretsId: d.interprets_id ?? null,
    displayUntil: d.display_until,
    withheldReason: d.withheld_reason,
    withheldBasis: d.withheld_basis,
    reviewDate: d.review_date,
    draftedBy: d.drafted_by,
    reviewedBy: d.reviewed_by,
    reviewedAt: d.reviewed_at,
    approvedBy: d.approved_by,
    approvedAt: d.approved_at,
    publishedAt: d.published_at,
    revokedReason: d.revoked_reason,
    updatedAt: d.updated_at,
  };
}
const toVersion = (v: DisclosureVersion) => ({
  version: v.version,
  title: v.title,
  bodyHtml: v.body_html,
  changeNote: v.change_note,
  publishedAt: v.published_at,
  digest: v.digest,
  previousDigest: v.previous_digest,
  fingerprint: v.fingerprint,
  attachments: attachmentsOf(v.attachments),
});

/** The workflow's JSON API: the same operations and queries as the pages. */
export function registerDisclosureApi(app: FastifyInstance): void {
  const { db } = app.gk;
  const one = { 200: DisclosureView };

  app.get(
    '/api/v1/disclosures',
    {
      schema: {
        tags,
        summary: '公开事项列表（后台：调用者可见单位的全部状态）',
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ id: Str, title: Str, state: Str })) }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return { items: await listAdminDisclosures(db, req.actor) };
    },
  );
  app.get(
    '/api/v1/disclosures/:id',
    { schema: { tags, summary: '公开事项（后台视图）', params: IdParams, response: one } },
    async (req) => {
      requireSignedIn(req);
      return toView((await getAdminDisclosure(db, req.actor, (req.params as { id: string }).id)).d);
    },
  );
  app.get(
    '/api/v1/disclosures/:id/privacy',
    {
      schema: {
        tags,
        summary: '个人信息检查结果（标题、正文、附件）',
        params: IdParams,
        response: {
          200: Type.Object({
            findings: Type.Array(
              Type.Object({ part: Str, kind: Str, masked: Str, context: Str, fileName: Type.Optional(Str) }),
            ),
          }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const { d } = await getAdminDisclosure(db, req.actor, (req.params as { id: string }).id);
      return { findings: await scanDisclosure(db, d) };
    },
  );
  app.post(
    '/api/v1/disclosures',
    { schema: { tags, summary: '起草公开事项', body: CreateDraftInput, response: { 201: DisclosureView } } },
    async (req, reply) => {
      requireSignedIn(req);
      return reply.code(201).send(toView(await createDraft(opContext(req), req.body)));
    },
  );
  app.patch(
    '/api/v1/disclosures/:id',
    { schema: { tags, summary: '修改草稿', params: IdParams, body: UpdateDraftInput, response: one } },
    async (req) => {
      requireSignedIn(req);
      return toView(await updateDraft(opContext(req), (req.params as { id: string }).id, req.body));
    },
  );
  app.post(
    '/api/v1/disclosures/:id/attachments',
    {
      schema: {
        tags,
        summary: '上传附件（multipart，字段 file；类型按内容识别）',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const { file } = readForm(req.body);
      const ref = await addAttachment(
        opContext(req),
        (req.params as { id: string }).id,
        file,
        app.gk.config.uploadLimitBytes,
      );
      return reply.code(201).send(ref);
    },
  );
  app.delete(
    '/api/v1/disclosures/:id/attachments/:fileId',
    { schema: { tags, summary: '删除草稿附件', params: FileParams, response: one } },
    async (req) => {
      requireSignedIn(req);
      const p = req.params as { id: string; fileId: string };
      return toView(await removeAttachment(opContext(req), p.id, p.fileId));
    },
  );

  const step = (
    name: string,
    summary: string,
    body: TSchema | null,
    op: (req: FastifyRequest, id: string) => Promise<Disclosure>,
  ) =>
    app.post(
      `/api/v1/disclosures/:id/${name}`,
      { schema: { tags, summary, params: IdParams, ...(body ? { body } : {}), response: one } },
      async (req) => {
        requireSignedIn(req);
        return toView(await op(req, (req.params as { id: string }).id));
      },
    );
  step('submit', '提交审核（个人信息检查；有发现须遮盖或填写理由）', GuardedStepInput, (r, id) =>
    submitDisclosure(opContext(r), id, r.body),
  );
  step('review', '审核通过（保密审查）', null, (r, id) => reviewDisclosure(opContext(r), id));
  step('approve', '审批同意', null, (r, id) => approveDisclosure(opContext(r), id));
  step('return', '退回修改（须填写理由）', ReasonInput, (r, id) =>
    returnDisclosure(opContext(r), id, r.body),
  );
  step('publish', '发布（再次检查个人信息；生成防篡改指纹）', GuardedStepInput, (r, id) =>
    publishDisclosure(opContext(r), id, r.body),
  );
  step('revise', '发布变更（新版本，须填写变更说明）', ReviseInput, (r, id) =>
    reviseDisclosure(opContext(r), id, r.body),
  );
  step('revoke', '撤销（须填写理由）', ReasonInput, (r, id) => revokeDisclosure(opContext(r), id, r.body));
  step('mask', '一键遮盖个人信息', null, (r, id) => maskDisclosure(opContext(r), id));
  step(
    'filing-review',
    '不予公开复核（office）：维持并确定下次复核日期，或改为公开退回起草',
    FilingReviewInput,
    (r, id) => reviewFiling(opContext(r), id, r.body),
  );

  app.post(
    '/api/v1/disclosures/:id/interpretation',
    {
      schema: {
        tags,
        summary: '起草政策解读（三同时：与文件同时发布）',
        params: IdParams,
        body: InterpretationInput,
        response: { 201: DisclosureView },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const d = await createInterpretation(opContext(req), (req.params as { id: string }).id, req.body ?? {});
      return reply.code(201).send(toView(d));
    },
  );

  app.post(
    '/api/v1/disclosures/finance-sheet',
    {
      schema: {
        tags,
        summary:
          '由收支表（XLSX）生成财务公开草稿（multipart：file、unitId、entryId、period 如 2026-10，可选 title、decidedOn）',
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ disclosure: DisclosureView, warnings: Type.Array(Str) }) },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const { fields, file } = readForm(req.body);
      const r = await createFinanceDraft(opContext(req), fields, file, app.gk.config.uploadLimitBytes);
      return reply.code(201).send({ disclosure: toView(r.disclosure), warnings: r.warnings });
    },
  );

  app.get(
    '/api/v1/disclosures/:id/events',
    {
      schema: {
        tags,
        summary: '办理记录（提出、审核、退回、审批、发布、不予遮盖、复核……）',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ action: Str, actorName: Str, at: Str, reason: NStr })),
          }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const { d } = await getAdminDisclosure(db, req.actor, (req.params as { id: string }).id);
      return {
        items: (await eventsOf(db, d)).map((e) => ({
          action: e.action,
          actorName: e.actor_name,
          at: e.at,
          reason: e.reason,
        })),
      };
    },
  );

  app.get(
    '/api/v1/disclosures/:id/versions',
    {
      schema: {
        tags,
        summary: '已发布版本（后台视图，含指纹与摘要链）',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(VersionView) }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const { d } = await getAdminDisclosure(db, req.actor, (req.params as { id: string }).id);
      return { items: (await versionsOf(db, d)).map(toVersion) };
    },
  );

  app.get(
    '/api/v1/disclosures/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: '下载附件（草稿附件或任一已发布版本的附件）',
        params: FileParams,
        produces: ['application/octet-stream'],
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const p = req.params as { id: string; fileId: string };
      const { d } = await getAdminDisclosure(db, req.actor, p.id);
      const refs = [d.attachments, ...(await versionsOf(db, d)).map((v) => v.attachments)].flatMap(
        attachmentsOf,
      );
      const ref = refs.find((a) => a.fileId === p.fileId);
      if (!ref) throw new AppError('file.not_found');
      return sendFile(reply, ref.name, await fileBytes(db, d.tenant_id, ref.fileId));
    },
  );

  app.get(
    '/api/v1/disclosure-filings',
    {
      schema: {
        tags,
        summary: '不予公开备案列表（office：所管理单位；到期待复核的在前）',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Str,
                title: Str,
                unitId: Str,
                unitName: Str,
                reason: NStr,
                basis: NStr,
                reviewDate: NStr,
                filedAt: NStr,
                due: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      requirePermission(req.actor, 'unit.manage');
      return { items: await listFilings(db, req.actor, chinaDate(req.now)) };
    },
  );

  app.get(
    '/api/v1/disclosure-privacy-overrides',
    {
      schema: {
        tags,
        summary: '不予遮盖记录（office：谁、何时、理由、个人信息类型）',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                eventId: Str,
                disclosureId: Str,
                title: Str,
                unitName: Str,
                actorName: Str,
                at: Str,
                reason: NStr,
                kinds: Type.Array(Type.Object({ part: Str, kind: Str, label: Type.Optional(Str) })),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      requirePermission(req.actor, 'unit.manage');
      return { items: await listPrivacyOverrides(db, req.actor) };
    },
  );

  app.put(
    '/api/v1/disclosure-settings/drafter-may-review',
    {
      schema: {
        tags,
        summary: '单位设置：起草人可否审核本人起草的公开事项（office）',
        body: DrafterMayReviewInput,
        response: { 200: Type.Object({ unitId: Str, allowed: Type.Boolean() }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const allowed = await setDrafterMayReview(opContext(req), req.body);
      return { unitId: (req.body as { unitId: string }).unitId, allowed };
    },
  );

  app.get(
    '/api/v1/public/disclosures/:id',
    {
      schema: {
        tags,
        summary: '已发布的公开事项及其版本（公开；无权查看时 404）',
        params: IdParams,
        security: [],
        response: {
          200: Type.Object({
            id: Str,
            state: Str,
            audience: Str,
            revokedReason: NStr,
            versions: Type.Array(VersionView),
          }),
        },
      },
    },
    async (req) => {
      const { d } = await getPublicDisclosure(db, req.actor, (req.params as { id: string }).id);
      const versions = d.state === 'revoked' ? [] : await versionsOf(db, d);
      return {
        id: d.id,
        state: d.state,
        audience: d.audience,
        revokedReason: d.revoked_reason,
        versions: versions.map(toVersion),
      };
    },
  );
}
