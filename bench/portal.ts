import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { addGuidingEntry } from '../src/catalog/add-guiding-entry.ts';
import { createGuidingCatalog } from '../src/catalog/create-guiding-catalog.ts';
import type { DbOrTx } from '../src/db/types.ts';
import { DEMO_CATALOGS } from '../src/demo/catalogs/index.ts';
import { runJobsOnce } from '../src/jobs/worker.ts';
import { newId } from '../src/lib/ids.ts';
import { freshDb } from '../test/helpers/db.ts';
import { makeUnit, makeWorld, type World } from '../test/helpers/factories.ts';
import { type LoadClient, type LoadResult, load } from './load.ts';

/**
 * `npm run bench -- portal [sqlite|postgres] [--items N] [--seconds S] [--connections C] [--pages home,unit,column,item]
 *   [--client raw|http]`
 *
 * Seeds a county of 300 units on the demo county's starter catalogs and 100,000 published items
 * spread over three years, starts the real server (`gongkai serve`, a separate process) on that
 * database, and loads the home, unit, column and item pages over loopback with 50 keep-alive
 * connections for a fixed time each (anonymous visitors). The same item page's HTML is then saved
 * to a file and served by a static file server as the ceiling: nginx from Debian when installed,
 * else a Node static server. Prints requests per second, p50/p95/p99, the item page's throughput
 * as a share of the static server's, and the app server's peak resident memory (VmHWM).
 * Targets (SQLite): item page p95 < 20 ms and ≥ 0.5× the static server's throughput; RSS < 300 MB.
 * The load generator runs in this process (bench/load.ts; `--client http` selects Node's http
 * client, which saturates near 10–12k req/s here and so understates the static ceiling).
 *
 * The items are inserted directly (a benchmark fixture, not a workflow test): their rows have the
 * shape publication writes, with stand-in digests.
 */

const BUILT = new Date('2023-11-20T02:00:00.000Z');
const NOW = new Date('2026-11-20T02:00:00.000Z');
const PG_DEFAULT = 'postgres://postgres@127.0.0.1:55432/postgres';

interface Row {
  page: string;
  r: LoadResult;
}

