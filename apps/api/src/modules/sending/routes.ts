import { type DocumentFamily, sending } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { bodyOptional, IdParams, problemResponses } from '../../schemas/common';
import {
  DocumentSendListQuerySchema,
  DocumentSendPageSchema,
  DocumentSendSchema,
  RetrySendSchema,
  SendDocumentSchema,
  SendQuoteSchema,
} from './schemas';

/**
 * Sending documents by e-mail: `POST /{invoices|credit-notes|quotes}/{id}/send`, their send logs, and
 * `/document-sends/{id}` (read, retry). Thin: every rule is in the domain's sending service.
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

export const sendingRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
