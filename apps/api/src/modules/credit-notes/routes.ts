import { creditNotes } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type DocumentResource, documentRoutes, eInvoiceRoute } from '../invoices/document-routes';
import { CreditNoteSchema } from '../invoices/schemas';
import {
  CreditNoteCreateSchema,
  CreditNoteListQuerySchema,
  CreditNotePageSchema,
  CreditNoteUpdateSchema,
} from './schemas';

const resource: DocumentResource = {
  path: 'credit-notes',
  name: 'CreditNote',
  label: 'credit note',
  code: 'credit_note',
  tags: ['Credit notes'],
  verbs: creditNotes,
  schema: CreditNoteSchema,
  page: CreditNotePageSchema,
  create: CreditNoteCreateSchema,
  update: CreditNoteUpdateSchema,
  listQuery: CreditNoteListQuerySchema,
  createDescription:
    'A draft credit note (381) for an issued invoice (`invoiceId`): the lines given (positive quantities: what is credited), or without lines the whole invoice. The credit note’s amounts are negative — it reduces the receivable — and finalizing it emits `credit_note.finalized`.',
};

export const creditNoteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(documentRoutes(resource));
  await app.register(eInvoiceRoute(resource));
};
