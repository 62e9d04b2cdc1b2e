import { webhooks } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { expectedVersion, withEtag } from '../../plugins/versioning';
import { bodyOptional, IdParams, problemResponses } from '../../schemas/common';
import {
  RotateSecretSchema,
  WebhookDeliveryListQuerySchema,
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointListQuerySchema,
  WebhookEndpointPageSchema,
  WebhookEndpointSchema,
  WebhookEndpointUpdateSchema,
  WebhookEndpointWithSecretSchema,
  WebhookReplayResultSchema,
  WebhookReplaySchema,
} from './schemas';

const tags = ['Webhooks'];
const endpointResponse = Type.Ref(WebhookEndpointSchema);
const withSecretResponse = Type.Ref(WebhookEndpointWithSecretSchema);
const deliveryResponse = Type.Ref(WebhookDeliverySchema);

export const webhookEndpointRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/webhook-endpoints',
    {
      schema: {
        tags,
        operationId: 'listWebhookEndpoints',
        summary: 'List webhook endpoints',
        querystring: WebhookEndpointListQuerySchema,
        response: { 200: Type.Ref(WebhookEndpointPageSchema), ...problemResponses },
      },
    },
    async (request) => webhooks.list(request.ctx, request.query),
  );

  app.post(
    '/webhook-endpoints',
    {
      schema: {
        tags,
        operationId: 'createWebhookEndpoint',
        summary: 'Create a webhook endpoint',
        description:
          'Events of the chosen types are POSTed to the URL, signed per Standard Webhooks. The response carries the `whsec_` signing secret — the only time it is shown. URLs on private or loopback networks are refused (422 `webhook_url_not_allowed`) unless the server allows them; link-local addresses always.',
        body: Type.Ref(WebhookEndpointCreateSchema),
        response: { 201: withSecretResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const endpoint = await webhooks.create(request.ctx, request.body);
      reply.code(201).header('location', `/v1/webhook-endpoints/${endpoint.id}`);
      return withEtag(reply, endpoint);
    },
  );

  app.get(
    '/webhook-endpoints/:id',
    {
      schema: {
        tags,
        operationId: 'getWebhookEndpoint',
        summary: 'Get a webhook endpoint',
        params: IdParams,
        response: { 200: endpointResponse, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await webhooks.get(request.ctx, request.params.id)),
  );

  app.patch(
    '/webhook-endpoints/:id',
    {
      schema: {
        tags,
        operationId: 'updateWebhookEndpoint',
        summary: 'Update a webhook endpoint',
        description:
          'Change URL, event types, description, metadata, or enable/disable it. Re-enabling clears the failure streak. Honours `If-Match`.',
        params: IdParams,
        body: Type.Ref(WebhookEndpointUpdateSchema),
        response: { 200: endpointResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const endpoint = await webhooks.update(
        request.ctx,
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      return withEtag(reply, endpoint);
    },
  );

  app.delete(
    '/webhook-endpoints/:id',
    {
      schema: {
        tags,
        operationId: 'deleteWebhookEndpoint',
        summary: 'Delete a webhook endpoint',
        description: 'Stops all deliveries to it at once; its delivery log goes with it.',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await webhooks.remove(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/webhook-endpoints/:id/rotate-secret',
    {
      schema: {
        tags,
        operationId: 'rotateWebhookEndpointSecret',
        summary: 'Rotate the signing secret',
        description:
          'Issues a new secret (returned once). For `expiresIn` seconds (default 24 h) the old one keeps signing too: the `webhook-signature` header then carries both signatures, so receivers can switch without a gap.',
        params: IdParams,
        body: Type.Ref(RotateSecretSchema),
        response: { 200: withSecretResponse, ...problemResponses },
      },
      // the body is optional: a bare POST rotates with the default overlap
      preValidation: bodyOptional,
    },
    async (request, reply) => {
      const endpoint = await webhooks.rotateSecret(request.ctx, request.params.id, request.body);
      return withEtag(reply, endpoint);
    },
  );

  app.post(
    '/webhook-endpoints/:id/test',
    {
      schema: {
        tags,
        operationId: 'testWebhookEndpoint',
        summary: 'Send a test event',
        description:
          'Sends a `webhook.test` event (its `data.object` is the endpoint) to this endpoint only, through the normal signed and logged delivery. Returns the delivery to watch.',
        params: IdParams,
        response: { 202: deliveryResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      reply.code(202);
      return webhooks.sendTest(request.ctx, request.params.id);
    },
  );

  app.get(
    '/webhook-endpoints/:id/deliveries',
    {
      schema: {
        tags,
        operationId: 'listWebhookDeliveries',
        summary: 'List an endpoint’s deliveries',
        description:
          'The delivery log, newest first: status, attempts, last status code, duration and response excerpt, next attempt time.',
        params: IdParams,
        querystring: WebhookDeliveryListQuerySchema,
        response: { 200: Type.Ref(WebhookDeliveryPageSchema), ...problemResponses },
      },
    },
    async (request) => webhooks.listDeliveries(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/webhook-endpoints/:id/replay',
    {
      schema: {
        tags,
        operationId: 'replayWebhookEvents',
        summary: 'Replay events to an endpoint',
        description:
          'Delivers past events again as new deliveries: the `eventIds` given, or every event of the endpoint’s types created from `from` to `to` (at most 10,000).',
        params: IdParams,
        body: Type.Ref(WebhookReplaySchema),
        response: { 202: Type.Ref(WebhookReplayResultSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      reply.code(202);
      return webhooks.replay(request.ctx, request.params.id, request.body);
    },
  );

  app.get(
    '/webhook-deliveries/:id',
    {
      schema: {
        tags,
        operationId: 'getWebhookDelivery',
        summary: 'Get a webhook delivery',
        params: IdParams,
        response: { 200: deliveryResponse, ...problemResponses },
      },
    },
    async (request) => webhooks.getDelivery(request.ctx, request.params.id),
  );

  app.post(
    '/webhook-deliveries/:id/retry',
    {
      schema: {
        tags,
        operationId: 'retryWebhookDelivery',
        summary: 'Retry a delivery now',
        description:
          'Sends a delivery that succeeded or finally failed once more, right away (one attempt). A pending delivery is already on its schedule (409 `webhook_delivery_pending`).',
        params: IdParams,
        response: { 202: deliveryResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      reply.code(202);
      return webhooks.retryDelivery(request.ctx, request.params.id);
    },
  );
};
