import type { FieldError } from '@fakturo/domain';
import type { TSchema } from '@sinclair/typebox';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * One validator for every transport. Bodies (REST and GraphQL inputs) are checked WITHOUT type coercion —
 * coercion would turn a JSON `null` into `""` or `0` for a nullable field; query strings and path
 * parameters arrive as text and are coerced (`?limit=5` → 5, `?archived=true` → true).
 */
function createAjv(coerceTypes: false | 'array'): Ajv {
  const ajv = new Ajv({
    allErrors: true, // report every bad field at once
    removeAdditional: false, // unknown fields are errors, not silently dropped
    useDefaults: true,
    coerceTypes,
    strict: false, // TypeBox adds keywords (e.g. `examples`) that are annotations, not assertions
  });
  addFormats(ajv);
  return ajv;
}

export const bodyValidator = createAjv(false);
export const textValidator = createAjv('array');

/** Makes named schemas ($id) resolvable by `$ref` in both validators. */
export function registerSchemas(schemas: TSchema[]): void {
  for (const schema of schemas) {
    for (const ajv of [bodyValidator, textValidator]) {
      if (!ajv.getSchema(schema.$id!)) ajv.addSchema(schema);
    }
  }
}

export function compileFor(part: string, schema: TSchema): ValidateFunction {
  return (part === 'body' ? bodyValidator : textValidator).compile(schema);
}

function validationCode(keyword: string): string {
  switch (keyword) {
    case 'required':
      return 'required';
    case 'additionalProperties':
      return 'unknown_field';
    case 'type':
      return 'type_invalid';
    case 'enum':
    case 'const':
    case 'anyOf':
      return 'value_not_allowed';
    case 'format':
    case 'pattern':
      return 'format_invalid';
    default:
      return `${keyword.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_invalid`;
  }
}

/**
 * ajv errors as field errors: instancePath `/emails/0/email` → `emails.0.email`, a required or unknown
 * property named in the path; query parameters read `query.limit`, the path the domain uses too. For a
 * nullable field ajv also reports the failed `null` branch and the `anyOf`; only the telling error stays.
 */
/**
 * ajv reports a bad member of a nullable object (`billingAddress.line1` too short) three times: the member's
 * own error, and for the object that it "must be null" and "must match a schema in anyOf" — which reads as if
 * the object itself were wrong. Those two go when an error at the same place or inside it says what is wrong.
 * (A `required` error sits at the object's own path, naming the missing member.)
 */
export function withoutNullableNoise<
  E extends { keyword: string; instancePath: string; params?: Record<string, unknown> },
>(errors: readonly E[]): E[] {
  const noise = (e: E) => e.keyword === 'anyOf' || (e.keyword === 'type' && e.params?.type === 'null');
  const telling = errors.filter((e) => !noise(e)).map((e) => e.instancePath);
  return errors.filter(
    (e) =>
      !noise(e) || !telling.some((path) => path === e.instancePath || path.startsWith(`${e.instancePath}/`)),
  );
}

export function toFieldErrors(part: string | undefined, errors: ErrorObject[]): FieldError[] {
  const prefix = part && part !== 'body' ? [part === 'querystring' ? 'query' : part] : [];
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of withoutNullableNoise(errors)) {
    const parts = error.instancePath.split('/').filter(Boolean);
    const named = error.params?.missingProperty ?? error.params?.additionalProperty;
    if (typeof named === 'string') parts.push(named);
    const e = {
      path: [...prefix, ...parts].join('.') || part || 'body',
      message: error.message ?? 'is invalid',
      code: validationCode(error.keyword),
    };
    const key = `${e.path}|${e.code}|${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
