import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { systemActor } from '../auth/actor.ts';
import { createToken } from '../auth/tokens.ts';
import { runBackup, runRestore } from '../backup/cli.ts';
import { shippedCalendar } from '../calendar/calendar.ts';
import { runCalendarCommand } from '../calendar/cli.ts';
import { loadCalendar } from '../calendar/tenant-calendar.ts';
import type { DbHandle } from '../db/connect.ts';
import { openDb } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { runVerifyChain } from '../disclosure/chain.ts';
import { t } from '../i18n/index.ts';
import { runJobsOnce } from '../jobs/worker.ts';
import type { OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { createPerson } from '../people/create-person.ts';
import { grantRole } from '../people/grant-role.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { serve } from '../server/serve.ts';
import { createTenant, findTenant } from '../units/create-tenant.ts';
import { commitUnitImport } from '../units/import/commit-unit-import.ts';
import { previewUnitImport } from '../units/import/preview-unit-import.ts';
import { errorText } from '../units/import/views.tsx';
import { findUnitByCode } from '../units/queries.ts';
import { flag, type ParsedArgs, parseArgs, requireFlag, UsageError } from './args.ts';
import { runDeadlineCommand } from './deadline.ts';

const HELP = `gongkai — 三务公开平台命令行 (command line)

  serve                                   start the web server (same as npm start)
  migrate                                 bring the database schema up to date
  seed-demo                               create the demo county (青山县) if absent
  tenant create --code CODE --name NAME   create a county-level tenant with its root unit
  import-units FILE                       import units from CSV/XLSX (all or nothing)
  user create --username U --name NAME --unit CODE [--password P] [--email E] [--phone P]
  user grant --user U --role ROLE --unit CODE [--subtree]
  token create --user U [--name NAME]     prints a new API token on its last line
  calendar add-working-days DATE N | is-working-day DATE | list YEAR
  deadline --received DATE [--supplement-received DATE] [--pause START:END]... [--extend N]
                                          reply deadline of an information request (deadline help)
  verify-chain [--unit CODE]              check every published version's hash chain
  jobs run                                schedule today's sweeps and run every due job once
  backup FILE                             write a backup of every row
  restore FILE [--force]                  restore a backup (refuses a non-empty database unless --force)

Environment: DATABASE_URL (sqlite:PATH or postgres://…), GONGKAI_DEMO, GONGKAI_TENANT.`;

type Out = { log: (s: string) => void; err: (s: string) => void };

async function withDb<T>(fn: (h: DbHandle, tenantCtx: () => Promise<OpContext>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = openDb(config.database, { poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
    const tenantCtx = async (): Promise<OpContext> => {
      const tenant = await findTenant(handle.db, config.tenantCode ?? undefined);
      if (!tenant)
        throw new UsageError('no tenant: run `gongkai tenant create` or `gongkai seed-demo` first');
      return { db: handle.db, actor: systemActor(tenant.id, 'cli'), now: new Date() };
    };
    return await fn(handle, tenantCtx);
  } finally {
    await handle.close();
  }
}

async function unitIdByCode(ctx: OpContext, code: string): Promise<string> {
  const unit = await findUnitByCode(ctx.db, ctx.actor.tenantId, code);
  if (!unit) throw new UsageError(`unknown unit code "${code}"`);
  return unit.id;
}

async function personIdByUsername(ctx: OpContext, username: string): Promise<string> {
  const p = await ctx.db
    .selectFrom('people')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  if (!p) throw new UsageError(`unknown user "${username}"`);
  return p.id;
}

export async function run(argv: string[], out: Out): Promise<number> {
  const args = parseArgs(argv);
  const [cmd, sub] = args.positionals;
  switch (cmd) {
    case undefined:
    case 'help':
    case '--help':
      out.log(HELP);
      return 0;
    case 'serve':
      await serve();
      return -1; // keep running
    case 'migrate':
      return withDb(async (h) => {
        const applied = await migrateToLatest(h.db);
        out.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
        return 0;
      });
    case 'seed-demo':
      return withDb(async (h) => {
        const r = await seedDemo(h.db, new Date());
        out.log(r.created ? 'demo county created: 青山县 (qingshan)' : 'demo county already present');
        return 0;
      });
    case 'tenant':
      if (sub !== 'create') throw new UsageError('usage: tenant create --code CODE --name NAME');
      return withDb(async (h) => {
        const r = await createTenant(
          h.db,
          { code: requireFlag(args, 'code'), name: requireFlag(args, 'name') },
          new Date(),
        );
        out.log(`tenant created: ${r.tenant.code} ${r.tenant.id}`);
        return 0;
      });
    case 'user':
      return userCommand(sub, args, out);
    case 'import-units':
      if (!sub) throw new UsageError('usage: import-units FILE');
      return withDb(async (_h, tenantCtx) => {
        const ctx = await tenantCtx();
        const preview = await previewUnitImport(ctx, { fileName: basename(sub), buffer: readFileSync(sub) });
        if (preview.errors.length > 0) {
          for (const e of preview.errors) out.err(`${e.row ? `第 ${e.row} 行：` : ''}${errorText(e)}`);
          out.err(
            `未导入：发现 ${preview.errors.length} 处问题 (nothing imported: ${preview.errors.length} problems)`,
          );
          return 1;
        }
        const r = await commitUnitImport(ctx, preview.id);
        out.log(`已导入 ${r.count} 个单位 (imported ${r.count} units)`);
        return 0;
      });
    case 'verify-chain':
      return withDb(async (h, tenantCtx) => {
        await tenantCtx();
        const r = await runVerifyChain(h, flag(args, 'unit'));
        for (const line of r.lines) (r.code === 0 ? out.log : out.err)(line);
        return r.code;
      });
    case 'jobs':
      if (sub !== 'run') throw new UsageError('usage: jobs run');
      return withDb(async (h) => {
        const r = await runJobsOnce(h, new Date());
        out.log(JSON.stringify(r));
        return 0;
      });
    case 'backup':
      if (!sub) throw new UsageError('usage: backup FILE');
      return withDb(async (h) => {
        out.log(await runBackup(h, sub));
        return 0;
      });
    case 'restore':
      if (!sub) throw new UsageError('usage: restore FILE [--force]');
      return withDb(async (h) => {
        out.log(await runRestore(h, sub, flag(args, 'force') === 'true'));
        return 0;
      });
    case 'calendar': {
      // pure arithmetic on the shipped data; takes raw argv so its own usage rules apply
      const r = runCalendarCommand(argv.slice(1), shippedCalendar());
      if (r.stdout) process.stdout.write(r.stdout);
      if (r.stderr) process.stderr.write(r.stderr);
      return r.code;
    }
    case 'deadline': {
      // Pure arithmetic on the shipped calendar unless --tenant-calendar asks for the office's one.
      const r = args.flags.has('tenant-calendar')
        ? await withDb(async (h, tenantCtx) =>
            runDeadlineCommand(argv.slice(1), await loadCalendar(h.db, (await tenantCtx()).actor.tenantId)),
          )
        : runDeadlineCommand(argv.slice(1), shippedCalendar());
      if (r.stdout) out.log(r.stdout.replace(/\n$/, ''));
      if (r.stderr) out.err(r.stderr.replace(/\n$/, ''));
      return r.code;
    }
    case 'token':
      if (sub !== 'create') throw new UsageError('usage: token create --user USERNAME [--name NAME]');
      return withDb(async (_h, tenantCtx) => {
        const ctx = await tenantCtx();
        const personId = await personIdByUsername(ctx, requireFlag(args, 'user'));
        const r = await createToken(ctx, {
          personId,
          name: flag(args, 'name') ?? `cli ${ctx.now.toISOString().slice(0, 10)}`,
        });
        out.log(`token ${r.id} created for ${requireFlag(args, 'user')} (shown once):`);
        out.log(r.token);
        return 0;
      });
    default:
      throw new UsageError(`unknown command "${cmd}"\n\n${HELP}`);
  }
}

async function userCommand(sub: string | undefined, args: ParsedArgs, out: Out): Promise<number> {
  const config = loadConfig();
  if (sub === 'create') {
    return withDb(async (_h, tenantCtx) => {
      const ctx = await tenantCtx();
      const password = flag(args, 'password') ?? generatePassword();
      const r = await createPerson(
        ctx,
        {
          username: requireFlag(args, 'username'),
          displayName: requireFlag(args, 'name'),
          unitId: await unitIdByCode(ctx, requireFlag(args, 'unit')),
          email: flag(args, 'email'),
          phone: flag(args, 'phone'),
          password,
        },
        { demoMode: config.demo, mustChangePassword: true },
      );
      out.log(`user created: ${requireFlag(args, 'username')} ${r.id}`);
      if (!flag(args, 'password'))
        out.log(`initial password (must be changed at first sign-in): ${password}`);
      return 0;
    });
  }
  if (sub === 'grant') {
    return withDb(async (_h, tenantCtx) => {
      const ctx = await tenantCtx();
      const r = await grantRole(ctx, {
        personId: await personIdByUsername(ctx, requireFlag(args, 'user')),
        role: requireFlag(args, 'role'),
        unitId: await unitIdByCode(ctx, requireFlag(args, 'unit')),
        coversSubtree: flag(args, 'subtree') === 'true',
      });
      out.log(`grant created: ${r.id}`);
      return 0;
    });
  }
  throw new UsageError('usage: user create … | user grant …');
}

function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  return `${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}-9`;
}

export function describeError(e: unknown): string {
  if (e instanceof ConfigError) return e.message;
  if (e instanceof UsageError) return `错误 (error): ${e.message}`;
  const errno = e as NodeJS.ErrnoException;
  if (errno?.code === 'ENOENT') return `错误：找不到文件 (file not found): ${errno.path ?? ''}`;
  if (errno?.code === 'ECONNREFUSED')
    return `错误：无法连接数据库 (database connection refused): ${errno.message}`;
  if (e instanceof AppError) {
    const fields = e.fields.map((f) => `  - ${f.field}: ${t(f.code, f.params ?? {})}`).join('\n');
    return `错误 [${e.code}]: ${t(e.code, e.params)}${fields ? `\n${fields}` : ''}`;
  }
  return `错误 (error): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}

// entry point when run as a program
const isMain = process.argv[1] && /gongkai(\.js)?$|cli[/\\]main\.ts$/.test(process.argv[1]);
if (isMain) {
  run(process.argv.slice(2), { log: (s) => console.log(s), err: (s) => console.error(s) })
    .then((code) => {
      if (code >= 0) process.exitCode = code;
    })
    .catch((e) => {
      console.error(describeError(e));
      process.exitCode = e instanceof UsageError || e instanceof ConfigError ? 2 : 1;
    });
}
