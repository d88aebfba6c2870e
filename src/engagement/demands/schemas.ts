import { Type } from 'typebox';
import { DOMAINS, PERIODS, TIMINGS } from '../../catalog/vocabulary.ts';
import { GROUND_KEYS } from './grounds.ts';

/** Input schemas of 点单式公开: one schema for page forms, the API and the OpenAPI document. */
const Id = Type.String({ minLength: 1, maxLength: 40 });
const OptText = (max: number) => Type.Optional(Type.String({ maxLength: max }));

export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 2000;

export const SubmitDemandInput = Type.Object({
  unitId: Id,
  title: Type.String({ minLength: 4, maxLength: TITLE_MAX }),
  description: Type.String({ minLength: 5, maxLength: DESCRIPTION_MAX }),
  authorName: OptText(50),
  /** phone or email; never shown publicly */
  contact: OptText(100),
  /** honeypot: people leave it empty (hidden from them); bots fill it in */
  website: OptText(200),
});

export const ModerateDemandInput = Type.Object({
  decision: Type.Union([Type.Literal('release'), Type.Literal('reject')]),
  note: OptText(500),
});

const codes = <T extends { code: string }>(terms: readonly T[]) => terms.map((t) => t.code);

export const AnswerDemandInput = Type.Object({
  kind: Type.Union([
    Type.Literal('added_to_catalog'),
    Type.Literal('already_published'),
    Type.Literal('cannot_disclose'),
  ]),
  /** the reply text shown with the answer; required for cannot_disclose */
  explanation: OptText(2000),
  // added_to_catalog: the new own ("X") entry of the unit's catalog
  domain: Type.Optional(Type.Enum(codes(DOMAINS))),
  level1: OptText(100),
  level2: OptText(100),
  item: OptText(200),
  elements: OptText(2000),
  timing: Type.Optional(Type.Enum(codes(TIMINGS))),
  period: Type.Optional(Type.Enum(codes(PERIODS))),
  // already_published: the disclosure (公开事项) that answers the demand: its id or its /d/:id link
  disclosureId: OptText(300),
  // cannot_disclose: the legal ground
  ground: Type.Optional(Type.Enum([...GROUND_KEYS])),
});

export const DemandListQuery = Type.Object({
  unit: Type.Optional(Type.String({ maxLength: 60 })),
  state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('answered')])),
  sort: Type.Optional(Type.Union([Type.Literal('support'), Type.Literal('newest')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
