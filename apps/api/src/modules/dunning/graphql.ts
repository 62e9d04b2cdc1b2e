import { contacts, type DunningNoticeListQuery, type DunningRunListQuery, dunning } from '@fakturo/domain';
import type { IResolvers, MercuriusLoaders } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { defined } from '../articles/graphql';
import {
  DunningNoticeListQuerySchema,
  DunningRunCreateSchema,
  DunningRunListQuerySchema,
  DunningSettingsUpdateSchema,
} from './schemas';

// Dunning in GraphQL: the same domain verbs and input schemas as REST (validateInput); a letter's contact is
// loaded in batches.

const typeDefs = `
  type DunningLevelTitles { de: String!, en: String! }
  type DunningLevel { level: Int!, name: String, daysAfterDue: Int!, fee: MinorAmount!, interest: Boolean!, titles: DunningLevelTitles! }
  type DunningBaseRate { validFrom: String!, rate: String! }
  "Your dunning levels. Same fields as the REST DunningSettings."
  type DunningSettings {
    levels: [DunningLevel!]!, baseRates: [DunningBaseRate!]!, currency: String!, isDefault: Boolean!, version: Int!,
    updatedAt: String
  }

  type DunningRunError { contactId: ID, code: String!, message: String! }
  type DunningRunFilters { contactIds: [ID!] }
  type DunningRunFailure { code: String!, message: String! }
  "Finds overdue open invoices and issues the letters of the levels reached. Same fields as the REST DunningRun."
  type DunningRun {
    id: ID!, asOf: String!, status: String!, trigger: String!, filters: DunningRunFilters!, contactsTotal: Int!,
    contactsProcessed: Int!, contactsFailed: Int!, noticesCreated: Int!, invoicesDunned: Int!,
    errors: [DunningRunError!]!, failure: DunningRunFailure, startedAt: String, completedAt: String,
    createdAt: String!, updatedAt: String!
  }
  type DunningRunConnection { data: [DunningRun!]!, hasMore: Boolean!, nextCursor: String }

  type DunningInterestPeriod { from: String!, to: String!, days: Int!, baseRate: String!, points: String!, rate: String! }
  type DunningNoticeInvoice {
    invoiceId: ID!, number: String!, issueDate: String!, dueDate: String!, openAmount: MinorAmount!, daysOverdue: Int!,
    interest: MinorAmount!, interestPeriods: [DunningInterestPeriod!]!
  }
  type DunningNoticeEmail {
    status: String!, recipients: [String!]!, attempts: Int!, lastErrorCode: String, lastError: String,
    smtpResponse: String, messageId: String, sentAt: String
  }
  "A dunning letter (PDF at /v1/dunning-notices/{id}/pdf). Same fields as the REST DunningNotice, plus its contact."
  type DunningNotice {
    id: ID!, runId: ID!, contactId: ID!, contact: Contact, level: Int!, title: String!, status: String!,
    closedAt: String, currency: String!, language: String!, customerType: String!, issueDate: String!,
    payBy: String!, invoices: [DunningNoticeInvoice!]!, fee: MinorAmount!, interestTotal: MinorAmount!, openTotal: MinorAmount!,
    total: MinorAmount!, pdfSha256: String!, email: DunningNoticeEmail!, createdAt: String!, updatedAt: String!
  }
  type DunningNoticeConnection { data: [DunningNotice!]!, hasMore: Boolean!, nextCursor: String }

  "Starts a run (run is set), or with dryRun answers the letters it would issue (preview, the REST DunningRunPreview)."
  type DunningRunStart { run: DunningRun, preview: JSON }

  input DunningLevelInput { level: Int!, name: String, daysAfterDue: Int!, fee: MinorAmount!, interest: Boolean! }
  input DunningBaseRateInput { validFrom: String!, rate: String! }
  input DunningSettingsInput { levels: [DunningLevelInput!]!, baseRates: [DunningBaseRateInput!] }
  input DunningRunInput { asOf: String, dryRun: Boolean, contactIds: [ID!] }

  extend type Query {
    dunningSettings: DunningSettings!
    dunningRun(id: ID!): DunningRun
    dunningRuns(limit: Int, startingAfter: String, status: String): DunningRunConnection!
    dunningNotice(id: ID!): DunningNotice
    dunningNotices(
      limit: Int, startingAfter: String, contactId: ID, invoiceId: ID, level: Int, runId: ID, status: String
    ): DunningNoticeConnection!
  }

  extend type Mutation {
    "Replaces every dunning level; a broken rule names every field and writes nothing."
    updateDunningSettings(input: DunningSettingsInput!, expectedVersion: Int): DunningSettings!
    startDunningRun(input: DunningRunInput!): DunningRunStart!
  }
`;

/** A null argument means "not given" (clients send `startingAfter: null` for the first page). */
function given<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

const orNull = async <T>(work: () => Promise<T>): Promise<T | null> => {
  try {
    return await work();
  } catch (error) {
    if ((error as { kind?: string }).kind === 'not_found') return null;
    throw error;
  }
};

const resolvers: IResolvers = {
  Query: {
    dunningSettings: async (_root, _args, { ctx }) => dunning.getSettings(ctx),
    dunningRun: async (_root, { id }: { id: string }, { ctx }) => orNull(() => dunning.getRun(ctx, id)),
    dunningRuns: async (_root, args: DunningRunListQuery, { ctx }) =>
      dunning.listRuns(ctx, validateInput(DunningRunListQuerySchema, given(args))),
    dunningNotice: async (_root, { id }: { id: string }, { ctx }) => orNull(() => dunning.getNotice(ctx, id)),
    dunningNotices: async (_root, args: DunningNoticeListQuery, { ctx }) =>
      dunning.listNotices(
        ctx,
        validateInput(DunningNoticeListQuerySchema, given(args)) as DunningNoticeListQuery,
      ),
  },
  Mutation: {
    updateDunningSettings: async (
      _root,
      { input, expectedVersion }: { input: unknown; expectedVersion?: number | null },
      { ctx },
    ) =>
      dunning.updateSettings(
        ctx,
        validateInput(DunningSettingsUpdateSchema, defined(input)),
        expectedVersion ?? undefined,
      ),
    startDunningRun: async (_root, { input }: { input: unknown }, { ctx }) => {
      const result = await dunning.start(ctx, validateInput(DunningRunCreateSchema, defined(input)));
      return 'dryRun' in result ? { run: null, preview: result } : { run: result, preview: null };
    },
  },
};

const loaders: MercuriusLoaders = {
  DunningNotice: {
    contact: async (queries: { obj: { contactId: string } }[], { ctx }) =>
      (
        await contacts.getMany(
          ctx,
          queries.map((q) => q.obj.contactId),
        )
      ).map((c) => c ?? null),
  },
};

export const dunningGraphql: GraphqlModule = { typeDefs, resolvers, loaders };
