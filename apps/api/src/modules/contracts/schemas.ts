import type {
  CancelInput,
  Contract,
  ContractInput,
  ContractListQuery,
  ContractUpdateInput,
  InstallmentPlanInput,
  PauseInput,
  PriceChangeInput,
  ResumeInput,
} from '@fakturo/domain';
import {
  BILLING_TIMINGS,
  CHANGE_TIMINGS,
  CONTRACT_STATUSES,
  PAYMENT_METHODS,
  PRORATION_MODES,
  SUPPLY_KINDS,
} from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import {
  DateString,
  InstantString,
  Nullable,
  PageOf,
  PageQuerySchema,
  StringEnum,
} from '../../schemas/common';
import { PriceModelInputSchema, PriceModelSchema } from '../articles/schemas';

const RATE_KINDS = ['standard', 'reduced', 'second_reduced', 'super_reduced', 'zero'] as const;
const Decimal = (description: string) => Type.String({ pattern: '^\\d+(\\.\\d+)?$', description });
const Percent = Type.String({
  pattern: '^\\d+(\\.\\d+)?$',
  description: 'Percent as a decimal string, 0–100',
});

const NoticePeriodSchema = Type.Object(
  { amount: Type.Integer({ minimum: 0, maximum: 3650 }), unit: StringEnum(['days', 'months'] as const) },
  { additionalProperties: false },
);

const ContractItemSchema = Type.Object({
  id: Type.String({ examples: ['cti_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
  position: Type.Integer(),
  articleId: Nullable(Type.String()),
  name: Type.String(),
  description: Nullable(Type.String()),
  quantity: Type.String({ description: 'Decimal string' }),
  unitCode: Type.String(),
  priceModel: Type.Ref(PriceModelSchema),
  priceOverridden: Type.Boolean({
    description: 'The price was given for this item instead of taken from the article',
  }),
  discountPercent: Nullable(Type.String()),
  taxRateKind: StringEnum(RATE_KINDS),
  supplyKind: StringEnum(SUPPLY_KINDS),
  startsOn: Nullable(DateString),
  endsOn: Nullable(DateString),
});

const ContractItemInputSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ description: 'Keep (and possibly change) an existing open item' })),
    articleId: Type.Optional(
      Nullable(Type.String({ maxLength: 64, description: 'Omit for a free-text item' })),
    ),
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Required without an article' }),
    ),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    quantity: Type.Optional(Decimal('Default 1')),
    unitCode: Type.Optional(Type.String({ minLength: 2, maxLength: 3 })),
    priceModel: Type.Optional(
      Type.Ref(PriceModelInputSchema, { description: 'Overrides the article’s price' }),
    ),
    discountPercent: Type.Optional(Nullable(Percent)),
    taxRateKind: Type.Optional(StringEnum(RATE_KINDS)),
    supplyKind: Type.Optional(StringEnum(SUPPLY_KINDS)),
  },
  { additionalProperties: false },
);

const PriceChangeSchema = Type.Object({
  id: Type.String(),
  itemId: Nullable(Type.String()),
  kind: StringEnum(['new_price', 'percent'] as const),
  priceModel: Nullable(Type.Ref(PriceModelSchema)),
  percent: Nullable(Type.String()),
  effectiveDate: DateString,
  announcedOn: Nullable(DateString),
  createdAt: InstantString,
});

const ChargeSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(['installment', 'proration_credit', 'proration_charge'] as const),
  name: Type.String(),
  amount: Type.Integer({ description: 'Minor units; negative for a credit' }),
  dueDate: DateString,
  period: Nullable(Type.Object({ start: DateString, end: DateString })),
  billed: Type.Boolean(),
  documentId: Nullable(Type.String()),
});

const InstallmentPlanSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  total: Type.Integer(),
  count: Type.Integer(),
  intervalMonths: Type.Integer(),
  firstDueDate: DateString,
  taxRateKind: StringEnum(RATE_KINDS),
  supplyKind: StringEnum(SUPPLY_KINDS),
  installments: Type.Array(
    Type.Object({
      number: Type.Integer(),
      dueDate: DateString,
      amount: Type.Integer(),
      billed: Type.Boolean(),
      documentId: Nullable(Type.String()),
    }),
  ),
  createdAt: InstantString,
});

