import type { FastifyInstance } from 'fastify';
import { requirePermission, unitVisibility } from '../auth/policy.ts';
import { engagementTodos } from '../engagement/dashboard.tsx';
import { t } from '../i18n/index.ts';
import { overdueRequestsFor } from '../requests/dashboard.tsx';
import { chinaDate } from '../requests/store.ts';
import { redirect } from '../server/context.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import { UNIT_KINDS } from '../units/kinds.ts';
import { Dashboard } from './views.tsx';

const KIND_ORDER = Object.keys(UNIT_KINDS);

export function registerAdminRoutes(app: FastifyInstance): void {
  app.get('/admin', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin');
    requirePermission(req.actor, 'admin.enter');
    const { db } = app.gk;
    const counts = await db
      .selectFrom('units as u')
      .select(['u.kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('u.tenant_id', '=', req.actor.tenantId)
      .where('u.status', '=', 'active')
      .where(unitVisibility(req.actor, 'unit.view', 'u'))
      .groupBy('u.kind')
      .execute();
    const grants = await db
      .selectFrom('grants as g')
      .innerJoin('units as u', (j) =>
        j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.unit_id'),
      )
      .select(['g.role', 'g.covers_subtree', 'u.name'])
      .where('g.tenant_id', '=', req.actor.tenantId)
      .where('g.person_id', '=', req.actor.personId!)
      .where('g.revoked_at', 'is', null)
      .where('u.status', '=', 'active')
      .execute();
    return sendPage(
      reply,
      Dashboard({
        ...pageMeta(req, t('admin.dashboard'), 'admin'),
        counts: counts
          .map((c) => ({ kind: c.kind, n: Number(c.n) }))
          .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)),
        overdueRequests: await overdueRequestsFor(db, req.actor, chinaDate(req.now)),
        engagementTodos: await engagementTodos(db, req.actor, chinaDate(req.now)),
        grants: grants.map((g) => ({
          role: g.role,
          unitName: g.name,
          coversSubtree: g.covers_subtree === 1,
        })),
      }),
    );
  });
}
