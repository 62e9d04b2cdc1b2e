import { organizations } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { expectedVersion, withEtag } from '../../plugins/versioning';
import { problemResponses } from '../../schemas/common';
import { OrganizationSchema, OrganizationUpdateSchema } from './schemas';

const tags = ['Organization'];

export const organizationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/organization',
    {
      schema: {
        tags,
        operationId: 'getOrganization',
        summary: 'Get your organisation',
        response: { 200: Type.Ref(OrganizationSchema), ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await organizations.get(request.ctx)),
  );

  app.patch(
    '/organization',
    {
      schema: {
        tags,
        operationId: 'updateOrganization',
        summary: 'Update your organisation',
        description:
          'Legal and tax data, SEPA creditor id, bank account, payment terms, locale, number formats and branding. Issued documents keep the snapshot they were finalized with.',
        body: Type.Ref(OrganizationUpdateSchema),
        response: { 200: Type.Ref(OrganizationSchema), ...problemResponses },
      },
    },
    async (request, reply) =>
      withEtag(reply, await organizations.update(request.ctx, request.body, expectedVersion(request))),
  );
};
