import { DomainError, type ErrorKind, type FieldError } from '@fakturo/domain';
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { toFieldErrors } from '../schemas/validator';

/** The HTTP status of each domain error kind; GraphQL uses it too for failures before execution (auth, limits). */
export const STATUS: Record<ErrorKind, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

// Fastify's own codes are named after its internals (FST_ERR_CTP_…); the public contract gets stable names.
const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'body_invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body_empty',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'media_type_unsupported',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'content_length_invalid',
  MER_ERR_GQL_VALIDATION: 'graphql_validation_failed',
};

/** A stable snake_case code for an error raised by Fastify or Mercurius themselves. */
export function frameworkCode(code: string | undefined): string {
  if (!code) return 'invalid_request';
  return (
    FRAMEWORK_CODES[code] ??
    (/^(FST|MER)_/.test(code) ? code.replace(/^(FST|MER)_(ERR_)?/, '').toLowerCase() : 'invalid_request')
  );
}

export const PROBLEM_BASE = 'https://docs.fakturo.dev/errors/';

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; [key: string]: unknown } = {},
): FastifyReply {
  // RFC 9110 §11.6.1: a 401 names the scheme to authenticate with (RFC 6750: Bearer; a key that was sent
  // but is unknown or revoked is an invalid_token)
  if (status === 401) {
    reply.header(
      'www-authenticate',
      code === 'api_key_invalid' ? 'Bearer realm="fakturo", error="invalid_token"' : 'Bearer realm="fakturo"',
    );
  }
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: PROBLEM_BASE + code,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      code,
      requestId: reply.request.id,
      ...extra,
    });
}

/**
 * One place maps every failure to RFC 9457 problem+json: domain errors by their kind, request validation
 * (all offending fields at once), and anything else as a 500 that never shows internals.
 */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) {
      const status = STATUS[error.kind];
      if (status >= 500) request.log.error({ err: error }, 'domain error');
      return sendProblem(reply, status, error.code, error.message, {
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.details ?? {}),
      });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const errors = toFieldErrors(fastifyError.validationContext, fastifyError.validation as ErrorObject[]);
      return sendProblem(reply, 400, 'validation_failed', 'The request has invalid fields; see `errors`.', {
        errors,
      });
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(
        reply,
        500,
        'internal_error',
        'Something went wrong on our side; the request id helps us find it.',
      );
    }
    if (status === 429) return reply.send(error);
    return sendProblem(reply, status, frameworkCode(fastifyError.code), fastifyError.message);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`),
  );
});
