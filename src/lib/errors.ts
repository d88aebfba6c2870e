/**
 * Errors are values with stable codes (ARCHITECTURE rule 5). The code is what machines read
 * (API clients, tests); people read the zh-CN message the code maps to in src/i18n.
 */
export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly params: Record<string, string | number>;
  readonly fields: FieldError[];
  readonly headers: Record<string, string>;

  constructor(
    code: string,
    opts: {
      status?: number;
      params?: Record<string, string | number>;
      fields?: FieldError[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? statusFor(code);
    this.params = opts.params ?? {};
    this.fields = opts.fields ?? [];
    this.headers = opts.headers ?? {};
  }
}

function statusFor(code: string): number {
  if (code.endsWith('.not_found')) return 404;
  if (code === 'validation.failed' || code.endsWith('.invalid')) return 422;
  if (code.startsWith('auth.forbidden') || code.endsWith('.forbidden')) return 403;
  if (code === 'auth.required') return 401;
  if (code.endsWith('.conflict') || code.endsWith('.exists')) return 409;
  return 400;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
