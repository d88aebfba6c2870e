import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import type { SessionInfo } from '../auth/sessions.ts';
import type { Db } from '../db/types.ts';
import type { OpContext } from '../lib/context.ts';
import type { Config } from './config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    gk: AppServices;
  }
  interface FastifyRequest {
    actor: Actor;
    session: SessionInfo | null;
    /** How the actor was authenticated: drives the CSRF rule. */
    authVia: 'session' | 'token' | 'none';
    now: Date;
    csrfToken: string;
  }
}

export interface AppServices {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  config: Config;
  /** Time is an input (ARCHITECTURE rule 3): tests pass a fixed clock. */
  clock: () => Date;
  tenantId: string;
  tenantName: string;
  /** Every registered route (method, url): used by the audit-completeness test and docs. */
  routes: { method: string; url: string }[];
}

/** The operation context for this request: same operations for pages, API and CLI. */
export function opContext(req: FastifyRequest): OpContext {
  const { smtpUrl, publicUrl } = req.server.gk.config;
  return {
    db: req.server.gk.db,
    actor: req.actor,
    now: req.now,
    requestId: req.id,
    ip: req.ip,
    mail: { mailEnabled: smtpUrl !== null, publicUrl },
  };
}

export function isApi(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/');
}

export function redirect(reply: FastifyReply, to: string, flash?: string): FastifyReply {
  const url = flash ? `${to}${to.includes('?') ? '&' : '?'}ok=${encodeURIComponent(flash)}` : to;
  return reply.code(303).redirect(url);
}
