import { DomainError, type FieldError } from '@fakturo/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const NUL = '\u0000';
const MESSAGE = 'must not contain the NUL character (U+0000)';

/**
 * Where NUL characters sit in a parsed request part: field paths as validation errors name them (`a.0.b`,
 * prefixed by `query.` or `params.`), a field's name included. A text body (a CSV file, a bank statement) is
 * named by its first line with one; raw bytes are not looked at.
 */
function nulFields(value: unknown, path: string[], out: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    if (!value.includes(NUL)) return out;
    if (path.length > 0) out.push({ path: path.join('.'), code: 'nul_character', message: MESSAGE });
    else {
      const line = value.slice(0, value.indexOf(NUL)).split('\n').length;
      out.push({ path: 'body', code: 'nul_character', message: `line ${line} ${MESSAGE}` });
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) nulFields(value[i], [...path, String(i)], out);
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL))
        out.push({ path: [...path, key].join('.'), code: 'nul_character', message: `name ${MESSAGE}` });
      else nulFields(item, [...path, key], out);
    }
  }
  return out;
}

/**
 * PostgreSQL text cannot hold U+0000, so a string with one used to reach the database and come back as a
 * 500. Every request's path parameters, query and body — parsed JSON, or a text body such as a CSV file or a
 * bank statement; raw bytes (a PSP's signed webhook) are left to their route — are checked before
 * validation, and a request with NUL anywhere is refused as a 400 `validation_failed` naming each place.
 * Nothing is written.
 */
export const textInputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const errors = nulFields(request.params, ['params']);
    nulFields(request.query, ['query'], errors);
    nulFields(request.body, [], errors);
    if (errors.length > 0) {
      throw new DomainError(
        'invalid_request',
        'validation_failed',
        'The request has invalid fields; see `errors`.',
        {
          errors,
        },
      );
    }
  });
});
