import { can } from '../auth/policy.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { issueStepDocument } from './documents-bridge.ts';
import { addressedUnit, checkContact, newRequestRow } from './intake.ts';
import { RegisterRequestInput } from './schemas.ts';
import { type InfoRequest, recordStep, stepDate, updateRequest } from './store.ts';

/**
 * 登记 by staff of a request that arrived in person, by post, email or fax, with the channel's
 * received-date rule (Art. 31, regulations.md §1.3):
 * - in person: the day of submission; registered post: the day the organ signed for it;
 *   email: the day the mail system received it — all given as receivedOn;
 * - ordinary post and fax: the day the office confirmed with the applicant (confirmedOn); without
 *   it the request waits for confirmation (confirmRequest).
 */
export async function registerRequest(
  ctx: OpContext,
  raw: unknown,
): Promise<{ request: InfoRequest; secret: string }> {
  const input = parse(RegisterRequestInput, raw);
  checkContact(input);
  return inTransaction(ctx, async (tx) => {
    const unit = await addressedUnit(tx, input.unitId);
    // a unit the actor does not handle is not offered on the form: same answer as an unknown one
    if (!can(tx.actor, 'request.handle', unit)) {
      if (tx.actor.kind === 'anonymous') throw new AppError('auth.required');
      throw new AppError('validation.failed', {
        fields: [{ field: 'unitId', code: 'request.unit_unknown' }],
      });
    }
    const arrived = stepDate(tx, input.receivedOn, null, 'receivedOn');
    const needsConfirmation = input.channel === 'ordinary_post' || input.channel === 'fax';
    const confirmed = needsConfirmation
      ? input.confirmedOn
        ? stepDate(tx, input.confirmedOn, arrived, 'confirmedOn')
        : null
      : arrived;
    const { row, secret } = newRequestRow(tx, unit, input, {
      channel: input.channel,
      state: confirmed ? 'processing' : 'awaiting_confirmation',
      confirmed_on: needsConfirmation ? confirmed : null,
      received_on: confirmed,
    });
    await tx.db.insertInto('requests').values(row).execute();
    const next = await updateRequest(tx, row, {});
    const doc = confirmed ? await issueStepDocument(tx, next, 'acknowledgement', {}) : {};
    await recordStep(tx, next, {
      action: 'register',
      summary: '登记政府信息公开申请',
      onDate: confirmed ?? arrived,
      detail: { channel: input.channel, arrived, received: confirmed, ...doc },
    });
    return { request: next, secret };
  });
}
