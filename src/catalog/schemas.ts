import { type Static, type TSchema, Type } from 'typebox';
import { CREATABLE_KINDS } from '../units/kinds.ts';
import {
  AUDIENCES,
  CHANNELS,
  DOMAINS,
  MODES,
  PERIODS,
  RESPONSIBLE_ROLES,
  type Term,
  TIMINGS,
} from './vocabulary.ts';

/** Request and response schemas of catalogs: one schema for forms, API, import rows and OpenAPI. */
const oneOf = <C extends string>(terms: readonly Term<C>[]) => Type.Enum(terms.map((t) => t.code) as C[]);
const OptText = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 40 });

export const Domain = oneOf(DOMAINS);
export const Channel = oneOf(CHANNELS);

export const CreateCatalogInput = Type.Object({
  ownerUnitId: Id,
  unitKind: Type.Enum(CREATABLE_KINDS),
  domain: Domain,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  description: OptText(2000),
});
export type CreateCatalogInput = Static<typeof CreateCatalogInput>;

export const UpdateCatalogInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  description: OptText(2000),
});

export const ReasonInput = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) });
export const OptionalReasonInput = Type.Object({ reason: OptText(500) });
export const ClaimExclusionInput = Type.Object({
  entryId: Id,
  reason: Type.String({ minLength: 1, maxLength: 500 }),
});

/**
 * The fields of a catalog entry (SPEC §3 and the standard columns of regulations.md §5.3).
 * Absent optional fields take defaults (entry-rules.ts); an update replaces every field.
 */
export const EntryInput = Type.Object({
  /** Own entries need it; a guiding entry takes its catalog's domain. */
  domain: Type.Optional(Domain),
  level1: Type.String({ minLength: 1, maxLength: 100 }),
  level2: OptText(100),
  item: Type.String({ minLength: 1, maxLength: 200 }),
  elements: OptText(2000),
  legalBasis: OptText(1000),
  mode: oneOf(MODES),
  timing: oneOf(TIMINGS),
  period: Type.Optional(oneOf(PERIODS)),
  timeLimitDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  timeLimitText: OptText(200),
  minDisplayDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  /** 三同时: a document under this entry cannot be published without an approved 政策解读. */
  requiresInterpretation: Type.Optional(Type.Boolean()),
  audience: oneOf(AUDIENCES),
  requiredChannels: Type.Optional(Type.Array(Channel, { maxItems: CHANNELS.length })),
  optionalChannels: Type.Optional(Type.Array(Channel, { maxItems: CHANNELS.length })),
  subject: OptText(200),
  level: OptText(50),
  responsibleRole: Type.Optional(oneOf(RESPONSIBLE_ROLES)),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000000 })),
});
export type EntryInput = Static<typeof EntryInput>;

export const CatalogView = Type.Object({
  id: Type.String(),
  ownerUnitId: Type.String(),
  ownerUnitName: Type.String(),
  unitKind: Type.String(),
  domain: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  status: Type.String(),
  retiredAt: Nullable(Type.String()),
  retireReason: Nullable(Type.String()),
  entryCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const EntryView = Type.Object({
  id: Type.String(),
  guidingCatalogId: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  domain: Type.String(),
  level1: Type.String(),
  level2: Nullable(Type.String()),
  item: Type.String(),
  elements: Nullable(Type.String()),
  legalBasis: Nullable(Type.String()),
  mode: Type.String(),
  timing: Type.String(),
  period: Nullable(Type.String()),
  timeLimitDays: Type.Integer(),
  timeLimitText: Type.String(),
  minDisplayDays: Nullable(Type.Integer()),
  requiresInterpretation: Type.Boolean(),
  audience: Type.String(),
  requiredChannels: Type.Array(Type.String()),
  optionalChannels: Type.Array(Type.String()),
  subject: Nullable(Type.String()),
  level: Nullable(Type.String()),
  responsibleRole: Type.String(),
  sortOrder: Type.Integer(),
  status: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ExclusionView = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  entryId: Type.String(),
  reason: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
});

export const CatalogDetailView = Type.Object({ catalog: CatalogView, entries: Type.Array(EntryView) });

export const EffectiveEntryView = Type.Object({
  source: Type.Union([Type.Literal('inherited'), Type.Literal('own')]),
  /** False when a live claim (claimed or accepted) takes the entry out of the unit's catalog. */
  applies: Type.Boolean(),
  catalog: Nullable(Type.Object({ id: Type.String(), name: Type.String(), ownerUnitName: Type.String() })),
  entry: EntryView,
  exclusion: Nullable(ExclusionView),
});
export const EffectiveCatalogView = Type.Object({
  unitId: Type.String(),
  unitName: Type.String(),
  unitKind: Type.String(),
  items: Type.Array(EffectiveEntryView),
});

export const PendingClaimView = Type.Object({
  exclusion: ExclusionView,
  unitName: Type.String(),
  entryItem: Type.String(),
  catalogName: Type.String(),
});
