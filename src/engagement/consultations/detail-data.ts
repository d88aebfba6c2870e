import type { Actor } from '../../auth/actor.ts';
import type { DbOrTx } from '../../db/types.ts';
import { customPatterns } from '../../privacy/pattern-store.ts';
import { maskPersonalData } from '../../privacy/privacy-guard.ts';
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

/**
 * Everything the public page and the public API show of one consultation (404 for drafts). The
 * texts staff write for the public after opening — decision reasons, the report's summary, the
 * withdrawal reason, extension notes — pass the privacy guard like the public's comments.
 */
export async function publicDetail(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<PublicDetail> {
  const { c: stored, unit } = await consultationForPublic(db, actor.tenantId, id);
  const custom = await customPatterns(db, stored.tenant_id);
  const mask = <T extends string | null>(s: T): T => (s ? maskPersonalData(s, custom).text : s) as T;
  const c: Consultation = {
    ...stored,
    report_summary: mask(stored.report_summary),
    withdrawn_reason: mask(stored.withdrawn_reason),
  };
  const today = chinaDate(now);
  const comments = await publicComments(db, c);
  const reported = c.state === 'reported';
  const final = reported ? await finalDecisionLink(db, actor, c) : null;
  const report = reported ? await adoptionReport(db, c, comments) : null;
  return {
    c,
    unitName: unit.name,
    // 'concluded' only when the visitor may read the final decision (a 党内公开 one stays 'reported')
    status: consultationStatus(c, today, final ? await finalStateOf(db, c) : null),
    daysLeft: daysLeft(c, today),
    paragraphs: await paragraphsOf(db, c),
    comments,
    report: report && {
      ...report,
      entries: report.entries.map((e) => ({
        ...e,
        decision: { ...e.decision, reason: mask(e.decision.reason) },
      })),
    },
    final,
    notes: (await publicEvents(db, c)).map((e) => ({ kind: e.kind, note: mask(e.note), at: e.at })),
  };
}
