import { inTransaction, type OpContext } from '../lib/context.ts';
import { parse } from '../lib/validate.ts';
import { appendVersion } from './chain.ts';
import { bodyFromInput } from './draft-rules.ts';
import { findingKinds, requireClearOrOverride, scanContent } from './privacy-check.ts';
import { ReviseInput } from './schemas.ts';
import { attachmentsOf, type Disclosure, loadForStep, recordStep, updateDisclosure } from './store.ts';

/**
 * 变更: a published record is never edited; a change publishes a new version with a required,
 * published explanation (变更说明), chained like any other version. The privacy guard runs on it.
 */
export async function reviseDisclosure(ctx: OpContext, id: string, raw: unknown): Promise<Disclosure> {
  const input = parse(ReviseInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(tx, id, 'disclosure.publish', ['published']);
    const bodyHtml = bodyFromInput(input.bodyHtml);
    const attachments = attachmentsOf(d.attachments);
    const findings = await scanContent(tx.db, d.tenant_id, { title: input.title, bodyHtml, attachments });
    requireClearOrOverride(findings, input.overrideReason);
    if (findings.length > 0)
      await recordStep(tx, d, {
        action: 'privacy_override',
        summary: `变更时不予遮盖个人信息（${findings.length} 处）`,
        reason: input.overrideReason,
        detail: findingKinds(findings),
      });
    const version = await appendVersion(tx, d, {
      title: input.title,
      bodyHtml,
      attachments,
      changeNote: input.changeNote,
    });
    const next = await updateDisclosure(tx, d, {
      title: input.title,
      body_html: bodyHtml,
      current_version_id: version.id,
    });
    await recordStep(tx, next, {
      action: 'revise',
      summary: `变更为第 ${version.version} 版（指纹 ${version.fingerprint}）`,
      reason: input.changeNote,
      before: { title: d.title },
      after: { title: next.title, version: version.version, digest: version.digest },
    });
    return next;
  });
}
