import type { FastifyInstance } from 'fastify';

/**
 * Routes of public engagement: each feature of the folder (feedback/, consultations/, demands/,
 * surveys/) registers its pages and /api/v1 endpoints here.
 */
export function registerEngagementRoutes(app: FastifyInstance): void {
  void app;
}
