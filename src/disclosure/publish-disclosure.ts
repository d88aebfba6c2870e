import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { fulfilFromDisclosure } from '../obligations/fulfil-from-disclosure.ts';
import { appendVersion } from './chain.ts';
import { minimumDisplayUntil } from './display-until.ts';
import { interpretationOf } from './interpretation.ts';
import {
  findingKinds,
  type LocatedFinding,
  requireClearOrOverride,
  scanDisclosure,
} from './privacy-check.ts';
import { GuardedStepInput } from './schemas.ts';
import {
  attachmentsOf,
  chinaDate,
  type Disclosure,
  findDisclosure,
  loadForStep,
  recordStep,
  updateDisclosure,
} from './store.ts';

/**
 * 发布: the privacy guard runs again; version 1 is written with its digest chained to the unit's
 * latest published version; the matching obligation (entry + period) is fulfilled. A decision not
 * to disclose (不予公开) is filed (备案, state 'withheld') instead: no version, nothing public.
 *
 * 三同时: publishing a document also publishes its approved 政策解读 in the same transaction (both
 * get versions in the chain, the document first). When the document's entry requires an
 * interpretation, publishing without an approved one is refused (409). An interpretation is
 * published on its own only once its document is published (a late interpretation).
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
        after: { review_date: d.review_date },
      });
      return filed;
    }
    const entry = await tx.db
      .selectFrom('catalog_entries')
      .select(['requires_interpretation', 'min_display_days'])
      .where('tenant_id', '=', d.tenant_id)
      .where('id', '=', d.entry_id)
      .executeTakeFirstOrThrow();
    let companion: Disclosure | undefined;
    if (d.interprets_id) {
      const doc = await findDisclosure(tx.db, d.tenant_id, d.interprets_id);
      if (doc?.d.state !== 'published')
        throw new AppError('disclosure.interpretation_with_document', { status: 409 });
    } else {
      const interpretation = await interpretationOf(tx.db, d);
      const ready = interpretation && ['approved', 'published'].includes(interpretation.state);
      if (entry.requires_interpretation === 1 && !ready)
        throw new AppError('disclosure.interpretation_required', {
          status: 409,
          params: { state: interpretation ? interpretation.state : 'none' },
        });
      if (interpretation?.state === 'approved') companion = interpretation;
    }

    const next = await publishOne(tx, d, entry, input.overrideReason ?? null, 'disclosure.privacy_findings');
    if (companion) {
      const published = await publishOne(
        tx,
        companion,
        entry,
        null,
        'disclosure.interpretation_privacy_findings',
      );
      await recordStep(tx, next, {
        action: 'publish_interpretation',
        summary: `政策解读“${published.title}”同时发布`,
        after: { interpretation_id: published.id },
      });
    }
    return next;
  });
}

/** Guard, version, state, trail and obligation of one disclosure (the caller holds the transaction). */
async function publishOne(
  tx: OpContext,
  d: Disclosure,
  entry: { min_display_days: number | null },
  overrideReason: string | null,
  findingsCode: string,
): Promise<Disclosure> {
  const findings: LocatedFinding[] = await scanDisclosure(tx.db, d);
  const override = overrideReason || d.privacy_override_reason;
  if (findingsCode === 'disclosure.privacy_findings') requireClearOrOverride(findings, override);
  else if (findings.length > 0 && !override)
    throw new AppError(findingsCode, { status: 422, params: { count: findings.length } });
  if (findings.length > 0 && overrideReason)
    await recordStep(tx, d, {
      action: 'privacy_override',
      summary: `发布时不予遮盖个人信息（${findings.length} 处）`,
      reason: overrideReason,
      detail: findingKinds(findings),
    });
  const publishedOn = chinaDate(tx.now);
  // 最短公开时长 counts from publication: a display-until date that would cut it short moves later.
  const minimum = d.display_until ? await minimumDisplayUntil(tx.db, d.tenant_id, entry, publishedOn) : null;
  const displayUntil = minimum && d.display_until && d.display_until < minimum ? minimum : d.display_until;
  const version = await appendVersion(tx, d, {
    title: d.title,
    bodyHtml: d.body_html,
    attachments: attachmentsOf(d.attachments),
    changeNote: null,
  });
  const next = await updateDisclosure(tx, d, {
    state: 'published',
    published_by: tx.actor.personId,
    published_at: tx.now.toISOString(),
    current_version_id: version.id,
    display_until: displayUntil,
  });
  await recordStep(tx, next, {
    action: 'publish',
    summary: `${d.interprets_id ? '发布政策解读' : '发布'}（指纹 ${version.fingerprint}）`,
    after: {
      version: version.version,
      digest: version.digest,
      previous_digest: version.previous_digest,
      display_until: displayUntil,
    },
  });
  if (d.period_key && !d.interprets_id) {
    try {
      await fulfilFromDisclosure(tx, {
        unitId: d.unit_id,
        entryId: d.entry_id,
        periodKey: d.period_key,
        disclosureId: d.id,
        publishedOn,
      });
    } catch (e) {
      // No obligation for this entry and period (not derived, or an on-request entry): nothing to fulfil.
      if (!(e instanceof AppError && e.code === 'obligation.not_found')) throw e;
    }
  }
  return next;
}
