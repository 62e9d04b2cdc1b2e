import { contracts } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { expectedVersion, withEtag } from '../../plugins/versioning';
import { bodyOptional, IdParams, problemResponses } from '../../schemas/common';
import {
  CancelSchema,
  ContractCreateSchema,
  ContractListQuerySchema,
  ContractPageSchema,
  ContractSchema,
  ContractUpdateSchema,
  InstallmentPlanCreateSchema,
  PauseSchema,
  PriceChangeCreateSchema,
  ResumeSchema,
} from './schemas';

const tags = ['Contracts'];
const contractResponse = Type.Ref(ContractSchema);

export const contractRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contracts',
    {
      schema: {
        tags,
        operationId: 'listContracts',
        summary: 'List contracts',
        description: 'Newest first; filter by `status` and `contactId`.',
        querystring: ContractListQuerySchema,
        response: { 200: Type.Ref(ContractPageSchema), ...problemResponses },
      },
    },
    async (request) => contracts.list(request.ctx, request.query),
  );

  app.post(
    '/contracts',
    {
      schema: {
        tags,
        operationId: 'createContract',
        summary: 'Create a contract',
        description:
          'A contract bills its items every `intervalMonths`, in advance or in arrears, from `startDate`. Article items take the article’s price at this moment (or `priceModel` to override it); free-text items bring name and price.',
        body: Type.Ref(ContractCreateSchema),
        response: { 201: contractResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const contract = await contracts.create(request.ctx, request.body);
      reply.code(201).header('location', `/v1/contracts/${contract.id}`);
      return withEtag(reply, contract);
    },
  );

  app.get(
    '/contracts/:id',
    {
      schema: {
        tags,
        operationId: 'getContract',
        summary: 'Get a contract',
        params: IdParams,
        response: { 200: contractResponse, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await contracts.get(request.ctx, request.params.id)),
  );

  app.patch(
    '/contracts/:id',
    {
      schema: {
        tags,
        operationId: 'updateContract',
        summary: 'Update a contract',
        description:
          'Changes of what items bill apply by `applyChange` (default: the contract’s `changeTiming`): `next_period` from the next period, `immediate_prorated` from today with a credit and a charge for the rest of the current period. Honours `If-Match`.',
        params: IdParams,
        body: Type.Ref(ContractUpdateSchema),
        response: { 200: contractResponse, ...problemResponses },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await contracts.update(request.ctx, request.params.id, request.body, expectedVersion(request)),
      ),
  );

  app.post(
    '/contracts/:id/cancel',
    {
      preValidation: bodyOptional,
      schema: {
        tags,
        operationId: 'cancelContract',
        summary: 'Cancel a contract',
        description:
          'Ends the contract at the first period end that is after both the (renewed) term and the notice period from `receivedOn`. The computed end date is in `endDate` and `cancellation`.',
        params: IdParams,
        body: CancelSchema,
        response: { 200: contractResponse, ...problemResponses },
      },
    },
    async (request, reply) =>
      withEtag(reply, await contracts.cancel(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/contracts/:id/pause',
    {
      preValidation: bodyOptional,
      schema: {
        tags,
        operationId: 'pauseContract',
        summary: 'Pause a contract',
        description: 'Periods starting from `startsOn` (to `endsOn`, or until resumed) are not billed.',
        params: IdParams,
        body: PauseSchema,
        response: { 200: contractResponse, ...problemResponses },
      },
    },
    async (request, reply) =>
      withEtag(reply, await contracts.pause(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/contracts/:id/resume',
    {
      preValidation: bodyOptional,
      schema: {
        tags,
        operationId: 'resumeContract',
        summary: 'Resume a paused contract',
        description: 'Billing continues with the first period starting on or after `resumesOn`.',
        params: IdParams,
        body: ResumeSchema,
        response: { 200: contractResponse, ...problemResponses },
      },
    },
    async (request, reply) =>
      withEtag(reply, await contracts.resume(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/contracts/:id/price-changes',
    {
      schema: {
        tags,
        operationId: 'createContractPriceChange',
        summary: 'Schedule a price change',
        description:
          'A new price for one item, or a percentage for one item or all; applies from the first period starting on or after `effectiveDate`. The announcement date is kept. A date so far back that such a period is billed already answers 422 `effective_date_before_billed_period`.',
        params: IdParams,
        body: Type.Ref(PriceChangeCreateSchema),
        response: { 201: contractResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const contract = await contracts.addPriceChange(request.ctx, request.params.id, request.body);
      reply.code(201);
      return withEtag(reply, contract);
    },
  );

  app.post(
    '/contracts/:id/installment-plans',
    {
      schema: {
        tags,
        operationId: 'createContractInstallmentPlan',
        summary: 'Add an installment plan',
        description:
          'Splits a one-time amount into `count` parts due every `intervalMonths`; the parts add up to the total. Billing runs bill each part when due.',
        params: IdParams,
        body: Type.Ref(InstallmentPlanCreateSchema),
        response: { 201: contractResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const contract = await contracts.addInstallmentPlan(request.ctx, request.params.id, request.body);
      reply.code(201);
      return withEtag(reply, contract);
    },
  );
};