export const ContractSchema = Type.Object(
  {
    id: Type.String({ examples: ['ctr_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    contactId: Type.String(),
    description: Nullable(Type.String()),
    status: StringEnum(CONTRACT_STATUSES),
    currency: Type.String(),
    intervalMonths: Type.Integer({ description: 'Months per billing period: 1, 3, 6, 12 …' }),
    timing: StringEnum(
      BILLING_TIMINGS,
      'in_advance: a period is invoiced on its first day; in_arrears: after its last',
    ),
    startDate: DateString,
    endDate: Nullable(DateString),
    billingAnchorDay: Nullable(
      Type.Integer({ description: 'Periods start on this day of the month (aligned billing)' }),
    ),
    minimumTermMonths: Type.Integer(),
    noticePeriod: Nullable(NoticePeriodSchema),
    renewalTermMonths: Nullable(
      Type.Integer({ description: 'Auto-renewal term; null: runs on period by period' }),
    ),
    proration: StringEnum(PRORATION_MODES, 'How a partial first or last period is charged'),
    changeTiming: StringEnum(CHANGE_TIMINGS),
    paymentMethod: Nullable(StringEnum(PAYMENT_METHODS)),
    collective: Type.Boolean({ description: 'Billed on the contact’s collective invoice' }),
    autoSend: Type.Boolean({ description: 'Finalized invoices get a send date and are e-mailed' }),
    items: Type.Array(ContractItemSchema),
    priceChanges: Type.Array(PriceChangeSchema),
    pauses: Type.Array(
      Type.Object({ id: Type.String(), startsOn: DateString, endsOn: Nullable(DateString) }),
    ),
    installmentPlans: Type.Array(InstallmentPlanSchema),
    pendingCharges: Type.Array(ChargeSchema, { description: 'One-off amounts the next runs will bill' }),
    cancellation: Nullable(
      Type.Object({
        receivedOn: DateString,
        endDate: DateString,
        noticeEnd: DateString,
        termEnd: Nullable(DateString),
        renewals: Type.Integer(),
      }),
    ),
    minimumTermEnd: Nullable(DateString),
    metadata: Type.Record(Type.String(), Type.String()),
    version: Type.Integer(),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  {
    $id: 'Contract',
    description: 'A service contract or subscription that billing runs turn into invoices.',
  },
);

const writable = {
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  currency: Type.Optional(
    Type.String({ pattern: '^[A-Z]{3}$', description: 'Default: the contact’s currency' }),
  ),
  intervalMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, description: 'Default 1' })),
  timing: Type.Optional(StringEnum(BILLING_TIMINGS, 'Default in_advance')),
  startDate: Type.Optional(Type.String({ format: 'date', description: 'Default: today' })),
  endDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  billingAnchorDay: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 31 }))),
  minimumTermMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 600 })),
  noticePeriod: Type.Optional(Nullable(NoticePeriodSchema)),
  renewalTermMonths: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 600 }))),
  proration: Type.Optional(StringEnum(PRORATION_MODES, 'Default none')),
  changeTiming: Type.Optional(StringEnum(CHANGE_TIMINGS, 'Default next_period')),
  paymentMethod: Type.Optional(Nullable(StringEnum(PAYMENT_METHODS))),
  collective: Type.Optional(Type.Boolean()),
  autoSend: Type.Optional(Type.Boolean()),
  items: Type.Optional(Type.Array(ContractItemInputSchema, { minItems: 1, maxItems: 100 })),
  metadata: Type.Optional(
    Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }), { maxProperties: 50 }),
  ),
};

export const ContractCreateSchema = Type.Object(
  {
    contactId: Type.String({ minLength: 1, maxLength: 64 }),
    ...writable,
    items: Type.Array(ContractItemInputSchema, { minItems: 1, maxItems: 100 }),
  },
  { $id: 'ContractCreate', additionalProperties: false },
);

