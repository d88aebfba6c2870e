import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { t } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import { listGrantsOfPerson } from '../people/queries.ts';
import { opContext, redirect } from '../server/context.ts';
import { formBody, handleForm } from '../server/forms.ts';
import { sendPage } from '../server/html.ts';
import { LARGE_TYPE_COOKIE, pageMeta } from '../server/page.ts';
import type { ErrorMap } from '../views/form.tsx';
import { ChangePasswordInput, changePassword } from './change-password.ts';
import { SESSION_COOKIE, SESSION_MAX_DAYS } from './sessions.ts';
import { SignInInput, signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';
import { createToken, revokeToken } from './tokens.ts';
import { AccountPage, SignInPage } from './views.tsx';

const Ok = Type.Object({ ok: Type.Boolean() });
const tags = ['session'];

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, value: string) {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.server.gk.config.secureCookies,
    maxAge: SESSION_MAX_DAYS * 86400,
  });
}

/** Only same-site relative paths are followed after sign-in (no open redirect). */
function safeNext(next: unknown): string {
  return safePath(next) ?? '/admin';
}

/** A same-site path ("/x", never "//host" or "/\\host", which browsers read as another site). */
function safePath(p: unknown): string | null {
  return typeof p === 'string' && /^\/(?!\/)[^\s\\]*$/.test(p) ? p : null;
}

export function requireSignedIn(req: FastifyRequest): void {
  if (req.actor.kind !== 'person') throw new AppError('auth.required');
}

