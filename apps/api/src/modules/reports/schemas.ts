import type { reports } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { DateString, Nullable, PageQuerySchema, StringEnum } from '../../schemas/common';

// Wire shapes of the reports (DOMAIN.md §8, issue 7). Amounts are integer minor units of the row's `currency`
// (one currency per figure, never mixed); rates are decimal fractions as strings with 4 places ('0.2500' =
// 25 %), null where the divisor is 0.

const Day = (description: string) =>
  Type.String({ format: 'date', description: `${description} (\`YYYY-MM-DD\`)`, examples: ['2026-03-31'] });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217', examples: ['EUR'] });
const Minor = (description: string) => Type.Integer({ description: `${description} (minor units)` });
const Count = (description: string) => Type.Integer({ minimum: 0, description });
const Rate = (description: string) =>
  Nullable(
    Type.String({ description: `${description}; a decimal fraction ('0.2500' = 25 %), null when ÷ 0` }),
  );

const RangeQuery = {
  from: Type.Optional(Day('First day covered (its period is the first one)')),
  to: Type.Optional(
    Day("Last day covered (its period is the last one); default: today on the organisation's clock"),
  ),
};

export const MrrReportQuerySchema = Type.Object(
  {
    ...RangeQuery,
    interval: Type.Optional(
      StringEnum(['month', 'quarter', 'year'] as const, 'Calendar periods of the report (default month)'),
    ),
    currency: Type.Optional(Currency),
  },
  { additionalProperties: false },
);

export const MrrReportRowSchema = Type.Object(
  {
    currency: Currency,
    period: Type.String({ description: '`2026-03`, `2026-Q1` or `2026`' }),
    periodStart: DateString,
    periodEnd: DateString,
    startingMrr: Minor('MRR on the last day before the period'),
    mrr: Minor('MRR on the last day of the period'),
    arr: Minor('12 × mrr'),
    startingCustomers: Count('Customers with MRR > 0 in this currency the day before the period'),
    customers: Count('Customers with MRR > 0 in this currency on the last day of the period'),
    new: Minor('MRR of customers that had none before (first time)'),
    expansion: Minor('MRR added by existing customers'),
    contraction: Minor('MRR lost by customers that keep some'),
    churn: Minor('MRR of customers that went to 0'),
    reactivation: Minor('MRR of customers that come back after churning'),
    netChange: Minor('mrr − startingMrr = new + expansion + reactivation − contraction − churn'),
    newCustomers: Count('Customers counted in `new`'),
    reactivatedCustomers: Count('Customers counted in `reactivation`'),
    churnedCustomers: Count('Customers counted in `churn`'),
    growthRate: Rate('netChange / startingMrr'),
    grossChurnRate: Rate('(contraction + churn) / mrr (JustOn: churn / actual)'),
    netChurnRate: Rate('netChange / mrr (JustOn: change / actual; negative when MRR shrank)'),
    retentionRate: Rate('1 − grossChurnRate'),
  },
  { $id: 'MrrReportRow', description: 'One period of the MRR report in one currency.' },
);

export const MrrReportSchema = Type.Object(
  {
    from: DateString,
    to: DateString,
    interval: StringEnum(['month', 'quarter', 'year'] as const),
    data: Type.Array(Type.Ref(MrrReportRowSchema), {
      description: "Per currency (the organisation's first, always present) and period, in date order",
    }),
  },
  {
    $id: 'MrrReport',
    description: 'MRR at each period end with the movements of the period (DOMAIN.md §8).',
  },
);

const MOVEMENTS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;

export const MrrMovementsQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    from: Type.Optional(Day('Entries dated on or after this day')),
    to: Type.Optional(Day('Entries dated on or before this day')),
    contactId: Type.Optional(Type.String({ maxLength: 64 })),
    contractId: Type.Optional(Type.String({ maxLength: 64 })),
    currency: Type.Optional(Currency),
    movement: Type.Optional(StringEnum(MOVEMENTS, 'Only entries closing a burst with this movement')),
  },
  { additionalProperties: false },
);

