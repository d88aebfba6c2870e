import { Type } from 'typebox';
import { OccurrenceInput } from './occurrence.ts';
import { ObligationSettingsSchema } from './settings.ts';
import { STATUSES } from './status.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const ObligationView = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  unitKind: Type.String(),
  entryId: Type.String(),
  domain: Type.String(),
  level1: Type.String(),
  level2: Nullable(Type.String()),
  item: Type.String(),
  responsibleRole: Type.String(),
  kind: Type.String({ description: 'periodic 定期 | event 即时 | standing 长期' }),
  periodKey: Type.String({ description: "'2026-Q3' …, 'E:<date>:<n>', 'S:<date>:<n>'" }),
  label: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  basisDate: Type.String(),
  timeLimitDays: Type.Integer(),
  dueDate: Type.String(),
  dueProvisional: Type.Boolean(),
  title: Nullable(Type.String()),
  fulfilledOn: Nullable(Type.String()),
  fulfilmentKind: Nullable(Type.String()),
  evidenceNote: Nullable(Type.String()),
  evidenceFileId: Nullable(Type.String()),
  disclosureId: Nullable(Type.String()),
  notApplicable: Type.Boolean(),
  status: Type.Union(STATUSES.map((s) => Type.Literal(s))),
});

export const ListQuery = Type.Object({
  unitId: Type.Optional(Type.String({ maxLength: 40 })),
  subtreeOf: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Optional(Type.String({ maxLength: 30, description: '单位类型' })),
  domain: Type.Optional(
    Type.Union(['party', 'government', 'finance', 'village', 'service'].map((d) => Type.Literal(d))),
  ),
  obligationKind: Type.Optional(Type.Union(['periodic', 'event', 'standing'].map((d) => Type.Literal(d)))),
  status: Type.Optional(Type.Union(STATUSES.map((s) => Type.Literal(s)))),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
});

export const EventInput = Type.Object({
  unitId: OccurrenceInput.properties.unitId,
  entryId: OccurrenceInput.properties.entryId,
  eventDate: Day,
  title: OccurrenceInput.properties.title,
});
export const DecisionInput = Type.Object({
  unitId: OccurrenceInput.properties.unitId,
  entryId: OccurrenceInput.properties.entryId,
  decisionDate: Day,
  title: OccurrenceInput.properties.title,
});
export const SettingsView = ObligationSettingsSchema;
export const DeriveInput = Type.Object({ until: Type.Optional(Day) });
export const DeriveResult = Type.Object({ created: Type.Integer(), unchanged: Type.Integer() });
