import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { makeUnit } from '../../test/helpers/factories.ts';
import { Client, startTestApp } from '../../test/helpers/server.ts';
import { buildApp } from './app.ts';
import { sendCachedPage } from './page-cache.ts';

/**
 * The anonymous page cache on the engine under test: a page is rendered once while nothing was
 * committed, and afresh after any commit — on PostgreSQL an open, uncommitted write neither shows
 * nor invalidates, and its commit does.
 */
test('anonymous pages are cached until a commit changes the database (both engines)', async () => {
  const t = await startTestApp();
  const app = await buildApp({
    db: t.db.db,
    dialect: t.db.dialect,
    config: t.app.gk.config,
    tenant: { id: t.world.tenantId, name: '测试县' },
    clock: t.clock.now,
    logger: false,
  });
  let renders = 0;
  const countUnits = async () => {
    const r = await t.db.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', t.world.tenantId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  app.get('/count-page', (req, reply) =>
    sendCachedPage(req, reply, async () => {
      renders += 1;
      return { page: h('p', null, `units: ${await countUnits()}`) };
    }),
  );
  await app.ready();
  try {
    const anon = new Client(app);
    const first = await anon.get('/count-page');
    const n = await countUnits();
    assert.match(first.body, new RegExp(`units: ${n}<`));
    // served from the cache while nothing was committed. On PostgreSQL the token is the cluster's
    // snapshot, so other test files committing in parallel may force re-renders: look for a hit
    // among a few views rather than demand that every view is one.
    let hit = false;
    for (let i = 0; i < 50 && !hit; i++) {
      const before = renders;
      const view = await new Client(app).get('/count-page');
      assert.match(view.body, new RegExp(`units: ${n}<`));
      hit = renders === before;
    }
    assert.ok(hit, 'a view was served from the cache');

    await makeUnit(t.world, t.world.rootId, 'township');
    const rendered = renders;
    const after = await anon.get('/count-page');
    assert.match(after.body, new RegExp(`units: ${n + 1}<`), 'a commit renders afresh');
    assert.equal(renders, rendered + 1);

    if (t.db.dialect === 'postgres') {
      // an open transaction's write is invisible and leaves the token alone; its commit does not
      let release: () => void = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      let started: () => void = () => {};
      const isOpen = new Promise<void>((r) => {
        started = r;
      });
      const tx = t.db.db.transaction().execute(async (trx) => {
        await makeUnit({ ...t.world, system: { ...t.world.system, db: trx } }, t.world.rootId, 'township');
        started();
        await held;
      });
      await isOpen;
      let heldHit = false;
      for (let i = 0; i < 50 && !heldHit; i++) {
        const before = renders;
        const during = await new Client(app).get('/count-page');
        assert.match(during.body, new RegExp(`units: ${n + 1}<`), 'the uncommitted unit does not show');
        heldHit = renders === before;
      }
      assert.ok(heldHit, 'an uncommitted write does not invalidate');
      release();
      await tx;
      const committed = await anon.get('/count-page');
      assert.match(committed.body, new RegExp(`units: ${n + 2}<`), 'its commit does');
    }
  } finally {
    await app.close();
    await t.close();
  }
});
