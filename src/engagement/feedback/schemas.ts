import { type Static, Type } from 'typebox';

/** Input schemas of the feedback operations (pages, API and CLI parse the same ones). */
export const FEEDBACK_KINDS = ['suggestion', 'question', 'complaint', 'report'] as const;
export const FEEDBACK_STATUSES = [
  'held',
  'received',
  'assigned',
  'in_progress',
  'replied',
  'cannot_handle',
  'closed',
  'rejected',
] as const;
export const FEEDBACK_RATINGS = ['satisfied', 'basic', 'dissatisfied'] as const;

/** Length limits of what the public writes (also the form's maxlength). */
export const LIMITS = { subject: 100, body: 2000, bodyMin: 5, name: 50, phone: 30, email: 200, reply: 4000 };

const Id = Type.String({ minLength: 1, maxLength: 40 });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Opt = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const OneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Flag = Type.Optional(Type.Union([Type.Boolean(), Type.Literal('true'), Type.Literal('on')]));

export const WriterFields = {
  kind: OneOf(FEEDBACK_KINDS),
  subject: Text(LIMITS.subject),
  body: Text(LIMITS.body, LIMITS.bodyMin),
  name: Opt(LIMITS.name),
  phone: Type.Optional(Type.String({ maxLength: LIMITS.phone, pattern: '^[0-9+()\\s-]*$' })),
  email: Type.Optional(
    Type.Union([Type.String({ format: 'email', maxLength: LIMITS.email }), Type.Literal('')]),
  ),
  private: Flag,
  disclosureId: Type.Optional(Type.String({ maxLength: 40 })),
  /** the honeypot: a field people never see; bots fill it in */
  website: Opt(500),
};

export const SubmitFeedbackInput = Type.Object({ unitId: Id, ...WriterFields });
export type SubmitFeedbackInput = Static<typeof SubmitFeedbackInput>;

export const PaperFeedbackInput = Type.Object({
  unitId: Id,
  ...WriterFields,
  /** the day written on the paper form (defaults to today) */
  writtenOn: Type.Optional(
    Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Literal('')]),
  ),
});
export type PaperFeedbackInput = Static<typeof PaperFeedbackInput>;

export const TrackFeedbackInput = Type.Object({ code: Text(40), secret: Text(40) });
export type TrackFeedbackInput = Static<typeof TrackFeedbackInput>;

export const ModerateInput = Type.Object({
  decision: OneOf(['release', 'reject'] as const),
  note: Opt(500),
});
export const RouteInput = Type.Object({
  unitId: Type.Optional(Type.String({ maxLength: 40 })),
  note: Opt(500),
});
export const ReplyInput = Type.Object({ body: Text(LIMITS.reply, 2) });
export const ReasonInput = Type.Object({ reason: Text(1000, 2) });
export const NoteInput = Type.Object({ note: Opt(500) });
export const RateInput = Type.Object({
  code: Text(40),
  secret: Text(40),
  rating: OneOf(FEEDBACK_RATINGS),
  comment: Opt(500),
});
export type RateInput = Static<typeof RateInput>;
