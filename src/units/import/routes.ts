import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requirePermission } from '../../auth/policy.ts';
import { requireSignedIn } from '../../auth/routes.ts';
import { t } from '../../i18n/index.ts';
import { AppError, isAppError } from '../../lib/errors.ts';
import { opContext, redirect } from '../../server/context.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import { commitUnitImport } from './commit-unit-import.ts';
import { previewUnitImport } from './preview-unit-import.ts';
import { getUnitImport } from './queries.ts';
import { unitImportTemplate } from './unit-import-template.ts';
import { errorText, ImportPreviewPage, ImportUploadPage } from './views.tsx';

const tags = ['units'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
const ImportErrorView = Type.Object({
  row: Type.Optional(Type.Integer()),
  field: Type.Optional(Type.String()),
  code: Type.String(),
  message: Type.String(),
});
const BatchView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  status: Type.String(),
  rows: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Integer()]))),
  errors: Type.Array(ImportErrorView),
});

/** The uploaded file from a multipart body (buffered by the multipart plugin's onFile). */
function uploadedFile(req: FastifyRequest): { fileName: string; buffer: Buffer } {
  const part = (req.body as Record<string, unknown> | undefined)?.file as
    | { filename?: string; value?: unknown; type?: string }
    | undefined;
  if (part?.type !== 'file' || !Buffer.isBuffer(part.value) || part.value.length === 0)
    throw new AppError('import.file_missing', { status: 422 });
  return { fileName: part.filename ?? 'upload', buffer: part.value };
}

function batchView(b: Awaited<ReturnType<typeof getUnitImport>>) {
  return {
    id: b.id,
    fileName: b.fileName,
    status: b.status,
    rows: b.rows,
    errors: b.errors.map((e) => ({ row: e.row, field: e.field, code: e.code, message: errorText(e) })),
  };
}

export function registerUnitImportRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/admin/units/import', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/units/import');
    requirePermission(req.actor, 'unit.manage');
    return sendPage(reply, ImportUploadPage(pageMeta(req, t('import.title'), 'admin')));
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/admin/units/import/template.${format}`, async (req, reply) => {
      requireSignedIn(req);
      requirePermission(req.actor, 'unit.manage');
      const body = await unitImportTemplate(format);
      return reply
        .type(
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`单位导入模板.${format}`)}`,
        )
        .send(body);
    });
  }

  app.post('/admin/units/import', async (req, reply) => {
    requireSignedIn(req);
    try {
      const preview = await previewUnitImport(opContext(req), uploadedFile(req));
      return redirect(reply, `/admin/units/import/${preview.id}`);
    } catch (e) {
      if (!isAppError(e) || e.status >= 500 || e.status === 404) throw e;
      const page = ImportUploadPage({
        ...pageMeta(req, t('import.title'), 'admin'),
        message: t(e.code, e.params),
      });
      return sendPage(reply, page, e.status);
    }
  });

  app.get('/admin/units/import/:id', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/units/import');
    const batch = await getUnitImport(db, req.actor, (req.params as { id: string }).id);
    return sendPage(reply, ImportPreviewPage({ ...pageMeta(req, t('import.title'), 'admin'), batch }));
  });

  app.post('/admin/units/import/:id/commit', async (req, reply) => {
    requireSignedIn(req);
    const id = (req.params as { id: string }).id;
    try {
      await commitUnitImport(opContext(req), id);
      return redirect(reply, '/admin/units', 'import_committed');
    } catch (e) {
      if (!isAppError(e) || e.status >= 500 || e.status === 404) throw e;
      const batch = await getUnitImport(db, req.actor, id);
      const page = ImportPreviewPage({
        ...pageMeta(req, t('import.title'), 'admin'),
        batch,
        message: t(e.code, e.params),
      });
      return sendPage(reply, page, e.status);
    }
  });

  // ---- API
  app.post(
    '/api/v1/unit-imports',
    {
      schema: {
        tags,
        summary: '上传单位文件并预览 (multipart/form-data, field "file": CSV or XLSX with Chinese headers)',
        consumes: ['multipart/form-data'],
        response: { 201: BatchView },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const preview = await previewUnitImport(opContext(req), uploadedFile(req));
      return reply.code(201).send(batchView(await getUnitImport(db, req.actor, preview.id)));
    },
  );
  app.get(
    '/api/v1/unit-imports/:id',
    { schema: { tags, summary: '导入批次（预览结果）', params: IdParams, response: { 200: BatchView } } },
    async (req) => {
      requireSignedIn(req);
      return batchView(await getUnitImport(db, req.actor, (req.params as { id: string }).id));
    },
  );
  app.post(
    '/api/v1/unit-imports/:id/commit',
    {
      schema: {
        tags,
        summary: '提交导入（全部成功或全部不导入）',
        params: IdParams,
        response: { 200: Type.Object({ id: Type.String(), count: Type.Integer() }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const r = await commitUnitImport(opContext(req), (req.params as { id: string }).id);
      return { id: r.id, count: r.count };
    },
  );
}
