import { audit } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { problemResponses } from '../../schemas/common';
import { AuditEntryPageSchema, AuditListQuerySchema, AuditVerificationSchema } from './schemas';

const tags = ['Audit log'];

export const auditLogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit-log',
    {
      schema: {
        tags,
        operationId: 'listAuditLog',
        summary: 'List audit log entries',
        description:
          'Who changed what and when, with the resource before and after: documents, contacts, contracts and the organisation’s settings. Newest first; filter by `resourceId`, `resourceType` or `action`. Entries are written in the same transaction as the change and can never be changed.',
        querystring: AuditListQuerySchema,
        response: { 200: Type.Ref(AuditEntryPageSchema), ...problemResponses },
      },
    },
    async (request) => audit.list(request.ctx, request.query),
  );

  app.get(
    '/audit-log/verify',
    {
      schema: {
        tags,
        operationId: 'verifyAuditLog',
        summary: 'Verify the audit log’s hash chain',
        description:
          'Recomputes every entry’s SHA-256 from its stored content and its link to the entry before, and checks the last entry against the chain head. `valid: false` names the first broken entry (`firstBrokenSeq`): one changed, removed or cut off.',
        response: { 200: Type.Ref(AuditVerificationSchema), ...problemResponses },
      },
    },
    async (request) => audit.verify(request.ctx),
  );
};
