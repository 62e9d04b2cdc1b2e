import { type DocumentFamily, sending } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { bodyOptional, IdParams, problemResponses } from '../../schemas/common';
import type { ModuleOptions } from '../index';
import {
  CreateShareLinkSchema,
  DocumentSendListQuerySchema,
  DocumentSendPageSchema,
  DocumentSendSchema,
  RetrySendSchema,
  SendDocumentSchema,
  SendQuoteSchema,
  ShareLinkListQuerySchema,
  ShareLinkPageSchema,
  ShareLinkSchema,
} from './schemas';

/**
 * Sending documents by e-mail: `POST /{invoices|credit-notes|quotes}/{id}/send`, their send logs, and
 * `/document-sends/{id}` (read, retry); and their portal links without a mail: `POST …/{id}/share-link`,
 * `GET …/{id}/share-links`, `DELETE /share-links/{id}`. Thin: every rule is in the domain's sending service.
 */

interface SendableResource {
  path: string;
  family: DocumentFamily;
  name: string;
  label: string;
  tags: string[];
  body: typeof SendDocumentSchema | typeof SendQuoteSchema;
  event: string;
}

const RESOURCES: SendableResource[] = [
  {
    path: 'invoices',
    family: 'invoice',
    name: 'Invoice',
    label: 'invoice',
    tags: ['Invoices'],
    body: SendDocumentSchema,
    event: 'invoice.sent',
  },
  {
    path: 'credit-notes',
    family: 'credit_note',
    name: 'CreditNote',
    label: 'credit note',
    tags: ['Credit notes'],
    body: SendDocumentSchema,
    event: 'credit_note.sent',
  },
  {
    path: 'quotes',
    family: 'quote',
    name: 'Quote',
    label: 'quote',
    tags: ['Quotes'],
    body: SendQuoteSchema,
    event: 'quote.sent',
  },
];

const sendResponse = Type.Ref(DocumentSendSchema);

