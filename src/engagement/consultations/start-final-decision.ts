import { can } from '../../auth/policy.ts';
import { createDraft } from '../../disclosure/create-draft.ts';
import type { Disclosure } from '../../disclosure/store.ts';
import { inTransaction, type OpContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parse } from '../../lib/validate.ts';
import { FinalDecisionInput } from './schemas.ts';
import {
  consultationForStaff,
  finalStateOf,
  paragraphsOf,
  recordStep,
  stateError,
  updateConsultationRow,
} from './store.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * 形成最终决定: from a consultation whose adoption report is published, drafts the final decision
 * as a disclosure (公开事项) of the same unit through the disclosure workflow's own createDraft
 * (disclosure.draft needed), pre-filled with the consulted text, and links it. The draft then goes
 * through 审核 → 审批 → 发布 like every disclosure; the consultation counts as concluded while that
 * disclosure is published. A new draft may replace the link while the linked one is still an
 * unsubmitted draft (the old draft stays among the unit's drafts, unlinked) or was revoked.
 */
export async function startFinalDecision(
  ctx: OpContext,
  consultationId: string,
  raw: unknown,
): Promise<Disclosure> {
  const input = parse(FinalDecisionInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { c, unit } = await consultationForStaff(tx, consultationId);
    if (!can(tx.actor, 'disclosure.draft', unit))
      throw new AppError('consultation.final_needs_drafter', { status: 403 });
    if (c.state !== 'reported') throw stateError('consultation.not_reported');
    const linked = await finalStateOf(tx.db, c);
    // an unsubmitted draft may be replaced (staff start over), as may a revoked decision
    if (linked && linked !== 'revoked' && linked !== 'draft') throw stateError('consultation.final_exists');
    const paragraphs = await paragraphsOf(tx.db, c);
    const note = `本决定草案已于 ${c.opens_on} 至 ${c.closes_on} 公开征求意见，意见采纳情况已公布。`;
    const bodyHtml = [...paragraphs.map((p) => `<p>${esc(p.body)}</p>`), `<p>${esc(note)}</p>`].join('');
    const d = await createDraft(tx, {
      unitId: c.unit_id,
      entryId: input.entryId,
      title: input.title?.trim() || c.title.replace(/（?征求意见稿）?$/, ''),
      bodyHtml,
      decidedOn: input.decidedOn,
    });
    const next = await updateConsultationRow(tx, c, { final_disclosure_id: d.id });
    await recordStep(tx, next, {
      kind: 'final_started',
      summary: `据征求意见「${c.title}」起草最终决定`,
      before: { final_disclosure_id: c.final_disclosure_id },
      after: { final_disclosure_id: d.id },
    });
    return d;
  });
}
