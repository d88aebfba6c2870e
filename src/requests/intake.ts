import type { Unit } from '../db/types.ts';
import type { OpContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { isId, newId } from '../lib/ids.ts';
import type { SubmitRequestInput } from './schemas.ts';
import { hashIdNumber, hashSecret, type InfoRequest, newTrackingCode, randomCode } from './store.ts';

/** Shared by the public form and staff registration: the unit, the contact rule, the new row. */
export async function addressedUnit(ctx: OpContext, unitId: string): Promise<Unit> {
  const unit = isId(unitId)
    ? await ctx.db
        .selectFrom('units')
        .selectAll()
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('id', '=', unitId)
        .where('status', '=', 'active')
        .executeTakeFirst()
    : undefined;
  if (!unit)
    throw new AppError('validation.failed', { fields: [{ field: 'unitId', code: 'request.unit_unknown' }] });
  return unit;
}

/** Art. 29: a way to reach the applicant — phone, email or postal address. */
export function checkContact(input: SubmitRequestInput): void {
  if (!input.phone?.trim() && !input.email?.trim() && !input.address?.trim())
    throw new AppError('validation.failed', {
      fields: [{ field: 'phone', code: 'request.contact_required' }],
    });
  if (input.obtainMethod === 'post' && !input.address?.trim())
    throw new AppError('validation.failed', {
      fields: [{ field: 'address', code: 'request.address_required' }],
    });
  if (input.obtainMethod === 'email' && !input.email?.trim())
    throw new AppError('validation.failed', { fields: [{ field: 'email', code: 'request.email_required' }] });
}

export function newRequestRow(
  ctx: OpContext,
  unit: Unit,
  input: SubmitRequestInput,
  extra: Pick<InfoRequest, 'channel' | 'state' | 'confirmed_on' | 'received_on'>,
): { row: InfoRequest; secret: string } {
  const secret = randomCode(10);
  const at = ctx.now.toISOString();
  const opt = (v: string | undefined) => (v?.trim() ? v.trim() : null);
  const row: InfoRequest = {
    tenant_id: unit.tenant_id,
    id: newId(ctx.now.getTime()),
    unit_id: unit.id,
    tracking_code: newTrackingCode(ctx.now),
    secret_hash: hashSecret(secret),
    submitted_at: at,
    ...extra,
    applicant_kind: input.applicantKind,
    applicant_name: input.applicantName.trim(),
    contact_person: opt(input.contactPerson),
    id_type:
      opt(input.idType) ?? (input.applicantKind === 'natural_person' ? '居民身份证' : '统一社会信用代码'),
    id_number: input.idNumber.trim(),
    id_number_hash: hashIdNumber(input.idNumber),
    phone: opt(input.phone),
    email: opt(input.email),
    address: opt(input.address),
    postcode: opt(input.postcode),
    description: input.description.trim(),
    doc_number: opt(input.docNumber),
    provision_form: input.provisionForm,
    obtain_method: input.obtainMethod,
    supplement_notice_on: null,
    supplement_due_on: null,
    supplement_request: null,
    supplement_received_on: null,
    supplement_text: null,
    extension_days: null,
    extension_on: null,
    extension_reason: null,
    extension_approved_by: null,
    fee_method: null,
    fee_quantity: null,
    fee_amount: null,
    fee_notice_on: null,
    fee_due_on: null,
    fee_paid_on: null,
    due_date: null,
    due_provisional: 0,
    clock_paused: 0,
    reply_kind: null,
    reply_text: null,
    reply_ground: null,
    replied_on: null,
    replied_by: null,
    precheck: null,
    delivery_method: null,
    delivered_on: null,
    outcome_key: null,
    closed_on: null,
    archived_at: null,
    transferred_from_unit_id: null,
    created_by: ctx.actor.personId,
    created_at: at,
    updated_at: at,
  };
  return { row, secret };
}
