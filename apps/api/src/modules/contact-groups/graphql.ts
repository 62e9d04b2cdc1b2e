import { type Contact, contactGroups } from '@fakturo/domain';
import type { IResolvers, MercuriusLoaders } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { ContactGroupCreateSchema, ContactGroupListQuerySchema, ContactGroupUpdateSchema } from './schemas';

const typeDefs = `
  "A named set of contacts. Same fields as the REST ContactGroup."
  type ContactGroup { id: ID!, name: String!, description: String, memberCount: Int!, createdAt: String! }

  type ContactGroupConnection { data: [ContactGroup!]!, hasMore: Boolean!, nextCursor: String }

  input ContactGroupInput { name: String, description: String }

  extend type Contact {
    "The contact's groups, loaded for all contacts of a response in one query."
    groups: [ContactGroup!]!
  }

  extend type Query {
    contactGroup(id: ID!): ContactGroup
    contactGroups(limit: Int, startingAfter: String, q: String): ContactGroupConnection!
  }

  extend type Mutation {
    createContactGroup(input: ContactGroupInput!): ContactGroup!
    updateContactGroup(id: ID!, input: ContactGroupInput!): ContactGroup!
    "Deletes the group and its memberships; the contacts stay."
    deleteContactGroup(id: ID!): Boolean!
  }
`;

/** GraphQL leaves omitted arguments out but passes explicit nulls; the REST schema gets the same shape. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

const resolvers: IResolvers = {
  Query: {
    contactGroup: async (_root, { id }: { id: string }, { ctx }) => {
      const [group] = await contactGroups.getMany(ctx, [id]);
      return group ?? null;
    },
    contactGroups: async (_root, args: object, { ctx }) =>
      contactGroups.list(ctx, validateInput(ContactGroupListQuerySchema, defined(args))),
  },
  Mutation: {
    createContactGroup: async (_root, { input }: { input: object }, { ctx }) =>
      contactGroups.create(ctx, validateInput(ContactGroupCreateSchema, { ...input })),
    updateContactGroup: async (_root, { id, input }: { id: string; input: object }, { ctx }) =>
      contactGroups.update(ctx, id, validateInput(ContactGroupUpdateSchema, { ...input })),
    deleteContactGroup: async (_root, { id }: { id: string }, { ctx }) => {
      await contactGroups.remove(ctx, id);
      return true;
    },
  },
};

/**
 * `Contact.groups` as a mercurius loader: the group ids of every contact in the response are collected and
 * read with one query (with member counts), instead of one query per contact.
 */
const loaders: MercuriusLoaders = {
  Contact: {
    groups: async (queries: { obj: Contact }[], { ctx }) => {
      const ids = [...new Set(queries.flatMap(({ obj }) => obj.groupIds))];
      const groups = await contactGroups.getMany(ctx, ids);
      const byId = new Map(ids.map((id, i) => [id, groups[i]]));
      // a group deleted after the contact was read is simply left out
      return queries.map(({ obj }) => obj.groupIds.map((id) => byId.get(id)).filter((g) => g !== undefined));
    },
  },
};

export const contactGroupGraphql: GraphqlModule = { typeDefs, resolvers, loaders };
