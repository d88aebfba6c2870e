import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from '../admin/routes.ts';
import { registerAuditRoutes } from '../audit/routes.ts';
import { registerAccountRoutes } from '../auth/routes.ts';
import { registerCalendarRoutes } from '../calendar/routes.ts';
import { registerCatalogRoutes } from '../catalog/routes.ts';
import type { Db } from '../db/types.ts';
import { registerDisclosureRoutes } from '../disclosure/routes.ts';
import { registerEngagementRoutes } from '../engagement/routes.ts';
import { registerNotifyRoutes } from '../notify/routes.ts';
import { registerBoardRoutes } from '../obligations/board/routes.ts';
import { registerObligationRoutes } from '../obligations/routes.ts';
import { registerPeopleRoutes } from '../people/routes.ts';
import { registerPortalRoutes } from '../portal/routes.ts';
import { registerPrivacyRoutes } from '../privacy/routes.ts';
import { registerRequestDocumentRoutes } from '../requests/documents/routes.ts';
import { registerRequestReportRoutes } from '../requests/report/routes.ts';
import { registerRequestRoutes } from '../requests/routes.ts';
import { registerUnitImportRoutes } from '../units/import/routes.ts';
import { registerUnitRoutes } from '../units/routes.ts';
import { registerAuthHooks } from './auth-hooks.ts';
import type { Config } from './config.ts';
import type { AppServices } from './context.ts';
import { registerErrorHandlers } from './errors.ts';
import { lazySerializerCompiler, lazyValidatorCompiler } from './lazy-compilers.ts';
import { registerOpenApi } from './openapi.ts';
import { registerSecurityHeaders } from './security-headers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export interface BuildOptions {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  config: Config;
  tenant: { id: string; name: string };
  clock?: () => Date;
  logger?: boolean;
}

/** Assembles the server: plugins, hooks, error pages and every feature's routes. */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: opts.config.logLevel,
            // secrets that links carry in the query string (a feedback writer's ?s=) stay out of the logs
            serializers: {
              req: (req: { method: string; url: string; hostname?: string; ip?: string }) => ({
                method: req.method,
                url: redactUrlSecrets(req.url),
                hostname: req.hostname,
                remoteAddress: req.ip,
              }),
            },
          },
    trustProxy: opts.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    ajv: { customOptions: {} },
  });
  const services: AppServices = {
    db: opts.db,
    dialect: opts.dialect,
    config: opts.config,
    clock: opts.clock ?? (() => new Date()),
    tenantId: opts.tenant.id,
    tenantName: opts.tenant.name,
    routes: [],
  };
  app.decorate('gk', services);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) services.routes.push({ method, url: r.url });
  });
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);
  app.decorateRequest('authVia', 'none');
  app.decorateRequest('now', null as never);
  app.decorateRequest('csrfToken', '');

  // One validator for API schemas, forms and the CLI (src/lib/validate.ts); validators and
  // response serializers are compiled on a route's first use (src/server/lazy-compilers.ts).
  app.setValidatorCompiler(lazyValidatorCompiler);
  app.setSerializerCompiler(lazySerializerCompiler);

  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: opts.config.uploadLimitBytes, files: 5, fields: 50 },
    onFile: async (part) => {
      (part as unknown as { value: Buffer }).value = await part.toBuffer();
    },
  });
  // helmet's headers, computed once (src/server/security-headers.ts)
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: opts.config.secureCookies,
  });
  await app.register(fastifyStatic, {
    root: resolve(here, '../../public'),
    prefix: '/static/',
    maxAge: '1h',
  });
  await app.register(fastifyStatic, {
    root: join(dirname(require.resolve('htmx.org/package.json')), 'dist'),
    prefix: '/static/vendor/htmx/',
    decorateReply: false,
    allowedPath: (p) => p === '/htmx.min.js',
  });

  registerErrorHandlers(app);
  registerAuthHooks(app);
  await registerOpenApi(app);

  registerPortalRoutes(app);
  registerAccountRoutes(app);
  registerAdminRoutes(app);
  registerUnitImportRoutes(app);
  registerUnitRoutes(app);
  registerPeopleRoutes(app);
  registerAuditRoutes(app);
  registerCatalogRoutes(app);
  registerNotifyRoutes(app);
  registerCalendarRoutes(app);
  registerBoardRoutes(app);
  registerObligationRoutes(app);
  registerDisclosureRoutes(app);
  registerRequestRoutes(app);
  registerRequestDocumentRoutes(app);
  registerRequestReportRoutes(app);
  registerPrivacyRoutes(app);
  registerEngagementRoutes(app);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  return app;
}

/** A request URL with the values of secret-bearing query parameters (s, secret, token) replaced. */
export function redactUrlSecrets(url: string): string {
  return url.replace(/([?&](?:s|secret|token)=)[^&#]*/gi, '$1[redacted]');
}
