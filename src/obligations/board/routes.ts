import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Permission, requirePermission } from '../../auth/policy.ts';
import { requireSignedIn } from '../../auth/routes.ts';
import { loadCalendar } from '../../calendar/tenant-calendar.ts';
import type { CatalogDomain, UnitKind } from '../../db/types.ts';
import { t } from '../../i18n/index.ts';
import { beijingDate } from '../../jobs/schedule-daily.ts';
import { isId } from '../../lib/ids.ts';
import { redirect } from '../../server/context.ts';
import { sendPage } from '../../server/html.ts';
import { pageMeta } from '../../server/page.ts';
import { CREATABLE_KINDS, UNIT_KINDS } from '../../units/kinds.ts';
import { getVisibleUnit, listVisibleUnits } from '../../units/queries.ts';
import { periodLabel } from '../periods.ts';
import { getSettings } from '../settings.ts';
import { type BoardFilter, type BoardUnit, DOMAINS } from './board-model.ts';
import { unitItems } from './board-queries.ts';
import { BoardPage, domainLabel, filterQuery, LIST_LIMIT } from './board-views.tsx';
import { DrillPage } from './drill-views.tsx';
import { buildBoardWorkbook } from './export-board.ts';
import { datesOf, type LoadBoardInput, loadBoard } from './load-board.ts';

/** Who sees the board, and what: every unit the actor holds this permission on (src/auth/policy.ts). */
export const BOARD_PERMISSION: Permission = 'obligation.view';

/** Units that head a subtree worth a board of its own (the region filter). */
const REGION_KINDS: UnitKind[] = ['region', 'county', 'township', 'street', 'party_committee'];

const signInFirst = (req: FastifyRequest) => `/signin?next=${encodeURIComponent(req.url)}`;

function toBoardUnit(u: BoardUnit): BoardUnit {
  return { id: u.id, name: u.name, code: u.code, kind: u.kind, path: u.path, depth: u.depth };
}

/** The filter from the query string; values that are not codes are ignored (the board shows all). */
async function parseFilter(req: FastifyRequest): Promise<{ filter: BoardFilter; region: BoardUnit | null }> {
  const q = req.query as Record<string, string | undefined>;
  const filter: BoardFilter = {};
  if (q.kind && q.kind in UNIT_KINDS) filter.kind = q.kind as UnitKind;
  if (q.domain && DOMAINS.includes(q.domain as CatalogDomain)) filter.domain = q.domain as CatalogDomain;
  let region: BoardUnit | null = null;
  if (q.region && isId(q.region)) {
    // A region the actor cannot see answers 404, like any unit (existence is not revealed).
    region = toBoardUnit(await getVisibleUnit(req.server.gk.db, req.actor, q.region, BOARD_PERMISSION));
    filter.regionId = region.id;
  }
  return { filter, region };
}

async function boardContext(req: FastifyRequest, overdueLimit: number | null): Promise<LoadBoardInput> {
  const { db } = req.server.gk;
  const { filter, region } = await parseFilter(req);
  const settings = await getSettings(db, req.actor.tenantId, beijingDate(req.now));
  return {
    db,
    actor: req.actor,
    perm: BOARD_PERMISSION,
    now: req.now,
    calendar: await loadCalendar(db, req.actor.tenantId),
    settings,
    filter,
    region,
    overdueLimit,
  };
}

async function regionOptions(req: FastifyRequest) {
  const units = await listVisibleUnits(req.server.gk.db, req.actor, {});
  return units
    .filter((u) => REGION_KINDS.includes(u.kind))
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((u) => ({ value: u.id, label: `${'　'.repeat(u.depth)}${u.name}` }));
}

const kindOptions = CREATABLE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }));

function sendXlsx(reply: FastifyReply, fileName: string, buffer: Buffer) {
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(buffer);
}

/** 合规看板: the board page, its XLSX export and the per-unit drill-down. All GET, no writes. */
export function registerBoardRoutes(app: FastifyInstance): void {
  app.get('/admin/obligations', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, signInFirst(req));
    requirePermission(req.actor, BOARD_PERMISSION);
    const input = await boardContext(req, LIST_LIMIT);
    const board = await loadBoard(input);
    return sendPage(
      reply,
      BoardPage({
        ...pageMeta(req, t('board.title'), 'admin'),
        board,
        dueSoonDays: input.settings.dueSoonDays,
        regions: await regionOptions(req),
        kinds: kindOptions,
        periodLabel,
      }),
    );
  });

  app.get('/admin/obligations/export.xlsx', async (req, reply) => {
    requireSignedIn(req);
    requirePermission(req.actor, BOARD_PERMISSION);
    const board = await loadBoard(await boardContext(req, null));
    const buffer = await buildBoardWorkbook(board, {
      tenantName: req.server.gk.tenantName,
      regionLabel: board.region?.name ?? t('board.whole_scope'),
      kindLabel: board.filter.kind ? t(`kind.${board.filter.kind}`) : t('common.all'),
      domainLabel: board.filter.domain ? domainLabel(board.filter.domain) : t('common.all'),
      periodLabel,
    });
    return sendXlsx(reply, `${t('board.title')}-${board.dates.today}.xlsx`, buffer);
  });

  app.get('/admin/obligations/unit/:unitId', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, signInFirst(req));
    requirePermission(req.actor, BOARD_PERMISSION);
    const input = await boardContext(req, 0);
    const id = (req.params as { unitId: string }).unitId;
    const unit = toBoardUnit(await getVisibleUnit(input.db, req.actor, id, BOARD_PERMISSION));
    const dates = datesOf(input);
    const set = { tenantId: req.actor.tenantId, domain: input.filter.domain };
    const rows = await unitItems(input.db, set, dates, unit.id);
    return sendPage(
      reply,
      DrillPage({
        ...pageMeta(req, t('board.drill_title', { unit: unit.name }), 'admin'),
        unit,
        domain: input.filter.domain ?? null,
        today: dates.today,
        items: rows.map((r) => ({ ...r, period: r.title ?? periodLabel(r.periodKey) })),
        onTime: rows.filter((r) => r.cls === 'on_time').length,
        backHref: `/admin/obligations${filterQuery(input.filter)}`,
      }),
    );
  });
}
