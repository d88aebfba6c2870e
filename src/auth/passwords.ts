import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../lib/errors.ts';

/** argon2id (the library's default algorithm) with OWASP's second recommended parameter set. */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * The demo county's people all share this password (listed in the README). When demo mode is
 * off it is refused at sign-in and as a new password.
 */
export const DEMO_PASSWORD = 'Gongkai@2026';

export function isDemoPassword(password: string): boolean {
  return password === DEMO_PASSWORD;
}

/** At least 8 characters from at least two of: letters, digits, other symbols. */
export function checkPasswordStrength(password: string, field = 'newPassword'): void {
  const classes = [/[A-Za-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (password.length < 8 || password.length > 200 || classes < 2) {
    throw new AppError('validation.failed', { fields: [{ field, code: 'auth.password_weak' }] });
  }
}

/** A hash no password matches: used to keep sign-in timing the same for unknown usernames. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-x9');
  return dummyHash;
}
