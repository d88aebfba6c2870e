import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { findTenant } from '../../src/units/create-tenant.ts';
import { freshDb, type TestDb } from '../../test/helpers/db.ts';
import { testConfig } from '../../test/helpers/server.ts';

export interface E2EServer {
  /** e.g. http://127.0.0.1:41234 — no trailing slash. */
  baseUrl: string;
  db: TestDb;
  app: FastifyInstance;
  /** Stops the server and drops the database; safe to call twice. */
  close(): Promise<void>;
}

/**
 * A real server on a loopback port over a fresh database (SQLite or PostgreSQL per DATABASE_URL)
 * holding the demo county 青山县, as `gongkai serve --demo` would run it.
 */
export async function startE2EServer(): Promise<E2EServer> {
  const db = await freshDb();
  let app: FastifyInstance | null = null;
  try {
    await seedDemo(db.db, new Date());
    const tenant = await findTenant(db.db, 'qingshan');
    if (!tenant) throw new Error('seedDemo did not create the qingshan tenant');
    app = await buildApp({
      db: db.db,
      dialect: db.dialect,
      config: testConfig({ demo: true, database: { dialect: db.dialect, location: db.url } }),
      tenant: { id: tenant.id, name: tenant.name },
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
