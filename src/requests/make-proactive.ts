import { can } from '../auth/policy.ts';
import { createDraft } from '../disclosure/create-draft.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { ProactiveInput } from './schemas.ts';
import { chinaDate, findRequest, type InfoRequest, loadForStep, recordStep } from './store.ts';

/**
 * 转为主动公开 (Art. 44): several applicants asked the same unit for the same information; the office
 * makes it a draft in the disclosure workflow (src/disclosure/create-draft.ts), linked to every
 * request it answers (request_disclosures). The requests themselves carry on as before.
 */
export async function makeProactive(
  ctx: OpContext,
  id: string,
  raw: unknown,
): Promise<{ disclosureId: string }> {
  const input = parse(ProactiveInput, raw);
  const others = (
    Array.isArray(input.otherRequestIds)
      ? input.otherRequestIds
      : (input.otherRequestIds ?? '').split(/[\s,，]+/)
  )
    .map((s) => s.trim())
    .filter((s) => s && s !== id);
  return inTransaction(ctx, async (tx) => {
    const { r, unit } = await loadForStep(tx, id, 'request.office', [
      'processing',
      'consulting',
      'fee_pending',
      'precheck',
      'replied',
      'delivered',
      'closed',
      'archived',
    ]);
    const linked: InfoRequest[] = [r];
    for (const oid of [...new Set(others)]) {
      const o = await findRequest(tx.db, tx.actor.tenantId, oid);
      if (!o || o.r.unit_id !== r.unit_id || !can(tx.actor, 'request.view', o.unit))
        throw new AppError('validation.failed', {
          fields: [{ field: 'otherRequestIds', code: 'request.other_unknown' }],
        });
      linked.push(o.r);
    }
    const d = await createDraft(tx, {
      unitId: unit.id,
      entryId: input.entryId,
      title: input.title,
      bodyHtml: `<p>${escapeHtml(r.description)}</p>`,
      decidedOn: chinaDate(tx.now),
      attribute: 'proactive',
    });
    for (const x of linked) {
      await tx.db
        .insertInto('request_disclosures')
        .values({
          tenant_id: x.tenant_id,
          id: newId(tx.now.getTime()),
          request_id: x.id,
          disclosure_id: d.id,
          created_at: tx.now.toISOString(),
        })
        .execute();
      await recordStep(tx, x, {
        action: 'to_proactive',
        summary: '转为主动公开',
        detail: { disclosureId: d.id, requests: linked.length },
      });
    }
    return { disclosureId: d.id };
  });
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
