import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

/**
 * The OpenAPI document is generated from the same TypeBox schemas that validate API input, so it
 * cannot drift from the implementation. Only routes tagged for the API appear (hideUntagged).
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gongkai API',
        version: '1',
        description:
          '三务公开平台 JSON API. Authenticate with a session cookie (send the x-csrf-token header on writes) or a bearer token (`npx gongkai token create --user USERNAME`). Errors: { error: { code, message, fields? } } with stable codes.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'gk_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    hideUntagged: true,
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
