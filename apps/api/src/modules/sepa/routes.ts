import { sepa } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { withEtag } from '../../plugins/versioning';
import { bodyOptional, IdParams, problemResponses } from '../../schemas/common';
import {
  SepaCollectionCreateSchema,
  SepaCollectionListQuerySchema,
  SepaCollectionPageSchema,
  SepaCollectionSchema,
} from './schemas';

const tags = ['SEPA'];
const collectionResponse = Type.Ref(SepaCollectionSchema);

/** The file as the bank gets it; its SHA-256 is the ETag (the same bytes on every download). */
function sendXml(reply: FastifyReply, file: sepa.SepaFile) {
  return reply
    .type(file.mimeType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('etag', `"${file.sha256}"`)
    .header('x-content-sha256', file.sha256)
    .send(file.content);
}

export const sepaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/sepa/collections',
    {
      schema: {
        tags,
        operationId: 'listSepaCollections',
        summary: 'List SEPA collections',
        description:
          'Newest first; filter by `status`, `invoiceId` (with `status=pending`: is the invoice collection pending?), `contactId` and creation time.',
        querystring: SepaCollectionListQuerySchema,
        response: { 200: Type.Ref(SepaCollectionPageSchema), ...problemResponses },
      },
    },
    async (request) => sepa.list(request.ctx, request.query),
  );

  app.post(
    '/sepa/collections',
    {
      preValidation: bodyOptional,
      schema: {
        tags,
        operationId: 'createSepaCollection',
        summary: 'Create a SEPA direct debit collection',
        description:
          'Collects the open invoices issued for SEPA direct debit that are due by `dueBy` (default: the earliest possible collection date), or exactly `invoiceIds`, under the mandate each invoice names. Each item’s collection date respects the pre-notification: at least the mandate’s notice period (14 days unless agreed) after the invoice was sent (or issued), never before the debit date the invoice announced, at least one TARGET2 business day ahead, and on a business day — later than asked if need be, never earlier. Items are grouped by date, scheme (CORE/B2B) and sequence type (FRST/RCUR/OOFF). Due invoices left out are listed in `skipped` with the reason (lapsed or revoked mandate, not in EUR …); with `invoiceIds`, one that cannot be collected refuses the request (422 naming each) and nothing is written. Its invoices are collection pending until the collection is cancelled. The organisation needs a SEPA creditor id and bank account (422 `organization_sepa_incomplete`); nothing due answers 422 `sepa_nothing_to_collect`.',
        body: Type.Ref(SepaCollectionCreateSchema),
        response: { 201: collectionResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const collection = await sepa.create(request.ctx, request.body);
      reply.code(201).header('location', `/v1/sepa/collections/${collection.id}`);
      return withEtag(reply, collection);
    },
  );

  app.get(
    '/sepa/collections/:id',
    {
      schema: {
        tags,
        operationId: 'getSepaCollection',
        summary: 'Get a SEPA collection',
        description: 'With its items: invoice, amount, end-to-end id, mandate and collection date of each.',
        params: IdParams,
        response: { 200: collectionResponse, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await sepa.get(request.ctx, request.params.id)),
  );

  app.get(
    '/sepa/collections/:id/xml',
    {
      schema: {
        tags,
        operationId: 'getSepaCollectionXml',
        summary: 'The collection as pain.008.001.08 XML',
        description:
          'The file to hand to the bank (ISO 20022 pain.008.001.08, EPC 2019 guidelines), valid against the official schema: the same bytes on every download, their SHA-256 in `ETag` and `X-Content-SHA256`. A cancelled collection answers 409 `sepa_collection_cancelled`.',
        params: IdParams,
        response: {
          200: {
            description: 'The pain.008.001.08 XML',
            content: { 'application/xml': { schema: Type.String() } },
          },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendXml(reply, await sepa.xml(request.ctx, request.params.id)),
  );

  app.post(
    '/sepa/collections/:id/submit',
    {
      schema: {
        tags,
        operationId: 'submitSepaCollection',
        summary: 'Mark a SEPA collection submitted to the bank',
        description:
          'Say so once the file is with the bank. The collection and its items become `submitted`; every mandate used records its last use (a mandate lapses 36 months after it) and a FRST mandate continues as RCUR. If an invoice was paid, cancelled or changed its open amount, a mandate was revoked or lapsed, or a collection date can no longer be reached since the collection was made, the answer is 409 `sepa_collection_stale` naming the items: cancel it and create a new one.',
        params: IdParams,
        response: { 200: collectionResponse, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await sepa.submit(request.ctx, request.params.id)),
  );

  app.post(
    '/sepa/collections/:id/cancel',
    {
      schema: {
        tags,
        operationId: 'cancelSepaCollection',
        summary: 'Cancel a pending SEPA collection',
        description:
          'Its invoices are no longer collection pending and the next collection may take them. A submitted collection is with the bank and answers 409 `sepa_collection_not_pending`.',
        params: IdParams,
        response: { 200: collectionResponse, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await sepa.cancel(request.ctx, request.params.id)),
  );
};
