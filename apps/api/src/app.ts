import type { Db } from '@fakturo/db';
import { audit, type Clock, newId, systemClock } from '@fakturo/domain';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { healthRoutes } from './modules/health/routes';
import { restModules } from './modules/index';
import { portalRoutes } from './modules/portal/routes';
import { authPlugin } from './plugins/auth';
import { errorsPlugin } from './plugins/errors';
import { graphqlPlugin } from './plugins/graphql';
import { idempotencyPlugin } from './plugins/idempotency';
import { openapiPlugin } from './plugins/openapi';
import { rateLimitPlugin } from './plugins/rate-limit';
import { textInputPlugin } from './plugins/text-input';
import { sharedSchemas } from './schemas/common';
import { buildSerializer } from './schemas/serializer';
import { compileFor, registerSchemas } from './schemas/validator';

export const API_VERSION = '0.1.0';

/** As config.ts defaults it, for apps built without one (tests): portal links and PSP return URLs start with it. */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:3000';

export interface AppOptions {
  db: Db;
  /** A pino logger; none for tests. */
  logger?: FastifyBaseLogger;
  /**
   * The clock of an organisation; system time by default. A sandbox with a test clock gets its own instead
   * (the auth plugin reads it with the API key: testClock.clockFrom).
   */
  clockFor?: (organizationId: string) => Clock;
  rateLimit?: { max: number; timeWindowMs: number };
  /** Requests one client address may send to the customer portal per window (PORTAL_RATE_LIMIT by default). */
  portalRateLimit?: { max: number; timeWindowMs: number };
  /** Unknown API keys one client address may send per window (plugins/auth.ts, FAILED_AUTH_LIMIT by default). */
  failedAuthLimit?: { max: number; windowMs: number };
  bodyLimit?: number;
  publicUrl?: string;
  /** Proxies trusted for `X-Forwarded-For` (config.ts `trustProxy`); none by default. */
  trustProxy?: boolean | string[];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Builds the HTTP application. Registration order follows fastify/demo: infrastructure plugins first
 * (errors, auth, limits, idempotency, docs), then the routes, so every route gets every convention.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // An incoming X-Request-Id is echoed (when it is sane), so a caller can trace its own ids.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : newId('request');
    },
    routerOptions: { ignoreTrailingSlash: true },
    // each response serializer gets only the named schemas it reaches, compiled once (schemas/serializer.ts)
    schemaController: { compilersFactory: { buildSerializer } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Bodies are JSON (API.md). Fastify also reads text/plain by default, which a JSON route then refused as
  // "body must be object" and a route without a body schema silently ignored; now it is a 415 like any other
  // type. File uploads (CSV import, bank statements) add their own parsers in their route's scope.
  app.removeContentTypeParser('text/plain');

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  const named = [...sharedSchemas, ...restModules.flatMap((m) => m.schemas)];
  for (const schema of named) app.addSchema(schema); // serialisation and OpenAPI components
  registerSchemas(named); // validation: one validator for REST and GraphQL (schemas/validator.ts)
  app.setValidatorCompiler(({ schema, httpPart }) => compileFor(httpPart ?? 'body', schema as TSchema));

  await app.register(errorsPlugin);
  await app.register(textInputPlugin);
  await app.register(openapiPlugin, { version: API_VERSION, serverUrl: options.publicUrl });
  await app.register(authPlugin, {
    db: options.db,
    clock: options.clockFor ?? (() => systemClock),
    failedLimit: options.failedAuthLimit,
  });
  await app.register(rateLimitPlugin, options.rateLimit ?? { max: 100, timeWindowMs: 1000 });
  await app.register(idempotencyPlugin, { db: options.db });

  await app.register(healthRoutes, { db: options.db });
  const publicUrl = options.publicUrl ?? DEFAULT_PUBLIC_URL;
  await app.register(portalRoutes, {
    db: options.db,
    clockFor: options.clockFor ?? (() => systemClock),
    publicUrl,
    rateLimit: options.portalRateLimit,
  });
  await app.register(
    async (v1) => {
      // public routes (PSP callbacks) have no authenticated request.ctx: they get the pool and clocks here
      const moduleOptions = {
        db: options.db,
        clockFor: options.clockFor ?? (() => systemClock),
        publicUrl,
      };
      for (const module of restModules) await v1.register(module.routes, moduleOptions);
    },
    { prefix: '/v1' },
  );
  await app.register(graphqlPlugin, { db: options.db, publicUrl });
  // audit entries are linked into their hash chain right after their transaction commits (audit.autoSeal)
  const drainSeals = audit.autoSeal(options.db, (err) => app.log.error({ err }, 'audit seal failed'));
  app.addHook('onClose', async () => drainSeals());
  return app;
}
