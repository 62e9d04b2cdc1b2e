import { contacts, invoices, type PaymentListQuery, payments } from '@fakturo/domain';
import type { IResolvers, MercuriusLoaders } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { defined } from '../articles/graphql';
import {
  ApplyCreditSchema,
  BalanceTransactionQuerySchema,
  PaymentCreateSchema,
  PaymentListQuerySchema,
  RefundCreateSchema,
} from './schemas';

// Payments in GraphQL: the same domain verbs and input schemas as REST (validateInput), with the payer, the
// invoices of each allocation and an invoice's payments loaded in batches, not one query per row.

const typeDefs = `
  type PaymentAllocation { invoiceId: ID!, invoice: Invoice, amount: MinorAmount! }

  "A payment received, or with type refund paid back. Same fields as the REST Payment, plus its contact."
  type Payment {
    id: ID!, type: String!, status: String!, contactId: ID!, contact: Contact, currency: String!, amount: MinorAmount!,
    amountAllocated: MinorAmount!, amountUnapplied: MinorAmount!, amountRefunded: MinorAmount!, method: String!, provider: String,
    externalId: String, reference: String, description: String, failureReason: String, refundedPaymentId: ID,
    paidAt: String!, allocations: [PaymentAllocation!]!, metadata: JSON!, version: Int!, createdAt: String!,
    updatedAt: String!
  }
  type PaymentConnection { data: [Payment!]!, hasMore: Boolean!, nextCursor: String }

  type CreditBalanceAmount { currency: String!, amount: MinorAmount! }
  type CreditBalance { contactId: ID!, balances: [CreditBalanceAmount!]! }
  type BalanceTransaction {
    id: ID!, contactId: ID!, currency: String!, kind: String!, amount: MinorAmount!, balanceAfter: MinorAmount!, paymentId: ID!,
    documentId: ID, createdAt: String!
  }
  type BalanceTransactionConnection { data: [BalanceTransaction!]!, hasMore: Boolean!, nextCursor: String }

  extend type Invoice {
    "Gross of the issued credit notes referring to it (positive)."
    amountCredited: MinorAmount!
    "What the buyer still owes: amountDue − amountCredited − amountPaid, never below 0."
    amountOpen: MinorAmount!
    "Payments and refunds that moved money on this invoice, newest first."
    payments: [Payment!]!
  }

  input PaymentAllocationInput { invoiceId: ID!, amount: MinorAmount! }
  input PaymentInput {
    contactId: ID, amount: MinorAmount!, currency: String, method: String!, status: String, failureReason: String,
    description: String, paidAt: String, invoiceId: ID, allocations: [PaymentAllocationInput!], provider: String,
    externalId: String, reference: String, metadata: JSON
  }
  input RefundInput {
    amount: MinorAmount, method: String, reason: String, refundedAt: String, allocations: [PaymentAllocationInput!],
    provider: String, externalId: String, reference: String, metadata: JSON
  }

  extend type Query {
    payment(id: ID!): Payment
    payments(
      limit: Int, startingAfter: String, contactId: ID, invoiceId: ID, type: String, status: String, method: String,
      paidAtGte: String, paidAtLte: String, createdGte: String, createdLte: String
    ): PaymentConnection!
    creditBalance(contactId: ID!): CreditBalance!
    creditBalanceTransactions(contactId: ID!, limit: Int, startingAfter: String, currency: String): BalanceTransactionConnection!
  }

  extend type Mutation {
    "Books a payment onto invoices (explicit, the invoice named, or oldest open first); the rest becomes credit balance. A repeated provider + externalId returns the first booking."
    recordPayment(input: PaymentInput!): Payment!
    "A payment in reverse: returns the refund, which reopens the invoices it takes money back from."
    refundPayment(id: ID!, input: RefundInput): Payment!
    "Pays an issued invoice from the contact's credit balance; returns the invoice."
    applyCreditBalance(invoiceId: ID!, amount: MinorAmount): Invoice!
  }
`;

/** A null argument means "not given" (clients send `startingAfter: null` for the first page). */
function given<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

const resolvers: IResolvers = {
  Query: {
    payment: async (_root, { id }: { id: string }, { ctx }) => (await payments.getMany(ctx, [id]))[0] ?? null,
    payments: async (_root, args: PaymentListQuery, { ctx }) =>
      payments.list(ctx, validateInput(PaymentListQuerySchema, given(args))),
    creditBalance: async (_root, { contactId }: { contactId: string }, { ctx }) =>
      payments.creditBalance(ctx, contactId),
    creditBalanceTransactions: async (
      _root,
      {
        contactId,
        ...query
      }: { contactId: string; limit?: number; startingAfter?: string; currency?: string },
      { ctx },
    ) =>
      payments.balanceTransactions(
        ctx,
        contactId,
        validateInput(BalanceTransactionQuerySchema, given(query)),
      ),
  },
  Mutation: {
    recordPayment: async (_root, { input }: { input: unknown }, { ctx }) =>
      (await payments.record(ctx, validateInput(PaymentCreateSchema, defined(input)))).payment,
    refundPayment: async (_root, { id, input }: { id: string; input?: unknown }, { ctx }) =>
      (await payments.refund(ctx, id, validateInput(RefundCreateSchema, defined(input ?? {})))).payment,
    applyCreditBalance: async (
      _root,
      { invoiceId, ...input }: { invoiceId: string; amount?: number },
      { ctx },
    ) => payments.applyCreditBalance(ctx, invoiceId, validateInput(ApplyCreditSchema, given(input))),
  },
};

/** The payer, each allocation's invoice and an invoice's payments: one query per field per request. */
const loaders: MercuriusLoaders = {
  Payment: {
    contact: async (queries: { obj: { contactId: string } }[], { ctx }) =>
      (
        await contacts.getMany(
          ctx,
          queries.map((q) => q.obj.contactId),
        )
      ).map((c) => c ?? null),
  },
  PaymentAllocation: {
    invoice: async (queries: { obj: { invoiceId: string } }[], { ctx }) =>
      (
        await invoices.getMany(
          ctx,
          queries.map((q) => q.obj.invoiceId),
        )
      ).map((d) => d ?? null),
  },
  Invoice: {
    payments: async (queries: { obj: { id: string } }[], { ctx }) =>
      payments.forInvoices(
        ctx,
        queries.map((q) => q.obj.id),
      ),
  },
};

export const paymentGraphql: GraphqlModule = { typeDefs, resolvers, loaders };
