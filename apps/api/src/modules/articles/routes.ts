import { articles } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { expectedVersion, withEtag } from '../../plugins/versioning';
import { IdParams, problemResponses } from '../../schemas/common';
import {
  ArticleCreateSchema,
  ArticleListQuerySchema,
  ArticlePageSchema,
  ArticleSchema,
  ArticleUpdateSchema,
} from './schemas';

const tags = ['Catalog'];
const articleResponse = Type.Ref(ArticleSchema);

export const articleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/articles',
    {
      schema: {
        tags,
        operationId: 'listArticles',
        summary: 'List articles',
        description:
          'Newest first. Filter by words in number or name (`q`), `active`, `currency`, source/external id.',
        querystring: ArticleListQuerySchema,
        response: { 200: Type.Ref(ArticlePageSchema), ...problemResponses },
      },
    },
    async (request) => articles.list(request.ctx, request.query),
  );

  app.post(
    '/articles',
    {
      schema: {
        tags,
        operationId: 'createArticle',
        summary: 'Create an article',
        description:
          'A product or service with its price model (flat, per unit, graduated or volume tiers). The number is taken from `ART-{SEQ:5}` unless given. Every broken rule is reported at once (422).',
        body: Type.Ref(ArticleCreateSchema),
        response: { 201: articleResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const article = await articles.create(request.ctx, request.body);
      reply.code(201).header('location', `/v1/articles/${article.id}`);
      return withEtag(reply, article);
    },
  );

  app.get(
    '/articles/:id',
    {
      schema: {
        tags,
        operationId: 'getArticle',
        summary: 'Get an article',
        params: IdParams,
        response: { 200: articleResponse, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await articles.get(request.ctx, request.params.id)),
  );

  app.patch(
    '/articles/:id',
    {
      schema: {
        tags,
        operationId: 'updateArticle',
        summary: 'Update an article',
        description:
          'Fields present replace the stored ones. A new price applies to contract items added afterwards; running contracts keep their price (schedule a price change on the contract). Honours `If-Match`.',
        params: IdParams,
        body: Type.Ref(ArticleUpdateSchema),
        response: { 200: articleResponse, ...problemResponses },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await articles.update(request.ctx, request.params.id, request.body, expectedVersion(request)),
      ),
  );
};
