import type { FastifyInstance } from 'fastify';
import { t } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import { buildTree, findUnit } from '../units/queries.ts';
import { findPublicUnitByCode, listPublicUnits } from './queries.ts';
import { DirectoryPage, HomePage, UnitPage } from './views.tsx';

export function registerPortalRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  app.get('/', async (req, reply) => {
    const units = await listPublicUnits(db, req.actor.tenantId);
    const counts: Record<string, number> = {};
    for (const u of units) {
      const key =
        u.sphere === 'party'
          ? 'party'
          : u.kind === 'street'
            ? 'township'
            : u.kind === 'community'
              ? 'village'
              : u.kind;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const govTree = buildTree(units.filter((u) => u.sphere === 'government'));
    const townships = govTree
      .flatMap((n) => (n.unit.kind === 'county' ? n.children : [n]))
      .filter((n) => n.unit.kind === 'township' || n.unit.kind === 'street');
    return sendPage(
      reply,
      HomePage({
        ...pageMeta(req, t('nav.portal'), 'portal'),
        townships,
        departments: units.filter((u) => u.kind === 'department'),
        party: units.filter((u) => u.kind === 'party_committee'),
        counts,
      }),
    );
  });

  app.get('/units', async (req, reply) => {
    const q = String((req.query as { q?: string }).q ?? '')
      .trim()
      .slice(0, 50);
    const units = await listPublicUnits(db, req.actor.tenantId, q || undefined);
    return sendPage(reply, DirectoryPage({ ...pageMeta(req, t('nav.directory'), 'portal'), q, units }));
  });

  app.get('/units/:code', async (req, reply) => {
    const code = (req.params as { code: string }).code;
    const unit = await findPublicUnitByCode(db, req.actor.tenantId, code);
    if (!unit) throw new AppError('error.not_found', { status: 404 });
    const parent = unit.parent_id ? ((await findUnit(db, unit.tenant_id, unit.parent_id)) ?? null) : null;
    const host = unit.host_unit_id ? ((await findUnit(db, unit.tenant_id, unit.host_unit_id)) ?? null) : null;
    const children = await listPublicUnits(db, req.actor.tenantId, undefined, unit.id);
    return sendPage(reply, UnitPage({ ...pageMeta(req, unit.name, 'portal'), unit, parent, children, host }));
  });
}
