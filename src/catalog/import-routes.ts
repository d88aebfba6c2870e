import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requirePermission } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import { t } from '../i18n/index.ts';
import { AppError, isAppError } from '../lib/errors.ts';
import { opContext, redirect } from '../server/context.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import { commitCatalogImport } from './commit-catalog-import.ts';
import {
  type CatalogFile,
  catalogTemplate,
  exportGuidingCatalog,
  exportOwnEntries,
} from './export-catalog.ts';
import { getCatalogImport, type StoredCatalogImport } from './import-queries.ts';
import { type ImportTargetRef, resolveImportTarget } from './import-target.ts';
import { CatalogImportPreviewPage, CatalogImportUploadPage, importErrorText } from './import-views.tsx';
import { previewCatalogImport } from './preview-catalog-import.ts';

const tags = ['catalogs'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BatchView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  status: Type.String(),
  rows: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Integer()]))),
  errors: Type.Array(
    Type.Object({
      row: Type.Optional(Type.Integer()),
      field: Type.Optional(Type.String()),
      code: Type.String(),
      message: Type.String(),
    }),
  ),
});

function sendXlsx(reply: FastifyReply, f: CatalogFile) {
  return reply
    .type(XLSX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .send(f.buffer);
}

/** The uploaded file from a multipart body (buffered by the multipart plugin's onFile). */
function uploadedFile(req: FastifyRequest): { fileName: string; buffer: Buffer } {
  const part = (req.body as Record<string, unknown> | undefined)?.file as
    | { filename?: string; value?: unknown; type?: string }
    | undefined;
  if (part?.type !== 'file' || !Buffer.isBuffer(part.value) || part.value.length === 0)
    throw new AppError('catalog_import.file_missing', { status: 422 });
  return { fileName: part.filename ?? 'catalog.xlsx', buffer: part.value };
}

function batchView(b: StoredCatalogImport) {
  return {
    id: b.id,
    fileName: b.fileName,
    status: b.status,
    rows: b.rows,
    errors: b.errors.map((e) => ({ row: e.row, field: e.field, code: e.code, message: importErrorText(e) })),
  };
}

const backTo = (ref: ImportTargetRef) =>
  'catalogId' in ref
    ? { href: `/admin/catalogs/${ref.catalogId}`, label: t('catalog.back_to_catalog') }
    : { href: `/admin/units/${ref.unitId}/catalog`, label: t('catalog.back_to_unit') };

/** Export, template, and the two-step import (preview, commit): pages and API. */
export function registerCatalogImportRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/admin/catalogs/template.xlsx', async (req, reply) => {
    requireSignedIn(req);
    requirePermission(req.actor, 'catalog.view');
    return sendXlsx(reply, await catalogTemplate());
  });
  app.get('/admin/catalogs/:id/export.xlsx', async (req, reply) => {
    requireSignedIn(req);
    return sendXlsx(reply, await exportGuidingCatalog(db, req.actor, (req.params as { id: string }).id));
  });
  app.get('/admin/units/:id/catalog/export.xlsx', async (req, reply) => {
    requireSignedIn(req);
    return sendXlsx(reply, await exportOwnEntries(db, req.actor, (req.params as { id: string }).id));
  });

  const targets = [
    ['/admin/catalogs/:id/import', (id: string): ImportTargetRef => ({ catalogId: id })],
    ['/admin/units/:id/catalog/import', (id: string): ImportTargetRef => ({ unitId: id })],
  ] as const;
  for (const [url, refOf] of targets) {
    const uploadPage = async (req: FastifyRequest, message?: string) => {
      const ref = refOf((req.params as { id: string }).id);
      const target = await resolveImportTarget(db, req.actor, ref);
      return CatalogImportUploadPage({
        ...pageMeta(req, t('catalog.import_title', { target: target.label }), 'admin'),
        target: target.label,
        action: url.replace(':id', encodeURIComponent((req.params as { id: string }).id)),
        back: backTo(ref),
        message,
      });
    };
    app.get(url, async (req, reply) => {
      if (req.actor.kind !== 'person') return redirect(reply, `/signin?next=${encodeURIComponent(req.url)}`);
      return sendPage(reply, await uploadPage(req));
    });
    app.post(url, async (req, reply) => {
      requireSignedIn(req);
      const target = refOf((req.params as { id: string }).id);
      try {
        const preview = await previewCatalogImport(opContext(req), { target, ...uploadedFile(req) });
        return redirect(reply, `/admin/catalog-imports/${preview.id}`);
      } catch (e) {
        if (!isAppError(e) || e.status >= 500 || e.status === 404) throw e;
        return sendPage(reply, await uploadPage(req, t(e.code, e.params)), e.status);
      }
    });
  }

  const previewPage = (req: FastifyRequest, batch: StoredCatalogImport, message?: string) =>
    CatalogImportPreviewPage({
      ...pageMeta(req, t('catalog.import_preview_title', { file: batch.fileName }), 'admin'),
      batch,
      back: backTo(batch.target),
      message,
    });

  app.get('/admin/catalog-imports/:id', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, `/signin?next=${encodeURIComponent(req.url)}`);
    const batch = await getCatalogImport(db, req.actor, (req.params as { id: string }).id);
    return sendPage(reply, previewPage(req, batch));
  });

  app.post('/admin/catalog-imports/:id/commit', async (req, reply) => {
    requireSignedIn(req);
    const id = (req.params as { id: string }).id;
    try {
      await commitCatalogImport(opContext(req), id);
      const batch = await getCatalogImport(db, req.actor, id);
      return redirect(reply, backTo(batch.target).href, 'catalog_imported');
    } catch (e) {
      if (!isAppError(e) || e.status >= 500 || e.status === 404) throw e;
      const batch = await getCatalogImport(db, req.actor, id);
      return sendPage(reply, previewPage(req, batch, t(e.code, e.params)), e.status);
    }
  });

  // ---- API
  app.get(
    '/api/v1/catalogs/:id/export.xlsx',
    { schema: { tags, summary: '导出指导目录（XLSX，中文表头）', params: IdParams, produces: [XLSX] } },
    async (req, reply) => {
      requireSignedIn(req);
      return sendXlsx(reply, await exportGuidingCatalog(db, req.actor, (req.params as { id: string }).id));
    },
  );
  app.get(
    '/api/v1/units/:id/catalog/export.xlsx',
    { schema: { tags, summary: '导出单位自有目录条目（XLSX）', params: IdParams, produces: [XLSX] } },
    async (req, reply) => {
      requireSignedIn(req);
      return sendXlsx(reply, await exportOwnEntries(db, req.actor, (req.params as { id: string }).id));
    },
  );
  const uploads = [
    [
      '/api/v1/catalogs/:id/imports',
      '上传指导目录条目文件并预览',
      (id: string): ImportTargetRef => ({ catalogId: id }),
    ],
    [
      '/api/v1/units/:id/catalog/imports',
      '上传单位自有目录条目文件并预览',
      (id: string): ImportTargetRef => ({ unitId: id }),
    ],
  ] as const;
  for (const [url, summary, refOf] of uploads) {
    app.post(
      url,
      {
        schema: {
          tags,
          summary: `${summary} (multipart/form-data, field "file": XLSX)`,
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 201: BatchView },
        },
      },
      async (req, reply) => {
        requireSignedIn(req);
        const target = refOf((req.params as { id: string }).id);
        const preview = await previewCatalogImport(opContext(req), { target, ...uploadedFile(req) });
        return reply.code(201).send(batchView(await getCatalogImport(db, req.actor, preview.id)));
      },
    );
  }
  app.get(
    '/api/v1/catalog-imports/:id',
    { schema: { tags, summary: '目录导入批次（预览结果）', params: IdParams, response: { 200: BatchView } } },
    async (req) => {
      requireSignedIn(req);
      return batchView(await getCatalogImport(db, req.actor, (req.params as { id: string }).id));
    },
  );
  app.post(
    '/api/v1/catalog-imports/:id/commit',
    {
      schema: {
        tags,
        summary: '提交目录导入（全部成功或全部不导入）',
        params: IdParams,
        response: { 200: Type.Object({ id: Type.String(), count: Type.Integer() }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const r = await commitCatalogImport(opContext(req), (req.params as { id: string }).id);
      return { id: r.id, count: r.count };
    },
  );
}
