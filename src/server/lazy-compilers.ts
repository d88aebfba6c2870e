import { createRequire } from 'node:module';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { compile } from '../lib/validate.ts';

/**
 * Route schemas compiled on a route's first use instead of at start. Fastify compiles every
 * route's request validators (Ajv) and response serializers (fast-json-stringify) when the app is
 * built; most API routes are called rarely or never by a given process, and their compiled code
 * stayed resident (the serializers alone held ~7 MB of heap). Compiled once, then reused; a schema
 * error shows on the route's first request (every route is exercised by the tests).
 */

// One validator for API schemas, forms and the CLI (src/lib/validate.ts).
export const lazyValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema }) => {
  let fn: ReturnType<typeof compile> | null = null;
  const validate = (data: unknown) => {
    fn ??= compile(schema as TSchema);
    const ok = fn(data);
    validate.errors = fn.errors;
    return ok;
  };
  validate.errors = null as ReturnType<typeof compile>['errors'];
  return validate as never;
};

// fastify's own serializer compiler (resolved from fastify, so it is the version fastify uses)
const requireFromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const { SerializerSelector } = requireFromFastify('@fastify/fast-json-stringify-compiler') as {
  SerializerSelector: () => (
    externalSchemas: unknown,
    options: unknown,
  ) => (route: { schema: unknown }) => (data: unknown) => string;
};
const buildSerializer = SerializerSelector()({}, {});

export const lazySerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  let fn: ((data: unknown) => string) | null = null;
  return (data: unknown) => {
    fn ??= buildSerializer(route);
    return fn(data);
  };
};
