import { type Static, Type } from 'typebox';
import type { Actor } from '../auth/actor.ts';
import { unitVisibility } from '../auth/policy.ts';
import type { DbOrTx } from '../db/types.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { chinaDate, type Disclosure, loadForStep, recordStep, updateDisclosure } from './store.ts';

/**
 * 不予公开 备案 (regulations.md §1.1, Art. 18): a decision not to disclose is filed with its reason,
 * basis and a review date; the office lists the filings of the units it manages, is reminded when
 * a review date comes (filing-reminders.ts), and reviews (复核): keep withheld with a new review
 * date and a note, or reopen the item as a draft for disclosure. Both are on the item's trail.
 */
export interface FilingListItem {
  id: string;
  title: string;
  unitId: string;
  unitName: string;
  reason: string | null;
  basis: string | null;
  reviewDate: string | null;
  filedAt: string | null;
  due: boolean;
}

/** Withheld filings of the units where the actor holds unit.manage (the office), due ones first. */
export async function listFilings(db: DbOrTx, actor: Actor, today: string): Promise<FilingListItem[]> {
  const rows = await db
    .selectFrom('disclosures as d')
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'd.tenant_id').onRef('u.id', '=', 'd.unit_id'),
    )
    .select([
      'd.id',
      'd.title',
      'd.unit_id as unitId',
      'u.name as unitName',
      'd.withheld_reason as reason',
      'd.withheld_basis as basis',
      'd.review_date as reviewDate',
      'd.published_at as filedAt',
    ])
    .where('d.tenant_id', '=', actor.tenantId)
    .where('d.state', '=', 'withheld')
    .where(unitVisibility(actor, 'unit.manage', 'u'))
    .orderBy('d.review_date')
    .orderBy('d.id')
    .limit(1000)
    .execute();
  const out = rows.map((r) => ({ ...r, due: !!r.reviewDate && r.reviewDate <= today }));
  // Due first, then by review date (none last), then newest filing.
  return out.sort((a, b) =>
    a.due !== b.due
      ? a.due
        ? -1
        : 1
      : (a.reviewDate ?? '9999') < (b.reviewDate ?? '9999')
        ? -1
        : (a.reviewDate ?? '9999') > (b.reviewDate ?? '9999')
          ? 1
          : 0,
  );
}

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const FilingReviewInput = Type.Object({
  decision: Type.Union([Type.Literal('keep'), Type.Literal('reopen')]),
  note: Type.String({ minLength: 1, maxLength: 2000 }),
  /** Required when keeping the filing: the next review date, after today. */
  reviewDate: Type.Optional(DateStr),
});
export type FilingReviewInput = Static<typeof FilingReviewInput>;

/** 复核 by the office (unit.manage on the unit): keep withheld with a new review date, or reopen as a draft. */
export async function reviewFiling(ctx: OpContext, id: string, raw: unknown): Promise<Disclosure> {
  const input = parse(FilingReviewInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { d } = await loadForStep(tx, id, 'unit.manage', ['withheld']);
    if (input.decision === 'keep') {
      if (!input.reviewDate)
        throw new AppError('validation.failed', {
          fields: [{ field: 'reviewDate', code: 'validation.required' }],
        });
      if (input.reviewDate <= chinaDate(tx.now))
        throw new AppError('validation.failed', {
          fields: [{ field: 'reviewDate', code: 'disclosure.filing_review_date_past' }],
        });
      const next = await updateDisclosure(tx, d, { review_date: input.reviewDate });
      await recordStep(tx, next, {
        action: 'filing_keep',
        summary: `复核：维持不予公开，下次复核 ${input.reviewDate}`,
        reason: input.note,
        before: { review_date: d.review_date },
        after: { review_date: input.reviewDate, note: input.note },
        detail: { decision: 'keep', previous: d.review_date, next: input.reviewDate },
      });
      return next;
    }
    const entry = await tx.db
      .selectFrom('catalog_entries')
      .select('mode')
      .where('tenant_id', '=', d.tenant_id)
      .where('id', '=', d.entry_id)
      .executeTakeFirstOrThrow();
    // Back to drafting for disclosure: a fresh 提出 → 审核 → 审批 → 发布, the filing kept on the trail.
    const next = await updateDisclosure(tx, d, {
      state: 'draft',
      attribute: entry.mode,
      withheld_reason: null,
      withheld_basis: null,
      review_date: null,
      submitted_by: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_at: null,
      approved_by: null,
      approved_at: null,
      published_by: null,
      published_at: null,
      privacy_override_reason: null,
    });
    await recordStep(tx, next, {
      action: 'filing_reopen',
      summary: '复核：改为公开，重新起草',
      reason: input.note,
      before: {
        state: d.state,
        attribute: d.attribute,
        withheld_reason: d.withheld_reason,
        withheld_basis: d.withheld_basis,
        review_date: d.review_date,
      },
      after: { state: 'draft', attribute: next.attribute, note: input.note },
      detail: { decision: 'reopen', withheld_reason: d.withheld_reason, withheld_basis: d.withheld_basis },
    });
    return next;
  });
}

export interface PrivacyOverrideItem {
  eventId: string;
  disclosureId: string;
  title: string;
  unitName: string;
  actorName: string;
  at: string;
  reason: string | null;
  kinds: { part: string; kind: string; label?: string }[];
}

/** Privacy overrides (不予遮盖) on the trails of the units the actor manages, newest first. */
export async function listPrivacyOverrides(
  db: DbOrTx,
  actor: Actor,
  limit = 500,
): Promise<PrivacyOverrideItem[]> {
  const rows = await db
    .selectFrom('disclosure_events as e')
    .innerJoin('disclosures as d', (j) =>
      j.onRef('d.tenant_id', '=', 'e.tenant_id').onRef('d.id', '=', 'e.disclosure_id'),
    )
    .innerJoin('units as u', (j) =>
      j.onRef('u.tenant_id', '=', 'd.tenant_id').onRef('u.id', '=', 'd.unit_id'),
    )
    .select([
      'e.id as eventId',
      'e.disclosure_id as disclosureId',
      'd.title',
      'u.name as unitName',
      'e.actor_name as actorName',
      'e.at',
      'e.reason',
      'e.detail',
    ])
    .where('e.tenant_id', '=', actor.tenantId)
    .where('e.action', '=', 'privacy_override')
    .where(unitVisibility(actor, 'unit.manage', 'u'))
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(({ detail, ...r }) => ({ ...r, kinds: detail ? JSON.parse(detail) : [] }));
}
