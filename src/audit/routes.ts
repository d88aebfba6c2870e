import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { requirePermission } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import { t } from '../i18n/index.ts';
import { parse } from '../lib/validate.ts';
import { redirect } from '../server/context.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import { listAudit } from './queries.ts';
import { AuditPage } from './views.tsx';

const PAGE = 50;
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const AuditQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  actor: Type.Optional(Type.String({ maxLength: 60 })),
  targetId: Type.Optional(Type.String({ maxLength: 40 })),
  unitId: Type.Optional(Type.String({ maxLength: 40 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
});
const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  unitId: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export function registerAuditRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/admin/audit', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/audit');
    requirePermission(req.actor, 'audit.view');
    const f = parse(AuditQuery, req.query);
    const page = f.page ?? 1;
    const rows = await listAudit(db, req.actor, { ...f, limit: PAGE + 1, offset: (page - 1) * PAGE });
    return sendPage(
      reply,
      AuditPage({
        ...pageMeta(req, t('admin.audit'), 'admin'),
        rows: rows.slice(0, PAGE),
        filter: f,
        page,
        hasMore: rows.length > PAGE,
      }),
    );
  });

  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志 (append-only; newest first; 50 per page)',
        querystring: AuditQuery,
        response: {
          200: Type.Object({ items: Type.Array(AuditEntry), page: Type.Integer(), hasMore: Type.Boolean() }),
        },
      },
    },
    async (req) => {
      requireSignedIn(req);
      requirePermission(req.actor, 'audit.view');
      const f = req.query as Static<typeof AuditQuery>;
      const page = f.page ?? 1;
      const rows = await listAudit(db, req.actor, { ...f, limit: PAGE + 1, offset: (page - 1) * PAGE });
      return {
        items: rows.slice(0, PAGE).map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          unitId: r.unit_id,
          summary: r.summary,
          before: r.before_json ? JSON.parse(r.before_json) : null,
          after: r.after_json ? JSON.parse(r.after_json) : null,
        })),
        page,
        hasMore: rows.length > PAGE,
      };
    },
  );
}
