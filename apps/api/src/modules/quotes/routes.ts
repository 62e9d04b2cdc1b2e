import { quotes } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { withEtag } from '../../plugins/versioning';
import { bodyOptional, IdParams, problemResponses } from '../../schemas/common';
import { type DocumentResource, documentRoutes } from '../invoices/document-routes';
import { InvoiceSchema, QuoteSchema } from '../invoices/schemas';
import {
  QuoteCreateSchema,
  QuoteDecisionSchema,
  QuoteListQuerySchema,
  QuotePageSchema,
  QuoteUpdateSchema,
} from './schemas';

const tags = ['Quotes'];

const resource: DocumentResource = {
  path: 'quotes',
  name: 'Quote',
  label: 'quote',
  code: 'quote',
  tags,
  verbs: quotes,
  schema: QuoteSchema,
  page: QuotePageSchema,
  create: QuoteCreateSchema,
  update: QuoteUpdateSchema,
  listQuery: QuoteListQuerySchema,
  createDescription:
    'A draft quote for a contact, with lines that may refer to articles. Finalize it to number it and render its PDF.',
};

export const quoteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(documentRoutes(resource));

  for (const action of ['accept', 'decline'] as const) {
    app.post(
      `/quotes/:id/${action}`,
      {
        schema: {
          tags,
          operationId: `${action}Quote`,
          summary:
            action === 'accept'
              ? 'Record that the buyer accepted a quote'
              : 'Record that the buyer declined a quote',
          description: `An open (finalized or sent) quote within its validity becomes \`${action}ed\` (\`quote.${action}ed\`). The answer is stored with its time, signer and the SHA-256 of the exact quote PDF answered. Any other state answers 409 with a code naming it (\`quote_expired\`, \`quote_already_accepted\`, …).`,
          params: IdParams,
          body: Type.Ref(QuoteDecisionSchema),
          response: { 200: Type.Ref(QuoteSchema), ...problemResponses },
        },
        // the body is optional: no body is the same as `{}`
        preValidation: bodyOptional,
      },
      async (request, reply) =>
        withEtag(reply, await quotes[action](request.ctx, request.params.id, request.body)),
    );
  }

  app.get(
    '/quotes/:id/signature',
    {
      schema: {
        tags,
        operationId: 'getQuoteSignature',
        summary: 'The signature drawn when the quote was accepted in the customer portal',
        description:
          'The PNG the signer drew in the customer portal, as received; its SHA-256 is in `ETag`, `X-Content-SHA256` and the quote’s `decision.signatureSha256`. A quote accepted through the API or without a drawn signature answers 404 `quote_signature_not_found`.',
        params: IdParams,
        response: {
          200: {
            description: 'The signature (PNG)',
            content: { 'image/png': { schema: Type.String({ format: 'binary' }) } },
          },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { content, sha256 } = await quotes.signature(request.ctx, request.params.id);
      // a file, not the JSON schema's reply (as sendFile in invoices/document-routes.ts)
      return (reply as FastifyReply)
        .type('image/png')
        .header('etag', `"${sha256}"`)
        .header('x-content-sha256', sha256)
        .send(content);
    },
  );

  app.post(
    '/quotes/:id/convert',
    {
      schema: {
        tags,
        operationId: 'convertQuote',
        summary: 'Convert an accepted quote into a draft invoice',
        description:
          'Creates a draft invoice with the quote’s lines (articles, rate and supply kinds kept; VAT decided for the invoice) and marks the quote `converted`. Answers the new invoice. A quote that is not accepted answers 409 `quote_not_accepted`.',
        params: IdParams,
        response: { 201: Type.Ref(InvoiceSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const invoice = await quotes.convert(request.ctx, request.params.id);
      reply.code(201).header('location', `/v1/invoices/${invoice.id}`);
      return withEtag(reply, invoice);
    },
  );
};
