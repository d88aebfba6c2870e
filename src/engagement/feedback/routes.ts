import type { FastifyInstance } from 'fastify';
import { registerFeedbackAdminRoutes } from './admin-routes.ts';
import { registerFeedbackApi } from './api-routes.ts';
import { registerFeedbackPublicRoutes } from './public-routes.ts';
import { registerFeedbackHooks } from './recompute-deadlines.ts';

/** Pages and /api/v1 endpoints of feedback (意见建议 / 咨询 / 投诉 / 举报) and the 回音壁. */
export function registerFeedbackRoutes(app: FastifyInstance): void {
  registerFeedbackHooks();
  registerFeedbackPublicRoutes(app);
  registerFeedbackAdminRoutes(app);
  registerFeedbackApi(app);
}
