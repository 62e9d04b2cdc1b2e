import { invoices } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { withEtag } from '../../plugins/versioning';
import { IdParams, problemResponses } from '../../schemas/common';
import { type DocumentResource, documentRoutes, eInvoiceRoute } from './document-routes';
import {
  InvoiceCreateSchema,
  InvoiceListQuerySchema,
  InvoicePageSchema,
  InvoiceSchema,
  InvoiceUpdateSchema,
  MergeSchema,
} from './schemas';

const tags = ['Invoices'];

const resource: DocumentResource = {
  path: 'invoices',
  name: 'Invoice',
  label: 'invoice',
  code: 'invoice',
  tags,
  verbs: invoices,
  schema: InvoiceSchema,
  page: InvoicePageSchema,
  create: InvoiceCreateSchema,
  update: InvoiceUpdateSchema,
  listQuery: InvoiceListQuerySchema,
  createDescription:
    'A draft invoice (`type` invoice, pro_forma, or corrected_invoice with the `invoiceId` it corrects) for a contact, with lines that may refer to articles. Drafts have no number; give a `sendDate` to have the worker e-mail it once finalized.',
};

export const invoiceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // `/invoices/merge` is a static path: the router prefers it to `/invoices/:id`
  app.post(
    '/invoices/merge',
    {
      schema: {
        tags,
        operationId: 'mergeInvoices',
        summary: 'Merge drafts into a collective invoice',
        description:
          'Forms a collective invoice (Sammelrechnung) from draft invoices of ONE contact and currency: one new draft with all their lines, in the order given; the drafts merged are deleted — all in one transaction.',
        body: Type.Ref(MergeSchema),
        response: { 201: Type.Ref(InvoiceSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const invoice = await invoices.merge(request.ctx, request.body);
      reply.code(201).header('location', `/v1/invoices/${invoice.id}`);
      return withEtag(reply, invoice);
    },
  );

  await app.register(documentRoutes(resource));
  await app.register(eInvoiceRoute(resource));

  app.post(
    '/invoices/:id/cancel',
    {
      schema: {
        tags,
        operationId: 'cancelInvoice',
        summary: 'Cancel an issued invoice',
        description:
          'GoBD: an issued invoice is never changed; it is cancelled by a cancellation document (Storno) with its own number, the same parties and the negated lines and totals, referring to the original. This creates and finalizes that document and marks the invoice `cancelled` (`cancelledByDocumentId` names the Storno, also under `/invoices`). An invoice with payments or credit notes answers 409: credit or refund instead.',
        params: IdParams,
        response: { 200: Type.Ref(InvoiceSchema), ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await invoices.cancel(request.ctx, request.params.id)),
  );
};
