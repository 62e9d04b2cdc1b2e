/** How a failure maps to the outside world; the HTTP status is chosen in one place (the API error handler). */
export type ErrorKind =
  | 'invalid_request' // 400: malformed input
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: not allowed in the current state
  | 'precondition_failed' // 412: If-Match did not match
  | 'unprocessable' // 422: well-formed input that breaks a rule
  | 'rate_limited' // 429
  | 'unavailable' // 503
  | 'internal'; // 500

export interface FieldError {
  /** Dotted path of the offending field, e.g. `bankAccounts.0.iban`. */
  path: string;
  message: string;
  /** Stable snake_case code, e.g. `iban_invalid`. */
  code: string;
}

/** The one error family of the domain. `code` is stable and documented; `message` is for people. */
export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly errors?: FieldError[];
  readonly details?: Record<string, unknown>;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    extra: { errors?: FieldError[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.errors = extra.errors;
    this.details = extra.details;
  }
}

export const notFound = (resource: string, id: string) =>
  new DomainError(
    'not_found',
    `${resource}_not_found`,
    `No ${resource.replaceAll('_', ' ')} with id '${id}'.`,
  );

export const versionMismatch = (resource: string, expected: number, actual: number) =>
  new DomainError(
    'precondition_failed',
    'version_mismatch',
    `The ${resource} is at version ${actual}, not ${expected}; fetch it again and retry.`,
    { details: { expectedVersion: expected, currentVersion: actual } },
  );

/** Collects every rule violation of one input, so the caller learns all of them at once. */
export class FieldErrors {
  readonly list: FieldError[] = [];

  add(path: string, code: string, message: string): void {
    this.list.push({ path, code, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws a 422 naming every offending field when any rule was broken. */
  throwIfAny(message = 'The request breaks one or more rules.'): void {
    if (this.list.length > 0) {
      throw new DomainError('unprocessable', 'validation_failed', message, { errors: this.list });
    }
  }
}

/** `phrase` with its indefinite article, for messages: "An accepted quote", "A paid invoice". */
export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'An' : 'A'} ${phrase}`;
}
