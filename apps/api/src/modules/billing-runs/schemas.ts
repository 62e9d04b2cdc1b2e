import type { BillingRun, BillingRunInput, BillingRunListQuery, BillingRunPreview } from '@fakturo/domain';
import { BILLING_RUN_MODES, BILLING_RUN_STATUSES } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import {
  DateString,
  InstantString,
  Nullable,
  PageOf,
  PageQuerySchema,
  StringEnum,
} from '../../schemas/common';

const TAX_CATEGORIES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const;

const ErrorSchema = Type.Object({
  contractId: Nullable(Type.String()),
  code: Type.String(),
  message: Type.String(),
});

export const BillingRunSchema = Type.Object(
  {
    id: Type.String({ examples: ['brun_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    asOf: DateString,
    mode: StringEnum(BILLING_RUN_MODES),
    status: StringEnum(BILLING_RUN_STATUSES),
    trigger: StringEnum(['api', 'schedule'] as const, '`schedule`: the daily run'),
    filters: Type.Object({
      contactIds: Nullable(Type.Array(Type.String())),
      contractIds: Nullable(Type.Array(Type.String())),
    }),
    total: Type.Integer({ description: 'Contracts the run looks at (known once planned)' }),
    processed: Type.Integer(),
    failed: Type.Integer(),
    invoicesCreated: Type.Integer(),
    batchesTotal: Type.Integer(),
    batchesDone: Type.Integer(),
    errors: Type.Array(ErrorSchema, { description: 'The first 1,000 per-contract errors' }),
    failure: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    cancelRequested: Type.Boolean(),
    startedAt: Nullable(InstantString),
    completedAt: Nullable(InstantString),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  {
    $id: 'BillingRun',
    description:
      'Bills every contract period due on or before `asOf`, in batches in the worker; a period is never billed twice.',
  },
);

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const BillingRunCreateSchema = Type.Object(
  {
    asOf: Type.Optional(
      Type.String({ format: 'date', description: 'Bill what is due up to this day; default today' }),
    ),
    mode: Type.Optional(
      StringEnum(
        BILLING_RUN_MODES,
        'draft (default): draft invoices; finalize: numbered, immutable invoices; finalize_and_send: also e-mailed',
      ),
    ),
    dryRun: Type.Optional(Type.Boolean({ description: 'Answer what would be billed; write nothing' })),
    contactIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000 })),
    contractIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000 })),
  },
  { $id: 'BillingRunCreate', additionalProperties: false },
);

const PeriodSchema = Type.Object({ start: DateString, end: DateString });

export const BillingRunPreviewSchema = Type.Object(
  {
    dryRun: Type.Literal(true),
    asOf: DateString,
    mode: StringEnum(BILLING_RUN_MODES),
    contracts: Type.Integer(),
    invoiceCount: Type.Integer(),
    invoices: Type.Array(
      Type.Object({
        contactId: Type.String(),
        currency: Type.String(),
        collective: Type.Boolean(),
        contractIds: Type.Array(Type.String()),
        periods: Type.Array(Type.Object({ contractId: Type.String(), start: DateString, end: DateString })),
        servicePeriod: Nullable(PeriodSchema),
        lines: Type.Array(
          Type.Object({
            contractId: Type.String(),
            contractItemId: Nullable(Type.String()),
            name: Type.String(),
            quantity: Type.String(),
            unitCode: Type.String(),
            unitAmount: Type.String(),
            discountPercent: Nullable(Type.String()),
            netAmount: Type.Integer(),
            taxCategory: StringEnum(TAX_CATEGORIES),
            taxRate: Type.String(),
            period: Nullable(PeriodSchema),
          }),
        ),
        lineNetTotal: Type.Integer(),
        taxTotal: Type.Integer(),
        grossTotal: Type.Integer(),
        taxBreakdown: Type.Array(
          Type.Object({
            category: StringEnum(TAX_CATEGORIES),
            rate: Type.String(),
            basis: Type.Integer(),
            tax: Type.Integer(),
            exemptionReasonCode: Nullable(Type.String()),
            exemptionReason: Nullable(Type.String()),
          }),
        ),
      }),
    ),
    truncated: Type.Boolean({ description: 'More invoices would be billed than listed (totals cover all)' }),
    totals: Type.Array(
      Type.Object({
        currency: Type.String(),
        invoices: Type.Integer(),
        lineNetTotal: Type.Integer(),
        taxTotal: Type.Integer(),
        grossTotal: Type.Integer(),
      }),
    ),
    errors: Type.Array(ErrorSchema),
  },
  {
    $id: 'BillingRunPreview',
    description: 'What a run would bill now (`dryRun: true`); nothing was written.',
  },
);

export const BillingRunListQuerySchema = Type.Object(
  { ...PageQuerySchema, status: Type.Optional(StringEnum(BILLING_RUN_STATUSES)) },
  { additionalProperties: false },
);

export const BillingRunPageSchema = PageOf(Type.Ref(BillingRunSchema), 'BillingRun');

export const billingRunSchemas = [
  BillingRunSchema,
  BillingRunCreateSchema,
  BillingRunPreviewSchema,
  BillingRunPageSchema,
];

type Assert<T extends true> = T;
export type _RunMatches = Assert<BillingRun extends Static<typeof BillingRunSchema> ? true : false>;
export type _PreviewMatches = Assert<
  BillingRunPreview extends Static<typeof BillingRunPreviewSchema> ? true : false
>;
export type _CreateMatches = Assert<
  Static<typeof BillingRunCreateSchema> extends BillingRunInput ? true : false
>;
export type _ListMatches = Assert<
  Static<typeof BillingRunListQuerySchema> extends BillingRunListQuery ? true : false
>;
