import { loadCalendar } from '../calendar/tenant-calendar.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { newId } from '../lib/ids.ts';
import { parse } from '../lib/validate.ts';
import { consultationReplyDue } from './clock/periods.ts';
import { issueStepDocument } from './documents-bridge.ts';
import { ConsultInput } from './schemas.ts';
import { type InfoRequest, loadForStep, recordStep, stepDate, updateRequest } from './store.ts';

/**
 * 征求意见: a third party (Art. 32) or a co-producing organ (Art. 34) is consulted in writing. The
 * clock pauses from the letter's receipt; the party has 15 working days (Art. 33(3): not counted).
 */
export async function startConsultation(ctx: OpContext, id: string, raw: unknown): Promise<InfoRequest> {
  const input = parse(ConsultInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['processing', 'consulting']);
    const on = stepDate(tx, input.on, r.supplement_received_on ?? r.received_on);
    const cal = await loadCalendar(tx.db, r.tenant_id);
    const expires = consultationReplyDue(cal, on).date;
    await tx.db
      .insertInto('request_consultations')
      .values({
        tenant_id: r.tenant_id,
        id: newId(tx.now.getTime()),
        request_id: r.id,
        kind: input.kind as 'third_party' | 'co_producer',
        party: input.party,
        sent_on: on,
        expires_on: expires,
        ended_on: null,
        result: null,
        note: input.note ?? null,
        created_at: tx.now.toISOString(),
      })
      .execute();
    const next = await updateRequest(tx, r, { state: 'consulting' });
    const doc =
      input.kind === 'third_party'
        ? await issueStepDocument(tx, next, 'third_party_consultation', {
            thirdPartyName: input.party,
            replyDeadline: expires,
          })
        : {};
    await recordStep(tx, next, {
      action: input.kind === 'third_party' ? 'consult_third_party' : 'consult_co_producer',
      summary: input.kind === 'third_party' ? '征求第三方意见' : '征求共同制作机关意见',
      onDate: on,
      detail: {
        party: input.kind === 'third_party' ? '第三方' : input.party,
        pauseStart: on,
        expires,
        ...doc,
      },
    });
    return next;
  });
}
