import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { can, hasPermissionSomewhere, requirePermission } from '../auth/policy.ts';
import { requireSignedIn } from '../auth/routes.ts';
import { t } from '../i18n/index.ts';
import { opContext, redirect } from '../server/context.ts';
import { formBody, handleForm } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { pageMeta } from '../server/page.ts';
import { listVisibleUnits } from '../units/queries.ts';
import type { ErrorMap } from '../views/form.tsx';
import { createPerson } from './create-person.ts';
import { grantRole } from './grant-role.ts';
import { getVisiblePerson, listGrantsOfPerson, listVisiblePeople, toPersonView } from './queries.ts';
import { resetPassword } from './reset-password.ts';
import { revokeGrant } from './revoke-grant.ts';
import {
  CreatePersonInput,
  GrantRoleInput,
  GrantView,
  PersonView,
  ResetPasswordInput,
  UpdatePersonInput,
} from './schemas.ts';
import { updatePerson } from './update-person.ts';
import { NewPersonPage, PeopleListPage, PersonDetailPage, type PersonFormValues } from './views.tsx';

const tags = ['people'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });
const Ok = Type.Object({ ok: Type.Boolean() });

function toGrantView(g: Awaited<ReturnType<typeof listGrantsOfPerson>>[number]) {
  return {
    id: g.id,
    personId: g.person_id,
    role: g.role,
    unitId: g.unit_id,
    unitName: g.unit_name,
    coversSubtree: g.covers_subtree === 1,
    createdAt: g.created_at,
    revokedAt: g.revoked_at,
  };
}

