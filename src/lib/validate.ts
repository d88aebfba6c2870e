import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Static, TSchema } from 'typebox';
import { AppError, type FieldError } from './errors.ts';

/**
 * One Ajv instance validates every input: page forms (through parse()), API bodies and queries
 * (through Fastify's validatorCompiler, see server/app.ts) and the CLI. Same schemas, same
 * messages, and the same schemas feed the OpenAPI document.
 */
export const ajv = new Ajv({
  allErrors: true,
  coerceTypes: true,
  useDefaults: true,
  removeAdditional: true,
  strict: false,
});
addFormats.default(ajv);

const cache = new WeakMap<object, ValidateFunction>();
export function compile(schema: TSchema): ValidateFunction {
  let fn = cache.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    cache.set(schema, fn);
  }
  return fn;
}

export function fieldErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors ?? []) {
    const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    switch (e.keyword) {
      case 'required': {
        const p = (e.params as { missingProperty: string }).missingProperty;
        out.push({ field: base ? `${base}.${p}` : p, code: 'validation.required' });
        break;
      }
      case 'minLength':
        out.push({
          field: base,
          code: (e.params as { limit: number }).limit <= 1 ? 'validation.required' : 'validation.too_short',
          params: { limit: (e.params as { limit: number }).limit },
        });
        break;
      case 'maxLength':
        out.push({
          field: base,
          code: 'validation.too_long',
          params: { limit: (e.params as { limit: number }).limit },
        });
        break;
      case 'pattern':
        out.push({ field: base, code: 'validation.pattern' });
        break;
      case 'format':
        out.push({ field: base, code: 'validation.format' });
        break;
      case 'enum':
      case 'const':
      case 'anyOf':
        out.push({ field: base, code: 'validation.enum' });
        break;
      case 'minimum':
        out.push({
          field: base,
          code: 'validation.minimum',
          params: { limit: (e.params as { limit: number }).limit },
        });
        break;
      case 'maximum':
        out.push({
          field: base,
          code: 'validation.maximum',
          params: { limit: (e.params as { limit: number }).limit },
        });
        break;
      case 'type':
        out.push({ field: base, code: 'validation.type' });
        break;
      default:
        out.push({ field: base, code: 'validation.invalid' });
    }
  }
  // one message per field is enough for a person
  const seen = new Set<string>();
  return out.filter((f) => {
    if (seen.has(f.field)) return false;
    seen.add(f.field);
    return true;
  });
}

/**
 * Validates (and coerces, fills defaults, drops unknown keys) plain input against a schema.
 * Throws AppError('validation.failed') with per-field errors. Strings are trimmed first so
 * "   " counts as empty.
 */
export function parse<S extends TSchema>(schema: S, input: unknown): Static<S> {
  const data = trimStrings(structuredClone(input ?? {}));
  const fn = compile(schema);
  if (!fn(data)) throw new AppError('validation.failed', { fields: fieldErrors(fn.errors) });
  return data as Static<S>;
}

function trimStrings(v: unknown): unknown {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(trimStrings);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) {
      const tv = trimStrings(val);
      // empty optional form fields arrive as '' — treat them as absent
      if (tv !== '') out[k] = tv;
    }
    return out;
  }
  return v;
}
