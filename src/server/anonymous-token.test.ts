import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { h } from 'preact';
import { makeUnit } from '../../test/helpers/factories.ts';
import { Client, startTestApp, type TestApp } from '../../test/helpers/server.ts';
import { buildApp } from './app.ts';
import { CSRF_PLACEHOLDER } from './auth-hooks.ts';
import { sendCachedPage } from './page-cache.ts';

/**
 * The anonymous form token (gk_csrf) is issued only by responses that show a form needing it;
 * public pages carry none, so they are the same bytes for everyone. CSRF protection of anonymous
 * forms (sign-in) is unchanged.
 */
const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

describe('anonymous form token, issued lazily', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await makeUnit(t.world, t.world.rootId, 'county', '县政府', 'GOV');
  });
  after(() => t.close());

  test('public pages set no cookie and show no token; the large-type toggle needs none', async () => {
    for (const url of ['/', '/units', '/units/GOV', '/search?q=x', '/no-such-page']) {
      const c = t.client();
      const res = await c.get(url);
      assert.equal(res.headers['set-cookie'], undefined, url);
      assert.doesNotMatch(res.body, /name="_csrf"|GKCSRF/, url);
      assert.match(res.body, /<form method="get" action="\/preferences\/large-type"/, url);
    }
  });

  test('the sign-in page issues a token and its cookie together; a visitor keeps theirs', async () => {
    const c = t.client();
    const page = await c.get('/signin');
    const issued = c.cookies.get('gk_csrf');
    assert.ok(issued && issued.length >= 20);
    assert.equal(token(page.body), issued);
    assert.doesNotMatch(page.body, /GKCSRF/);
    const setCookie = String(page.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    // the next page shows the same token and sets nothing
    const again = await c.get('/signin');
    assert.equal(token(again.body), issued);
    assert.equal(again.headers['set-cookie'], undefined);
    // two visitors, two tokens
    const other = t.client();
    assert.notEqual(token((await other.get('/signin')).body), issued);
  });

  test('the session endpoint issues the token it reports', async () => {
    const c = t.client();
    const res = await c.get('/api/v1/session', { headers: { accept: 'application/json' } });
    assert.equal(res.json().csrfToken, c.cookies.get('gk_csrf'));
  });

  test('a form post without a token cookie is refused, whatever it echoes', async () => {
    for (const sent of [CSRF_PLACEHOLDER, 'x'.repeat(32)]) {
      const c = t.client();
      const res = await c.post('/signin', {
        form: { username: 'u', password: 'p', _csrf: sent },
        csrf: false,
      });
      assert.equal(res.statusCode, 403, sent);
    }
    // a cookie holding the placeholder is no token either
    const c = t.client();
    c.cookies.set('gk_csrf', CSRF_PLACEHOLDER);
    const res = await c.post('/signin', {
      form: { username: 'u', password: 'p', _csrf: CSRF_PLACEHOLDER },
      csrf: false,
    });
    assert.equal(res.statusCode, 403);
    // with the token the sign-in page gave, the form is accepted (and fails on the password)
    const ok = t.client();
    await ok.get('/signin');
    const tried = await ok.post('/signin', {
      form: { username: 'nobody', password: 'wrong-password-1', _csrf: ok.cookies.get('gk_csrf')! },
      csrf: false,
    });
    assert.equal(tried.statusCode, 401);
  });

  test('large type: a GET with an explicit value, back to a same-site path only', async () => {
    const c = t.client();
    const on = await c.get('/preferences/large-type?on=1&back=%2Funits%2FGOV');
    assert.equal(on.statusCode, 303);
    assert.equal(on.headers.location, '/units/GOV');
    assert.equal(on.headers['cache-control'], 'no-store');
    assert.equal(c.cookies.get('gk_large'), '1');
    const page = await c.get('/units/GOV');
    assert.match(page.body, /<html lang="zh-CN" class="large-type">/);
    assert.match(page.body, /name="on" value="0"/);
    assert.match(page.body, /aria-pressed="true"/);
    // setting the same value again keeps it (no toggle on repeat or prefetch)
    await c.get('/preferences/large-type?on=1&back=/');
    assert.equal(c.cookies.get('gk_large'), '1');
    await c.get('/preferences/large-type?on=0&back=/');
    assert.equal(c.cookies.get('gk_large'), '0');
    for (const back of ['//evil.example/', '/\\evil.example/', 'https://evil.example/', ''])
      assert.equal(
        (await c.get(`/preferences/large-type?on=1&back=${encodeURIComponent(back)}`)).headers.location,
        '/',
        back,
      );
  });

  test('security headers on pages, assets and errors', async () => {
    const c = t.client();
    for (const url of ['/', '/static/app.css', '/no-such-page', '/api/v1/public/units']) {
      const res = await c.get(url);
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
    }
  });
});

test('a cached page that shows a form fills in each visitor’s own token', async () => {
  const t = await startTestApp();
  // a second app on the same database, with a cached page that has a form
  const app = await buildApp({
    db: t.db.db,
    dialect: t.db.dialect,
    config: t.app.gk.config,
    tenant: { id: t.world.tenantId, name: '测试县' },
    clock: t.clock.now,
    logger: false,
  });
  app.get('/form-page', (req, reply) =>
    sendCachedPage(req, reply, async () => ({
      page: h(
        'html',
        null,
        h('form', { method: 'post' }, h('input', { name: '_csrf', value: req.csrfToken })),
      ),
      lastModified: ['2026-01-01T00:00:00.000Z'],
    })),
  );
  await app.ready();
  try {
    const a = new Client(app);
    const b = new Client(app);
    const pa = await a.get('/form-page');
    const pb = await b.get('/form-page');
    assert.equal(token(pa.body), a.cookies.get('gk_csrf'));
    assert.equal(token(pb.body), b.cookies.get('gk_csrf'));
    assert.notEqual(token(pa.body), token(pb.body));
    assert.notEqual(pa.headers.etag, pb.headers.etag);
    // a per-visitor secret and Set-Cookie: never for shared caches
    assert.equal(pa.headers['cache-control'], 'private, no-cache');
    // the visitor's next view: their token again, and their validator answers 304
    const again = await a.get('/form-page');
    assert.equal(token(again.body), a.cookies.get('gk_csrf'));
    assert.equal(again.headers.etag, pa.headers.etag);
    assert.equal(again.headers['cache-control'], 'private, no-cache');
    assert.equal(
      (await a.get('/form-page', { headers: { 'if-none-match': String(pa.headers.etag) } })).statusCode,
      304,
    );
  } finally {
    await app.close();
    await t.close();
  }
});