export function registerPeopleRoutes(app: FastifyInstance): void {
  const { db } = app.gk;
  const demoMode = () => app.gk.config.demo;
  const unitsWith = async (req: FastifyRequest, perm: 'person.manage' | 'grant.manage') =>
    (await listVisibleUnits(db, req.actor, {})).filter((u) => can(req.actor, perm, u));

  // ---- pages
  app.get('/admin/people', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/admin/people');
    requirePermission(req.actor, 'person.view');
    const q = req.query as { q?: string; unitId?: string };
    const people = await listVisiblePeople(db, req.actor, {
      q: q.q || undefined,
      unitId: q.unitId || undefined,
    });
    return sendPage(
      reply,
      PeopleListPage({
        ...pageMeta(req, t('admin.people'), 'admin'),
        people,
        q: q.q ?? '',
        unitId: q.unitId ?? '',
        units: await listVisibleUnits(db, req.actor, {}),
        canCreate: hasPermissionSomewhere(req.actor, 'person.manage'),
      }),
    );
  });

  const newPage = async (
    req: FastifyRequest,
    values: PersonFormValues,
    errors?: ErrorMap,
    message?: string,
  ) =>
    NewPersonPage({
      ...pageMeta(req, t('person.new'), 'admin'),
      values,
      units: await unitsWith(req, 'person.manage'),
      errors,
      message,
    });

  app.get('/admin/people/new', async (req, reply) => {
    requireSignedIn(req);
    requirePermission(req.actor, 'person.manage');
    return sendPage(reply, await newPage(req, { unitId: (req.query as { unitId?: string }).unitId }));
  });

  app.post('/admin/people', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    const r = await handleForm(
      reply,
      () => createPerson(opContext(req), body, { demoMode: demoMode() }),
      (errors, message) => newPage(req, body as PersonFormValues, errors, message),
    );
    if (!r) return reply;
    return redirect(reply, `/admin/people/${r.id}`, 'person_created');
  });

  const detailPage = async (
    req: FastifyRequest,
    id: string,
    extra: {
      errors?: ErrorMap;
      message?: string;
      values?: PersonFormValues & { role?: string; grantUnitId?: string };
    } = {},
  ) => {
    const person = await getVisiblePerson(db, req.actor, id);
    const grants = await listGrantsOfPerson(db, req.actor.tenantId, id);
    const visibleUnits = await listVisibleUnits(db, req.actor, { status: 'all' });
    const byId = new Map(visibleUnits.map((u) => [u.id, u]));
    const canManage =
      person.unit_id !== null &&
      can(req.actor, 'person.manage', {
        id: person.unit_id,
        path: person.unit_path!,
        sphere: person.unit_sphere!,
      });
    return PersonDetailPage({
      ...pageMeta(req, person.display_name, 'admin'),
      person,
      grants: grants.map((g) => {
        const u = byId.get(g.unit_id);
        return { ...g, canRevoke: !!u && can(req.actor, 'grant.manage', { ...u, status: 'active' }) };
      }),
      units: await unitsWith(req, 'person.manage'),
      grantUnits: await unitsWith(req, 'grant.manage'),
      canManage,
      ...extra,
    });
  };

  app.get('/admin/people/:id', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, `/signin?next=${encodeURIComponent(req.url)}`);
    return sendPage(reply, await detailPage(req, (req.params as { id: string }).id));
  });

  app.post('/admin/people/:id', async (req, reply) => {
    requireSignedIn(req);
    const id = (req.params as { id: string }).id;
    const body = formBody(req.body);
    const ok = await handleForm(
      reply,
      async () => {
        await updatePerson(opContext(req), id, body);
        return true;
      },
      (errors, message) => detailPage(req, id, { errors, message, values: body as PersonFormValues }),
    );
    return ok ? redirect(reply, `/admin/people/${id}`, 'person_saved') : reply;
  });

  app.post('/admin/people/:id/password', async (req, reply) => {
    requireSignedIn(req);
    const id = (req.params as { id: string }).id;
    const body = formBody(req.body);
    const ok = await handleForm(
      reply,
      async () => {
        await resetPassword(opContext(req), id, body, { demoMode: demoMode() });
        return true;
      },
      (errors, message) => detailPage(req, id, { errors, message }),
    );
    return ok ? redirect(reply, `/admin/people/${id}`, 'password_reset') : reply;
  });

  app.post('/admin/people/:id/grants', async (req, reply) => {
    requireSignedIn(req);
    const id = (req.params as { id: string }).id;
    const body = formBody(req.body);
    const input = {
      personId: id,
      role: body.role,
      unitId: body.unitId,
      coversSubtree: body.coversSubtree === 'true',
    };
    const ok = await handleForm(
      reply,
      async () => {
        await grantRole(opContext(req), input);
        return true;
      },
      (errors, message) =>
        detailPage(req, id, {
          errors,
          message,
          values: { role: String(body.role ?? ''), grantUnitId: String(body.unitId ?? '') },
        }),
    );
    return ok ? redirect(reply, `/admin/people/${id}`, 'grant_added') : reply;
  });

  app.post('/admin/grants/:id/revoke', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    await revokeGrant(opContext(req), (req.params as { id: string }).id);
    const back =
      typeof body.personId === 'string'
        ? `/admin/people/${encodeURIComponent(body.personId)}`
        : '/admin/people';
    return redirect(reply, back, 'grant_revoked');
  });

  // ---- API
  app.get(
    '/api/v1/people',
    {
      schema: {
        tags,
        summary: '人员列表 (people the caller may see)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          unitId: Type.Optional(Type.String({ maxLength: 40 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(PersonView) }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      requirePermission(req.actor, 'person.view');
      const rows = await listVisiblePeople(db, req.actor, req.query as never);
      return { items: rows.map(toPersonView) };
    },
  );
  app.get(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        summary: '人员详情及授权',
        params: IdParams,
        response: { 200: Type.Object({ person: PersonView, grants: Type.Array(GrantView) }) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const id = (req.params as { id: string }).id;
      const person = await getVisiblePerson(db, req.actor, id);
      const grants = await listGrantsOfPerson(db, req.actor.tenantId, id, true);
      return { person: toPersonView(person), grants: grants.map(toGrantView) };
    },
  );
  app.post(
    '/api/v1/people',
    {
      schema: {
        tags,
        summary: '新建人员',
        body: CreatePersonInput,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      return reply.code(201).send(await createPerson(opContext(req), req.body, { demoMode: demoMode() }));
    },
  );
  app.patch(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        summary: '修改人员（含停用/启用）',
        params: IdParams,
        body: UpdatePersonInput,
        response: { 200: Ok },
      },
    },
    async (req) => {
      requireSignedIn(req);
      await updatePerson(opContext(req), (req.params as { id: string }).id, req.body);
      return { ok: true };
    },
  );
  app.post(
    '/api/v1/people/:id/password-reset',
    {
      schema: {
        tags,
        summary: '重置密码（下次登录须修改）',
        params: IdParams,
        body: ResetPasswordInput,
        response: { 200: Ok },
      },
    },
    async (req) => {
      requireSignedIn(req);
      await resetPassword(opContext(req), (req.params as { id: string }).id, req.body, {
        demoMode: demoMode(),
      });
      return { ok: true };
    },
  );
  app.post(
    '/api/v1/grants',
    {
      schema: {
        tags,
        summary: '授予角色',
        body: GrantRoleInput,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      return reply.code(201).send(await grantRole(opContext(req), req.body));
    },
  );
  app.delete(
    '/api/v1/grants/:id',
    { schema: { tags, summary: '撤销授权', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      requireSignedIn(req);
      await revokeGrant(opContext(req), (req.params as { id: string }).id);
      return { ok: true };
    },
  );
}
