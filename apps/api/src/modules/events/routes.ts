import { events } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, problemResponses } from '../../schemas/common';
import { EventListQuerySchema, EventPageSchema, EventSchema } from './schemas';

const tags = ['Events'];

export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events',
    {
      schema: {
        tags,
        operationId: 'listEvents',
        summary: 'List events',
        description:
          'Every change writes an event in its own transaction. Newest first; filter by type and time.',
        querystring: EventListQuerySchema,
        response: { 200: Type.Ref(EventPageSchema), ...problemResponses },
      },
    },
    async (request) => events.list(request.ctx, request.query),
  );

  app.get(
    '/events/:id',
    {
      schema: {
        tags,
        operationId: 'getEvent',
        summary: 'Get an event',
        params: IdParams,
        response: { 200: Type.Ref(EventSchema), ...problemResponses },
      },
    },
    async (request) => events.get(request.ctx, request.params.id),
  );
};
