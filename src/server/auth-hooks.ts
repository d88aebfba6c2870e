import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { anonymousActor, loadPersonActor } from '../auth/actor.ts';
import { parseSessionCookie, randomSecret, resolveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { parseBearer, resolveToken } from '../auth/tokens.ts';
import { AppError } from '../lib/errors.ts';

export const ANON_CSRF_COOKIE = 'gk_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NO_IDENTITY = /^\/(static\/|healthz(\?|$))/;
/** With an initial or reset password, the back office, tokens and the API (but for the session and the password change) wait until it is changed. */
const PASSWORD_CHANGE_BLOCKED = /^\/(admin|account\/tokens|api\/)/;
const PASSWORD_CHANGE_ALLOWED = /^\/api\/v1\/(session|me\/password)(\?.*)?$/;

/**
 * Resolves who is asking (bearer token, else session cookie, else anonymous) and enforces CSRF
 * on every state-changing request that a browser could forge: session-authenticated ones must
 * echo the session's token; anonymous form posts (sign-in) must echo the gk_csrf cookie.
 */
export function registerAuthHooks(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    const { db, tenantId, clock, config } = app.gk;
    req.now = clock();
    req.session = null;
    req.authVia = 'none';
    req.actor = anonymousActor(tenantId);
    // Assets and the health check need nobody's identity: no session or token lookups on that path.
    if (NO_IDENTITY.test(req.url)) {
      req.csrfToken = '';
      return;
    }

    const bearer = parseBearer(req.headers.authorization);
    if (req.headers.authorization && !bearer) throw new AppError('auth.token_invalid', { status: 401 });
    if (bearer) {
      const personId = bearer.tenantId === tenantId ? await resolveToken(db, bearer, req.now) : null;
      const actor = personId ? await loadPersonActor(db, tenantId, personId) : null;
      if (!actor) throw new AppError('auth.token_invalid', { status: 401 });
      req.actor = actor;
      req.authVia = 'token';
      req.csrfToken = '';
      return;
    }

    const ref = parseSessionCookie(req.cookies[SESSION_COOKIE]);
    if (ref && ref.tenantId === tenantId) {
      const session = await resolveSession(db, ref, req.now);
      const actor = session ? await loadPersonActor(db, tenantId, session.personId) : null;
      if (session && actor) {
        req.session = session;
        req.actor = actor;
        req.authVia = 'session';
        req.csrfToken = session.csrfToken;
        if (
          actor.mustChangePassword &&
          PASSWORD_CHANGE_BLOCKED.test(req.url) &&
          !PASSWORD_CHANGE_ALLOWED.test(req.url)
        ) {
          if (req.url.startsWith('/api/'))
            throw new AppError('auth.password_change_required', { status: 403 });
          if (req.method === 'GET') return reply.code(303).redirect('/account?ok=must_change_password');
          throw new AppError('auth.password_change_required', { status: 403 });
        }
        return;
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    let anon = req.cookies[ANON_CSRF_COOKIE];
    if (!anon || anon.length < 20) {
      anon = randomSecret(24);
      reply.setCookie(ANON_CSRF_COOKIE, anon, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
      });
      // a freshly minted cookie cannot be echoed by this very request
      (req as FastifyRequest & { csrfFresh?: boolean }).csrfFresh = true;
    }
    req.csrfToken = anon;
  });

  // preValidation: the body is parsed by now, so a form's hidden _csrf field can be read.
  app.addHook('preValidation', async (req) => {
    if (!UNSAFE.has(req.method) || req.authVia === 'token') return;
    const sent = submittedToken(req);
    const expected = req.csrfToken;
    const fresh = (req as FastifyRequest & { csrfFresh?: boolean }).csrfFresh;
    if (!sent || !expected || fresh || !safeEqual(sent, expected))
      throw new AppError('auth.csrf_invalid', { status: 403 });
  });
}

function submittedToken(req: FastifyRequest): string | null {
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string' && header) return header;
  const body = req.body as Record<string, unknown> | undefined;
  const field = body?._csrf;
  if (typeof field === 'string') return field;
  // multipart fields arrive as { value } objects
  if (field && typeof field === 'object' && 'value' in field)
    return String((field as { value: unknown }).value);
  return null;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
