import { sql } from 'kysely';
import { addGuidingEntry } from '../src/catalog/add-guiding-entry.ts';
import { createGuidingCatalog } from '../src/catalog/create-guiding-catalog.ts';
import { DEMO_CATALOGS } from '../src/demo/catalogs/index.ts';
import { beijingDate } from '../src/jobs/schedule-daily.ts';
import { deriveObligations } from '../src/obligations/derive-obligations.ts';
import { saveSettings } from '../src/obligations/save-settings.ts';
import { freshDb } from '../test/helpers/db.ts';
import { makePerson, makeUnit, makeWorld, type World } from '../test/helpers/factories.ts';
import type { Client } from '../test/helpers/server.ts';
import { startTestApp, TestClock } from '../test/helpers/server.ts';

/**
 * `npm run bench -- obligations [sqlite|postgres] [--units N] [--requests N]`
 *
 * A county of 300 units (1 county government, 14 departments, 15 townships with 18 villages
 * each) following the demo county's starter guiding catalogs, built three years ago; measures on
 * SQLite and PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:55432/postgres, a
 * throw-away database): the full derivation of three years of periodic obligations, a daily
 * incremental run (an ordinary day and the first day of a month), and the compliance board for the
 * whole county and one township (median and p95 of repeated requests through app.inject, signed in
 * as the county office and as the township office). Targets: county < 200 ms, township < 50 ms,
 * daily run < 2 s.
 */

const NOW = new Date('2026-11-20T02:00:00.000Z');
const BUILT = new Date('2023-11-20T02:00:00.000Z');
const PG_DEFAULT = 'postgres://postgres@127.0.0.1:55432/postgres';

interface Figures {
  dialect: string;
  units: number;
  obligations: number;
  seedMs: number;
  deriveMs: number;
  dailyMs: number;
  monthStartMs: number;
  county: Stats;
  township: Stats;
  drill: Stats;
}
interface Stats {
  median: number;
  p95: number;
}

