import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { can, coversWholeTenant, requirePermission, unitVisibility } from '../../auth/policy.ts';
import { requireSignedIn } from '../../auth/routes.ts';
import { t } from '../../i18n/index.ts';
import { beijingDate } from '../../jobs/schedule-daily.ts';
import { AppError } from '../../lib/errors.ts';
import { opContext, redirect } from '../../server/context.ts';
import { formBody, handleForm } from '../../server/forms.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import type { ErrorMap } from '../../views/form.tsx';
import { DOCUMENT_KINDS, type DocumentKind, isDocumentKind } from './kinds.ts';
import { documentPdf, listDocuments } from './list-documents.ts';
import { DEFAULT_NUMBER_PATTERN, formatNumber } from './numbering.ts';
import { chineseDate, renderPdf } from './render-pdf.ts';
import { saveTemplate, TEMPLATE_PERMISSION } from './save-template.ts';
import { setNumberPattern } from './set-number-pattern.ts';
import { getTemplate, listTemplates } from './templates.ts';
import { findUnit } from './unit-lookup.ts';
import { TemplateEditPage, TemplatesPage } from './views.tsx';

/** Example values for the template preview, so the office sees a filled letter. */
const SAMPLE_FIELDS: Record<string, string> = {
  applicantName: '张某某',
  receivedDate: '2026年3月2日',
  requestCode: 'SQ2026000001',
  description: '某镇2025年度农村道路建设项目的招标文件和中标结果',
  deadline: '2026年3月30日',
  reason: '（此处为理由或说明）',
  legalBasis: '《中华人民共和国政府信息公开条例》第××条',
  supplementItems: '（此处为需要补正的事项）',
  supplementDeadline: '2026年3月20日',
  extensionDays: '20',
  thirdPartyName: '某某有限公司',
  replyDeadline: '2026年3月23日',
  feeAmount: '200',
  feeBasis: '按件计收',
  paymentMethod: '银行转账',
  paymentDeadline: '2026年4月1日',
  provisionMethod: '以电子数据形式通过政府信息公开平台提供',
  reconsiderationOrgan: '某县人民政府',
  court: '某县人民法院',
  contact: '某某，0000-0000000',
};

const signInFirst = (req: FastifyRequest) => `/signin?next=${encodeURIComponent(req.url)}`;

function kindOf(req: FastifyRequest): DocumentKind {
  const k = (req.params as { kind: string }).kind;
  if (!isDocumentKind(k)) throw new AppError('error.not_found', { status: 404 });
  return k;
}

function sendPdf(reply: FastifyReply, fileName: string, bytes: Buffer, disposition: 'inline' | 'attachment') {
  return reply
    .type('application/pdf')
    .header('cache-control', 'no-store')
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(bytes);
}

/** Units whose 文号 the actor may set (request.office), indented by depth. */
async function patternUnits(req: FastifyRequest) {
  const rows = await req.server.gk.db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.depth', 'u.path'])
    .where('u.tenant_id', '=', req.actor.tenantId)
    .where('u.status', '=', 'active')
    .where(unitVisibility(req.actor, TEMPLATE_PERMISSION, 'u'))
    .orderBy('u.path')
    .limit(2000)
    .execute();
  return rows.map((u) => ({ value: u.id, label: `${'　'.repeat(Math.max(0, u.depth - 1))}${u.name}` }));
}

async function configuredPatterns(req: FastifyRequest) {
  return req.server.gk.db
    .selectFrom('request_document_numbering as n')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'n.tenant_id').onRef('u.id', '=', 'n.unit_id'),
    )
    .select(['u.name as unitName', 'n.pattern'])
    .where('n.tenant_id', '=', req.actor.tenantId)
    .where(unitVisibility(req.actor, 'request.view', 'u'))
    .orderBy('u.path')
    .execute();
}

