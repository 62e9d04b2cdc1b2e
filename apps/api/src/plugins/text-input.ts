import { DomainError, type FieldError, hasNonXmlCharacter, NON_XML_CHARACTER_MESSAGE } from '@fakturo/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const NUL = '\u0000';
const MESSAGE = 'must not contain the NUL character (U+0000)';

/**
 * Where NUL characters sit in a parsed request part: field paths as validation errors name them (`a.0.b`,
 * prefixed by `query.` or `params.`), a field's name included. A text body (a CSV file, a bank statement) is
 * named by its first line with one; raw bytes are not looked at.
 *
 * The values and names of parsed fields (not a text body) are also refused when they hold another character
 * XML cannot carry (`character_invalid`, domain `hasNonXmlCharacter`: the other C0 controls but tab, line feed
 * and carriage return, U+FFFE, U+FFFF, half a surrogate pair). A text body keeps them: a bank's MT940 or CSV
 * export may end in a DOS end-of-file mark (U+001A) or carry a form feed; the
 * contacts CSV import checks its cells itself (`textFieldErrors`).
 */
function badCharacters(value: unknown, path: string[], out: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    if (path.length === 0) {
      if (value.includes(NUL)) {
        const line = value.slice(0, value.indexOf(NUL)).split('\n').length;
        out.push({ path: 'body', code: 'nul_character', message: `line ${line} ${MESSAGE}` });
      }
    } else {
      const problem = characterProblem(value);
      if (problem) out.push({ path: path.join('.'), ...problem });
    }
  } else if (Array.isArray(value)) {
    // one path array, pushed and popped as the walk goes (every request's body passes here): a path is joined
    // only for a field that has a problem
    for (let i = 0; i < value.length; i += 1) {
      path.push(String(i));
      badCharacters(value[i], path, out);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      path.push(key);
      const problem = characterProblem(key);
      if (problem) out.push({ path: path.join('.'), code: problem.code, message: `name ${problem.message}` });
      else badCharacters((value as Record<string, unknown>)[key], path, out);
      path.pop();
    }
  }
  return out;
}

function characterProblem(text: string): { code: string; message: string } | null {
  if (text.includes(NUL)) return { code: 'nul_character', message: MESSAGE };
  if (hasNonXmlCharacter(text)) return { code: 'character_invalid', message: NON_XML_CHARACTER_MESSAGE };
  return null;
}

/** The `character_invalid`/`nul_character` errors of a parsed value's fields (the contacts CSV import's cells). */
export function textFieldErrors(value: object): FieldError[] {
  return badCharacters(value, []);
}

/**
 * PostgreSQL text cannot hold U+0000, so a string with one used to reach the database and come back as a
 * 500. Every request's path parameters, query and body — parsed JSON, or a text body such as a CSV file or a
 * bank statement; raw bytes (a PSP's signed webhook) are left to their route — are checked before
 * validation, and a request with NUL anywhere is refused as a 400 `validation_failed` naming each place; so
 * is a parsed field with another character XML cannot carry (see `badCharacters`). Nothing is written.
 */
export const textInputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const errors = badCharacters(request.params, ['params']);
    badCharacters(request.query, ['query'], errors);
    badCharacters(request.body, [], errors);
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
