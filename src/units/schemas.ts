import { type Static, Type } from 'typebox';
import { CREATABLE_KINDS } from './kinds.ts';

const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Kind = Type.Union(CREATABLE_KINDS.map((k) => Type.Literal(k)));
const OptText = (max: number) => Type.Optional(Type.String({ maxLength: max }));

export const CreateUnitInput = Type.Object({
  code: Code,
  name: Name,
  kind: Kind,
  parentId: Type.String({ minLength: 1, maxLength: 40 }),
  adminCode: Type.Optional(Type.String({ maxLength: 12, pattern: '^[0-9]*$' })),
  hostUnitId: OptText(40),
  contactPhone: OptText(40),
  address: OptText(200),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});
export type CreateUnitInput = Static<typeof CreateUnitInput>;

export const UpdateUnitInput = Type.Object({
  name: Name,
  adminCode: Type.Optional(Type.String({ maxLength: 12, pattern: '^[0-9]*$' })),
  contactPhone: OptText(40),
  address: OptText(200),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});
export type UpdateUnitInput = Static<typeof UpdateUnitInput>;

export const MoveUnitInput = Type.Object({ parentId: Type.String({ minLength: 1, maxLength: 40 }) });
export const RetireUnitInput = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) });

export const UnitView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  sphere: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  depth: Type.Integer(),
  adminCode: Type.Union([Type.String(), Type.Null()]),
  hostUnitId: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  retiredAt: Type.Union([Type.String(), Type.Null()]),
  retireReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