/** 文书模板 and 文号 in the back office, staff download of issued documents, and their API. */
export function registerRequestDocumentRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  const templatesPage = async (
    req: FastifyRequest,
    extra: { errors?: ErrorMap; message?: string; values?: Record<string, string> } = {},
  ) =>
    TemplatesPage({
      ...pageMeta(req, t('request_docs.templates_title'), 'admin'),
      templates: await listTemplates(db, req.actor.tenantId),
      canEdit: coversWholeTenant(req.actor, TEMPLATE_PERMISSION),
      patterns: await configuredPatterns(req),
      units: await patternUnits(req),
      ...extra,
    });

  app.get('/admin/requests/templates', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, signInFirst(req));
    requirePermission(req.actor, 'request.view');
    return sendPage(reply, await templatesPage(req));
  });

  app.get('/admin/requests/templates/:kind', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, signInFirst(req));
    const kind = kindOf(req);
    if (!coversWholeTenant(req.actor, TEMPLATE_PERMISSION)) throw new AppError('auth.forbidden');
    const tpl = await getTemplate(db, req.actor.tenantId, kind);
    return sendPage(
      reply,
      TemplateEditPage({
        ...pageMeta(req, t('request_docs.edit_title', { kind: t(`request_docs.kind.${kind}`) }), 'admin'),
        kind,
        version: tpl.version,
        values: tpl,
      }),
    );
  });

  app.post('/admin/requests/templates/:kind', async (req, reply) => {
    requireSignedIn(req);
    const kind = kindOf(req);
    const body = formBody(req.body);
    const str = (k: string) => String(body[k] ?? '');
    const input = {
      kind,
      title: str('title'),
      numberLine: str('numberLine'),
      addressee: str('addressee'),
      body: str('body'),
      signature: str('signature'),
    };
    const ok = await handleForm(
      reply,
      () => saveTemplate(opContext(req), input),
      async (errors, message) =>
        TemplateEditPage({
          ...pageMeta(req, t('request_docs.edit_title', { kind: t(`request_docs.kind.${kind}`) }), 'admin'),
          kind,
          version: (await getTemplate(db, req.actor.tenantId, kind)).version,
          values: input,
          errors,
          message,
        }),
    );
    return ok ? redirect(reply, '/admin/requests/templates', 'request_template_saved') : reply;
  });

  app.get('/admin/requests/templates/:kind/preview.pdf', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, signInFirst(req));
    requirePermission(req.actor, 'request.view');
    const kind = kindOf(req);
    const tpl = await getTemplate(db, req.actor.tenantId, kind);
    const today = beijingDate(req.now);
    const pdf = await renderPdf(tpl, {
      ...SAMPLE_FIELDS,
      unitName: '某县人民政府办公室',
      date: chineseDate(today),
      number: formatNumber(DEFAULT_NUMBER_PATTERN, {
        unitName: '某县人民政府办公室',
        year: Number(today.slice(0, 4)),
        seq: 1,
      }),
    });
    return sendPdf(reply, `${t(`request_docs.kind.${kind}`)}-预览.pdf`, pdf, 'inline');
  });

  app.post('/admin/requests/numbering', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    const values = { unitId: String(body.unitId ?? ''), pattern: String(body.pattern ?? '') };
    const ok = await handleForm(
      reply,
      () => setNumberPattern(opContext(req), values),
      (errors, message) => templatesPage(req, { errors, message, values }),
    );
    return ok
      ? redirect(reply, '/admin/requests/templates#numbering', 'request_number_pattern_saved')
      : reply;
  });

  /** Staff download: anyone who sees the request's unit or the issuing unit (request.view). */
  app.get('/admin/requests/documents/:id/pdf', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, signInFirst(req));
    const id = (req.params as { id: string }).id;
    const doc = await documentPdf(db, req.actor.tenantId, id);
    if (!doc || !(await seesRequest(req, doc.requestId, doc.unitId))) throw new AppError('request.not_found');
    return sendPdf(reply, doc.fileName, doc.bytes, 'inline');
  });

  async function seesRequest(
    req: FastifyRequest,
    requestId: string,
    docUnitId: string | null,
  ): Promise<boolean> {
    const r = await db
      .selectFrom('requests')
      .select('unit_id')
      .where('tenant_id', '=', req.actor.tenantId)
      .where('id', '=', requestId)
      .executeTakeFirst();
    if (!r) return false;
    for (const unitId of new Set([r.unit_id, docUnitId].filter((x): x is string => !!x))) {
      const unit = await findUnit(db, req.actor.tenantId, unitId);
      if (unit && can(req.actor, 'request.view', unit)) return true;
    }
    return false;
  }

  // ---- API
  const tags = ['requests'];
  const DocumentItem = Type.Object({
    id: Type.String(),
    kind: Type.String(),
    number: Type.String(),
    title: Type.String(),
    issuedAt: Type.String(),
    pdf: Type.String({ description: '下载地址' }),
  });

  app.get(
    '/api/v1/requests/:id/documents',
    {
      schema: {
        tags,
        summary: '某一申请已签发的文书（编号、标题、PDF 下载地址）',
        params: Type.Object({ id: Type.String() }),
        response: { 200: Type.Object({ items: Type.Array(DocumentItem) }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const { id } = req.params as { id: string };
      if (!(await seesRequest(req, id, null))) throw new AppError('request.not_found');
      const docs = await listDocuments(db, req.actor.tenantId, id);
      return {
        items: docs.map((d) => ({
          id: d.id,
          kind: d.kind,
          number: d.number,
          title: d.title,
          issuedAt: d.issuedAt,
          pdf: `/admin/requests/documents/${d.id}/pdf`,
        })),
      };
    },
  );

  app.get(
    '/api/v1/requests/document-templates',
    {
      schema: {
        tags,
        summary: '依申请公开文书模板（含系统默认）',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                kind: Type.Union(DOCUMENT_KINDS.map((k) => Type.Literal(k))),
                title: Type.String(),
                numberLine: Type.String(),
                addressee: Type.String(),
                body: Type.String(),
                signature: Type.String(),
                version: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      requirePermission(req.actor, 'request.view');
      const list = await listTemplates(db, req.actor.tenantId);
      return {
        items: list.map(({ kind, title, numberLine, addressee, body, signature, version }) => ({
          kind,
          title,
          numberLine,
          addressee,
          body,
          signature,
          version,
        })),
      };
    },
  );
}
