import type { DbOrTx } from '../../db/types.ts';

/** What the public page of a final decision (/d/:id) shows: 本决定已公开征求意见, with links. */
export interface ConsultedLink {
  id: string;
  title: string;
  /** 'consultation page' and its adoption report anchor */
  href: string;
  reportHref: string;
}

/**
 * The consultation a published decision came from (the hook the disclosure item page calls).
 * Consultations are public, so the link is shown to whoever may read the decision itself; the
 * item route has already answered 404 to visitors who may not. Only a consultation whose report
 * is published counts (the final decision can only be started from one).
 */
export async function consultationOfDecision(
  db: DbOrTx,
  d: { tenant_id: string; id: string; state: string },
): Promise<ConsultedLink | null> {
  if (d.state !== 'published') return null;
  const c = await db
    .selectFrom('consultations')
    .select(['id', 'title'])
    .where('tenant_id', '=', d.tenant_id)
    .where('final_disclosure_id', '=', d.id)
    .where('state', '=', 'reported')
    .executeTakeFirst();
  if (!c) return null;
  return {
    id: c.id,
    title: c.title,
    href: `/consultations/${c.id}`,
    reportHref: `/consultations/${c.id}#report`,
  };
}
