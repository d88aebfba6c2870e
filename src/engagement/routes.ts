import type { FastifyInstance } from 'fastify';
import { registerConsultationRoutes } from './consultations/routes.ts';
import { registerDemandRoutes } from './demands/routes.ts';
import { registerFeedbackRoutes } from './feedback/routes.ts';
import { registerFeedbackStatsRoutes } from './feedback-stats/routes.ts';
import { registerPaperFormRoutes } from './paper-form/routes.ts';
import { registerEngagementSettingsRoutes } from './settings-page/routes.ts';
import { registerSurveyRoutes } from './surveys/routes.ts';

/**
 * Routes of public engagement: each feature of the folder (feedback/, consultations/, demands/,
 * surveys/) registers its pages and /api/v1 endpoints here.
 */
export function registerEngagementRoutes(app: FastifyInstance): void {
  registerFeedbackRoutes(app);
  registerConsultationRoutes(app);
  registerDemandRoutes(app);
  registerEngagementSettingsRoutes(app);
  registerSurveyRoutes(app);
  registerFeedbackStatsRoutes(app);
  registerPaperFormRoutes(app);
}
