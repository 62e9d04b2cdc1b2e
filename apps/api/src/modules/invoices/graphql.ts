import { contacts, creditNotes, type DocumentListQuery, invoices, quotes } from '@fakturo/domain';
import type { IResolvers, MercuriusLoaders } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { defined } from '../articles/graphql';
import {
  CreditNoteCreateSchema,
  CreditNoteListQuerySchema,
  CreditNoteUpdateSchema,
} from '../credit-notes/schemas';
import {
  QuoteCreateSchema,
  QuoteDecisionSchema,
  QuoteListQuerySchema,
  QuoteUpdateSchema,
} from '../quotes/schemas';
import { InvoiceCreateSchema, InvoiceListQuerySchema, InvoiceUpdateSchema, MergeSchema } from './schemas';

// Invoices, credit notes and quotes in GraphQL: one document shape, three types, the same domain verbs and
// the same input schemas as REST (validateInput), and `contact` batched per request.

const documentFields = `
    id: ID!, type: String!, typeCode: String!, status: String!, number: String, contactId: ID!, contact: Contact,
    currency: String!, language: String!, issueDate: String, serviceDate: String, servicePeriod: DocumentPeriod,
    dueDate: String, validUntil: String, sendDate: String, lines: [DocumentLine!]!, notes: [String!]!,
    lineNetTotal: MinorAmount!, allowanceTotal: MinorAmount!, chargeTotal: MinorAmount!, taxBasisTotal: MinorAmount!, taxTotal: MinorAmount!, grossTotal: MinorAmount!,
    prepaidAmount: MinorAmount!, amountDue: MinorAmount!, amountPaid: MinorAmount!, taxBreakdown: [TaxBreakdownEntry!]!,
    "Frozen at finalize (SellerSnapshot of the REST API)" seller: JSON,
    "Frozen at finalize (BuyerSnapshot of the REST API)" buyer: JSON,
    paymentTerms: String, paymentMeans: JSON, precedingDocumentId: ID, cancelledByDocumentId: ID,
    convertedFromDocumentId: ID, convertedToDocumentId: ID, decision: JSON, billingRunId: ID, collective: Boolean!,
    pdfSha256: String, xmlSha256: String, metadata: JSON!, finalizedAt: String, sentAt: String, paidAt: String,
    cancelledAt: String, version: Int!, createdAt: String!, updatedAt: String!`;

const listArgs = `limit: Int, startingAfter: String, status: String, contactId: ID, createdGte: String, createdLte: String,
    issueDateGte: String, issueDateLte: String, needsAttention: Boolean, q: String`;

const headInput = `currency: String, language: String, issueDate: String, serviceDate: String,
    servicePeriod: DocumentPeriodInput, sendDate: String, notes: [String!], lines: [DocumentLineInput!], metadata: JSON`;

const typeDefs = `
  type DocumentPeriod { start: String!, end: String! }
  input DocumentPeriodInput { start: String!, end: String! }
  type TaxBreakdownEntry {
    category: String!, rate: String!, basis: MinorAmount!, tax: MinorAmount!, exemptionReasonCode: String, exemptionReason: String
  }
  type DocumentLine {
    id: ID!, position: Int!, articleId: ID, name: String!, description: String, quantity: String!, unitCode: String!,
    unitAmount: MinorAmount, unitAmountDecimal: String!, discountPercent: String, netAmount: MinorAmount!, taxCategory: String!,
    taxRate: String!, taxRateKind: String, supplyKind: String, period: DocumentPeriod, contractId: ID, contractItemId: ID
  }
  input DocumentLineInput {
    articleId: ID, name: String, description: String, quantity: String, unitCode: String, unitAmount: MinorAmount,
    unitAmountDecimal: String, discountPercent: String, taxRateKind: String, supplyKind: String, period: DocumentPeriodInput
  }

  "An invoice, pro-forma, corrected invoice or cancellation. Same fields as the REST Invoice."
  type Invoice { ${documentFields} }
  "A credit note (381). Same fields as the REST CreditNote."
  type CreditNote { ${documentFields} }
  "A quote. Same fields as the REST Quote."
  type Quote { ${documentFields} }
  type InvoiceConnection { data: [Invoice!]!, hasMore: Boolean!, nextCursor: String }
  type CreditNoteConnection { data: [CreditNote!]!, hasMore: Boolean!, nextCursor: String }
  type QuoteConnection { data: [Quote!]!, hasMore: Boolean!, nextCursor: String }

  input InvoiceInput { contactId: ID, type: String, invoiceId: ID, dueDate: String, ${headInput} }
  input CreditNoteInput { invoiceId: ID, contactId: ID, ${headInput} }
  input QuoteInput { contactId: ID, validUntil: String, ${headInput} }

  extend type Query {
    invoice(id: ID!): Invoice
    invoices(${listArgs}, type: String): InvoiceConnection!
    creditNote(id: ID!): CreditNote
    creditNotes(${listArgs}): CreditNoteConnection!
    quote(id: ID!): Quote
    quotes(${listArgs}): QuoteConnection!
  }

  extend type Mutation {
    createInvoice(input: InvoiceInput!): Invoice!
    "expectedVersion works like If-Match. After finalize only sendDate and metadata may change (document_immutable)."
    updateInvoice(id: ID!, input: InvoiceInput!, expectedVersion: Int): Invoice!
    deleteInvoice(id: ID!): Boolean!
    "Issues the draft: §14(4) check, VAT, number (gap-free), snapshots; the worker renders PDF and e-invoices."
    finalizeInvoice(id: ID!): Invoice!
    "Creates and finalizes the cancellation document (Storno) and marks the invoice cancelled."
    cancelInvoice(id: ID!): Invoice!
    "A collective invoice from drafts of one contact and currency; the drafts are deleted."
    mergeInvoices(invoiceIds: [ID!]!): Invoice!
    createCreditNote(input: CreditNoteInput!): CreditNote!
    updateCreditNote(id: ID!, input: CreditNoteInput!, expectedVersion: Int): CreditNote!
    deleteCreditNote(id: ID!): Boolean!
    finalizeCreditNote(id: ID!): CreditNote!
    createQuote(input: QuoteInput!): Quote!
    updateQuote(id: ID!, input: QuoteInput!, expectedVersion: Int): Quote!
    deleteQuote(id: ID!): Boolean!
    finalizeQuote(id: ID!): Quote!
    acceptQuote(id: ID!, signerName: String, reason: String): Quote!
    declineQuote(id: ID!, signerName: String, reason: String): Quote!
    "Returns the new draft invoice."
    convertQuote(id: ID!): Invoice!
  }
`;

