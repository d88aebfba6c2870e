import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../src/auth/actor.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { beijingDate } from '../../src/jobs/schedule-daily.ts';
import { deriveObligations } from '../../src/obligations/derive-obligations.ts';
import { buildApp } from '../../src/server/app.ts';
import { findTenant } from '../../src/units/create-tenant.ts';
import { freshDb, type TestDb } from '../../test/helpers/db.ts';
import { testConfig } from '../../test/helpers/server.ts';

export interface E2EServer {
  /** e.g. http://127.0.0.1:41234 — no trailing slash. */
  baseUrl: string;
  db: TestDb;
  app: FastifyInstance;
  /** The server's clock: real time, or pinned with startE2EServer({ now }) and moved by setNow. */
  now(): Date;
  setNow(at: Date): void;
  /** What the nightly job does: derive periodic obligations of the demo county up to today. */
  deriveObligations(): Promise<{ created: number }>;
  /** Stops the server and drops the database; safe to call twice. */
  close(): Promise<void>;
}

/**
 * A real server on a loopback port over a fresh database (SQLite or PostgreSQL per DATABASE_URL)
 * holding the demo county 青山县, as `gongkai serve --demo` would run it — without the demo's year
 * of disclosures unless `demoHistory` is set, so journeys with a pinned clock start from a known,
 * empty board.
 */
export async function startE2EServer(opts: { now?: Date; demoHistory?: boolean } = {}): Promise<E2EServer> {
  const db = await freshDb();
  let app: FastifyInstance | null = null;
  // A pinned clock (when asked for) seeds the county on that day and answers every request with it.
  let pinned = opts.now ? new Date(opts.now) : null;
  const now = () => (pinned ? new Date(pinned) : new Date());
  let tenantId = '';
  try {
    await seedDemo(db.db, now(), { history: opts.demoHistory ?? false });
    const tenant = await findTenant(db.db, 'qingshan');
    if (!tenant) throw new Error('seedDemo did not create the qingshan tenant');
    tenantId = tenant.id;
    app = await buildApp({
      db: db.db,
      dialect: db.dialect,
      config: testConfig({ demo: true, database: { dialect: db.dialect, location: db.url } }),
      tenant: { id: tenant.id, name: tenant.name },
      clock: now,
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (err) {
    await app?.close();
    await db.cleanup();
    throw err;
  }
  const started = app;
  const { port } = started.server.address() as AddressInfo;
  let closed = false;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    app: started,
    now,
    setNow: (at) => {
      pinned = new Date(at);
    },
    deriveObligations: async () => {
      const at = now();
      const ctx = { db: db.db, actor: systemActor(tenantId, 'e2e-nightly'), now: at };
      return deriveObligations(ctx, { until: beijingDate(at) });
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await started.close();
      } finally {
        await db.cleanup();
      }
    },
  };
}
