import type { components } from './generated/openapi';

/** An RFC 9457 problem as the API answers every error (`application/problem+json`). */
export type Problem = components['schemas']['Problem'];
/** One offending field of a 400/422: `{ path: 'bankAccounts.0.iban', code: 'iban_invalid', message }`. */
export type FieldError = NonNullable<Problem['errors']>[number];

export interface FakturoErrorInit {
  /** HTTP status; undefined when no response came (network, timeout) or nothing was sent (webhooks). */
  status?: number;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  type?: string;
  title?: string;
  headers?: Headers;
  problem?: Problem;
  cause?: unknown;
}

/**
 * Base class of every error the SDK throws. Branch on the subclass for the kind of failure and on `code`
 * (stable, snake_case, e.g. `iban_invalid`) for the exact reason; quote `requestId` when asking for help.
 *
 * @example
 * ```ts
 * try {
 *   await fakturo.contacts.create({ kind: 'company', companyName: 'ACME GmbH', bankAccounts: [{ iban: 'DE00123456789012345678' }] });
 * } catch (error) {
 *   if (error instanceof ValidationError) {
 *     for (const field of error.errors) console.log(field.path, field.code); // bankAccounts.0.iban iban_invalid
 *   } else if (error instanceof FakturoError) {
 *     console.log(error.status, error.code, error.requestId);
 *   } else throw error;
 * }
 * ```
 */
export class FakturoError extends Error {
  override name = 'FakturoError';
  /** HTTP status of the answer; undefined for connection failures and webhook verification. */
  readonly status: number | undefined;
  /** Stable snake_case code to branch on, e.g. `contact_not_found`, `version_mismatch`. */
  readonly code: string;
  /** The server's request id (`X-Request-Id`), for support and logs. */
  readonly requestId: string | undefined;
  /** Every offending field of a validation failure; empty for other errors. */
  readonly errors: FieldError[];
  /** The problem type URI, e.g. `https://docs.fakturo.dev/errors/iban_invalid`. */
  readonly type: string | undefined;
  readonly title: string | undefined;
  /** Response headers, when there was a response. */
  readonly headers: Headers | undefined;
  /** The whole problem document, including any extra members the API added. */
  readonly problem: Problem | undefined;

  constructor(message: string, init: FakturoErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.type = init.type;
    this.title = init.title;
    this.headers = init.headers;
    this.problem = init.problem;
  }
}

/** 401: the API key is missing, unknown or revoked. */
export class AuthenticationError extends FakturoError {
  override name = 'AuthenticationError';
}

/** 403: the key is valid but lacks the scope this call needs. */
export class PermissionError extends FakturoError {
  override name = 'PermissionError';
}

/** 404: no such object in your organisation (objects of other organisations are never visible). */
export class NotFoundError extends FakturoError {
  override name = 'NotFoundError';
}

/** 409: not allowed in the object's current state (`contact_has_documents`, `invoice_not_draft`, …). */
export class ConflictError extends FakturoError {
  override name = 'ConflictError';
}

/** 412: `ifMatch` named a version that is no longer current; someone else changed the object. */
export class PreconditionFailedError extends FakturoError {
  override name = 'PreconditionFailedError';
}

/** 400 (malformed) or 422 (breaks a rule): `errors` lists every offending field. Nothing was written. */
export class ValidationError extends FakturoError {
  override name = 'ValidationError';
}

/** 429 after the SDK's retries ran out (or `Retry-After` asked for longer than it waits). */
export class RateLimitError extends FakturoError {
  override name = 'RateLimitError';
  /** Seconds the server asked to wait (`Retry-After`), when it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, init: FakturoErrorInit & { retryAfterSeconds?: number }) {
    super(message, init);
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** 5xx after the SDK's retries ran out. */
export class ApiError extends FakturoError {
  override name = 'ApiError';
}

/** No answer: the connection failed or timed out (`code` `connection_failed` or `timeout`). */
export class ConnectionError extends FakturoError {
  override name = 'ConnectionError';
}

/** A webhook whose headers, signature or timestamp do not check out. Answer the sender with 400. */
export class WebhookVerificationError extends FakturoError {
  override name = 'WebhookVerificationError';
}

/** Parses `Retry-After`: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterSeconds(headers: Headers, nowMs = Date.now()): number | undefined {
  const raw = headers.get('retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

/** Turns an error answer into the error class of its kind, keeping the problem's code, fields and request id. */
export function errorFromResponse(status: number, headers: Headers, body: unknown): FakturoError {
  const problem = isProblem(body) ? body : undefined;
  const init: FakturoErrorInit = {
    status,
    code: problem?.code ?? `http_${status}`,
    requestId: problem?.requestId ?? headers.get('x-request-id') ?? undefined,
    errors: problem?.errors,
    type: problem?.type,
    title: problem?.title,
    headers,
    problem,
  };
  const message =
    problem?.detail ?? (typeof body === 'string' && body.length > 0 ? body.slice(0, 500) : `HTTP ${status}`);
  if (status === 400 || status === 422) return new ValidationError(message, init);
  if (status === 401) return new AuthenticationError(message, init);
  if (status === 403) return new PermissionError(message, init);
  if (status === 404) return new NotFoundError(message, init);
  if (status === 409) return new ConflictError(message, init);
  if (status === 412) return new PreconditionFailedError(message, init);
  if (status === 429)
    return new RateLimitError(message, { ...init, retryAfterSeconds: retryAfterSeconds(headers) });
  if (status >= 500) return new ApiError(message, init);
  return new FakturoError(message, init);
}
