import { DomainError, type ErrorKind, type FieldError } from '@fakturo/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const STATUS: Record<ErrorKind, number> = {
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

export const PROBLEM_BASE = 'https://docs.fakturo.dev/errors/';

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; [key: string]: unknown } = {},
): FastifyReply {
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

/** ajv's instancePath `/emails/0/email` → `emails.0.email`; required errors name the missing property. */
function fieldPath(context: string | undefined, error: { instancePath: string; params?: Record<string, unknown> }) {
  const parts = error.instancePath.split('/').filter(Boolean);
  const missing = error.params?.missingProperty ?? error.params?.additionalProperty;
  if (typeof missing === 'string') parts.push(missing);
  const prefix = context && context !== 'body' ? [context] : [];
  return [...prefix, ...parts].join('.') || context || 'body';
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
      const errors = fastifyError.validation.map((v) => ({
        path: fieldPath(fastifyError.validationContext, v),
        message: v.message ?? 'is invalid',
        code: validationCode(v.keyword),
      }));
      return sendProblem(reply, 400, 'validation_failed', 'The request has invalid fields; see `errors`.', { errors });
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, 500, 'internal_error', 'Something went wrong on our side; the request id helps us find it.');
    }
    if (status === 429) return reply.send(error);
    const code = fastifyError.code?.startsWith('FST_')
      ? fastifyError.code
          .replace(/^FST_(ERR_)?/, '')
          .toLowerCase()
      : 'invalid_request';
    return sendProblem(reply, status, code, fastifyError.message);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`),
  );
});