export async function run(args: string[]): Promise<void> {
  const only = args.find((a) => a === 'sqlite' || a === 'postgres');
  const items = Number(argValue(args, '--items') ?? 100_000);
  const seconds = Number(argValue(args, '--seconds') ?? 10);
  const connections = Number(argValue(args, '--connections') ?? 50);
  const pagesOnly = argValue(args, '--pages')?.split(',') ?? null;
  const client: LoadClient = argValue(args, '--client') === 'http' ? 'http' : 'raw';
  const dialects = only ? [only] : ['sqlite', 'postgres'];
  for (const d of dialects) {
    const saved = process.env.DATABASE_URL;
    if (d === 'postgres') process.env.DATABASE_URL = saved?.startsWith('postgres') ? saved : PG_DEFAULT;
    else delete process.env.DATABASE_URL;
    try {
      await benchOne(d, items, seconds, connections, pagesOnly, client);
    } catch (err) {
      console.error(`${d}: ${(err as Error).stack}`);
      process.exitCode = 1;
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  }
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function benchOne(
  dialect: string,
  items: number,
  seconds: number,
  connections: number,
  only: string[] | null,
  client: LoadClient,
) {
  const tdb = await freshDb();
  const scratch = mkdtempSync(join(tmpdir(), 'gk-bench-portal-'));
  let server: ChildProcess | null = null;
  let staticServer: { stop(): Promise<void>; url: string; kind: string } | null = null;
  try {
    const t0 = performance.now();
    const w = await makeWorld(tdb.db, BUILT, 'bench');
    const units = await seedCounty(w);
    const target = await seedItems(tdb.db, w, units, items);
    // The day's sweeps (obligation derivation over three years, reminders) run here, before the
    // server starts, so the measurement sees a steady state rather than the first day's catch-up.
    await runJobsOnce(tdb, new Date());
    // PostgreSQL: what autovacuum does within a minute of a bulk load (visibility map for
    // index-only scans, planner statistics), so the measurement sees a steady state.
    if (tdb.dialect === 'postgres') await sql`vacuum analyze`.execute(tdb.db);
    const seedMs = performance.now() - t0;
    console.log(
      `${dialect}: seeded ${units.length} units and ${items} items in ${(seedMs / 1000).toFixed(1)} s`,
    );

    const port = await freePort();
    // GK_BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const nodeArgs = (process.env.GK_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    server = spawn(process.execPath, [...nodeArgs, 'bin/gongkai.js', 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: tdb.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        GONGKAI_DEMO: 'off',
        GONGKAI_TENANT: 'bench',
        GONGKAI_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`);

    const pages: [string, string][] = [
      ['home', '/'],
      ['unit', `/units/${encodeURIComponent(target.unitCode)}`],
      ['column', `/units/${encodeURIComponent(target.unitCode)}/columns/${target.entryId}`],
      ['item', `/d/${target.itemId}`],
    ];
    const rows: Row[] = [];
    for (const [page, path] of pages.filter(([p]) => !only || only.includes(p))) {
      const status = (await get(`${base}${path}`)).status;
      if (status !== 200) {
        console.log(`${dialect}: ${page} ${path} answered ${status}; skipped`);
        continue;
      }
      rows.push({ page, r: await load(`${base}${path}`, { connections, seconds, client }) });
    }
    const rss = peakRssMb(server.pid);

    const html = (await get(`${base}/d/${target.itemId}`)).body;
    writeFileSync(join(scratch, 'item.html'), html);
    staticServer = await startStatic(scratch);
    const stat = await load(`${staticServer.url}/item.html`, { connections, seconds, client });
    rows.push({ page: `static (${staticServer.kind})`, r: stat });

    const item = rows.find((x) => x.page === 'item');
    console.log(
      `\nportal bench — ${dialect}, ${items} items, ${connections} connections, ${seconds} s per page, ${client} client`,
    );
    console.log('page              req/s     p50 ms   p95 ms   p99 ms   errors');
    for (const { page, r } of rows)
      console.log(
        `${page.padEnd(16)} ${r.rps.toFixed(0).padStart(6)}   ${r.p50.toFixed(1).padStart(6)}   ${r.p95
          .toFixed(1)
          .padStart(6)}   ${r.p99.toFixed(1).padStart(6)}   ${r.errors}`,
      );
    if (item)
      console.log(
        `item page throughput / static: ${(item.r.rps / stat.rps).toFixed(2)}× (target ≥ 0.5× on SQLite); item p95 ${item.r.p95.toFixed(1)} ms (target < 20 ms)`,
      );
    console.log(`server peak RSS: ${rss ?? '?'} MB (target < 300 MB); item HTML ${html.length} bytes`);
    console.log(
      `load average: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}\n`,
    );
  } finally {
    if (server) await stop(server);
    if (staticServer) await staticServer.stop();
    rmSync(scratch, { recursive: true, force: true });
    await tdb.cleanup();
  }
}

interface BenchUnit {
  id: string;
  code: string;
  kind: string;
}

async function seedCounty(w: World): Promise<BenchUnit[]> {
  const out: BenchUnit[] = [];
  const add = async (parent: string, kind: Parameters<typeof makeUnit>[2], name: string, code: string) => {
    const u = await makeUnit(w, parent, kind, name, code);
    out.push({ id: u.id, code: u.code, kind: u.kind });
    return u;
  };
  const gov = await add(w.rootId, 'county', '县政府', 'B-GOV');
  for (let i = 1; i <= 14; i++) await add(gov.id, 'department', `县直部门${i}`, `B-D-${i}`);
  for (let t = 1; t <= 15; t++) {
    const town = await add(gov.id, 'township', `第${t}镇`, `B-T-${t}`);
    for (let v = 1; v <= 18; v++) await add(town.id, 'village', `第${t}镇${v}村`, `B-T-${t}-V-${v}`);
  }
  for (const c of DEMO_CATALOGS)
    for (const unitKind of c.unitKinds) {
      const catalog = await createGuidingCatalog(w.system, {
        ownerUnitId: w.rootId,
        unitKind,
        domain: c.domain,
        name: `${c.name}（${unitKind}）`,
      });
      for (const e of c.entries) await addGuidingEntry(w.system, catalog.id, e);
    }
  return out;
}

const PARAGRAPHS = [
  '根据《中华人民共和国村民委员会组织法》和县委、县政府关于推进村务公开和民主管理工作的有关要求，现将有关情况公开如下，接受广大群众监督。',
  '本期收入主要包括集体资产发包收入、上级补助收入和其他收入；支出主要包括村级组织运转、公益事业建设和困难群众救助等。',
  '如对公开内容有疑问，请于公开之日起十个工作日内向村务监督委员会反映，联系电话见村务公开栏。',
];

/** Inserts `n` published items (one version each) across the units and their catalog columns. */
async function seedItems(db: DbOrTx, w: World, units: BenchUnit[], n: number) {
  const entries = await db
    .selectFrom('catalog_entries as e')
    .innerJoin('guiding_catalogs as g', (j) =>
      j.onRef('g.tenant_id', '=', 'e.tenant_id').onRef('g.id', '=', 'e.guiding_catalog_id'),
    )
    .select(['e.id', 'e.audience', 'g.unit_kind'])
    .where('e.tenant_id', '=', w.tenantId)
    .where('e.audience', '=', 'public')
    .execute();
  const byKind = new Map<string, string[]>();
  for (const e of entries) byKind.set(e.unit_kind, [...(byKind.get(e.unit_kind) ?? []), e.id]);
  const eligible = units.filter((u) => (byKind.get(u.kind) ?? []).length > 0);
  const span = NOW.getTime() - BUILT.getTime();
  const batch = 400;
  let target: { unitCode: string; entryId: string; itemId: string } | null = null;
  let previous: string | null = null;
  for (let start = 0; start < n; start += batch) {
    const ds = [];
    const vs = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      const unit = eligible[i % eligible.length];
      const unitEntries = byKind.get(unit.kind) ?? [];
      const entryId = unitEntries[Math.floor(i / eligible.length) % unitEntries.length];
      const at = new Date(BUILT.getTime() + Math.floor((span * i) / n));
      const iso = at.toISOString();
      const id = newId(at.getTime());
      const versionId = newId(at.getTime());
      const title = `${at.getUTCFullYear()}年${at.getUTCMonth() + 1}月公开事项第${i + 1}号`;
      const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
      const digest = createHash('sha256').update(`${id}:${title}`).digest('hex');
      ds.push({
        tenant_id: w.tenantId,
        id,
        unit_id: unit.id,
        entry_id: entryId,
        period_key: null,
        state: 'published',
        attribute: 'proactive',
        withheld_reason: null,
        withheld_basis: null,
        review_date: null,
        audience: 'public',
        channels: '["portal"]',
        decided_on: iso.slice(0, 10),
        display_until: null,
        title,
        body_html: body,
        attachments: '[]',
        privacy_override_reason: null,
        current_version_id: versionId,
        drafted_by: null,
        drafted_at: iso,
        published_by: null,
        published_at: iso,
        created_at: iso,
        updated_at: iso,
      });
      vs.push({
        tenant_id: w.tenantId,
        id: versionId,
        disclosure_id: id,
        unit_id: unit.id,
        entry_id: entryId,
        period_key: null,
        version: 1,
        title,
        body_html: body,
        body_text: PARAGRAPHS.join('\n'),
        change_note: null,
        audience: 'public',
        attachments: '[]',
        published_at: iso,
        published_by: null,
        digest,
        previous_digest: previous,
        fingerprint: `${digest.slice(0, 4)}-${digest.slice(4, 8)}-${digest.slice(8, 12)}`,
      });
      previous = digest;
      if (unit.kind === 'village' && !target) target = { unitCode: unit.code, entryId, itemId: id };
    }
    await db
      .insertInto('disclosures')
      // biome-ignore lint/suspicious/noExplicitAny: fixture rows carry the published shape; optional columns default
      .values(ds as any)
      .execute();
    await db
      .insertInto('disclosure_versions')
      // biome-ignore lint/suspicious/noExplicitAny: see above
      .values(vs as any)
      .execute();
  }
  if (!target) throw new Error('no village item seeded');
  return target;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = http.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      })
      .on('error', reject);
  });
}

async function waitFor(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await get(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

function peakRssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** nginx from Debian when installed (its own process), else a Node static file server. */
async function startStatic(dir: string): Promise<{ stop(): Promise<void>; url: string; kind: string }> {
  const port = await freePort();
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (nginx && spawnSync(nginx, ['-v']).status === 0) {
    const conf = join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      `daemon off; worker_processes auto; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')};
events { worker_connections 1024; }
http { access_log off; sendfile on; keepalive_requests 100000; types { text/html html; }
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${port}; root ${dir}; } }\n`,
    );
    const child = spawn(nginx, ['-c', conf, '-p', dir], { stdio: 'inherit' });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${url}/item.html`);
    return { url, kind: 'nginx', stop: () => stop(child) };
  }
  const code = `const http=require('node:http'),fs=require('node:fs'),path=require('node:path');
http.createServer((req,res)=>{const f=path.join(${JSON.stringify(dir)},path.basename(req.url));
fs.stat(f,(e,s)=>{if(e){res.statusCode=404;return res.end();}res.writeHead(200,{'content-type':'text/html; charset=utf-8','content-length':s.size,'last-modified':s.mtime.toUTCString()});fs.createReadStream(f).pipe(res);});
}).listen(${port},'127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', code], { stdio: 'inherit' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/item.html`);
  return { url, kind: 'node', stop: () => stop(child) };
}
