import type { TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiKeyRoutes } from './api-keys/routes';
import { apiKeySchemas } from './api-keys/schemas';
import { contactRoutes } from './contacts/routes';
import { contactSchemas } from './contacts/schemas';
import { eventRoutes } from './events/routes';
import { eventSchemas } from './events/schemas';
import { organizationRoutes } from './organization/routes';
import { organizationSchemas } from './organization/schemas';

export interface RestModule {
  routes: FastifyPluginAsyncTypebox;
  /** Named schemas ($id) this module shares: components in OpenAPI, types in the SDK. */
  schemas: TSchema[];
}

/** Every REST module under /v1. A new resource adds one line here. */
export const restModules: RestModule[] = [
  { routes: organizationRoutes, schemas: organizationSchemas },
  { routes: apiKeyRoutes, schemas: apiKeySchemas },
  { routes: contactRoutes, schemas: contactSchemas },
  { routes: eventRoutes, schemas: eventSchemas },
];
