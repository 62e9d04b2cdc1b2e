import { type ContactListQuery, contacts } from '@fakturo/domain';
import type { IResolvers } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { PostalAddressSchema } from '../../schemas/common';
import { ContactCreateSchema, ContactListQuerySchema, ContactUpdateSchema } from './schemas';

const typeDefs = `
  type PostalAddress { line1: String!, line2: String, postalCode: String!, city: String!, region: String, country: String! }
  input PostalAddressInput { line1: String!, line2: String, postalCode: String!, city: String!, region: String, country: String! }

  type ContactEmail { email: String!, type: String! }
  input ContactEmailInput { email: String!, type: String! }
  type ContactPhone { number: String!, type: String! }
  input ContactPhoneInput { number: String!, type: String! }
  type ContactAddress { type: String!, name: String, line1: String!, line2: String, postalCode: String!, city: String!, region: String, country: String! }
  input ContactAddressInput { type: String!, name: String, line1: String!, line2: String, postalCode: String!, city: String!, region: String, country: String! }

  type BankAccount { id: ID!, iban: String!, bic: String, accountHolder: String, isDefault: Boolean! }
  input BankAccountInput { id: ID, iban: String!, bic: String, accountHolder: String, isDefault: Boolean }

  type SepaMandate {
    id: ID!, reference: String!, signedDate: String!, scheme: String!, sequenceType: String!, iban: String!,
    bic: String, accountHolder: String, status: String!, lastUsedDate: String, preNotificationDays: Int
  }
  input SepaMandateInput {
    id: ID, reference: String!, signedDate: String!, scheme: String, sequenceType: String, iban: String!,
    bic: String, accountHolder: String, status: String, preNotificationDays: Int
  }

  "A customer: person or company. Same fields as the REST Contact."
  type Contact {
    id: ID!, kind: String!, customerNumber: String!, companyName: String, salutation: String, firstName: String,
    lastName: String, displayName: String!, emails: [ContactEmail!]!, phones: [ContactPhone!]!,
    billingAddress: PostalAddress, addresses: [ContactAddress!]!, vatId: String, taxNumber: String,
    buyerReference: String, language: String!, currency: String!, paymentTermsDays: Int,
    preferredPaymentMethod: String, bankAccounts: [BankAccount!]!, sepaMandates: [SepaMandate!]!,
    groupIds: [ID!]!, tags: [String!]!, notes: String, metadata: JSON!, externalId: String, source: String,
    collectiveInvoicing: Boolean!, eInvoiceFormat: String, archived: Boolean!, archivedAt: String, version: Int!,
    createdAt: String!, updatedAt: String!
  }

  type ContactConnection { data: [Contact!]!, hasMore: Boolean!, nextCursor: String }

  input ContactInput {
    kind: String, customerNumber: String, companyName: String, salutation: String, firstName: String,
    lastName: String, emails: [ContactEmailInput!], phones: [ContactPhoneInput!], billingAddress: PostalAddressInput,
    addresses: [ContactAddressInput!], vatId: String, taxNumber: String, buyerReference: String, language: String,
    currency: String, paymentTermsDays: Int, preferredPaymentMethod: String, bankAccounts: [BankAccountInput!],
    sepaMandates: [SepaMandateInput!], groupIds: [ID!], tags: [String!], notes: String, metadata: JSON,
    externalId: String, source: String, collectiveInvoicing: Boolean, eInvoiceFormat: String
  }

  extend type Query {
    contact(id: ID!): Contact
    contacts(
      limit: Int, startingAfter: String, q: String, groupId: ID, tag: String, city: String, country: String,
      email: String, source: String, externalId: String, customerNumber: String, archived: Boolean,
      createdGte: String, createdLte: String, updatedGte: String, updatedLte: String
    ): ContactConnection!
  }

  extend type Mutation {
    createContact(input: ContactInput!): Contact!
    "expectedVersion works like If-Match: the update fails with version_mismatch when the contact moved on."
    updateContact(id: ID!, input: ContactInput!, expectedVersion: Int): Contact!
    archiveContact(id: ID!): Contact!
    unarchiveContact(id: ID!): Contact!
    deleteContact(id: ID!): Boolean!
  }
`;

/** GraphQL leaves omitted arguments out but passes explicit nulls; the REST schema gets the same shape. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * List arguments: a null filter or cursor means "not given" (clients send `startingAfter: null` for the first
 * page), unlike input fields, where null clears a value.
 */
function given<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

const references = [PostalAddressSchema];

const resolvers: IResolvers = {
  Query: {
    contact: async (_root, { id }: { id: string }, { ctx }) => {
      const [contact] = await contacts.getMany(ctx, [id]);
      return contact ?? null;
    },
    contacts: async (_root, args: ContactListQuery, { ctx }) =>
      contacts.list(ctx, validateInput(ContactListQuerySchema, given(args), references)),
  },
  Mutation: {
    createContact: async (_root, { input }: { input: unknown }, { ctx }) =>
      contacts.create(ctx, validateInput(ContactCreateSchema, defined(input as object), references)),
    updateContact: async (_root, args: { id: string; input: unknown; expectedVersion?: number }, { ctx }) =>
      contacts.update(
        ctx,
        args.id,
        validateInput(ContactUpdateSchema, defined(args.input as object), references),
        args.expectedVersion ?? undefined,
      ),
    archiveContact: async (_root, { id }: { id: string }, { ctx }) => contacts.archive(ctx, id),
    unarchiveContact: async (_root, { id }: { id: string }, { ctx }) => contacts.unarchive(ctx, id),
    deleteContact: async (_root, { id }: { id: string }, { ctx }) => {
      await contacts.remove(ctx, id);
      return true;
    },
  },
};

export const contactGraphql: GraphqlModule = { typeDefs, resolvers };
