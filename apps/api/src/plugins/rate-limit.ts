import { DomainError } from '@fakturo/domain';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Per-key rate limits with the IETF `RateLimit-*` headers and `Retry-After` on 429. Counted in process
 * memory: with N API replicas each allows the limit, so a shared store (e.g. Redis) is the step when the
 * API is scaled out.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance, options: { max: number; timeWindowMs: number }) => {
    await app.register(rateLimit, {
      global: true,
      // The plugin adds route-level hooks, which run after the app-level auth hook of the same phase: so the
      // limit is the key's, not the IP's. In onRequest an over-limit request is refused before its body is read
      // and before it can claim an Idempotency-Key (a 429 must not be stored and replayed).
      hook: 'onRequest',
      max: options.max,
      timeWindow: options.timeWindowMs,
      enableDraftSpec: true,
      keyGenerator: (request) => request.ctx?.actor.id ?? request.ip,
      allowList: (request) => Boolean(request.routeOptions.config?.public),
      errorResponseBuilder: (_request, context) =>
        new DomainError(
          'rate_limited',
          'rate_limited',
          `Too many requests: ${context.max} per ${context.after}. Retry after the time in Retry-After.`,
        ),
    });
  },
  { name: 'rate-limit', dependencies: ['auth'] },
);
