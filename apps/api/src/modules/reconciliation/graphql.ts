import { reconciliation } from '@fakturo/domain';
import type { IResolvers } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { BankTransactionIgnoreSchema, BankTransactionMatchSchema } from './schemas';

const typeDefs = `
  type MatchAllocation { invoiceId: ID!, amount: MinorAmount! }
  extend type BankTransaction {
    matchRule: String, matchAllocations: [MatchAllocation!], paymentId: ID, returnFee: MinorAmount
  }
  input MatchAllocationInput { invoiceId: ID!, amount: MinorAmount! }
  input BankTransactionMatchInput { acceptSuggestion: Boolean, allocations: [MatchAllocationInput!], contactId: ID }

  extend type Mutation {
    "Accept the suggestion, or name the invoices the transfer pays (REST POST /v1/bank-transactions/{id}/match)."
    matchBankTransaction(id: ID!, input: BankTransactionMatchInput!): BankTransaction!
    "Reject a suggestion or undo a match (REST POST /v1/bank-transactions/{id}/unmatch)."
    unmatchBankTransaction(id: ID!): BankTransaction!
    "Set a transaction aside as no invoice payment (REST POST /v1/bank-transactions/{id}/ignore)."
    ignoreBankTransaction(id: ID!, reason: String): BankTransaction!
    "Queue the worker's reconciliation of unmatched transactions."
    reconcileBankTransactions(statementId: ID): Boolean!
  }
`;

/** Drops the nulls GraphQL sends for omitted optional fields (REST leaves them out). */
function given<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

const resolvers: IResolvers = {
  Mutation: {
    matchBankTransaction: async (_root, args: { id: string; input: Record<string, unknown> }, { ctx }) =>
      reconciliation.match(ctx, args.id, validateInput(BankTransactionMatchSchema, given(args.input))),
    unmatchBankTransaction: async (_root, args: { id: string }, { ctx }) =>
      reconciliation.unmatch(ctx, args.id),
    ignoreBankTransaction: async (_root, args: { id: string; reason?: string | null }, { ctx }) =>
      reconciliation.ignore(
        ctx,
        args.id,
        validateInput(BankTransactionIgnoreSchema, given({ reason: args.reason ?? undefined })),
      ),
    reconcileBankTransactions: async (_root, args: { statementId?: string | null }, { ctx }) =>
      (await reconciliation.schedule(ctx, args.statementId ? { statementId: args.statementId } : {})).queued,
  },
};

export const reconciliationGraphql: GraphqlModule = { typeDefs, resolvers };
