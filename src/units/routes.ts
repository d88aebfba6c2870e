import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { can, hasPermissionSomewhere, requirePermission } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import type { Unit } from '../db/types.ts';
import { t } from '../i18n/index.ts';
import { opContext, redirect } from '../server/context.ts';
import { formBody, handleForm } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import type { ErrorMap } from '../views/form.tsx';
import { createUnit } from './create-unit.ts';
import { moveUnit } from './move-unit.ts';
import { buildTree, findUnit, getVisibleUnit, listVisibleUnits, toUnitView } from './queries.ts';
import { retireUnit } from './retire-unit.ts';
import { CreateUnitInput, MoveUnitInput, RetireUnitInput, UnitView, UpdateUnitInput } from './schemas.ts';
import { updateUnit } from './update-unit.ts';
import { NewUnitPage, UnitDetailPage, type UnitFormValues, UnitTreePage } from './views.tsx';

const tags = ['units'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  kind: Type.Optional(Type.String({ maxLength: 30 })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('retired'), Type.Literal('all')])),
  parentId: Type.Optional(Type.String({ maxLength: 40 })),
});

async function manageableUnits(req: FastifyRequest): Promise<Unit[]> {
  const all = await listVisibleUnits(req.server.gk.db, req.actor, {});
  return all.filter((u) => can(req.actor, 'unit.manage', u));
}

