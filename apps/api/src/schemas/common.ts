import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';

/** RFC 9457 problem details, as every error of the API is answered. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({
      description: 'URI naming the problem type',
      examples: ['https://docs.fakturo.dev/errors/validation_failed'],
    }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable snake_case code to branch on, e.g. `iban_invalid`' }),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({
            description: 'Dotted path of the offending field, e.g. `bankAccounts.0.iban`',
          }),
          message: Type.String(),
          code: Type.String(),
        }),
      ),
    ),
  },
  {
    $id: 'Problem',
    additionalProperties: true,
    description: 'An RFC 9457 problem (application/problem+json).',
  },
);
export type Problem = Static<typeof ProblemSchema>;

export const problemResponses = {
  '4xx': Type.Ref(ProblemSchema),
  '5xx': Type.Ref(ProblemSchema),
};

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const PageQuerySchema = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size (1–100).' }),
  ),
  startingAfter: Type.Optional(
    Type.String({
      maxLength: 64,
      description: 'Cursor: the `nextCursor` of the previous page (an object id).',
    }),
  ),
};

export function PageOf<T extends TSchema>(item: T, name: string) {
  return Type.Object(
    {
      data: Type.Array(item),
      hasMore: Type.Boolean(),
      nextCursor: Type.Union([Type.String(), Type.Null()]),
    },
    { $id: `${name}Page`, description: `A page of ${name} objects, newest first.` },
  );
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DateString = Type.String({
  format: 'date',
  description: 'Calendar date `YYYY-MM-DD`',
  examples: ['2026-11-27'],
});
export const InstantString = Type.String({ format: 'date-time', description: 'RFC 3339 instant in UTC' });

export const PostalAddressSchema = Type.Object(
  {
    line1: Type.String({ minLength: 1, maxLength: 200, description: 'Street and number' }),
    line2: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    postalCode: Type.String({ minLength: 1, maxLength: 20 }),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    region: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
  },
  { $id: 'PostalAddress', additionalProperties: false },
);

export const sharedSchemas = [ProblemSchema, PostalAddressSchema];

/** A string enum as plain JSON Schema `enum` (clean in OpenAPI and generated SDK types). */
export const StringEnum = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

/**
 * `preValidation` of a POST whose JSON body may be left out: no body is `{}` (a bare `POST …/cancel` means the
 * defaults), so validation sees an object instead of answering 400 "must be object". The OpenAPI document marks
 * the body of every route using it as optional (plugins/openapi.ts).
 */
export async function bodyOptional(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}
