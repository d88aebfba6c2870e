import { can } from '../../auth/policy.ts';
import { effectiveCatalog } from '../../catalog/queries.ts';
import type { DbOrTx } from '../../db/types.ts';
import type { OpContext } from '../../lib/context.ts';
import type { AdminDetailProps } from './admin-views.tsx';
import { adoptionReport, commentsOf, publicComments } from './queries.ts';
import { chinaDate, consultationStatus } from './status.ts';
import { consultationForStaff, paragraphsOf } from './store.ts';

/** Catalog entries a final decision can be disclosed under: the unit's applicable non-periodic ones. */
async function finalEntries(db: DbOrTx, unit: Parameters<typeof effectiveCatalog>[1]) {
  return (await effectiveCatalog(db, unit))
    .filter((i) => i.applies && i.entry.status === 'active' && i.entry.timing !== 'periodic')
    .map((i) => ({
      value: i.entry.id,
      label: [i.entry.level1, i.entry.level2, i.entry.item].filter(Boolean).join(' / '),
    }));
}

/** The staff page of one consultation (consultation.manage on the unit, else 404). */
export async function adminDetail(ctx: OpContext, id: string): Promise<AdminDetailProps> {
  const { db } = ctx;
  const { c, unit } = await consultationForStaff(ctx, id);
  const final = c.final_disclosure_id
    ? ((await db
        .selectFrom('disclosures')
        .select(['id', 'title', 'state'])
        .where('tenant_id', '=', c.tenant_id)
        .where('id', '=', c.final_disclosure_id)
        .executeTakeFirst()) ?? null)
    : null;
  const decisions = await db
    .selectFrom('consultation_decisions')
    .selectAll()
    .where('tenant_id', '=', c.tenant_id)
    .where('consultation_id', '=', c.id)
    .execute();
  const reported = c.state === 'reported';
  return {
    c,
    unitName: unit.name,
    status: consultationStatus(c, chinaDate(ctx.now), (final?.state ?? null) as never),
    paragraphs: await paragraphsOf(db, c),
    comments: await commentsOf(db, c),
    report: reported ? await adoptionReport(db, c, await publicComments(db, c)) : null,
    decisions: new Map(decisions.map((d) => [d.id, { outcome: d.outcome, reason: d.reason }])),
    entries: reported && can(ctx.actor, 'disclosure.draft', unit) ? await finalEntries(db, unit) : [],
    final,
    events: await db
      .selectFrom('consultation_events')
      .select(['at', 'kind', 'actor_name', 'note'])
      .where('tenant_id', '=', c.tenant_id)
      .where('consultation_id', '=', c.id)
      .orderBy('at')
      .execute(),
    today: chinaDate(ctx.now),
  };
}
