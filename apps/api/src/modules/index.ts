import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import { apiKeyRoutes } from './api-keys/routes';
import { apiKeySchemas } from './api-keys/schemas';
import { articleRoutes } from './articles/routes';
import { articleSchemas } from './articles/schemas';
import { auditLogRoutes } from './audit-log/routes';
import { auditLogSchemas } from './audit-log/schemas';
import { billingRunRoutes } from './billing-runs/routes';
import { billingRunSchemas } from './billing-runs/schemas';
import { contactGroupRoutes } from './contact-groups/routes';
import { contactGroupSchemas } from './contact-groups/schemas';
import { contactImportExportRoutes, contactImportExportSchemas } from './contacts/import-export';
import { contactRoutes } from './contacts/routes';
import { contactSchemas } from './contacts/schemas';
import { contractRoutes } from './contracts/routes';
import { contractSchemas } from './contracts/schemas';
import { creditNoteRoutes } from './credit-notes/routes';
import { creditNoteSchemas } from './credit-notes/schemas';
import { eventRoutes } from './events/routes';
import { eventSchemas } from './events/schemas';
import { invoiceRoutes } from './invoices/routes';
import { invoiceSchemas } from './invoices/schemas';
import { organizationRoutes } from './organization/routes';
import { organizationSchemas } from './organization/schemas';
import { quoteRoutes } from './quotes/routes';
import { quoteSchemas } from './quotes/schemas';
import { testClockRoutes } from './test-clock/routes';
import { testClockSchemas } from './test-clock/schemas';
import { webhookEndpointRoutes } from './webhook-endpoints/routes';
import { webhookEndpointSchemas } from './webhook-endpoints/schemas';

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
  // `/contacts/import` and `/contacts/export` are static paths: the router prefers them to `/contacts/:id`
  { routes: contactImportExportRoutes, schemas: contactImportExportSchemas },
  { routes: contactGroupRoutes, schemas: contactGroupSchemas },
  { routes: eventRoutes, schemas: eventSchemas },
  { routes: webhookEndpointRoutes, schemas: webhookEndpointSchemas },
  { routes: articleRoutes, schemas: articleSchemas },
  { routes: contractRoutes, schemas: contractSchemas },
  { routes: billingRunRoutes, schemas: billingRunSchemas },
  { routes: testClockRoutes, schemas: testClockSchemas },
  // invoices first: they register the document schemas credit notes and quotes refer to
  { routes: invoiceRoutes, schemas: invoiceSchemas },
  { routes: creditNoteRoutes, schemas: creditNoteSchemas },
  { routes: quoteRoutes, schemas: quoteSchemas },
  { routes: auditLogRoutes, schemas: auditLogSchemas },
];