export async function run(args: string[]): Promise<void> {
  const only = args.find((a) => a === 'sqlite' || a === 'postgres');
  const requests = Number(argValue(args, '--requests') ?? 40);
  const townships = Number(argValue(args, '--townships') ?? 15);
  const dialects = only ? [only] : ['sqlite', 'postgres'];
  const out: Figures[] = [];
  for (const d of dialects) {
    const saved = process.env.DATABASE_URL;
    if (d === 'postgres') process.env.DATABASE_URL = saved?.startsWith('postgres') ? saved : PG_DEFAULT;
    else delete process.env.DATABASE_URL;
    try {
      out.push(await benchOne(d, townships, requests));
    } catch (err) {
      console.error(`${d}: ${(err as Error).message}`);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  }
  print(out);
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function seedCounty(w: World, townships: number) {
  const gov = await makeUnit(w, w.rootId, 'county', '县政府', 'B-GOV');
  for (let i = 1; i <= 14; i++) await makeUnit(w, gov.id, 'department', `县直部门${i}`, `B-D-${i}`);
  const towns = [];
  for (let t = 1; t <= townships; t++) {
    const town = await makeUnit(w, gov.id, 'township', `第${t}镇`, `B-T-${t}`);
    towns.push(town);
    for (let v = 1; v <= 18; v++) await makeUnit(w, town.id, 'village', `第${t}镇${v}村`, `B-T-${t}-V-${v}`);
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
  await saveSettings(w.system, { derivationStart: beijingDate(BUILT) });
  return { gov, towns };
}

/** Most obligations fulfilled (on time), some late, about one in eight still open. */
async function fulfilSome(w: World, today: string) {
  const db = w.system.db;
  const base = db
    .updateTable('obligations')
    .where('tenant_id', '=', w.tenantId)
    .where('due_date', '<', today)
    .where('fulfilled_on', 'is', null);
  await base
    .set({ fulfilled_on: sql`period_end`, fulfilment_kind: 'manual', fulfilled_at: NOW.toISOString() })
    .where(sql<boolean>`substr(id, 36, 1) not in ('d', 'e', 'f')`)
    .execute();
  await base
    .set({ fulfilled_on: today, fulfilment_kind: 'manual', fulfilled_at: NOW.toISOString() })
    .where(sql<boolean>`substr(id, 36, 1) = 'd'`)
    .execute();
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

async function measure(client: Client, url: string, n: number): Promise<Stats> {
  for (let i = 0; i < 3; i++) await expectOk(client, url);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await expectOk(client, url);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return {
    median: ms[Math.floor(ms.length / 2)],
    p95: ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)],
  };
}

async function expectOk(client: Client, url: string) {
  const res = await client.get(url);
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
}

async function benchOne(dialect: string, townships: number, requests: number): Promise<Figures> {
  const tdb = await freshDb();
  try {
    const [seeded, seedMs] = await time(async () => {
      const w = await makeWorld(tdb.db, BUILT, 'bench');
      return { w, ...(await seedCounty(w, townships)) };
    });
    const { w, towns } = seeded;
    const today = beijingDate(NOW);
    const ctx = { db: tdb.db, actor: w.system.actor, now: NOW };
    const [, deriveMs] = await time(() => deriveObligations(ctx, { until: today }));
    await fulfilSome(w, today);
    const nextDay = new Date(NOW.getTime() + 86400_000);
    const [, dailyMs] = await time(() =>
      deriveObligations({ ...ctx, now: nextDay }, { until: beijingDate(nextDay) }),
    );
    const monthStart = new Date('2026-12-01T02:00:00.000Z');
    const [, monthStartMs] = await time(() =>
      deriveObligations({ ...ctx, now: monthStart }, { until: beijingDate(monthStart) }),
    );
    const units = await tdb.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', w.tenantId)
      .executeTakeFirstOrThrow();
    const obligations = await tdb.db
      .selectFrom('obligations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', w.tenantId)
      .executeTakeFirstOrThrow();

    const county = await makePerson(w, w.rootId, [{ role: 'office', unitId: w.rootId, coversSubtree: true }]);
    const town = towns[0];
    const townOffice = await makePerson(w, town.id, [
      { role: 'office', unitId: town.id, coversSubtree: true },
    ]);
    const app = await startTestApp({ db: tdb, world: w, clock: new TestClock(nextDay) });
    try {
      const c1 = app.client();
      await c1.signIn(county.username);
      const c2 = app.client();
      await c2.signIn(townOffice.username);
      const village = await tdb.db
        .selectFrom('units')
        .select('id')
        .where('tenant_id', '=', w.tenantId)
        .where('parent_id', '=', town.id)
        .executeTakeFirstOrThrow();
      return {
        dialect,
        units: Number(units.n),
        obligations: Number(obligations.n),
        seedMs,
        deriveMs,
        dailyMs,
        monthStartMs,
        county: await measure(c1, '/admin/obligations', requests),
        township: await measure(c2, '/admin/obligations', requests),
        drill: await measure(c2, `/admin/obligations/unit/${village.id}`, requests),
      };
    } finally {
      await app.close();
    }
  } finally {
    await tdb.cleanup();
  }
}

function print(rows: Figures[]) {
  const f = (n: number) => `${n.toFixed(n < 100 ? 1 : 0)} ms`;
  const ok = (n: number, target: number) => `${f(n)} ${n < target ? '✓' : '✗'} (< ${target} ms)`;
  const lines: [string, ...string[]][] = [
    ['', ...rows.map((r) => r.dialect)],
    ['units', ...rows.map((r) => String(r.units))],
    ['obligations (3 years)', ...rows.map((r) => String(r.obligations))],
    ['seed (units + catalogs)', ...rows.map((r) => f(r.seedMs))],
    ['full derivation', ...rows.map((r) => f(r.deriveMs))],
    ['daily incremental run', ...rows.map((r) => ok(r.dailyMs, 2000))],
    ['month-start incremental run', ...rows.map((r) => ok(r.monthStartMs, 2000))],
    ['county board median', ...rows.map((r) => ok(r.county.median, 200))],
    ['county board p95', ...rows.map((r) => f(r.county.p95))],
    ['township board median', ...rows.map((r) => ok(r.township.median, 50))],
    ['township board p95', ...rows.map((r) => f(r.township.p95))],
    ['village drill-down median', ...rows.map((r) => f(r.drill.median))],
  ];
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => [...(l[i] ?? '')].length)));
  for (const l of lines) console.log(l.map((c, i) => c.padEnd(widths[i])).join('  │  '));
}
