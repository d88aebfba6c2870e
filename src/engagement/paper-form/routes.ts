import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendFile } from '../../disclosure/admin-routes.ts';
import { publicUnitOr404 } from '../../portal/request-helpers.ts';
import { feedbackReplyDays } from '../settings.ts';
import { renderFeedbackForm } from './render-form.ts';

/**
 * The public origin the printed URL starts with: GONGKAI_PUBLIC_URL (config.publicUrl) when set —
 * it is what deployments behind a proxy must set — otherwise the request's own protocol and host.
 */
export function publicOrigin(req: FastifyRequest): string {
  const configured = req.server.gk.config.publicUrl;
  if (configured) return configured.replace(/\/+$/, '');
  return `${req.protocol}://${req.host}`;
}

export const onlineFormUrl = (origin: string, code: string) =>
  `${origin}/units/${encodeURIComponent(code)}/feedback/new`;

/** GET /units/:code/feedback/form.pdf — the printable 意见建议征集表 of a unit. */
export function registerPaperFormRoutes(app: FastifyInstance): void {
  app.get('/units/:code/feedback/form.pdf', async (req, reply) => {
    const unit = await publicUnitOr404(req, (req.params as { code: string }).code);
    const pdf = await renderFeedbackForm({
      unitName: unit.name,
      contactPhone: unit.contact_phone,
      address: unit.address,
      replyDays: await feedbackReplyDays(app.gk.db, unit.tenant_id),
      url: onlineFormUrl(publicOrigin(req), unit.code),
    });
    // without GONGKAI_PUBLIC_URL the printed URL comes from the Host header: no shared cache may keep it
    reply.header('cache-control', 'no-store');
    return sendFile(reply, `${unit.name}-意见建议征集表.pdf`, pdf);
  });
}
