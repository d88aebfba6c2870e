import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * Conditional GET for public pages, feeds and the sitemap (RFC 9110 §13).
 *
 * - ETag: a digest of exactly the bytes sent. Those bytes are the data the page shows plus the
 *   visitor variant (anonymous or which person, large type, the visitor's form token), so two
 *   visitors never share a validator for different content, and any change of the data — a
 *   publication, a revision, a revocation, an item leaving the listing on its display-until date —
 *   changes it. This is always right, at the price of rendering before answering 304.
 * - Last-Modified: the newest change among the data shown (`lastModified`, ISO timestamps), sent
 *   to second precision; If-Modified-Since is only consulted when no If-None-Match was sent.
 * - Cache-Control: signed-in pages, and anonymous ones that show the visitor's form token, are
 *   `private, no-cache` (never kept by a shared cache); other anonymous ones `public, no-cache`
 *   (kept, but revalidated every time); `Vary: Cookie`.
 */
export interface Validators {
  /** ISO-8601 timestamps of what the page shows; the newest is Last-Modified. Nulls are ignored. */
  lastModified?: (string | null | undefined)[];
  status?: number;
  /** When the caller already knows a digest of the body (src/server/page-cache.ts): the ETag's input. */
  etagSeed?: string;
  /** The ETag itself, when the caller keeps it (src/server/page-cache.ts): `etagOf(digest of the body)`. */
  etag?: string;
  /** Whether the body shows the visitor's form token, when the caller knows (else it is looked for). */
  showsToken?: boolean;
}

/** The quoted ETag for a digest of the body (or of its parts). */
export function etagOf(seed: string | Buffer): string {
  return `"${createHash('sha256').update(seed).digest('base64url').slice(0, 32)}"`;
}

export function sendConditional(
  req: FastifyRequest,
  reply: FastifyReply,
  body: string | Buffer,
  contentType: string,
  v: Validators = {},
): FastifyReply {
  const status = v.status ?? 200;
  const etag = v.etag ?? etagOf(v.etagSeed ?? body);
  const newest = newestTime(v.lastModified ?? []);
  // an anonymous page is the same for everyone unless it shows the visitor's form token
  const shared =
    req.actor.kind === 'anonymous' &&
    !(v.showsToken ?? (req.csrfToken !== '' && body.includes(req.csrfToken)));
  reply
    .type(contentType)
    .header('cache-control', shared ? 'public, no-cache' : 'private, no-cache')
    .header('vary', 'Cookie, Authorization');
  if (status !== 200) return reply.code(status).send(body);
  reply.header('etag', etag);
  if (newest) reply.header('last-modified', newest.toUTCString());
  if (notModified(req, etag, newest)) return reply.code(304).send();
  return reply.code(200).send(body);
}

/** A page component, rendered and sent conditionally (the conditional form of sendPage). */
export function sendPageConditional(
  req: FastifyRequest,
  reply: FastifyReply,
  page: VNode,
  v: Validators = {},
): FastifyReply {
  return sendConditional(req, reply, `<!doctype html>${renderToString(page)}`, 'text/html; charset=utf-8', v);
}

export function notModified(req: FastifyRequest, etag: string, lastModified: Date | null): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const inm = req.headers['if-none-match'];
  if (typeof inm === 'string' && inm.trim()) {
    if (inm.trim() === '*') return true;
    // weak comparison (§13.1.2): W/ prefixes do not matter for GET
    const bare = (s: string) => s.trim().replace(/^W\//, '');
    return inm.split(',').some((t) => bare(t) === etag);
  }
  const ims = req.headers['if-modified-since'];
  if (typeof ims === 'string' && lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

function newestTime(list: (string | null | undefined)[]): Date | null {
  let best = Number.NEGATIVE_INFINITY;
  for (const s of list) {
    if (!s) continue;
    const t = Date.parse(s);
    if (!Number.isNaN(t) && t > best) best = t;
  }
  return best === Number.NEGATIVE_INFINITY ? null : new Date(best);
}
