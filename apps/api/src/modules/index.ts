import type { Db } from '@fakturo/db';
import type { Clock } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import { apiKeyRoutes } from './api-keys/routes';
import { apiKeySchemas } from './api-keys/schemas';
import { articleRoutes } from './articles/routes';
import { articleSchemas } from './articles/schemas';
import { auditLogRoutes } from './audit-log/routes';
import { auditLogSchemas } from './audit-log/schemas';
import { bankStatementRoutes } from './bank-statements/routes';
import { bankStatementSchemas } from './bank-statements/schemas';
import { billingRunRoutes } from './billing-runs/routes';
import { billingRunSchemas } from './billing-runs/schemas';
import { connectorRoutes } from './connectors/routes';
import { connectorSchemas } from './connectors/schemas';
import { contactGroupRoutes } from './contact-groups/routes';
import { contactGroupSchemas } from './contact-groups/schemas';
import { contactImportExportRoutes, contactImportExportSchemas } from './contacts/import-export';
import { contactRoutes } from './contacts/routes';
import { contactSchemas } from './contacts/schemas';
import { contractRoutes } from './contracts/routes';
import { contractSchemas } from './contracts/schemas';
import { creditNoteRoutes } from './credit-notes/routes';
import { creditNoteSchemas } from './credit-notes/schemas';
import { dunningRoutes } from './dunning/routes';
import { dunningSchemas } from './dunning/schemas';
import { eventRoutes } from './events/routes';
import { eventSchemas } from './events/schemas';
import { invoiceRoutes } from './invoices/routes';
import { invoiceSchemas } from './invoices/schemas';
import { organizationRoutes } from './organization/routes';
import { organizationSchemas } from './organization/schemas';
import { paymentRoutes } from './payments/routes';
import { paymentSchemas } from './payments/schemas';
import { pspRoutes } from './psp/routes';
import { pspSchemas } from './psp/schemas';
import { quoteRoutes } from './quotes/routes';
import { quoteSchemas } from './quotes/schemas';
import { reconciliationRoutes } from './reconciliation/routes';
import { reconciliationSchemas } from './reconciliation/schemas';
import { reportRoutes } from './reports/routes';
import { reportSchemas } from './reports/schemas';
import { sendingRoutes } from './sending/routes';
import { sendingSchemas } from './sending/schemas';
import { sepaRoutes } from './sepa/routes';
import { sepaSchemas } from './sepa/schemas';
import { testClockRoutes } from './test-clock/routes';
import { testClockSchemas } from './test-clock/schemas';
import { webhookEndpointRoutes } from './webhook-endpoints/routes';
import { webhookEndpointSchemas } from './webhook-endpoints/schemas';

/** What every module is registered with; public routes (PSP callbacks) have no request.ctx and use these. */
export interface ModuleOptions {
  db: Db;
  clockFor: (organizationId: string) => Clock;
  /** Public base URL of this installation (app.ts resolves the default). */
  publicUrl: string;
}

export interface RestModule {
  routes: FastifyPluginAsyncTypebox<ModuleOptions>;
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
  // after contacts, articles and invoices: the connector routes refer to their schemas
  { routes: connectorRoutes, schemas: connectorSchemas },
  // after invoices: the payment routes refer to the Invoice schema
  { routes: paymentRoutes, schemas: paymentSchemas },
  { routes: pspRoutes, schemas: pspSchemas },
  { routes: sendingRoutes, schemas: sendingSchemas },
  { routes: sepaRoutes, schemas: sepaSchemas },
  { routes: bankStatementRoutes, schemas: bankStatementSchemas },
  { routes: reconciliationRoutes, schemas: reconciliationSchemas },
  { routes: auditLogRoutes, schemas: auditLogSchemas },
  { routes: reportRoutes, schemas: reportSchemas },
  { routes: dunningRoutes, schemas: dunningSchemas },
];
