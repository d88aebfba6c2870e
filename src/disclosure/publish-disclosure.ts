import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { fulfilFromDisclosure } from '../obligations/fulfil-from-disclosure.ts';
import { appendVersion } from './chain.ts';
import { requireClearOrOverride, scanDisclosure } from './privacy-check.ts';
import { GuardedStepInput } from './schemas.ts';
import {
  attachmentsOf,
  chinaDate,
  type Disclosure,
  loadForStep,
  recordStep,
  updateDisclosure,
} from './store.ts';

/**
 * 发布: the privacy guard runs again; version 1 is written with its digest chained to the unit's
 * latest published version; the matching obligation (entry + period) is fulfilled. A decision not
 * to disclose (不予公开) is filed (备案, state 'withheld') instead: no version, nothing public.
 */
export async function publishDisclosure(ctx: OpContext, id: string, raw: unknown = {}): Promise<Disclosure> {
  const input = parse(GuardedStepInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(tx, id, 'disclosure.publish', ['approved']);
    const at = tx.now.toISOString();
    if (d.attribute === 'withheld') {
      const filed = await updateDisclosure(tx, d, {
        state: 'withheld',
        published_by: tx.actor.personId,
        published_at: at,
      });
      await recordStep(tx, filed, {
        action: 'file_withheld',
        summary: '不予公开决定备案',
        reason: d.withheld_reason,
      });
      return filed;
    }
    const findings = await scanDisclosure(tx.db, d);
    const override = input.overrideReason || d.privacy_override_reason;
    requireClearOrOverride(findings, override);
    if (findings.length > 0 && input.overrideReason)
      await recordStep(tx, d, {
        action: 'privacy_override',
        summary: `发布时不予遮盖个人信息（${findings.length} 处）`,
        reason: input.overrideReason,
      });
    const version = await appendVersion(tx, d, {
      title: d.title,
      bodyHtml: d.body_html,
      attachments: attachmentsOf(d.attachments),
      changeNote: null,
    });
    const next = await updateDisclosure(tx, d, {
      state: 'published',
      published_by: tx.actor.personId,
      published_at: at,
      current_version_id: version.id,
    });
    await recordStep(tx, next, {
      action: 'publish',
      summary: `发布（指纹 ${version.fingerprint}）`,
      after: { version: version.version, digest: version.digest, previous_digest: version.previous_digest },
    });
    if (d.period_key) {
      try {
        await fulfilFromDisclosure(tx, {
          unitId: d.unit_id,
          entryId: d.entry_id,
          periodKey: d.period_key,
          disclosureId: d.id,
          publishedOn: chinaDate(tx.now),
        });
      } catch (e) {
        // No obligation for this entry and period (not derived, or an on-request entry): nothing to fulfil.
        if (!(e instanceof AppError && e.code === 'obligation.not_found')) throw e;
      }
    }
    return next;
  });
}
