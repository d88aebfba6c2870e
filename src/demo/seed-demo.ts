import { systemActor } from '../auth/actor.ts';
import { DEMO_PASSWORD } from '../auth/passwords.ts';
import type { DbOrTx } from '../db/types.ts';
import { seedEngagementDemo } from '../engagement/demo.ts';
import { beijingDate } from '../jobs/schedule-daily.ts';
import type { OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { deriveObligations } from '../obligations/derive-obligations.ts';
import { createPerson } from '../people/create-person.ts';
import { grantRole } from '../people/grant-role.ts';
import { createTenant, findTenant } from '../units/create-tenant.ts';
import { createUnit } from '../units/create-unit.ts';
import { seedDemoCatalogs } from './catalogs/seed-catalogs.ts';
import { DEMO_PEOPLE, DEMO_TENANT, DEMO_UNITS } from './county-data.ts';
import { demoTimeline, joinedAt } from './disclosures/rollout.ts';
import { seedDemoDisclosures } from './disclosures/seed-disclosures.ts';

export interface SeedDemoOptions {
  /**
   * A year of history (default on): the county went live twelve months before `now` with a pilot
   * group of units that has published, late, revised, revoked and withheld items since, and the
   * rest joined this month (see disclosures/rollout.ts). Off: everything is created at `now` with
   * no disclosures — the bare county that journeys with a pinned clock build on.
   */
  history?: boolean;
}

/**
 * Seeds the demo county 青山县 through the real operations, so the demo data passes the same
 * validation and leaves the same audit trail as data entered by hand. Dates are relative to
 * `now`: the demo looks alive whenever it is seeded.
 *
 * Idempotent: when the tenant already exists nothing is touched (the demo may have been edited
 * by its users since). Everything happens in one transaction, so a failure leaves no half county.
 */
export async function seedDemo(
  db: DbOrTx,
  now: Date,
  opts: SeedDemoOptions = {},
): Promise<{ created: boolean; tenantId: string }> {
  const existing = await findTenant(db, DEMO_TENANT.code);
  if (existing) return { created: false, tenantId: existing.id };
  const history = opts.history ?? true;
  const timeline = demoTimeline(now);
  /** When a unit (and its people) joined the platform: a year ago for the pilot, else this month. */
  const joined = (code: string) => (history ? joinedAt(code, timeline) : now);
  const launch = history ? timeline.launch : now;
  try {
    const tenantId = await db.transaction().execute(async (tx) => {
      const { tenant, rootUnitId } = await createTenant(tx, DEMO_TENANT, launch);
      const ctx: OpContext = { db: tx, actor: systemActor(tenant.id, 'demo-seed'), now };
      const at = (when: Date): OpContext => ({ ...ctx, now: when });
      const ids = new Map<string, string>([[DEMO_TENANT.rootCode, rootUnitId]]);
      const resolve = (code: string): string => {
        const id = ids.get(code);
        // A data error, not a user error: the arrays are ordered parents first.
        if (!id) throw new Error(`demo data: unit code ${code} is used before it is defined`);
        return id;
      };
      // Sort order follows the data order among siblings, so trees list townships as written.
      const siblings = new Map<string, number>();
      for (const u of DEMO_UNITS) {
        const n = (siblings.get(u.parentCode) ?? 0) + 1;
        siblings.set(u.parentCode, n);
        const unit = await createUnit(at(joined(u.code)), {
          code: u.code,
          name: u.name,
          kind: u.kind,
          parentId: resolve(u.parentCode),
          adminCode: u.adminCode,
          hostUnitId: u.hostCode ? resolve(u.hostCode) : undefined,
          contactPhone: u.contactPhone,
          address: u.address,
          sortOrder: n * 10,
        });
        ids.set(u.code, unit.id);
      }
      for (const p of DEMO_PEOPLE) {
        const pctx = at(joined(p.unitCode));
        const { id: personId } = await createPerson(
          pctx,
          {
            username: p.username,
            displayName: p.displayName,
            unitId: resolve(p.unitCode),
            phone: p.phone,
            password: DEMO_PASSWORD,
          },
          // Demo accounts keep the published password so visitors can sign in straight away.
          { demoMode: true, mustChangePassword: false },
        );
        for (const g of p.grants)
          await grantRole(pctx, {
            personId,
            role: g.role,
            unitId: resolve(g.unitCode),
            coversSubtree: g.coversSubtree,
          });
      }
      const entries = await seedDemoCatalogs(at(launch), resolve, DEMO_TENANT.rootCode);
      await deriveObligations(ctx, { until: beijingDate(now) });
      if (history) {
        await seedDemoDisclosures(ctx, { timeline, unitId: resolve, entries });
        await seedEngagementDemo(ctx, { unitId: resolve, launch: timeline.launch });
      }
      return tenant.id;
    });
    return { created: true, tenantId };
  } catch (err) {
    // Another process seeded concurrently and won the race on the tenant code.
    if (err instanceof AppError && err.code === 'tenant.exists') {
      const t = await findTenant(db, DEMO_TENANT.code);
      if (t) return { created: false, tenantId: t.id };
    }
    throw err;
  }
}
