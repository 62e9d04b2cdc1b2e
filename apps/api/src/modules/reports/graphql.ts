import { reports } from '@fakturo/domain';
import type { IResolvers } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { defined } from '../articles/graphql';
import {
  AgingReportQuerySchema,
  MrrMovementsQuerySchema,
  MrrReportQuerySchema,
  RevenueReportQuerySchema,
  VatReportQuerySchema,
} from './schemas';

const typeDefs = `
  "One period of the MRR report in one currency. Same fields as the REST MrrReportRow."
  type MrrReportRow {
    currency: String!, period: String!, periodStart: String!, periodEnd: String!,
    startingMrr: MinorAmount!, mrr: MinorAmount!, arr: MinorAmount!, startingCustomers: Int!, customers: Int!,
    new: MinorAmount!, expansion: MinorAmount!, contraction: MinorAmount!, churn: MinorAmount!,
    reactivation: MinorAmount!, netChange: MinorAmount!, newCustomers: Int!, reactivatedCustomers: Int!,
    churnedCustomers: Int!, growthRate: String, grossChurnRate: String, netChurnRate: String, retentionRate: String
  }
  type MrrReport { from: String!, to: String!, interval: String!, data: [MrrReportRow!]! }

  "One change of a contract's MRR (a metric entry). Same fields as the REST MrrEntry."
  type MrrEntry {
    id: ID!, date: String!, currency: String!, contactId: ID!, contractId: ID!, previous: MinorAmount!,
    change: MinorAmount!, actual: MinorAmount!, initial: MinorAmount!, expansion: MinorAmount!, churn: MinorAmount!,
    smoothChange: MinorAmount!, movement: String, movementAmount: MinorAmount!, customerMrr: MinorAmount!,
    growthRate: String, grossChurnRate: String, netChurnRate: String, retentionRate: String
  }
  type MrrEntryConnection { data: [MrrEntry!]!, hasMore: Boolean!, nextCursor: String }
  type MrrRebuild { status: String! }

  "Net and VAT of one currency, period, VAT category and rate. Same fields as the REST VatReportRow."
  type VatReportRow {
    currency: String!, period: String!, periodStart: String!, periodEnd: String!, category: String!, rate: String!,
    net: MinorAmount!, tax: MinorAmount!, gross: MinorAmount!, documents: Int!, elsterNetField: String,
    elsterTaxField: String
  }
  type VatReportTotal {
    currency: String!, period: String!, periodStart: String!, periodEnd: String!, net: MinorAmount!, vat: MinorAmount!,
    taxableNet: MinorAmount!, zeroRatedNet: MinorAmount!, reverseChargeNet: MinorAmount!,
    intraEuSuppliesNet: MinorAmount!, exportNet: MinorAmount!, exemptNet: MinorAmount!, notSubjectNet: MinorAmount!
  }
  type VatReport {
    from: String!, to: String!, interval: String!, dateBasis: String!, data: [VatReportRow!]!, totals: [VatReportTotal!]!
  }
  "Invoiced and collected of one VAT category and rate. Same fields as the REST RevenueRow.byTaxRate."
  type RevenueRate {
    category: String!, rate: String!, net: MinorAmount!, tax: MinorAmount!, gross: MinorAmount!,
    collectedNet: MinorAmount!, collectedTax: MinorAmount!, collected: MinorAmount!
  }
  "Invoiced (by issue date) and collected (by payment date) revenue of one currency and period. Same fields as REST."
  type RevenueRow {
    currency: String!, period: String!, periodStart: String!, periodEnd: String!, net: MinorAmount!, tax: MinorAmount!,
    gross: MinorAmount!, collected: MinorAmount!, collectedOnInvoices: MinorAmount!,
    collectedToCreditBalance: MinorAmount!, byTaxRate: [RevenueRate!]!
  }
  type RevenueReport { from: String!, to: String!, interval: String!, data: [RevenueRow!]! }
  type AgingRow {
    currency: String!, contactId: ID!, contactName: String!, current: MinorAmount!, days1To30: MinorAmount!,
    days31To60: MinorAmount!, days61To90: MinorAmount!, over90: MinorAmount!, total: MinorAmount!, invoices: Int!,
    oldestDueDate: String
  }
  type AgingTotal {
    currency: String!, current: MinorAmount!, days1To30: MinorAmount!, days31To60: MinorAmount!,
    days61To90: MinorAmount!, over90: MinorAmount!, total: MinorAmount!, invoices: Int!, dso: String
  }
  type AgingReport { asOf: String!, dsoDays: Int!, data: [AgingRow!]!, totals: [AgingTotal!]! }

  extend type Query {
    "VAT per period, category and rate, with the advance-return fields (REST: GET /v1/reports/vat)."
    vatReport(from: String, to: String, interval: String, dateBasis: String, currency: String): VatReport!
    "Invoiced and collected revenue by period and VAT rate (REST: GET /v1/reports/revenue)."
    revenueReport(from: String, to: String, interval: String, currency: String): RevenueReport!
    "Open receivables per contact by days past due on asOf (default today), and DSO (REST: GET /v1/reports/receivables-aging)."
    receivablesAging(asOf: String, currency: String, dsoDays: Int): AgingReport!
    "MRR at each period end with the period's movements (REST: GET /v1/reports/mrr)."
    mrrReport(from: String, to: String, interval: String, currency: String): MrrReport!
    "The MRR metric entries, oldest first (REST: GET /v1/reports/mrr/movements)."
    mrrMovements(
      limit: Int, startingAfter: String, from: String, to: String, contactId: ID, contractId: ID, currency: String,
      movement: String
    ): MrrEntryConnection!
  }
  extend type Mutation {
    "Queues a rebuild of the MRR entries from the contracts (REST: POST /v1/reports/mrr/rebuild)."
    rebuildMrr: MrrRebuild!
  }
`;

const resolvers: IResolvers = {
  Query: {
    mrrReport: async (_root, args: Record<string, unknown>, { ctx }) =>
      reports.mrr(ctx, validateInput(MrrReportQuerySchema, defined(args))),
    mrrMovements: async (_root, args: Record<string, unknown>, { ctx }) =>
      reports.movements(ctx, validateInput(MrrMovementsQuerySchema, defined(args))),
    vatReport: async (_root, args: Record<string, unknown>, { ctx }) =>
      reports.vat(ctx, validateInput(VatReportQuerySchema, defined(args))),
    revenueReport: async (_root, args: Record<string, unknown>, { ctx }) =>
      reports.revenue(ctx, validateInput(RevenueReportQuerySchema, defined(args))),
    receivablesAging: async (_root, args: Record<string, unknown>, { ctx }) =>
      reports.receivablesAging(ctx, validateInput(AgingReportQuerySchema, defined(args))),
  },
  Mutation: {
    rebuildMrr: async (_root, _args, { ctx }) => reports.requestRebuild(ctx),
  },
} as IResolvers;

export const reportGraphql: GraphqlModule = { typeDefs, resolvers };
