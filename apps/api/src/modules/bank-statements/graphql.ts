import { type BankStatementListQuery, type BankTransactionListQuery, bankStatements } from '@fakturo/domain';
import type { IResolvers } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { BankStatementListQuerySchema, BankTransactionListQuerySchema } from './schemas';

const typeDefs = `
  type StatementBalance { amount: MinorAmount!, currency: String!, date: String }
  type BankStatementAccount { iban: String, number: String, bic: String, currency: String, owner: String }

  "One statement of an imported bank statement file. Same fields as the REST BankStatement."
  type BankStatement {
    id: ID!, format: String!, formatVersion: String, messageId: String, reference: String, sequenceNumber: String,
    account: BankStatementAccount!, bankCreatedAt: String, fromDate: String, toDate: String,
    openingBalance: StatementBalance, closingBalance: StatementBalance, transactionCount: Int!,
    importedCount: Int!, skippedCount: Int!, fileSha256: String!, createdAt: String!
  }
  type BankStatementConnection { data: [BankStatement!]!, hasMore: Boolean!, nextCursor: String }

  "One booked entry of an imported statement; amounts are signed minor units (MinorAmount, as in the other modules). Same fields as the REST BankTransaction."
  type BankTransaction {
    id: ID!, statementId: ID!, status: String!, accountIban: String, accountNumber: String, bookingDate: String!,
    valueDate: String, amount: MinorAmount!, currency: String!, creditDebit: String!, reversal: Boolean!, isReturn: Boolean!,
    returnReasonCode: String, counterpartyName: String, counterpartyIban: String, counterpartyBic: String,
    counterpartyAccount: String, remittanceInformation: String, structuredReference: String, endToEndId: String,
    mandateReference: String, creditorId: String, bankReference: String, customerReference: String,
    transactionCode: String, proprietaryCode: String, bookingText: String, originalAmount: MinorAmount,
    chargesAmount: MinorAmount, matchConfidence: String, matchReason: String, matchedAt: String, version: Int!,
    createdAt: String!, updatedAt: String!
  }
  type BankTransactionConnection { data: [BankTransaction!]!, hasMore: Boolean!, nextCursor: String }

  extend type Query {
    bankStatement(id: ID!): BankStatement
    bankStatements(
      limit: Int, startingAfter: String, accountIban: String, createdGte: String, createdLte: String
    ): BankStatementConnection!
    bankTransaction(id: ID!): BankTransaction
    bankTransactions(
      limit: Int, startingAfter: String, status: String, statementId: ID, bookingDateGte: String,
      bookingDateLte: String, amountGte: MinorAmount, amountLte: MinorAmount, creditDebit: String, currency: String
    ): BankTransactionConnection!
  }
`;

/** List arguments: a null filter or cursor means "not given", as an absent query parameter does in REST. */
function given<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** Not found is `null` for a single-object query (GraphQL convention); other errors stay errors. */
async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if ((error as { kind?: string }).kind === 'not_found') return null;
    throw error;
  }
}

const resolvers: IResolvers = {
  Query: {
    bankStatement: async (_root, { id }: { id: string }, { ctx }) =>
      orNull(() => bankStatements.getStatement(ctx, id)),
    bankStatements: async (_root, args: BankStatementListQuery, { ctx }) =>
      bankStatements.listStatements(ctx, validateInput(BankStatementListQuerySchema, given(args))),
    bankTransaction: async (_root, { id }: { id: string }, { ctx }) =>
      orNull(() => bankStatements.getTransaction(ctx, id)),
    bankTransactions: async (_root, args: BankTransactionListQuery, { ctx }) =>
      bankStatements.listTransactions(ctx, validateInput(BankTransactionListQuerySchema, given(args))),
  },
};

export const bankStatementGraphql: GraphqlModule = { typeDefs, resolvers };