export function registerUnitRoutes(app: FastifyInstance): void {
  const { db } = app.gk;

  // ---- pages
  app.get('/admin/units', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/units');
    requirePermission(req.actor, 'unit.view');
    const q = req.query as Record<string, string | undefined>;
    const status = q.status === 'retired' || q.status === 'all' ? q.status : 'active';
    const units = await listVisibleUnits(db, req.actor, {
      q: q.q || undefined,
      kind: q.kind || undefined,
      status,
    });
    return sendPage(
      reply,
      UnitTreePage({
        ...pageMeta(req, t('admin.units'), 'admin'),
        tree: buildTree(units),
        total: units.length,
        q: q.q ?? '',
        kind: q.kind ?? '',
        status,
        canCreate: hasPermissionSomewhere(req.actor, 'unit.manage'),
      }),
    );
  });

  const newUnitPage = async (
    req: FastifyRequest,
    values: UnitFormValues,
    errors?: ErrorMap,
    message?: string,
  ) => {
    const parents = await manageableUnits(req);
    const hosts = (await listVisibleUnits(db, req.actor, {})).filter((u) => u.sphere === 'government');
    return NewUnitPage({ ...pageMeta(req, t('unit.new'), 'admin'), values, parents, hosts, errors, message });
  };

  app.get('/admin/units/new', async (req, reply) => {
    requireSignedIn(req);
    requirePermission(req.actor, 'unit.manage');
    const parentId = (req.query as { parentId?: string }).parentId;
    return sendPage(reply, await newUnitPage(req, { parentId }));
  });

  app.post('/admin/units', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    const unit = await handleForm(
      reply,
      () => createUnit(opContext(req), body),
      (errors, message) => newUnitPage(req, body as UnitFormValues, errors, message),
    );
    if (!unit) return reply;
    return redirect(reply, `/admin/units/${unit.id}`, 'unit_created');
  });

  const detailPage = async (
    req: FastifyRequest,
    id: string,
    extra: { errors?: ErrorMap; message?: string; values?: UnitFormValues & { reason?: string } } = {},
  ) => {
    const unit = await getVisibleUnit(db, req.actor, id);
    const ancestorIds = unit.path.split('/').filter((x) => x && x !== unit.id);
    const ancestors = await listVisibleUnits(db, req.actor, { status: 'all', ids: ancestorIds });
    const children = await listVisibleUnits(db, req.actor, { parentId: unit.id, status: 'all' });
    const canManage = can(req.actor, 'unit.manage', unit);
    const moveTargets = canManage
      ? (await manageableUnits(req)).filter((u) => !u.path.startsWith(unit.path) && u.id !== unit.parent_id)
      : [];
    const people = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', unit.tenant_id)
      .where('unit_id', '=', unit.id)
      .executeTakeFirstOrThrow();
    const parent = unit.parent_id ? ((await findUnit(db, unit.tenant_id, unit.parent_id)) ?? null) : null;
    return UnitDetailPage({
      ...pageMeta(req, unit.name, 'admin'),
      unit,
      parent,
      ancestors: ancestors.sort((a, b) => a.depth - b.depth),
      children,
      canManage,
      moveTargets,
      peopleCount: Number(people.n),
      ...extra,
    });
  };

  app.get('/admin/units/:id', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, `/signin?next=${encodeURIComponent(req.url)}`);
    return sendPage(reply, await detailPage(req, (req.params as { id: string }).id));
  });

  for (const [suffix, op] of [
    ['', (r: FastifyRequest, id: string, b: unknown) => updateUnit(opContext(r), id, b)],
    ['/move', (r: FastifyRequest, id: string, b: unknown) => moveUnit(opContext(r), id, b)],
    ['/retire', (r: FastifyRequest, id: string, b: unknown) => retireUnit(opContext(r), id, b)],
  ] as const) {
    app.post(`/admin/units/:id${suffix}`, async (req, reply) => {
      requireSignedIn(req);
      const id = (req.params as { id: string }).id;
      const body = formBody(req.body);
      const done = await handleForm(
        reply,
        () => op(req, id, body),
        (errors, message) => detailPage(req, id, { errors, message, values: body as UnitFormValues }),
      );
      if (!done) return reply;
      const flash = suffix === '' ? 'unit_saved' : suffix === '/move' ? 'unit_moved' : 'unit_retired';
      return redirect(reply, `/admin/units/${id}`, flash);
    });
  }

  // ---- API
  const listResponse = Type.Object({ items: Type.Array(UnitView), total: Type.Integer() });
  app.get(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: '单位列表 (units the caller may see, tree order)',
        querystring: ListQuery,
        response: { 200: listResponse },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const q = req.query as {
        q?: string;
        kind?: string;
        status?: 'active' | 'retired' | 'all';
        parentId?: string;
      };
      const items = await listVisibleUnits(db, req.actor, q);
      return { items: items.map(toUnitView), total: items.length };
    },
  );
  app.get(
    '/api/v1/units/:id',
    { schema: { tags, summary: '单位详情', params: IdParams, response: { 200: UnitView } } },
    async (req) => {
      requireSignedIn(req);
      return toUnitView(await getVisibleUnit(db, req.actor, (req.params as { id: string }).id));
    },
  );
  app.post(
    '/api/v1/units',
    { schema: { tags, summary: '新建单位', body: CreateUnitInput, response: { 201: UnitView } } },
    async (req, reply) => {
      requireSignedIn(req);
      return reply.code(201).send(toUnitView(await createUnit(opContext(req), req.body)));
    },
  );
  app.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: '修改单位（更名、联系方式）',
        params: IdParams,
        body: UpdateUnitInput,
        response: { 200: UnitView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return toUnitView(await updateUnit(opContext(req), (req.params as { id: string }).id, req.body));
    },
  );
  app.post(
    '/api/v1/units/:id/move',
    {
      schema: {
        tags,
        summary: '移动单位（连同下级）',
        params: IdParams,
        body: MoveUnitInput,
        response: { 200: UnitView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return toUnitView(await moveUnit(opContext(req), (req.params as { id: string }).id, req.body));
    },
  );
  app.post(
    '/api/v1/units/:id/retire',
    {
      schema: {
        tags,
        summary: '撤销单位（不删除记录）',
        params: IdParams,
        body: RetireUnitInput,
        response: { 200: UnitView },
      },
    },
    async (req) => {
      requireSignedIn(req);
      return toUnitView(await retireUnit(opContext(req), (req.params as { id: string }).id, req.body));
    },
  );
}
