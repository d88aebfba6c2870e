import { recordAudit } from '../audit/record-audit.ts';
import { inTransaction, type OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { parse } from '../lib/validate.ts';
import { addressedUnit } from './intake.ts';
import { TransferInput } from './schemas.ts';
import { type InfoRequest, loadForStep, recordStep, updateRequest } from './store.ts';

/**
 * 转办: the request goes to the unit that holds the information. It keeps its received date and
 * trail; the trail entry names both units (the source keeps a masked record of what it sent on,
 * see queries.ts transferredOut) and both units' audit logs get an entry.
 */
export async function transferRequest(ctx: OpContext, id: string, raw: unknown): Promise<InfoRequest> {
  const input = parse(TransferInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { r, unit } = await loadForStep(tx, id, 'request.handle', ['awaiting_confirmation', 'processing']);
    const target = await addressedUnit(tx, input.toUnitId);
    if (target.id === unit.id)
      throw new AppError('validation.failed', {
        fields: [{ field: 'toUnitId', code: 'request.transfer_same_unit' }],
      });
    await recordStep(tx, r, {
      action: 'transfer',
      summary: `转办至${target.name}`,
      toUnitId: target.id,
      reason: input.reason,
      detail: { from: unit.name, to: target.name },
    });
    const next = await updateRequest(tx, r, { unit_id: target.id, transferred_from_unit_id: unit.id });
    await recordAudit(tx, {
      action: 'request.transfer_in',
      targetType: 'request',
      targetId: r.id,
      unitId: target.id,
      summary: `收到${unit.name}转办的申请：${r.tracking_code}`,
      after: { from: unit.id, reason: input.reason },
    });
    return next;
  });
}
