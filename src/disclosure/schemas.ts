import { type Static, Type } from 'typebox';

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Reason = Type.String({ minLength: 1, maxLength: 1000 });
const AudienceT = Type.Union([
  Type.Literal('public'),
  Type.Literal('partyInternal'),
  Type.Literal('unitInternal'),
  Type.Literal('specificGroup'),
]);

/** What a publisher types on the draft form (the same for create and update). */
export const DraftFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  bodyHtml: Type.String({ maxLength: 500_000 }),
  decidedOn: DateStr,
  periodKey: Type.Optional(Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9:_-]+$' })),
  audience: Type.Optional(AudienceT),
  channels: Type.Optional(Type.Union([Type.Array(Type.String({ maxLength: 40 })), Type.String()])),
  attribute: Type.Optional(
    Type.Union([Type.Literal('proactive'), Type.Literal('on_request'), Type.Literal('withheld')]),
  ),
  withheldReason: Type.Optional(Type.String({ maxLength: 2000 })),
  withheldBasis: Type.Optional(Type.String({ maxLength: 1000 })),
  reviewDate: Type.Optional(DateStr),
  displayUntil: Type.Optional(DateStr),
};

export const CreateDraftInput = Type.Object({
  unitId: Type.String({ minLength: 1, maxLength: 40 }),
  entryId: Type.String({ minLength: 1, maxLength: 40 }),
  ...DraftFields,
});
export type CreateDraftInput = Static<typeof CreateDraftInput>;

export const UpdateDraftInput = Type.Object(DraftFields);
export type UpdateDraftInput = Static<typeof UpdateDraftInput>;

/** Submit and publish: findings of the privacy guard block unless overridden with a reason. */
export const GuardedStepInput = Type.Object({
  overrideReason: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type GuardedStepInput = Static<typeof GuardedStepInput>;

export const ReasonInput = Type.Object({ reason: Reason });
export type ReasonInput = Static<typeof ReasonInput>;

export const ReviseInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  bodyHtml: Type.String({ maxLength: 500_000 }),
  changeNote: Type.String({ minLength: 1, maxLength: 2000 }),
  overrideReason: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type ReviseInput = Static<typeof ReviseInput>;

export const DrafterMayReviewInput = Type.Object({
  unitId: Type.String({ minLength: 1, maxLength: 40 }),
  allowed: Type.Optional(Type.Union([Type.Boolean(), Type.Literal('true'), Type.Literal('false')])),
});