export const MrrEntrySchema = Type.Object(
  {
    id: Type.String({
      description: '`mre_<YYYYMMDD>_<contract id>`: stable across rebuilds; ids sort by date',
      examples: ['mre_20260301_ctr_01JD3Y8WQ4XK0R5N6S7T8V9W0A'],
    }),
    date: Day('The day the new MRR applies from'),
    currency: Currency,
    contactId: Type.String(),
    contractId: Type.String(),
    previous: Minor("The contract's MRR before"),
    change: Minor('actual − previous'),
    actual: Minor("The contract's MRR from `date` on"),
    initial: Minor("`actual` when `date` is the start of the customer's first contract, else 0"),
    expansion: Minor('`change` when positive, else 0'),
    churn: Minor('|change| when negative, else 0'),
    smoothChange: Minor(
      "On the last entry of a burst of the customer's changes within two days (same month): their sum; 0 on the others",
    ),
    movement: Nullable(StringEnum(MOVEMENTS, 'What the burst did to the customer (on its last entry)')),
    movementAmount: Minor('The amount of `movement` (≥ 0)'),
    customerMrr: Minor("The customer's MRR in this currency after this entry"),
    growthRate: Rate('change / previous'),
    grossChurnRate: Rate('churn / actual'),
    netChurnRate: Rate('change / actual'),
    retentionRate: Rate('1 − grossChurnRate'),
  },
  { $id: 'MrrEntry', description: "One change of a contract's MRR: a metric entry (DOMAIN.md §8)." },
);

export const MrrEntryPageSchema = Type.Object(
  {
    data: Type.Array(Type.Ref(MrrEntrySchema)),
    hasMore: Type.Boolean(),
    nextCursor: Nullable(Type.String()),
  },
  { $id: 'MrrEntryPage', description: 'A page of MRR entries, oldest first.' },
);

export const MrrRebuildSchema = Type.Object(
  { status: Type.Literal('queued') },
  { $id: 'MrrRebuild', description: 'The rebuild job is queued; the worker runs it.' },
);

// ——— VAT, revenue, receivables aging ———