export const sendingRoutes: FastifyPluginAsyncTypebox<ModuleOptions> = async (app, { publicUrl }) => {
  for (const resource of RESOURCES) {
    const attachments =
      resource.family === 'quote'
        ? 'its PDF'
        : 'its PDF and the e-invoice the contact wants (`eInvoiceFormat` of the contact, or of this request: an XRechnung XML beside the PDF, or the ZUGFeRD PDF instead of it)';
    app.post(
      `/${resource.path}/:id/send`,
      {
        schema: {
          tags: resource.tags,
          operationId: `send${resource.name}`,
          summary: `E-mail the ${resource.label}`,
          description: `Queues an e-mail of the issued ${resource.label} to the contact’s billing addresses (or \`recipients\`) with ${attachments} and a link to the customer portal; the worker sends it through SMTP. Answers 202 with the send to watch (\`GET /v1/document-sends/{id}\`). Delivered: the ${resource.label} becomes \`sent\` (\`${resource.event}\`). A 5xx rejection (bounce) fails the send at once, with the server’s reply in \`smtpResponse\` (\`document_send.failed\`); 4xx replies and an unreachable server are retried with back-off. A draft answers 409 \`${resource.family}_not_finalized\`${resource.family === 'invoice' ? ', a cancelled invoice 409 `invoice_not_sendable`' : ''}; while a send of the document is on its way, another answers 409 \`document_send_in_progress\`.`,
          params: IdParams,
          body: Type.Ref(resource.body),
          response: { 202: sendResponse, ...problemResponses },
        },
        // the body is optional: no body sends to the contact with its preferences
        preValidation: bodyOptional,
      },
      async (request, reply) => {
        const send = await sending.send(
          request.ctx,
          resource.family,
          request.params.id,
          request.body as sending.SendInput,
        );
        reply.code(202).header('location', `/v1/document-sends/${send.id}`);
        return send;
      },
    );

    app.post(
      `/${resource.path}/:id/share-link`,
      {
        // the URL holds the token: an Idempotency-Key replay keeps it only encrypted under the caller's key
        config: { secretResponse: true },
        schema: {
          tags: resource.tags,
          operationId: `create${resource.name}ShareLink`,
          summary: `Make a customer portal link to the ${resource.label}`,
          description: `Answers 201 with \`url\`: the customer portal page of the issued ${resource.label}, to hand to the customer yourself (a shop’s order page, a message) instead of by e-mail. It needs no API key and opens this ${resource.label} only: its PDF${resource.family === 'quote' ? ', and the form to accept it with a drawn signature or decline it' : resource.family === 'invoice' ? ' and e-invoices, and paying online when a payment provider is connected' : ' and e-invoices'}. The URL is in this answer only (only the token’s SHA-256 is stored). It expires after \`expiresInDays\` (default ${sending.ACCESS_TOKEN_TTL_DAYS}); \`DELETE /v1/share-links/{id}\` revokes it. A draft answers 409 \`${resource.family}_not_finalized\`.`,
          params: IdParams,
          body: Type.Ref(CreateShareLinkSchema),
          response: { 201: Type.Ref(ShareLinkSchema), ...problemResponses },
        },
        preValidation: bodyOptional,
      },
      async (request, reply) => {
        const link = await sending.shareLinks.create(
          request.ctx,
          resource.family,
          request.params.id,
          (request.body ?? {}) as sending.shareLinks.ShareLinkInput,
          publicUrl,
        );
        reply.code(201);
        return link;
      },
    );

    app.get(
      `/${resource.path}/:id/share-links`,
      {
        schema: {
          tags: resource.tags,
          operationId: `list${resource.name}ShareLinks`,
          summary: `The ${resource.label}’s portal links`,
          description:
            'Every portal link of the document, newest first: those made with `…/share-link` and those of its e-mails (`sendId`), with when they expire or were revoked. Without their URLs: a token is shown once, when it is made.',
          params: IdParams,
          querystring: ShareLinkListQuerySchema,
          response: { 200: Type.Ref(ShareLinkPageSchema), ...problemResponses },
        },
      },
      async (request) =>
        sending.shareLinks.listForDocument(request.ctx, resource.family, request.params.id, request.query),
    );

    app.get(
      `/${resource.path}/:id/sends`,
      {
        schema: {
          tags: resource.tags,
          operationId: `list${resource.name}Sends`,
          summary: `The ${resource.label}’s send log`,
          description:
            'Every e-mail of the document, newest first: recipients, attachments, attempts, the last error and the SMTP server’s reply.',
          params: IdParams,
          querystring: DocumentSendListQuerySchema,
          response: { 200: Type.Ref(DocumentSendPageSchema), ...problemResponses },
        },
      },
      async (request) =>
        sending.listForDocument(request.ctx, resource.family, request.params.id, request.query),
    );
  }

  app.delete(
    '/share-links/:id',
    {
      schema: {
        tags: ['Sending'],
        operationId: 'revokeShareLink',
        summary: 'Revoke a portal link',
        description:
          'The link opens nothing from now on: the portal answers 410. Works for the link of an e-mail too (the mail stays sent). Revoking a revoked link changes nothing.',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await sending.shareLinks.revoke(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/document-sends/:id',
    {
      schema: {
        tags: ['Sending'],
        operationId: 'getDocumentSend',
        summary: 'Get a document send',
        params: IdParams,
        response: { 200: sendResponse, ...problemResponses },
      },
    },
    async (request) => sending.get(request.ctx, request.params.id),
  );

  app.post(
    '/document-sends/:id/retry',
    {
      schema: {
        tags: ['Sending'],
        operationId: 'retryDocumentSend',
        summary: 'Send a failed e-mail again',
        description:
          'Queues a failed send once more — to corrected `recipients` if given — with a new portal link; the attempts go on counting. Only a failed send (409 `document_send_not_failed`), of a document that may still be sent.',
        params: IdParams,
        body: Type.Ref(RetrySendSchema),
        response: { 202: sendResponse, ...problemResponses },
      },
      preValidation: bodyOptional,
    },
    async (request, reply) => {
      reply.code(202);
      return sending.retry(request.ctx, request.params.id, request.body);
    },
  );
};
