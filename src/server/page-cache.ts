import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { changeToken } from '../db/dialect.ts';
import { chinaDate } from '../disclosure/store.ts';
import { CSRF_PLACEHOLDER as PLACEHOLDER } from './auth-hooks.ts';
import { etagOf, sendConditional, type Validators } from './conditional.ts';
import { LARGE_TYPE_COOKIE } from './page.ts';

/**
 * An in-process cache of rendered pages for anonymous visitors (home, unit, column and item pages).
 *
 * Correctness: an entry is served only while the database's change token (`changeToken` in
 * src/db/dialect.ts) and the China date are what they were before the page was rendered. On SQLite
 * the token moves with every write committed by this process or by any other process on the same
 * file (other app servers, the CLI), so no page outlives a publication, revision or revocation;
 * the date covers items leaving listings on their display-until date. On PostgreSQL the token is
 * the MVCC snapshot, which every commit anywhere changes — correct across several app servers,
 * each holding its own cache. Only anonymous pages are cached (a person's page depends on
 * their grants); the visitor's form token, on the few cached pages that show a form, is a
 * placeholder in the stored HTML, filled in per response (for a visitor who has no token yet, the
 * auth hooks' onSend issues one), and the large-type preference is part of the key.
 */
// bytes of stored pages (HTML held as UTF-8 bytes, or as text at two bytes a character)
const MAX_BYTES = 16 * 1024 * 1024;

interface Entry {
  token: string;
  today: string;
  /**
   * A page that shows no form token is the same for everyone: kept as the UTF-8 bytes sent (no
   * encoding per response, and off the JS heap). One with a form keeps its text with the
   * placeholder, filled in per response.
   */
  body: Buffer | string;
  /** What the entry costs in memory, for the budget. */
  size: number;
  /** The ETag when the body is the same for everyone. */
  etag: string;
  lastModified: (string | null | undefined)[];
}

/** One cache per database handle (tests run several apps, on several databases, in one process). */
interface Store {
  entries: Map<string, Entry>;
  bytes: number;
}
const stores = new WeakMap<object, Store>();
function storeOf(db: object): Store {
  let s = stores.get(db);
  if (!s) {
    s = { entries: new Map(), bytes: 0 };
    stores.set(db, s);
  }
  return s;
}

export interface Rendered extends Validators {
  page: VNode;
}

export async function sendCachedPage(
  req: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<Rendered>,
): Promise<FastifyReply> {
  const db = req.server.gk.db;
  const cacheable = req.actor.kind === 'anonymous';
  const token = cacheable ? await changeToken(db) : null;
  if (!token) {
    const r = await render();
    return sendConditional(req, reply, `<!doctype html>${renderToString(r.page)}`, HTML, r);
  }
  const today = chinaDate(req.now);
  const key = `${req.server.gk.tenantId} ${req.cookies[LARGE_TYPE_COOKIE] === '1' ? 'L' : '-'} ${req.url}`;
  const store = storeOf(db);
  let entry = store.entries.get(key);
  if (!entry || entry.token !== token || entry.today !== today) {
    const real = req.csrfToken;
    req.csrfToken = PLACEHOLDER;
    let r: Rendered;
    try {
      r = await render();
    } finally {
      req.csrfToken = real;
    }
    const html = `<!doctype html>${renderToString(r.page)}`;
    if ((r.status ?? 200) !== 200)
      return sendConditional(req, reply, html.replaceAll(PLACEHOLDER, real), HTML, r);
    const body = html.includes(PLACEHOLDER) ? html : Buffer.from(html);
    entry = {
      token,
      today,
      body,
      size: typeof body === 'string' ? 2 * body.length : body.length,
      etag: etagOf(createHash('sha256').update(html).digest('base64url')),
      lastModified: r.lastModified ?? [],
    };
    remember(store, key, entry);
  }
  if (typeof entry.body !== 'string')
    return sendConditional(req, reply, entry.body, HTML, {
      lastModified: entry.lastModified,
      etag: entry.etag,
      showsToken: false,
    });
  // a page with a form: the visitor's own bytes, and an ETag of exactly those
  const body = entry.body.replaceAll(PLACEHOLDER, req.csrfToken);
  return sendConditional(req, reply, body, HTML, { lastModified: entry.lastModified, showsToken: true });
}

const HTML = 'text/html; charset=utf-8';

function remember(store: Store, key: string, entry: Entry) {
  const old = store.entries.get(key);
  if (old) {
    store.bytes -= old.size;
    store.entries.delete(key);
  }
  store.entries.set(key, entry);
  store.bytes += entry.size;
  // evict the oldest entries (Map keeps insertion order; a refreshed entry moves to the end)
  for (const [k, e] of store.entries) {
    if (store.bytes <= MAX_BYTES) break;
    store.entries.delete(k);
    store.bytes -= e.size;
  }
}
