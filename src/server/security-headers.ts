import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

/**
 * The security headers (CSP, frame options, nosniff, HSTS…) as helmet computes them, but computed
 * once at start and set by one hook. @fastify/helmet builds a new helmet middleware for every
 * request (re-parsing and re-validating the CSP directives each time: ~4% of a cached page's CPU)
 * and adds two hooks; this app uses one fixed policy and no per-route options or CSP nonces, so
 * the headers are the same for every response.
 */
type Middleware = (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
type Helmet = (options: Record<string, unknown>) => Middleware;

// helmet is @fastify/helmet's dependency: resolved from there, so it is exactly the version the
// plugin would run.
const require = createRequire(import.meta.url);
const helmet = createRequire(require.resolve('@fastify/helmet'))('helmet') as Helmet;

/** The headers helmet would set with these options, in order, as [name, value] pairs. */
export function securityHeaders(options: Record<string, unknown>): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader(name: string, value: unknown) {
      headers.set(name.toLowerCase(), String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let failure: unknown = null;
  helmet(options)({}, res, (err) => {
    failure = err ?? null;
  });
  if (failure) throw failure;
  return [...headers];
}

/** Sets the headers on every response (pages, API, assets and error pages alike). */
export function registerSecurityHeaders(app: FastifyInstance, options: Record<string, unknown>): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of headers) res.setHeader(name, value);
    done();
  });
}
