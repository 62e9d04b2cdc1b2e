import { type BillingRunListQuery, billingRuns } from '@fakturo/domain';
import type { IResolvers } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { defined } from '../articles/graphql';
import { BillingRunCreateSchema, BillingRunListQuerySchema } from './schemas';

const typeDefs = `
  type BillingRunError { contractId: ID, code: String!, message: String! }
  type BillingRunFilters { contactIds: [ID!], contractIds: [ID!] }
  type BillingRunFailure { code: String!, message: String! }

  "Bills every contract period due on or before asOf, in the worker. Same fields as the REST BillingRun."
  type BillingRun {
    id: ID!, asOf: String!, mode: String!, status: String!, trigger: String!, filters: BillingRunFilters!,
    total: Int!, processed: Int!, failed: Int!, invoicesCreated: Int!, batchesTotal: Int!, batchesDone: Int!,
    errors: [BillingRunError!]!, failure: BillingRunFailure, cancelRequested: Boolean!, startedAt: String,
    completedAt: String, createdAt: String!, updatedAt: String!
  }
  type BillingRunConnection { data: [BillingRun!]!, hasMore: Boolean!, nextCursor: String }

  "What a run would bill now (dryRun); the REST BillingRunPreview as JSON."
  type BillingRunStart { run: BillingRun, preview: JSON }

  input BillingRunInput { asOf: String, mode: String, dryRun: Boolean, contactIds: [ID!], contractIds: [ID!] }

  extend type Query {
    billingRun(id: ID!): BillingRun
    billingRuns(limit: Int, startingAfter: String, status: String): BillingRunConnection!
  }

  extend type Mutation {
    "Starts a run (run is set), or with dryRun answers what would be billed and writes nothing (preview is set)."
    startBillingRun(input: BillingRunInput!): BillingRunStart!
    cancelBillingRun(id: ID!): BillingRun!
  }
`;

const resolvers: IResolvers = {
  Query: {
    billingRun: async (_root, { id }: { id: string }, { ctx }) => {
      try {
        return await billingRuns.get(ctx, id);
      } catch (error) {
        if ((error as { kind?: string }).kind === 'not_found') return null;
        throw error;
      }
    },
    billingRuns: async (_root, args: BillingRunListQuery, { ctx }) =>
      billingRuns.list(ctx, validateInput(BillingRunListQuerySchema, defined(args))),
  },
  Mutation: {
    startBillingRun: async (_root, { input }: { input: unknown }, { ctx }) => {
      const result = await billingRuns.start(ctx, validateInput(BillingRunCreateSchema, defined(input)));
      return 'dryRun' in result ? { run: null, preview: result } : { run: result, preview: null };
    },
    cancelBillingRun: async (_root, { id }: { id: string }, { ctx }) => billingRuns.cancel(ctx, id),
  },
};

export const billingRunGraphql: GraphqlModule = { typeDefs, resolvers };