const Category = StringEnum(['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const, 'VAT category (UNCL5305)');
const TaxRate = Type.String({
  description: "Percent as a decimal string ('19', '7', '0')",
  examples: ['19'],
});
const Interval = StringEnum(
  ['month', 'quarter', 'year'] as const,
  'Calendar periods of the report (default month)',
);

const PeriodFields = {
  currency: Currency,
  period: Type.String({ description: '`2026-03`, `2026-Q1` or `2026`' }),
  periodStart: DateString,
  periodEnd: DateString,
};

export const VatReportQuerySchema = Type.Object(
  {
    from: Type.Optional(Day('First day covered; without from and to: the previous period before today')),
    to: Type.Optional(Day('Last day covered')),
    interval: Type.Optional(Interval),
    dateBasis: Type.Optional(
      StringEnum(
        ['issue_date', 'supply_date'] as const,
        'Which day puts an invoice into a period: its issue date (default) or its date of supply (service date, else the end of its service period). Credit notes and cancellations always count on their issue date (UStG §17(1)).',
      ),
    ),
    currency: Type.Optional(Currency),
  },
  { additionalProperties: false },
);

export const VatReportRowSchema = Type.Object(
  {
    ...PeriodFields,
    category: Category,
    rate: TaxRate,
    net: Minor('Net (tax basis) of the documents in this category and rate; credit notes count negative'),
    tax: Minor('VAT as issued'),
    gross: Minor('net + tax'),
    documents: Count('Documents contributing'),
    elsterNetField: Nullable(
      Type.String({
        description:
          'Field (Kennzahl) of the German advance VAT return (USt 1 A) for the net amount: 81 (19 %), 86 (7 %), 35 (other rates), 87 (0 %, §12(3)), 41 (intra-EU goods), 21 (EU reverse-charge services), 43 (exports), 48 (exempt), 45 (not taxable here). Null unless the seller is German and the row is in EUR.',
      }),
    ),
    elsterTaxField: Nullable(
      Type.String({ description: 'Field for the tax where the form asks for it (36 with 35)' }),
    ),
  },
  { $id: 'VatReportRow', description: 'Net and VAT of one currency, period, VAT category and rate.' },
);

export const VatReportTotalSchema = Type.Object(
  {
    ...PeriodFields,
    net: Minor('All categories'),
    vat: Minor('Output VAT owed'),
    taxableNet: Minor('Category S'),
    zeroRatedNet: Minor('Category Z'),
    reverseChargeNet: Minor('Category AE: the buyer owes the VAT (EC Sales List)'),
    intraEuSuppliesNet: Minor('Category K: exempt intra-EU supplies of goods (EC Sales List)'),
    exportNet: Minor('Category G'),
    exemptNet: Minor('Category E'),
    notSubjectNet: Minor('Category O'),
  },
  {
    $id: 'VatReportTotal',
    description: 'The figures of one currency and period a VAT return is filled from.',
  },
);

export const VatReportSchema = Type.Object(
  {
    from: DateString,
    to: DateString,
    interval: Interval,
    dateBasis: StringEnum(['issue_date', 'supply_date'] as const),
    data: Type.Array(Type.Ref(VatReportRowSchema)),
    totals: Type.Array(Type.Ref(VatReportTotalSchema)),
  },
  {
    $id: 'VatReport',
    description:
      'VAT of the issued invoices, corrected invoices, credit notes and cancellations, per period, category and rate.',
  },
);

export const RevenueReportQuerySchema = Type.Object(
  {
    ...RangeQuery,
    interval: Type.Optional(Interval),
    currency: Type.Optional(Currency),
  },
  { additionalProperties: false },
);

const RevenueRateSchema = Type.Object({
  category: Category,
  rate: TaxRate,
  net: Minor('Net invoiced at this category and rate'),
  tax: Minor('VAT'),
  gross: Minor('net + tax'),
  collectedNet: Minor('Net part of `collected`'),
  collectedTax: Minor('VAT part of `collected`'),
  collected: Minor(
    "Money that moved onto invoices in the period (less off them) attributed to this rate: each invoice's money split in proportion to what it owes by rate (its VAT breakdown less its credit notes)",
  ),
});

export const RevenueRowSchema = Type.Object(
  {
    ...PeriodFields,
    net: Minor('Invoiced net: invoices and corrected invoices less credit notes and cancellations'),
    tax: Minor('VAT on it'),
    gross: Minor('net + tax'),
    collected: Minor(
      "Collected: succeeded payments less refunds, by the day the money moved (`paidAt` in the organisation's time zone)",
    ),
    collectedOnInvoices: Minor(
      'Money that moved onto invoices in the period less money taken off them (refunds, credit notes): the sum of `byTaxRate[].collected`',
    ),
    collectedToCreditBalance: Minor(
      "collected − collectedOnInvoices: what went into customers' credit balances (+) or was drawn from them (−)",
    ),
    byTaxRate: Type.Array(RevenueRateSchema, {
      description:
        'Invoiced and collected by VAT category and rate: every rate invoiced or collected in the period',
    }),
  },
  {
    $id: 'RevenueRow',
    description:
      'Revenue of one currency and period: invoiced (by issue date) and collected (by payment date).',
  },
);

export const RevenueReportSchema = Type.Object(
  {
    from: DateString,
    to: DateString,
    interval: Interval,
    data: Type.Array(Type.Ref(RevenueRowSchema), {
      description: "Every period per currency (the organisation's always, first)",
    }),
  },
  { $id: 'RevenueReport', description: 'Invoiced and collected revenue by period and VAT rate.' },
);

export const AgingReportQuerySchema = Type.Object(
  {
    asOf: Type.Optional(
      Day(
        "The day of the aging: open amounts, buckets and DSO as they stood at the end of that day (default: today on the organisation's clock)",
      ),
    ),
    currency: Type.Optional(Currency),
    dsoDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 730,
        default: 90,
        description: 'Days of invoicing DSO compares the receivables with (default 90)',
      }),
    ),
  },
  { additionalProperties: false },
);

