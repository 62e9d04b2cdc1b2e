import { type ContractListQuery, contacts, contracts } from '@fakturo/domain';
import type { IResolvers, MercuriusLoaders } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { defined } from '../articles/graphql';
import { PriceModelInputSchema } from '../articles/schemas';
import {
  CancelSchema,
  ContractCreateSchema,
  ContractListQuerySchema,
  ContractUpdateSchema,
  InstallmentPlanCreateSchema,
  PauseSchema,
  PriceChangeCreateSchema,
  ResumeSchema,
} from './schemas';

const typeDefs = `
  type NoticePeriod { amount: Int!, unit: String! }
  input NoticePeriodInput { amount: Int!, unit: String! }

  type ContractItem {
    id: ID!, position: Int!, articleId: ID, name: String!, description: String, quantity: String!, unitCode: String!,
    priceModel: PriceModel!, priceOverridden: Boolean!, discountPercent: String, taxRateKind: String!,
    supplyKind: String!, startsOn: String, endsOn: String
  }
  input ContractItemInput {
    id: ID, articleId: ID, name: String, description: String, quantity: String, unitCode: String,
    priceModel: PriceModelInput, discountPercent: String, taxRateKind: String, supplyKind: String
  }
  type ContractPriceChange {
    id: ID!, itemId: ID, kind: String!, priceModel: PriceModel, percent: String, effectiveDate: String!,
    announcedOn: String, createdAt: String!
  }
  type ContractPause { id: ID!, startsOn: String!, endsOn: String }
  type DatePeriod { start: String!, end: String! }
  type ContractCharge {
    id: ID!, kind: String!, name: String!, amount: MinorAmount!, dueDate: String!, period: DatePeriod, billed: Boolean!, documentId: ID
  }
  type Installment { number: Int!, dueDate: String!, amount: MinorAmount!, billed: Boolean!, documentId: ID }
  type InstallmentPlan {
    id: ID!, name: String!, total: MinorAmount!, count: Int!, intervalMonths: Int!, firstDueDate: String!,
    taxRateKind: String!, supplyKind: String!, installments: [Installment!]!, createdAt: String!
  }
  type ContractCancellation { receivedOn: String!, endDate: String!, noticeEnd: String!, termEnd: String, renewals: Int! }

  "A service contract or subscription. Same fields as the REST Contract, plus its contact."
  type Contract {
    id: ID!, contactId: ID!, contact: Contact, description: String, status: String!, currency: String!,
    intervalMonths: Int!, timing: String!, startDate: String!, endDate: String, billingAnchorDay: Int,
    minimumTermMonths: Int!, noticePeriod: NoticePeriod, renewalTermMonths: Int, proration: String!,
    changeTiming: String!, paymentMethod: String, collective: Boolean!, autoSend: Boolean!,
    items: [ContractItem!]!, priceChanges: [ContractPriceChange!]!, pauses: [ContractPause!]!,
    installmentPlans: [InstallmentPlan!]!, pendingCharges: [ContractCharge!]!, cancellation: ContractCancellation,
    minimumTermEnd: String, metadata: JSON!, version: Int!, createdAt: String!, updatedAt: String!
  }

  type ContractConnection { data: [Contract!]!, hasMore: Boolean!, nextCursor: String }

  input ContractInput {
    contactId: ID, description: String, currency: String, intervalMonths: Int, timing: String, startDate: String,
    endDate: String, billingAnchorDay: Int, minimumTermMonths: Int, noticePeriod: NoticePeriodInput,
    renewalTermMonths: Int, proration: String, changeTiming: String, paymentMethod: String, collective: Boolean,
    autoSend: Boolean, items: [ContractItemInput!], metadata: JSON, applyChange: String
  }
  input PriceChangeInput {
    itemId: ID, kind: String!, priceModel: PriceModelInput, percent: String, effectiveDate: String!, announcedOn: String
  }
  input InstallmentPlanInput {
    name: String!, total: MinorAmount!, count: Int!, intervalMonths: Int, firstDueDate: String, taxRateKind: String, supplyKind: String
  }

  extend type Query {
    contract(id: ID!): Contract
    contracts(limit: Int, startingAfter: String, status: String, contactId: ID): ContractConnection!
  }

  extend type Mutation {
    createContract(input: ContractInput!): Contract!
    "expectedVersion works like If-Match."
    updateContract(id: ID!, input: ContractInput!, expectedVersion: Int): Contract!
    "Returns the contract with its computed end date (endDate, cancellation)."
    cancelContract(id: ID!, receivedOn: String): Contract!
    pauseContract(id: ID!, startsOn: String, endsOn: String): Contract!
    resumeContract(id: ID!, resumesOn: String): Contract!
    addContractPriceChange(id: ID!, input: PriceChangeInput!): Contract!
    addContractInstallmentPlan(id: ID!, input: InstallmentPlanInput!): Contract!
  }
`;

const references = [PriceModelInputSchema];

const resolvers: IResolvers = {
  Query: {
    contract: async (_root, { id }: { id: string }, { ctx }) =>
      (await contracts.getMany(ctx, [id]))[0] ?? null,
    contracts: async (_root, args: ContractListQuery, { ctx }) =>
      contracts.list(ctx, validateInput(ContractListQuerySchema, defined(args))),
  },
  Mutation: {
    createContract: async (_root, { input }: { input: unknown }, { ctx }) =>
      contracts.create(ctx, validateInput(ContractCreateSchema, defined(input), references)),
    updateContract: async (_root, args: { id: string; input: unknown; expectedVersion?: number }, { ctx }) =>
      contracts.update(
        ctx,
        args.id,
        validateInput(ContractUpdateSchema, defined(args.input), references),
        args.expectedVersion ?? undefined,
      ),
    cancelContract: async (_root, { id, ...input }: { id: string; receivedOn?: string }, { ctx }) =>
      contracts.cancel(ctx, id, validateInput(CancelSchema, defined(input))),
    pauseContract: async (
      _root,
      { id, ...input }: { id: string; startsOn?: string; endsOn?: string },
      { ctx },
    ) => contracts.pause(ctx, id, validateInput(PauseSchema, defined(input))),
    resumeContract: async (_root, { id, ...input }: { id: string; resumesOn?: string }, { ctx }) =>
      contracts.resume(ctx, id, validateInput(ResumeSchema, defined(input))),
    addContractPriceChange: async (_root, { id, input }: { id: string; input: unknown }, { ctx }) =>
      contracts.addPriceChange(ctx, id, validateInput(PriceChangeCreateSchema, defined(input), references)),
    addContractInstallmentPlan: async (_root, { id, input }: { id: string; input: unknown }, { ctx }) =>
      contracts.addInstallmentPlan(ctx, id, validateInput(InstallmentPlanCreateSchema, defined(input))),
  },
};

/** Contract.contact for a whole list in one query (contacts.getMany), not one per contract. */
const loaders: MercuriusLoaders = {
  Contract: {
    contact: async (queries: { obj: { contactId: string } }[], { ctx }) =>
      (
        await contacts.getMany(
          ctx,
          queries.map((q) => q.obj.contactId),
        )
      ).map((c) => c ?? null),
  },
};

export const contractGraphql: GraphqlModule = { typeDefs, resolvers, loaders };
