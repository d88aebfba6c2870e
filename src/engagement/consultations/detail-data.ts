import type { Actor } from '../../auth/actor.ts';
import type { DbOrTx } from '../../db/types.ts';
import {
  type AdoptionReport,
  adoptionReport,
  type FinalLink,
  finalDecisionLink,
  type PublicComment,
  publicComments,
  publicEvents,
} from './queries.ts';
import { type ConsultationStatus, chinaDate, consultationStatus, daysLeft } from './status.ts';
import {
  type Consultation,
  consultationForPublic,
  finalStateOf,
  type Paragraph,
  paragraphsOf,
} from './store.ts';

export interface PublicDetail {
  c: Consultation;
  unitName: string;
  status: ConsultationStatus;
  daysLeft: number;
  paragraphs: Paragraph[];
  comments: PublicComment[];
  report: AdoptionReport | null;
  final: FinalLink | null;
  notes: { kind: string; note: string | null; at: string }[];
}

/** Everything the public page and the public API show of one consultation (404 for drafts). */
export async function publicDetail(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<PublicDetail> {
  const { c, unit } = await consultationForPublic(db, actor.tenantId, id);
  const today = chinaDate(now);
  const status = consultationStatus(c, today, await finalStateOf(db, c));
  const comments = await publicComments(db, c);
  const reported = c.state === 'reported';
  return {
    c,
    unitName: unit.name,
    status,
    daysLeft: daysLeft(c, today),
    paragraphs: await paragraphsOf(db, c),
    comments,
    report: reported ? await adoptionReport(db, c, comments) : null,
    final: reported ? await finalDecisionLink(db, actor, c) : null,
    notes: (await publicEvents(db, c)).map((e) => ({ kind: e.kind, note: e.note, at: e.at })),
  };
}