const Buckets = {
  current: Minor('Not yet due (due today or later)'),
  days1To30: Minor('1–30 days past due'),
  days31To60: Minor('31–60 days past due'),
  days61To90: Minor('61–90 days past due'),
  over90: Minor('More than 90 days past due'),
  total: Minor('Sum of the buckets'),
};

export const AgingRowSchema = Type.Object(
  {
    currency: Currency,
    contactId: Type.String(),
    contactName: Type.String({ description: "The buyer's name as issued" }),
    ...Buckets,
    invoices: Count('Open invoices'),
    oldestDueDate: Nullable(DateString),
  },
  { $id: 'AgingRow', description: 'What one contact still owes in one currency, by days past due.' },
);

export const AgingTotalSchema = Type.Object(
  {
    currency: Currency,
    ...Buckets,
    invoices: Count('Open invoices'),
    dso: Nullable(
      Type.String({
        description:
          "Days sales outstanding: open receivables ÷ gross invoiced (less credits) in the last `dsoDays` days × dsoDays, one decimal ('42.5'); null when nothing was invoiced",
      }),
    ),
  },
  { $id: 'AgingTotal' },
);

export const AgingReportSchema = Type.Object(
  {
    asOf: Day(
      "The day of the aging (`asOf`, default today on the organisation's clock): the day the buckets count from",
    ),
    dsoDays: Type.Integer(),
    data: Type.Array(Type.Ref(AgingRowSchema), {
      description: 'Per currency and contact, largest total first',
    }),
    totals: Type.Array(Type.Ref(AgingTotalSchema), {
      description: "Per currency (the organisation's always, first)",
    }),
  },
  {
    $id: 'AgingReport',
    description:
      'Open amounts of the invoices issued and not cancelled by `asOf`, per contact, by days past the due date on that day, and DSO.',
  },
);

export const reportSchemas = [
  MrrReportRowSchema,
  MrrReportSchema,
  MrrEntrySchema,
  MrrEntryPageSchema,
  MrrRebuildSchema,
  VatReportRowSchema,
  VatReportTotalSchema,
  VatReportSchema,
  RevenueRowSchema,
  RevenueReportSchema,
  AgingRowSchema,
  AgingTotalSchema,
  AgingReportSchema,
];

type Assert<T extends true> = T;
export type _MrrReportMatches = Assert<
  reports.MrrReport extends Static<typeof MrrReportSchema> ? true : false
>;
export type _MrrQueryMatches = Assert<
  Static<typeof MrrReportQuerySchema> extends reports.MrrReportQuery ? true : false
>;
export type _MrrEntryMatches = Assert<
  reports.MrrMovementEntry extends Static<typeof MrrEntrySchema> ? true : false
>;
export type _MrrMovementsQueryMatches = Assert<
  Static<typeof MrrMovementsQuerySchema> extends reports.MrrMovementsQuery ? true : false
>;
export type _VatMatches = Assert<reports.VatReport extends Static<typeof VatReportSchema> ? true : false>;
export type _VatQueryMatches = Assert<
  Static<typeof VatReportQuerySchema> extends reports.VatReportQuery ? true : false
>;
export type _RevenueMatches = Assert<
  reports.RevenueReport extends Static<typeof RevenueReportSchema> ? true : false
>;
export type _RevenueQueryMatches = Assert<
  Static<typeof RevenueReportQuerySchema> extends reports.RevenueReportQuery ? true : false
>;
export type _AgingMatches = Assert<
  reports.AgingReport extends Static<typeof AgingReportSchema> ? true : false
>;
export type _AgingQueryMatches = Assert<
  Static<typeof AgingReportQuerySchema> extends reports.AgingReportQuery ? true : false
>;
