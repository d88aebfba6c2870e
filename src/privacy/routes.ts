import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { coversWholeTenant, requirePermission } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import { t } from '../i18n/index.ts';
import { opContext, redirect } from '../server/context.ts';
import { formBody, handleForm } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import type { ErrorMap } from '../views/form.tsx';
import { listPrivacyPatterns, type PrivacyPattern } from './pattern-store.ts';
import {
  createPrivacyPattern,
  deletePrivacyPattern,
  PrivacyPatternInput,
  updatePrivacyPattern,
} from './save-privacy-pattern.ts';
import { PrivacyPatternsPage } from './views.tsx';

const PatternView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  pattern: Type.String(),
  example: Type.String(),
  updatedAt: Type.String(),
});
const toView = (p: PrivacyPattern) => ({
  id: p.id,
  name: p.name,
  pattern: p.pattern,
  example: p.example,
  updatedAt: p.updated_at,
});
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
const tags = ['privacy'];
const BASE = '/admin/settings/privacy-patterns';

/** The office's privacy patterns: the settings page and /api/v1/privacy-patterns. */
export function registerPrivacyRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  const page = async (
    req: FastifyRequest,
    extra: {
      values?: Record<string, string>;
      editing?: string | null;
      errors?: ErrorMap;
      message?: string;
    } = {},
  ) =>
    PrivacyPatternsPage({
      ...pageMeta(req, t('privacy_pattern.title'), 'admin'),
      patterns: await listPrivacyPatterns(db, req.actor.tenantId),
      canManage: coversWholeTenant(req.actor, 'unit.manage'),
      ...extra,
    });

  app.get(BASE, async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, `/signin?next=${BASE}`);
    requirePermission(req.actor, 'unit.manage');
    return sendPage(reply, await page(req));
  });
  app.post(BASE, async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body) as Record<string, string>;
    const ok = await handleForm(
      reply,
      () => createPrivacyPattern(opContext(req), body),
      (errors, message) => page(req, { values: body, editing: null, errors, message }),
    );
    return ok ? redirect(reply, BASE, 'privacy_pattern_saved') : reply;
  });
  app.post(`${BASE}/:id`, async (req, reply) => {
    requireSignedIn(req);
    const { id } = req.params as { id: string };
    const body = formBody(req.body) as Record<string, string>;
    const ok = await handleForm(
      reply,
      () => updatePrivacyPattern(opContext(req), id, body),
      (errors, message) => page(req, { values: body, editing: id, errors, message }),
    );
    return ok ? redirect(reply, BASE, 'privacy_pattern_saved') : reply;
  });
  app.post(`${BASE}/:id/delete`, async (req, reply) => {
    requireSignedIn(req);
    await deletePrivacyPattern(opContext(req), (req.params as { id: string }).id);
    return redirect(reply, BASE, 'privacy_pattern_deleted');
  });

  app.get(
    '/api/v1/privacy-patterns',
    {
      schema: {
        tags,
        summary: '个人信息检查的自定义规则（全县）',
        response: { 200: Type.Object({ items: Type.Array(PatternView) }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      requirePermission(req.actor, 'unit.manage');
      return { items: (await listPrivacyPatterns(db, req.actor.tenantId)).map(toView) };
    },
  );
  app.post(
    '/api/v1/privacy-patterns',
    {
      schema: {
        tags,
        summary: '新增自定义规则（校验正则：长度、可编译、无灾难性回溯、能匹配示例）',
        body: PrivacyPatternInput,
        response: { 201: PatternView },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      return reply.code(201).send(toView(await createPrivacyPattern(opContext(req), req.body)));
    },
  );
  app.put(
    '/api/v1/privacy-patterns/:id',
    {
      schema: {
        tags,
        summary: '修改自定义规则',
        params: IdParams,
        body: PrivacyPatternInput,
        response: { 200: PatternView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return toView(await updatePrivacyPattern(opContext(req), (req.params as { id: string }).id, req.body));
    },
  );
  app.delete(
    '/api/v1/privacy-patterns/:id',
    { schema: { tags, summary: '删除自定义规则', params: IdParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      requireSignedIn(req);
      await deletePrivacyPattern(opContext(req), (req.params as { id: string }).id);
      return reply.code(204).send();
    },
  );
}
