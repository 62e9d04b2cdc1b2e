import { DomainError } from '@fakturo/domain';
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { sharedSchemas } from '../schemas/common';

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

/**
 * GraphQL inputs pass the same TypeBox schema as the REST body, so both transports accept exactly the same
 * input and report the same `validation_failed` field errors.
 */
export function validateInput<T extends TSchema>(schema: T, value: unknown, references: TSchema[] = []): Static<T> {
  let check = compiled.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema, [...sharedSchemas, ...references]);
    compiled.set(schema, check);
  }
  if (check.Check(value)) return value as Static<T>;
  const errors = [...check.Errors(value)].map((e) => ({
    path: e.path.split('/').filter(Boolean).join('.') || 'input',
    message: e.message,
    code: 'invalid',
  }));
  throw new DomainError('invalid_request', 'validation_failed', 'The input has invalid fields; see `errors`.', { errors });
}
