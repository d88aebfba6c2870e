import { type Static, Type } from 'typebox';
import { ROLES } from '../auth/policy.ts';

export const USERNAME_PATTERN = '^[a-z][a-z0-9._-]{2,31}$';

export const CreatePersonInput = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 32 }),
  displayName: Type.String({ minLength: 1, maxLength: 60 }),
  unitId: Type.String({ minLength: 1, maxLength: 40 }),
  phone: Type.Optional(Type.String({ maxLength: 30, pattern: '^[0-9+() -]*$' })),
  email: Type.Optional(Type.String({ maxLength: 120, format: 'email' })),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type CreatePersonInput = Static<typeof CreatePersonInput>;

export const UpdatePersonInput = Type.Object({
  displayName: Type.String({ minLength: 1, maxLength: 60 }),
  unitId: Type.String({ minLength: 1, maxLength: 40 }),
  phone: Type.Optional(Type.String({ maxLength: 30, pattern: '^[0-9+() -]*$' })),
  email: Type.Optional(Type.String({ maxLength: 120, format: 'email' })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
});

export const ResetPasswordInput = Type.Object({ password: Type.String({ minLength: 1, maxLength: 200 }) });

export const GrantRoleInput = Type.Object({
  personId: Type.String({ minLength: 1, maxLength: 40 }),
  role: Type.Union(ROLES.map((r) => Type.Literal(r))),
  unitId: Type.String({ minLength: 1, maxLength: 40 }),
  coversSubtree: Type.Optional(Type.Boolean({ default: false })),
});
export type GrantRoleInput = Static<typeof GrantRoleInput>;

export const PersonView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  createdAt: Type.String(),
});

export const GrantView = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  role: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  coversSubtree: Type.Boolean(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
