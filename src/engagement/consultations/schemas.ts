import { type Static, Type } from 'typebox';

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Reason = Type.String({ minLength: 1, maxLength: 1000 });

export const MAX_PARAGRAPHS = 500;
export const COMMENT_MIN = 2;
export const COMMENT_MAX = 2000;

/** The draft as staff enter it: the text is one paragraph per line (第一条 …). */
const DraftFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  explanation: Type.String({ minLength: 1, maxLength: 10_000 }),
  text: Type.String({ minLength: 1, maxLength: 100_000 }),
};

export const CreateConsultationInput = Type.Object({
  unitId: Type.String({ minLength: 1, maxLength: 40 }),
  ...DraftFields,
});
export type CreateConsultationInput = Static<typeof CreateConsultationInput>;

export const UpdateConsultationInput = Type.Object(DraftFields);
export type UpdateConsultationInput = Static<typeof UpdateConsultationInput>;

export const OpenConsultationInput = Type.Object({
  opensOn: DateStr,
  closesOn: DateStr,
  /** Why personal data found by the privacy guard is published anyway (kept in the trail and audit). */
  overrideReason: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type OpenConsultationInput = Static<typeof OpenConsultationInput>;

export const ExtendConsultationInput = Type.Object({
  closesOn: DateStr,
  note: Type.String({ minLength: 1, maxLength: 1000 }),
});
export type ExtendConsultationInput = Static<typeof ExtendConsultationInput>;

export const ReasonInput = Type.Object({ reason: Reason });
export type ReasonInput = Static<typeof ReasonInput>;

/** A public comment: on the whole text (paragraph empty) or on one paragraph. */
export const CommentInput = Type.Object({
  paragraph: Type.Optional(Type.Union([Type.String({ maxLength: 6 }), Type.Integer({ minimum: 1 })])),
  body: Type.String({ minLength: COMMENT_MIN, maxLength: COMMENT_MAX }),
  name: Type.Optional(Type.String({ maxLength: 50 })),
  contact: Type.Optional(Type.String({ maxLength: 100 })),
  /** honeypot: people leave it empty; bots fill it */
  website: Type.Optional(Type.String({ maxLength: 500 })),
});
export type CommentInput = Static<typeof CommentInput>;

export const OutcomeT = Type.Union([
  Type.Literal('adopted'),
  Type.Literal('partly_adopted'),
  Type.Literal('not_adopted'),
]);

/** One decision (采纳情况) on one comment or a group of comments. */
export const DecisionInput = Type.Object({
  commentIds: Type.Union([
    Type.String({ minLength: 1, maxLength: 40 }),
    Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 500 }),
  ]),
  outcome: OutcomeT,
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type DecisionInput = Static<typeof DecisionInput>;

export const PublishReportInput = Type.Object({
  summary: Type.Optional(Type.String({ maxLength: 5000 })),
});
export type PublishReportInput = Static<typeof PublishReportInput>;

/** Starting the final decision: the catalog entry it is disclosed under, and its decision date. */
export const FinalDecisionInput = Type.Object({
  entryId: Type.String({ minLength: 1, maxLength: 40 }),
  title: Type.Optional(Type.String({ maxLength: 200 })),
  decidedOn: DateStr,
});
export type FinalDecisionInput = Static<typeof FinalDecisionInput>;
