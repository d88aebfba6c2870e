import type { FastifyInstance } from 'fastify';
import { registerRequestAdminRoutes } from './admin-routes.ts';
import { registerRequestApi } from './api-routes.ts';
import { registerRequestPublicRoutes } from './public-routes.ts';
import { registerRequestHooks } from './recompute-deadlines.ts';

/** Every route of the request feature (registered with one line in src/server/app.ts). */
export function registerRequestRoutes(app: FastifyInstance): void {
  registerRequestHooks();
  registerRequestPublicRoutes(app);
  registerRequestAdminRoutes(app);
  registerRequestApi(app);
}
