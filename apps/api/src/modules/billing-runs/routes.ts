import { billingRuns } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { bodyOptional, IdParams, problemResponses } from '../../schemas/common';
import {
  BillingRunCreateSchema,
  BillingRunListQuerySchema,
  BillingRunPageSchema,
  BillingRunPreviewSchema,
  BillingRunSchema,
} from './schemas';

const tags = ['Billing runs'];
const runResponse = Type.Ref(BillingRunSchema);

export const billingRunRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/billing-runs',
    {
      schema: {
        tags,
        operationId: 'listBillingRuns',
        summary: 'List billing runs',
        querystring: BillingRunListQuerySchema,
        response: { 200: Type.Ref(BillingRunPageSchema), ...problemResponses },
      },
    },
    async (request) => billingRuns.list(request.ctx, request.query),
  );

  app.post(
    '/billing-runs',
    {
      schema: {
        tags,
        operationId: 'startBillingRun',
        summary: 'Start a billing run',
        description:
          'Bills every contract period due on or before `asOf` (default today). The run works in the worker: the answer is 202 with the run; follow `processed`/`failed` on `GET /billing-runs/{id}`. With `dryRun: true` the answer is 200 with what would be billed, and nothing is written. A period is never billed twice, even by concurrent runs.',
        body: Type.Ref(BillingRunCreateSchema),
        response: { 200: Type.Ref(BillingRunPreviewSchema), 202: runResponse, ...problemResponses },
      },
      preValidation: bodyOptional,
    },
    async (request, reply) => {
      const result = await billingRuns.start(request.ctx, request.body);
      if ('dryRun' in result) return reply.code(200).send(result);
      reply.code(202).header('location', `/v1/billing-runs/${result.id}`);
      return result;
    },
  );

  app.get(
    '/billing-runs/:id',
    {
      schema: {
        tags,
        operationId: 'getBillingRun',
        summary: 'Get a billing run',
        description:
          'Progress while it runs: `total`, `processed`, `failed`, `invoicesCreated` and per-contract `errors`.',
        params: IdParams,
        response: { 200: runResponse, ...problemResponses },
      },
    },
    async (request) => billingRuns.get(request.ctx, request.params.id),
  );

  app.post(
    '/billing-runs/:id/cancel',
    {
      schema: {
        tags,
        operationId: 'cancelBillingRun',
        summary: 'Cancel a billing run',
        description:
          'Batches not started yet bill nothing; batches in flight finish (each is one transaction). The run is `cancelling` until then, `cancelled` after.',
        params: IdParams,
        response: { 200: runResponse, ...problemResponses },
      },
    },
    async (request) => billingRuns.cancel(request.ctx, request.params.id),
  );
};
