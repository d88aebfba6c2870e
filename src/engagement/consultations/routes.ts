import type { FastifyInstance } from 'fastify';
import { registerConsultationAdminRoutes } from './admin-routes.ts';
import { registerConsultationApiRoutes } from './api-routes.ts';
import { registerConsultationPublicRoutes } from './public-routes.ts';

/** Pages and /api/v1 endpoints of consultations (预公开 / 征求意见). */
export function registerConsultationRoutes(app: FastifyInstance): void {
  registerConsultationPublicRoutes(app);
  registerConsultationAdminRoutes(app);
  registerConsultationApiRoutes(app);
}