export const ContractUpdateSchema = Type.Object(
  {
    contactId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...writable,
    applyChange: Type.Optional(
      StringEnum(CHANGE_TIMINGS, 'How this change of items applies; default the contract’s changeTiming'),
    ),
  },
  {
    $id: 'ContractUpdate',
    additionalProperties: false,
    description:
      'Fields present replace the stored ones; `items` replaces the open items (give `id` to keep one). Once billed, the billing calendar (contact, currency, interval, timing, start, anchor) is fixed.',
  },
);

export const ContractListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    status: Type.Optional(StringEnum(CONTRACT_STATUSES)),
    contactId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const ContractPageSchema = PageOf(Type.Ref(ContractSchema), 'Contract');

export const CancelSchema = Type.Object(
  {
    receivedOn: Type.Optional(
      Type.String({ format: 'date', description: 'Day the cancellation arrived; default today' }),
    ),
  },
  { additionalProperties: false },
);

export const PauseSchema = Type.Object(
  {
    startsOn: Type.Optional(Type.String({ format: 'date', description: 'Default today' })),
    endsOn: Type.Optional(
      Nullable(Type.String({ format: 'date', description: 'Omit to pause until resumed' })),
    ),
  },
  { additionalProperties: false },
);

export const ResumeSchema = Type.Object(
  { resumesOn: Type.Optional(Type.String({ format: 'date', description: 'Default today' })) },
  { additionalProperties: false },
);

export const PriceChangeCreateSchema = Type.Object(
  {
    itemId: Type.Optional(
      Nullable(Type.String({ maxLength: 64, description: 'Omit for a percentage on every item' })),
    ),
    kind: StringEnum(['new_price', 'percent'] as const),
    priceModel: Type.Optional(Type.Ref(PriceModelInputSchema)),
    percent: Type.Optional(
      Type.String({ pattern: '^-?\\d+(\\.\\d+)?$', description: 'e.g. "5" for +5 %, "-10" for −10 %' }),
    ),
    effectiveDate: Type.String({ format: 'date' }),
    announcedOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  },
  { $id: 'PriceChangeCreate', additionalProperties: false },
);

export const InstallmentPlanCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    total: Type.Integer({ minimum: 1, description: 'The one-time amount in minor units' }),
    count: Type.Integer({ minimum: 1, maximum: 120 }),
    intervalMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
    firstDueDate: Type.Optional(Type.String({ format: 'date', description: 'Default today' })),
    taxRateKind: Type.Optional(StringEnum(RATE_KINDS)),
    supplyKind: Type.Optional(StringEnum(SUPPLY_KINDS)),
  },
  { $id: 'InstallmentPlanCreate', additionalProperties: false },
);

export const contractSchemas = [
  ContractSchema,
  ContractCreateSchema,
  ContractUpdateSchema,
  ContractPageSchema,
  PriceChangeCreateSchema,
  InstallmentPlanCreateSchema,
];

type Assert<T extends true> = T;
export type _ContractMatches = Assert<Contract extends Static<typeof ContractSchema> ? true : false>;
export type _CreateMatches = Assert<Static<typeof ContractCreateSchema> extends ContractInput ? true : false>;
export type _UpdateMatches = Assert<
  Static<typeof ContractUpdateSchema> extends ContractUpdateInput ? true : false
>;
export type _ListMatches = Assert<
  Static<typeof ContractListQuerySchema> extends ContractListQuery ? true : false
>;
export type _CancelMatches = Assert<Static<typeof CancelSchema> extends CancelInput ? true : false>;
export type _PauseMatches = Assert<Static<typeof PauseSchema> extends PauseInput ? true : false>;
export type _ResumeMatches = Assert<Static<typeof ResumeSchema> extends ResumeInput ? true : false>;
export type _PriceChangeMatches = Assert<
  Static<typeof PriceChangeCreateSchema> extends PriceChangeInput ? true : false
>;
export type _PlanMatches = Assert<
  Static<typeof InstallmentPlanCreateSchema> extends InstallmentPlanInput ? true : false
>;
