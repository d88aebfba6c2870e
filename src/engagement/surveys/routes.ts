import type { FastifyInstance } from 'fastify';
import { registerSurveyAdminRoutes } from './admin-routes.ts';
import { registerSurveyApi } from './api-routes.ts';
import { registerSurveyPublicRoutes } from './public-routes.ts';

/** Every route of the survey feature (registered with one line in src/engagement/routes.ts). */
export function registerSurveyRoutes(app: FastifyInstance): void {
  registerSurveyPublicRoutes(app);
  registerSurveyAdminRoutes(app);
  registerSurveyApi(app);
}
