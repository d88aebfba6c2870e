import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { EndConsultInput } from './schemas.ts';
import {
  chinaDate,
  consultationsOf,
  type InfoRequest,
  loadForStep,
  recordStep,
  stepDate,
  updateRequest,
} from './store.ts';

/**
 * Records the consulted party's answer (on = its receipt) or its silence once the 15 working days
 * are over (the pause then ends with the window; Art. 34: silence of a co-producer = consent).
 * When no consultation is left open the request goes back to processing.
 */
export async function endConsultation(ctx: OpContext, id: string, raw: unknown): Promise<InfoRequest> {
  const input = parse(EndConsultInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r } = await loadForStep(tx, id, 'request.handle', ['consulting']);
    const all = await consultationsOf(tx.db, r);
    const c = all.find((x) => x.id === input.consultationId && !x.ended_on);
    if (!c) throw new AppError('request.consultation_not_found');
    let on: string;
    let result: string = input.result;
    if (input.result === 'silent') {
      if (chinaDate(tx.now) <= c.expires_on)
        throw new AppError('request.consultation_running', { status: 409, params: { date: c.expires_on } });
      on = c.expires_on;
      if (c.kind === 'co_producer') result = 'silent_consent';
    } else {
      on = stepDate(tx, input.on, c.sent_on);
      // an opinion that arrives after the window: the pause still ended with the window
      if (on > c.expires_on) on = c.expires_on;
    }
    await tx.db
      .updateTable('request_consultations')
      .set({ ended_on: on, result, note: input.note ?? c.note })
      .where('tenant_id', '=', r.tenant_id)
      .where('id', '=', c.id)
      .execute();
    const stillOpen = all.some((x) => x.id !== c.id && !x.ended_on);
    const next = await updateRequest(tx, r, { state: stillOpen ? 'consulting' : 'processing' });
    await recordStep(tx, next, {
      action: 'consult_end',
      summary: c.kind === 'third_party' ? '第三方意见征询结束' : '共同制作机关意见征询结束',
      onDate: on,
      detail: { kind: c.kind, result, pauseStart: c.sent_on, pauseEnd: on },
    });
    return next;
  });
}
