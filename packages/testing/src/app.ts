import { buildApp } from '@fakturo/api';
import type { Db } from '@fakturo/db';
import { type Clock, type Ctx, organizations, systemClock } from '@fakturo/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestTenant {
  organizationId: string;
  apiKey: string;
  /** A domain context for this tenant (for arranging data the API cannot yet create). */
  ctx: Ctx;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  db: Db;
  /** The first tenant; `tenant()` makes more. */
  main: TestTenant;
  tenant: (name?: string) => Promise<TestTenant>;
  /** Calls the API as a tenant (default: main) through Fastify's full request pipeline. */
  api: (request: ApiRequest, as?: TestTenant) => Promise<ApiResponse>;
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: LightMyRequestResponse['headers'];
  /** Parsed JSON when the response is JSON, otherwise the text. */
  body: any;
  text: string;
}

export async function createTenant(
  db: Db,
  clock: Clock = systemClock,
  name = 'Test GmbH',
): Promise<TestTenant> {
  const { organization, apiKey } = await organizations.create(db, clock, { legalName: name });
  return {
    organizationId: organization.id,
    apiKey: apiKey.secret,
    ctx: {
      db,
      organizationId: organization.id,
      clock,
      actor: { type: 'system', id: 'test', scopes: ['read', 'write'] },
    },
  };
}

/**
 * The application on a database of its own for this test file, with one organisation and key. Closed and
 * dropped after the file's tests.
 */
export async function createTestApp(
  options: { clock?: Clock; rateLimitMax?: number } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = options.clock ?? systemClock;
  const app = await buildApp({
    db: database.db,
    clockFor: () => clock,
    rateLimit: { max: options.rateLimitMax ?? 10_000, timeWindowMs: 1000 },
    // the tests open portal pages far more often than a person would
    portalRateLimit: { max: 10_000, timeWindowMs: 1000 },
  });
  await app.ready();
  const main = await createTenant(database.db, clock);
  afterAll(async () => {
    await app.close();
    await database.drop();
  });
  const api = async (request: ApiRequest, as: TestTenant = main): Promise<ApiResponse> => {
    const response = await app.inject({
      method: request.method,
      url: request.url,
      headers: { authorization: `Bearer ${as.apiKey}`, ...(request.headers ?? {}) },
      ...(request.body === undefined
        ? {}
        : typeof request.body === 'string'
          ? { payload: request.body }
          : { payload: request.body as object }),
    });
    const type = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      headers: response.headers,
      body: type.includes('json') && response.body ? response.json() : response.body,
      text: response.body,
    };
  };
  return {
    app,
    database,
    db: database.db,
    main,
    tenant: (name) => createTenant(database.db, clock, name),
    api,
  };
}
