import { apiKeys } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, PageQuerySchema, problemResponses } from '../../schemas/common';
import { ApiKeyCreateSchema, ApiKeyPageSchema, ApiKeyWithSecretSchema } from './schemas';

const tags = ['API keys'];

export const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api-keys',
    {
      schema: {
        tags,
        operationId: 'listApiKeys',
        summary: 'List active API keys',
        querystring: Type.Object(PageQuerySchema, { additionalProperties: false }),
        response: { 200: Type.Ref(ApiKeyPageSchema), ...problemResponses },
      },
    },
    async (request) => apiKeys.list(request.ctx, request.query),
  );

  app.post(
    '/api-keys',
    {
      config: { secretResponse: true },
      schema: {
        tags,
        operationId: 'createApiKey',
        summary: 'Create an API key',
        description:
          'The secret is returned once and stored only as a hash. A retry with the same `Idempotency-Key` by the same key gets the same response; the stored copy is encrypted under your own key.',
        body: Type.Ref(ApiKeyCreateSchema),
        response: { 201: Type.Ref(ApiKeyWithSecretSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return apiKeys.create(request.ctx, request.body);
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      schema: {
        tags,
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key',
        description: 'The key stops working at once on this server and within seconds on every other.',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await apiKeys.revoke(request.ctx, request.params.id);
      app.forgetAuthentications();
      return reply.code(204).send(null);
    },
  );
};
