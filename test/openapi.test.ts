import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from './helpers/server.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('the OpenAPI document describes every /api/v1 route with its schemas', async () => {
  const res = await t.client().get('/api/v1/openapi.json');
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  const documented = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>))
    for (const m of Object.keys(ops))
      documented.add(`${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
  const apiRoutes = t.app.gk.routes
    .filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json' && r.method !== 'HEAD')
    .map((r) => `${r.method} ${r.url}`);
  const missing = apiRoutes.filter((r) => !documented.has(r));
  assert.deepEqual(missing, []);
  assert.ok(doc.paths['/api/v1/units'].post.requestBody, 'request bodies come from the validation schemas');
  assert.ok(doc.components.securitySchemes.bearer);
});