/** A null list argument means "not given" (clients send `startingAfter: null` for the first page). */
function given<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

type Args = { id: string; input: unknown; expectedVersion?: number | null };

const resolvers: IResolvers = {
  Query: {
    invoice: async (_root, { id }: { id: string }, { ctx }) => (await invoices.getMany(ctx, [id]))[0] ?? null,
    invoices: async (_root, args: DocumentListQuery, { ctx }) =>
      invoices.list(ctx, validateInput(InvoiceListQuerySchema, given(args))),
    creditNote: async (_root, { id }: { id: string }, { ctx }) =>
      (await creditNotes.getMany(ctx, [id]))[0] ?? null,
    creditNotes: async (_root, args: DocumentListQuery, { ctx }) =>
      creditNotes.list(ctx, validateInput(CreditNoteListQuerySchema, given(args))),
    quote: async (_root, { id }: { id: string }, { ctx }) => (await quotes.getMany(ctx, [id]))[0] ?? null,
    quotes: async (_root, args: DocumentListQuery, { ctx }) =>
      quotes.list(ctx, validateInput(QuoteListQuerySchema, given(args))),
  },
  Mutation: {
    createInvoice: async (_root, { input }: { input: unknown }, { ctx }) =>
      invoices.create(ctx, validateInput(InvoiceCreateSchema, defined(input))),
    updateInvoice: async (_root, args: Args, { ctx }) =>
      invoices.update(
        ctx,
        args.id,
        validateInput(InvoiceUpdateSchema, defined(args.input)),
        args.expectedVersion ?? undefined,
      ),
    deleteInvoice: async (_root, { id }: { id: string }, { ctx }) => {
      await invoices.remove(ctx, id);
      return true;
    },
    finalizeInvoice: async (_root, { id }: { id: string }, { ctx }) => invoices.finalize(ctx, id),
    cancelInvoice: async (_root, { id }: { id: string }, { ctx }) => invoices.cancel(ctx, id),
    mergeInvoices: async (_root, args: { invoiceIds: string[] }, { ctx }) =>
      invoices.merge(ctx, validateInput(MergeSchema, args)),

    createCreditNote: async (_root, { input }: { input: unknown }, { ctx }) =>
      creditNotes.create(ctx, validateInput(CreditNoteCreateSchema, defined(input))),
    updateCreditNote: async (_root, args: Args, { ctx }) =>
      creditNotes.update(
        ctx,
        args.id,
        validateInput(CreditNoteUpdateSchema, defined(args.input)),
        args.expectedVersion ?? undefined,
      ),
    deleteCreditNote: async (_root, { id }: { id: string }, { ctx }) => {
      await creditNotes.remove(ctx, id);
      return true;
    },
    finalizeCreditNote: async (_root, { id }: { id: string }, { ctx }) => creditNotes.finalize(ctx, id),

    createQuote: async (_root, { input }: { input: unknown }, { ctx }) =>
      quotes.create(ctx, validateInput(QuoteCreateSchema, defined(input))),
    updateQuote: async (_root, args: Args, { ctx }) =>
      quotes.update(
        ctx,
        args.id,
        validateInput(QuoteUpdateSchema, defined(args.input)),
        args.expectedVersion ?? undefined,
      ),
    deleteQuote: async (_root, { id }: { id: string }, { ctx }) => {
      await quotes.remove(ctx, id);
      return true;
    },
    finalizeQuote: async (_root, { id }: { id: string }, { ctx }) => quotes.finalize(ctx, id),
    acceptQuote: async (
      _root,
      { id, ...input }: { id: string; signerName?: string; reason?: string },
      { ctx },
    ) => quotes.accept(ctx, id, validateInput(QuoteDecisionSchema, defined(input))),
    declineQuote: async (
      _root,
      { id, ...input }: { id: string; signerName?: string; reason?: string },
      { ctx },
    ) => quotes.decline(ctx, id, validateInput(QuoteDecisionSchema, defined(input))),
    convertQuote: async (_root, { id }: { id: string }, { ctx }) => quotes.convert(ctx, id),
  },
};

/** `contact` of a whole list of documents in one query (contacts.getMany), not one per document. */
const contactLoader = async (
  queries: { obj: { contactId: string } }[],
  { ctx }: { ctx: Parameters<typeof contacts.getMany>[0] },
) =>
  (
    await contacts.getMany(
      ctx,
      queries.map((q) => q.obj.contactId),
    )
  ).map((c) => c ?? null);

const loaders: MercuriusLoaders = {
  Invoice: { contact: contactLoader },
  CreditNote: { contact: contactLoader },
  Quote: { contact: contactLoader },
};

export const documentGraphql: GraphqlModule = { typeDefs, resolvers, loaders };
