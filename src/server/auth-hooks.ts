import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { anonymousActor, loadPersonActor } from '../auth/actor.ts';
import { parseSessionCookie, randomSecret, resolveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { parseBearer, resolveToken } from '../auth/tokens.ts';
import { AppError } from '../lib/errors.ts';
import { etagOf } from './conditional.ts';

export const ANON_CSRF_COOKIE = 'gk_csrf';
/**
 * Stands in for the form token of an anonymous visitor who has no gk_csrf cookie yet. Most
 * public pages have no form that needs one, so the token is issued lazily: a response whose body
 * contains this placeholder gets a fresh token in its place and the cookie that goes with it
 * (onSend below); any other response sets no cookie at all. The page cache stores pages with the
 * same placeholder (src/server/page-cache.ts).
 */
export const CSRF_PLACEHOLDER = 'GKCSRFPLACEHOLDER0000000000000000';

declare module 'fastify' {
  interface FastifyRequest {
    /** An anonymous visitor without a form token yet: req.csrfToken is CSRF_PLACEHOLDER. */
    csrfPending: boolean;
  }
}

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
  app.decorateRequest('csrfPending', false);
  app.addHook('onRequest', async (req, reply) => {
    const { db, tenantId, clock } = app.gk;
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
    const anon = req.cookies[ANON_CSRF_COOKIE];
    if (anon && anon.length >= 20 && anon !== CSRF_PLACEHOLDER) {
      req.csrfToken = anon;
      return;
    }
    // no token yet: issued only if this response shows a form (onSend)
    req.csrfToken = CSRF_PLACEHOLDER;
    req.csrfPending = true;
  });

  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.csrfPending && typeof payload === 'string' && payload.includes(CSRF_PLACEHOLDER))
      return done(null, issueAnonymousToken(req, reply, payload));
    done(null, payload);
  });

  // preValidation: the body is parsed by now, so a form's hidden _csrf field can be read.
  app.addHook('preValidation', async (req) => {
    if (!UNSAFE.has(req.method) || req.authVia === 'token') return;
    const sent = submittedToken(req);
    const expected = req.csrfToken;
    // a visitor without a token cookie cannot have echoed one
    if (!sent || !expected || req.csrfPending || !safeEqual(sent, expected))
      throw new AppError('auth.csrf_invalid', { status: 403 });
  });
}

/**
 * Mints the anonymous visitor's form token for a response that shows it: fills it into the body,
 * sets the cookie, keeps the ETag a digest of the bytes sent, and keeps the response out of
 * shared caches (it now carries a per-visitor secret and Set-Cookie).
 */
function issueAnonymousToken(req: FastifyRequest, reply: FastifyReply, payload: string): string {
  const token = randomSecret(24);
  req.csrfToken = token;
  req.csrfPending = false;
  reply.setCookie(ANON_CSRF_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.server.gk.config.secureCookies,
  });
  const body = payload.replaceAll(CSRF_PLACEHOLDER, token);
  // the same validator the visitor's next request computes over the same bytes (conditional.ts)
  if (reply.hasHeader('etag')) reply.header('etag', etagOf(body));
  const cc = reply.getHeader('cache-control');
  if (typeof cc === 'string' && cc.startsWith('public'))
    reply.header('cache-control', cc.replace('public', 'private'));
  return body;
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
