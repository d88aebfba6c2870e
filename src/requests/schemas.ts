import { type Static, Type } from 'typebox';
import {
  APPLICANT_KINDS,
  CHANNELS,
  DELIVERY_METHODS,
  OBTAIN_METHODS,
  OUTCOME_KEYS,
  PROVISION_FORMS,
  REMEDY_KINDS,
  REMEDY_RESULTS,
  REPLY_KIND_KEYS,
} from './outcomes.ts';

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const OptDate = Type.Optional(Type.Union([DateStr, Type.Literal('')]));
const Id = Type.String({ minLength: 1, maxLength: 40 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Opt = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const OneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** What the applicant gives (Art. 29): who, how to reach them, what, in which form. */
export const ApplicantFields = {
  unitId: Id,
  applicantKind: OneOf(APPLICANT_KINDS),
  applicantName: Text(100),
  contactPerson: Opt(50),
  idType: Opt(40),
  idNumber: Text(40),
  phone: Opt(40),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Literal('')])),
  address: Opt(300),
  postcode: Opt(10),
  description: Text(4000),
  docNumber: Opt(200),
  provisionForm: OneOf(PROVISION_FORMS),
  obtainMethod: OneOf(OBTAIN_METHODS),
};

export const SubmitRequestInput = Type.Object(ApplicantFields);
export type SubmitRequestInput = Static<typeof SubmitRequestInput>;

/**
 * Staff registration of a request that came another way. receivedOn is the channel's own date:
 * submission (in person), signature (registered post), the mail system's receipt (email);
 * ordinary post and fax need confirmedOn (the day the office confirmed with the applicant) — without
 * it the request waits for confirmation.
 */
export const RegisterRequestInput = Type.Object({
  ...ApplicantFields,
  channel: OneOf(CHANNELS.filter((c) => c !== 'online')),
  receivedOn: OptDate,
  confirmedOn: OptDate,
});
export type RegisterRequestInput = Static<typeof RegisterRequestInput>;

export const DateInput = Type.Object({ on: OptDate });
export type DateInput = Static<typeof DateInput>;

export const TrackInput = Type.Object({ code: Text(40), secret: Text(40) });
export type TrackInput = Static<typeof TrackInput>;

export const SupplementNoticeInput = Type.Object({
  items: Text(2000),
  periodDays: Type.Integer({ minimum: 1, maximum: 60 }),
  on: OptDate,
});
export type SupplementNoticeInput = Static<typeof SupplementNoticeInput>;

export const SupplementInput = Type.Object({ text: Text(4000), on: OptDate });
export type SupplementInput = Static<typeof SupplementInput>;

export const ReasonInput = Type.Object({ reason: Text(1000), on: OptDate });
export type ReasonInput = Static<typeof ReasonInput>;

export const TransferInput = Type.Object({ toUnitId: Id, reason: Text(1000) });
export type TransferInput = Static<typeof TransferInput>;

export const ConsultInput = Type.Object({
  kind: OneOf(['third_party', 'co_producer']),
  party: Text(200),
  /** The day the party received the letter: its 15 working days run from here. */
  on: OptDate,
  note: Opt(1000),
});
export type ConsultInput = Static<typeof ConsultInput>;

export const EndConsultInput = Type.Object({
  consultationId: Id,
  /** agreed / objected: an opinion arrived (on = its receipt); silent: the window ran out. */
  result: OneOf(['agreed', 'objected', 'silent']),
  on: OptDate,
  note: Opt(1000),
});
export type EndConsultInput = Static<typeof EndConsultInput>;

export const ExtendInput = Type.Object({
  days: Type.Integer({ minimum: 1, maximum: 20 }),
  reason: Text(1000),
  on: OptDate,
});
export type ExtendInput = Static<typeof ExtendInput>;

export const FeeNoticeInput = Type.Object({
  method: OneOf(['per_request', 'per_volume']),
  /** per_volume: pages; per_request: left empty, the applicant's count this month is used. */
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  on: OptDate,
});
export type FeeNoticeInput = Static<typeof FeeNoticeInput>;

export const ReplyInput = Type.Object({
  kind: OneOf(REPLY_KIND_KEYS),
  reason: Type.Optional(Type.Union([OneOf(OUTCOME_KEYS), Type.Literal('')])),
  text: Text(8000),
  on: OptDate,
});
export type ReplyInput = Static<typeof ReplyInput>;

export const PrecheckInput = Type.Object({
  decision: OneOf(['pass', 'return']),
  note: Opt(1000),
});
export type PrecheckInput = Static<typeof PrecheckInput>;

export const DeliverInput = Type.Object({ method: OneOf(DELIVERY_METHODS), on: OptDate });
export type DeliverInput = Static<typeof DeliverInput>;

export const RemedyInput = Type.Object({
  kind: OneOf(REMEDY_KINDS),
  result: OneOf(REMEDY_RESULTS),
  filedOn: DateStr,
  decidedOn: OptDate,
  note: Opt(1000),
});
export type RemedyInput = Static<typeof RemedyInput>;

export const RemedyUpdateInput = Type.Object({
  remedyId: Id,
  result: OneOf(REMEDY_RESULTS),
  decidedOn: OptDate,
  note: Opt(1000),
});
export type RemedyUpdateInput = Static<typeof RemedyUpdateInput>;

export const ProactiveInput = Type.Object({
  entryId: Id,
  title: Text(200),
  /** Other requests for the same information (Art. 44), comma- or space-separated ids. */
  otherRequestIds: Type.Optional(Type.Union([Type.Array(Id), Type.String({ maxLength: 4000 })])),
});
export type ProactiveInput = Static<typeof ProactiveInput>;

export const SettingsInput = Type.Object({
  precheck: Type.Optional(Type.Union([Type.Boolean(), Type.Literal('true'), Type.Literal('false')])),
});
export type SettingsInput = Static<typeof SettingsInput>;
