import { type Static, Type } from 'typebox';

/** Inputs of the survey operations (满意度测评): the same schemas serve the pages and /api/v1. */

export const LEVELS = ['satisfied', 'basic', 'dissatisfied'] as const;
export const AUDIENCES = ['signed_in', 'anonymous'] as const;
/** Default score weights of 满意 / 基本满意 / 不满意 (stored on each survey). */
export const DEFAULT_WEIGHTS = { satisfied: 100, basic: 60, dissatisfied: 0 } as const;
/** At most this many units in one survey (one page of radio buttons). */
export const MAX_UNITS = 200;

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Id = Type.String({ minLength: 1, maxLength: 40 });
const OneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Weight = Type.Optional(Type.Integer({ minimum: 0, maximum: 100 }));
/** A form sends one checkbox value as a string, several as an array. */
const Ids = Type.Optional(Type.Union([Type.Array(Id, { maxItems: MAX_UNITS }), Id]));

export const CreateSurveyInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  opensOn: DateStr,
  closesOn: DateStr,
  audience: OneOf(AUDIENCES),
  /** units rated, picked one by one */
  unitIds: Ids,
  /** and/or: all active direct children of this unit (e.g. the villages of a township) */
  childrenOf: Type.Optional(Id),
  weightSatisfied: Weight,
  weightBasic: Weight,
  weightDissatisfied: Weight,
});
export type CreateSurveyInput = Static<typeof CreateSurveyInput>;

export const RatingItem = Type.Object({
  unitId: Id,
  level: OneOf(LEVELS),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
});

/** One submission rates one or more units of the survey. */
export const RateInput = Type.Object({
  ratings: Type.Array(RatingItem, { minItems: 1, maxItems: MAX_UNITS }),
});
export type RateInput = Static<typeof RateInput>;

export const CloseSurveyInput = Type.Object({});
