import { registerBuiltinJobs } from '../jobs/builtin-jobs.ts';
import { startWorker } from '../jobs/worker.ts';
import { buildApp } from './app.ts';
import { boot } from './boot.ts';
import { loadConfig } from './config.ts';

/** `npm start` / `gongkai serve`: validated config → database → HTTP server, with clean shutdown. */
export async function serve(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const { handle, tenant } = await boot(config, (m) => console.log(`[gongkai] ${m}`));
  const app = await buildApp({ db: handle.db, dialect: handle.dialect, config, tenant });
  registerBuiltinJobs();
  const worker = startWorker({ db: handle.db, config, log: (m) => app.log.warn(m) }, { intervalMs: 30_000 });
  const shutdown = async (signal: string) => {
    console.log(`[gongkai] ${signal}: shutting down`);
    await worker.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `[gongkai] ${tenant.name} — ${handle.describe}${config.demo ? ' (demo mode)' : ''} — ready in ${Date.now() - started} ms at http://localhost:${config.port}/ (back office: /admin)`,
  );
}