export function registerAccountRoutes(app: FastifyInstance): void {
  const demoMode = () => app.gk.config.demo;

  // ---- pages
  app.get('/signin', async (req, reply) => {
    if (req.actor.kind === 'person') return redirect(reply, '/admin');
    const next = (req.query as { next?: string }).next;
    return sendPage(reply, SignInPage({ ...pageMeta(req, t('signin.title'), 'account'), next }));
  });

  app.post('/signin', async (req, reply) => {
    const body = formBody(req.body);
    const result = await handleForm(
      reply,
      () => signIn(opContext(req), body, { demoMode: demoMode(), userAgent: req.headers['user-agent'] }),
      (errors: ErrorMap, message) =>
        SignInPage({
          ...pageMeta(req, t('signin.title'), 'account'),
          errors,
          message,
          username: typeof body.username === 'string' ? body.username : '',
          next: typeof body.next === 'string' ? body.next : '',
        }),
    );
    if (!result) return reply;
    setSessionCookie(req, reply, result.cookieValue);
    return redirect(reply, result.mustChangePassword ? '/account' : safeNext(body.next));
  });

  app.post('/signout', async (req, reply) => {
    if (req.session) await signOut(opContext(req), req.session.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return redirect(reply, '/', 'signed_out');
  });

  // The large-type toggle (适老化) is a GET form with the wanted value, not a CSRF-protected POST:
  // it only sets this browser's display cookie (no server state), and setting an explicit value
  // is idempotent, so a forged or prefetched request can at worst change one visitor's font size.
  app.get('/preferences/large-type', async (req, reply) => {
    const q = req.query as { on?: unknown; back?: unknown };
    reply
      .setCookie(LARGE_TYPE_COOKIE, q.on === '1' ? '1' : '0', {
        path: '/',
        sameSite: 'lax',
        maxAge: 365 * 86400,
      })
      .header('cache-control', 'no-store');
    return redirect(reply, safePath(q.back) ?? '/');
  });

  const accountPage = async (
    req: FastifyRequest,
    extra: { errors?: ErrorMap; message?: string | null; newToken?: string | null } = {},
  ) => {
    requireSignedIn(req);
    const { db } = app.gk;
    const personId = req.actor.personId!;
    const person = await db
      .selectFrom('people')
      .select(['display_name', 'must_change_password'])
      .where('tenant_id', '=', req.actor.tenantId)
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const tokens = await db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
      .where('tenant_id', '=', req.actor.tenantId)
      .where('person_id', '=', personId)
      .orderBy('created_at', 'desc')
      .execute();
    const grants = await listGrantsOfPerson(db, req.actor.tenantId, personId);
    return AccountPage({
      ...pageMeta(req, t('account.title'), 'account'),
      displayName: person.display_name,
      mustChange: person.must_change_password === 1,
      tokens,
      grants: grants.map((g) => ({
        role: g.role,
        unitName: g.unit_name,
        coversSubtree: g.covers_subtree === 1,
      })),
      ...extra,
    });
  };

  app.get('/account', async (req, reply) => {
    if (req.actor.kind !== 'person') return redirect(reply, '/signin?next=/account');
    return sendPage(reply, await accountPage(req));
  });

  app.post('/account/password', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    const done = await handleForm(
      reply,
      async () => {
        await changePassword(opContext(req), body, { demoMode: demoMode(), keepSessionId: req.session?.id });
        return true;
      },
      (errors, message) => accountPage(req, { errors, message }),
    );
    if (!done) return reply;
    return redirect(reply, '/account', 'password_changed');
  });

  app.post('/account/tokens', async (req, reply) => {
    requireSignedIn(req);
    const body = formBody(req.body);
    let created: { token: string } | undefined;
    await handleForm(
      reply,
      async () => {
        created = await createToken(opContext(req), { personId: req.actor.personId, name: body.name });
      },
      (errors, message) => accountPage(req, { errors, message }),
    );
    if (!created) return reply;
    return sendPage(reply, await accountPage(req, { newToken: created.token }), 201);
  });

  app.post('/account/tokens/:id/revoke', async (req, reply) => {
    requireSignedIn(req);
    await revokeToken(opContext(req), (req.params as { id: string }).id);
    return redirect(reply, '/account', 'token_revoked');
  });

  // ---- API
  const Session = Type.Object({
    signedIn: Type.Boolean(),
    csrfToken: Type.String(),
    person: Type.Union([
      Type.Object({ id: Type.String(), username: Type.String(), name: Type.String() }),
      Type.Null(),
    ]),
    grants: Type.Array(
      Type.Object({ role: Type.String(), unitId: Type.String(), coversSubtree: Type.Boolean() }),
    ),
  });
  const sessionView = (req: FastifyRequest, csrf?: string) => ({
    signedIn: req.actor.kind === 'person',
    csrfToken: csrf ?? req.csrfToken,
    person:
      req.actor.kind === 'person'
        ? { id: req.actor.personId!, username: req.actor.username!, name: req.actor.name }
        : null,
    grants: req.actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, coversSubtree: g.coversSubtree })),
  });

  app.get(
    '/api/v1/session',
    { schema: { tags, summary: '当前会话 (who am I, CSRF token)', response: { 200: Session } } },
    async (req) => sessionView(req),
  );

  app.post(
    '/api/v1/session',
    {
      schema: {
        tags,
        summary: '登录 (sign in; sets the session cookie)',
        body: SignInInput,
        response: { 200: Type.Object({ csrfToken: Type.String(), mustChangePassword: Type.Boolean() }) },
      },
    },
    async (req, reply) => {
      const r = await signIn(opContext(req), req.body, {
        demoMode: demoMode(),
        userAgent: req.headers['user-agent'],
      });
      setSessionCookie(req, reply, r.cookieValue);
      return { csrfToken: r.session.csrfToken, mustChangePassword: r.mustChangePassword };
    },
  );

  app.delete(
    '/api/v1/session',
    { schema: { tags, summary: '退出登录 (sign out)', response: { 200: Ok } } },
    async (req, reply) => {
      if (req.session) await signOut(opContext(req), req.session.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: '修改密码 (change own password)',
        body: ChangePasswordInput,
        response: { 200: Ok },
      },
    },
    async (req) => {
      requireSignedIn(req);
      await changePassword(opContext(req), req.body, {
        demoMode: demoMode(),
        keepSessionId: req.session?.id,
      });
      return { ok: true };
    },
  );

  const TokenView = Type.Object({
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String(),
    createdAt: Type.String(),
    lastUsedAt: Type.Union([Type.String(), Type.Null()]),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
  });
  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: '我的访问令牌 (my API tokens)',
        response: { 200: Type.Array(TokenView) },
      },
    },
    async (req) => {
      requireSignedIn(req);
      const rows = await app.gk.db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
        .where('tenant_id', '=', req.actor.tenantId)
        .where('person_id', '=', req.actor.personId!)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
        revokedAt: r.revoked_at,
      }));
    },
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: '创建访问令牌 (create a token; shown once)',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 80 }),
          personId: Type.Optional(Type.String()),
        }),
        response: { 201: Type.Object({ id: Type.String(), token: Type.String(), prefix: Type.String() }) },
      },
    },
    async (req, reply) => {
      requireSignedIn(req);
      const body = req.body as { name: string; personId?: string };
      const r = await createToken(opContext(req), {
        name: body.name,
        personId: body.personId ?? req.actor.personId,
      });
      return reply.code(201).send(r);
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    { schema: { tags: ['tokens'], summary: '撤销访问令牌 (revoke a token)', response: { 200: Ok } } },
    async (req) => {
      requireSignedIn(req);
      await revokeToken(opContext(req), (req.params as { id: string }).id);
      return { ok: true };
    },
  );
}
