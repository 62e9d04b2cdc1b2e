import { DomainError } from '@fakturo/domain';
import type { Static, TSchema } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { bodyValidator, toFieldErrors } from '../schemas/validator';

const compiled = new WeakMap<TSchema, ValidateFunction>();

/**
 * GraphQL inputs pass the same schema through the same validator as REST bodies, so both transports accept
 * exactly the same input and report the same `validation_failed` field errors.
 * (`_references` is kept for callers written before every named schema was registered globally.)
 */
export function validateInput<T extends TSchema>(
  schema: T,
  value: unknown,
  _references: TSchema[] = [],
): Static<T> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = bodyValidator.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return value as Static<T>;
  throw new DomainError(
    'invalid_request',
    'validation_failed',
    'The input has invalid fields; see `errors`.',
    {
      errors: toFieldErrors('body', validate.errors ?? []).map((e) => ({
        ...e,
        path: e.path === 'body' ? 'input' : e.path,
      })),
    },
  );
}
