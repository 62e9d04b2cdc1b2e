import { invoices, type SepaCollectionListQuery, sepa } from '@fakturo/domain';
import type { IResolvers, MercuriusLoaders } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { defined } from '../articles/graphql';
import { SepaCollectionCreateSchema, SepaCollectionListQuerySchema } from './schemas';

// SEPA collections in GraphQL: the same domain verbs and input schemas as REST; `invoice` of the items
// batched per request, and the pain.008 file as a field resolved only when asked for.

const typeDefs = `
  type SepaPreNotification { method: String!, notifiedOn: String!, days: Int!, announcedDate: String! }
  type SepaDebtor { name: String!, iban: String!, bic: String, "PostalAddress" address: JSON }
  "One invoice collected by direct debit. Same fields as the REST SepaCollectionItem."
  type SepaCollectionItem {
    id: ID!, invoiceId: ID!, invoiceNumber: String!, invoice: Invoice, contactId: ID!, mandateId: ID!,
    mandateReference: String!, mandateSignedDate: String!, scheme: String!, sequenceType: String!, amount: MinorAmount!,
    currency: String!, collectionDate: String!, endToEndId: String!, debtor: SepaDebtor!,
    remittanceInformation: String!, preNotification: SepaPreNotification!, status: String!, returnReason: String
  }
  type SepaBatch {
    paymentInformationId: String!, collectionDate: String!, scheme: String!, sequenceType: String!, itemCount: Int!,
    controlSum: MinorAmount!
  }
  type SepaSkippedInvoice { invoiceId: ID!, invoiceNumber: String, code: String!, message: String! }
  type SepaCreditor { name: String!, iban: String!, bic: String, creditorId: String!, "PostalAddress" address: JSON }
  type SepaCollectionFilters { dueBy: String, invoiceIds: [ID!], collectionDate: String }

  "A SEPA direct debit collection (one pain.008.001.08 file). Same fields as the REST SepaCollection."
  type SepaCollection {
    id: ID!, status: String!, messageId: String!, currency: String!, itemCount: Int!, controlSum: MinorAmount!,
    creditor: SepaCreditor!, filters: SepaCollectionFilters!, batches: [SepaBatch!]!, items: [SepaCollectionItem!]!,
    skipped: [SepaSkippedInvoice!]!, truncated: Boolean!, submittedAt: String, cancelledAt: String, version: Int!,
    createdAt: String!, updatedAt: String!,
    "The pain.008.001.08 XML (null for a cancelled collection)"
    xml: String
  }
  type SepaCollectionConnection { data: [SepaCollection!]!, hasMore: Boolean!, nextCursor: String }

  input SepaCollectionInput { dueBy: String, invoiceIds: [ID!], collectionDate: String }

  extend type Query {
    sepaCollection(id: ID!): SepaCollection
    sepaCollections(
      limit: Int, startingAfter: String, status: String, invoiceId: ID, contactId: ID, createdGte: String,
      createdLte: String
    ): SepaCollectionConnection!
  }

  extend type Mutation {
    "Collects the due direct-debit invoices (or exactly invoiceIds); see POST /v1/sepa/collections."
    createSepaCollection(input: SepaCollectionInput): SepaCollection!
    "The file is with the bank: mandates record their use, FRST continues as RCUR."
    submitSepaCollection(id: ID!): SepaCollection!
    cancelSepaCollection(id: ID!): SepaCollection!
  }
`;

/** A null argument means "not given". */
function given<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

const resolvers: IResolvers = {
  Query: {
    sepaCollection: async (_root, { id }: { id: string }, { ctx }) => {
      try {
        return await sepa.get(ctx, id);
      } catch (error) {
        if ((error as { kind?: string }).kind === 'not_found') return null;
        throw error;
      }
    },
    sepaCollections: async (_root, args: SepaCollectionListQuery, { ctx }) =>
      sepa.list(ctx, validateInput(SepaCollectionListQuerySchema, given(args))),
  },
  Mutation: {
    createSepaCollection: async (_root, { input }: { input?: unknown }, { ctx }) =>
      sepa.create(ctx, validateInput(SepaCollectionCreateSchema, given(defined((input ?? {}) as object)))),
    submitSepaCollection: async (_root, { id }: { id: string }, { ctx }) => sepa.submit(ctx, id),
    cancelSepaCollection: async (_root, { id }: { id: string }, { ctx }) => sepa.cancel(ctx, id),
  },
  SepaCollection: {
    xml: async (collection: { id: string; status: string }, _args, { ctx }) =>
      collection.status === 'cancelled'
        ? null
        : (await sepa.xml(ctx, collection.id)).content.toString('utf8'),
  },
};

const loaders: MercuriusLoaders = {
  SepaCollectionItem: {
    // every item's invoice of the request in one query
    invoice: async (queries: { obj: { invoiceId: string } }[], { ctx }) =>
      (
        await invoices.getMany(
          ctx,
          queries.map((q) => q.obj.invoiceId),
        )
      ).map((d) => d ?? null),
  },
};

export const sepaGraphql: GraphqlModule = { typeDefs, resolvers, loaders };
