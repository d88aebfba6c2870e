import type { FastifyInstance } from 'fastify';
import { registerDemandAdminRoutes } from './admin-routes.ts';
import { registerDemandApi } from './api-routes.ts';
import { registerDemandPublicRoutes } from './public-routes.ts';

/** Every route of 点单式公开 (registered with one line in src/engagement/routes.ts). */
export function registerDemandRoutes(app: FastifyInstance): void {
  registerDemandPublicRoutes(app);
  registerDemandAdminRoutes(app);
  registerDemandApi(app);
}
