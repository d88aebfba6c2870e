import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { findingKinds, requireClearOrOverride, scanDisclosure } from './privacy-check.ts';
import { GuardedStepInput } from './schemas.ts';
import { type Disclosure, loadForStep, recordStep, updateDisclosure } from './store.ts';

/**
 * 提交: the privacy guard scans title, body and attachments; findings block the submission unless
 * masked, or overridden with a reason (the override is on the trail and in the audit log).
 */
export async function submitDisclosure(ctx: OpContext, id: string, raw: unknown = {}): Promise<Disclosure> {
  const input = parse(GuardedStepInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(tx, id, 'disclosure.draft', ['draft']);
    const findings = await scanDisclosure(tx.db, d);
    requireClearOrOverride(findings, input.overrideReason);
    const at = tx.now.toISOString();
    const override = findings.length > 0 ? input.overrideReason! : null;
    const next = await updateDisclosure(tx, d, {
      state: 'submitted',
      submitted_by: tx.actor.personId,
      submitted_at: at,
      privacy_override_reason: override,
    });
    if (override)
      await recordStep(tx, next, {
        action: 'privacy_override',
        summary: `不予遮盖个人信息（${findings.length} 处）`,
        reason: override,
        after: { findings: findings.map((f) => ({ part: f.part, kind: f.kind, masked: f.masked })) },
        detail: findingKinds(findings),
      });
    await recordStep(tx, next, { action: 'submit', summary: '提交审核' });
    return next;
  });
}
