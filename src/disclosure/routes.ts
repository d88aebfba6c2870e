import type { FastifyInstance } from 'fastify';
import { registerDisclosureAdminRoutes } from './admin-routes.ts';
import { registerDisclosureApi } from './api-routes.ts';
import { registerDisclosurePublicRoutes } from './public-routes.ts';

/** Every route of the disclosure feature (registered with one line in src/server/app.ts). */
export function registerDisclosureRoutes(app: FastifyInstance): void {
  registerDisclosureAdminRoutes(app);
  registerDisclosurePublicRoutes(app);
  registerDisclosureApi(app);
}
