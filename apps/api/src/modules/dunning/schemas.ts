import type {
  DunningNotice,
  DunningNoticeListQuery,
  DunningRun,
  DunningRunInput,
  DunningRunListQuery,
  DunningRunPreview,
  DunningSettings,
  DunningSettingsInput,
} from '@fakturo/domain';
import {
  CUSTOMER_TYPES,
  DUNNING_EMAIL_STATUSES,
  DUNNING_NOTICE_STATUSES,
  DUNNING_RUN_STATUSES,
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

// Dunning on the wire (DOMAIN.md §10, docs/dunning.md). Money is integer minor units. The domain types
// (dunning/types.ts) are asserted against these at the end of the file. Input schemas check shapes only;
// the rules (levels in order, days rising, fees from 0 …) are the domain's, answered 422 naming every field.

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const DunningLevelSchema = Type.Object(
  {
    level: Type.Integer({
      description: '1, 2, 3 … in order; level 1 is the payment reminder',
      examples: [2],
    }),
    name: Nullable(
      Type.String({ description: 'Your own title for the letter; null: the standard title in its language' }),
    ),
    daysAfterDue: Type.Integer({
      description: 'Days after the due date from which an unpaid invoice reaches the level',
      examples: [14],
    }),
    fee: Type.Integer({
      description: "Fee of one letter, minor units of the organisation's currency; no VAT (damages)",
      examples: [500],
    }),
    interest: Type.Boolean({ description: 'Letters of this level claim default interest (§ 288 BGB)' }),
    titles: Type.Object(
      {
        de: Type.String({ examples: ['1. Mahnung'] }),
        en: Type.String({ examples: ['First dunning notice'] }),
      },
      { description: 'What the letters are titled in each letter language' },
    ),
  },
  { $id: 'DunningLevel' },
);

const BaseRateSchema = Type.Object(
  {
    validFrom: Type.String({ description: '1 January or 1 July, YYYY-MM-DD', examples: ['2026-07-01'] }),
    rate: Type.String({
      description: 'Basiszinssatz (§ 247 BGB), percent as a decimal string',
      examples: ['1.27'],
    }),
  },
  { additionalProperties: false },
);

export const DunningSettingsSchema = Type.Object(
  {
    levels: Type.Array(Type.Ref(DunningLevelSchema), { description: 'Empty: dunning is switched off' }),
    baseRates: Type.Array(BaseRateSchema, {
      description: 'Your own Basiszinssatz entries; they take precedence over the built-in Bundesbank table',
    }),
    currency: Type.String({
      description: 'The currency fees are in (the organisation’s)',
      examples: ['EUR'],
    }),
    isDefault: Type.Boolean({
      description: 'True until you save your own levels (the defaults are in effect)',
    }),
    version: Type.Integer({ description: 'Send it back in `If-Match` to update without losing a change' }),
    updatedAt: Nullable(InstantString),
  },
  {
    $id: 'DunningSettings',
    description:
      'Your dunning levels: when an overdue invoice reaches each, its fee and whether it claims interest.',
  },
);

export const DunningSettingsUpdateSchema = Type.Object(
  {
    levels: Type.Array(
      Type.Object(
        {
          level: Type.Integer(),
          name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
          daysAfterDue: Type.Integer(),
          fee: Type.Integer(),
          interest: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
    baseRates: Type.Optional(
      Type.Array(
        Type.Object(
          { validFrom: Type.String({ maxLength: 20 }), rate: Type.String({ maxLength: 20 }) },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
  },
  { $id: 'DunningSettingsUpdate', additionalProperties: false },
);

const ErrorSchema = Type.Object({
  contactId: Nullable(Type.String()),
  code: Type.String(),
  message: Type.String(),
});

export const DunningRunSchema = Type.Object(
  {
    id: Type.String({ examples: ['drun_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    asOf: DateString,
    status: StringEnum(DUNNING_RUN_STATUSES),
    trigger: StringEnum(['api', 'schedule'] as const, '`schedule`: the daily run'),
    filters: Type.Object({ contactIds: Nullable(Type.Array(Type.String())) }),
    contactsTotal: Type.Integer({ description: 'Contacts with overdue invoices the run looks at' }),
    contactsProcessed: Type.Integer(),
    contactsFailed: Type.Integer(),
    noticesCreated: Type.Integer(),
    invoicesDunned: Type.Integer({ description: 'Invoice × level pairs reached (one event each)' }),
    errors: Type.Array(ErrorSchema, { description: 'The first 1,000 per-contact errors' }),
    failure: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    startedAt: Nullable(InstantString),
    completedAt: Nullable(InstantString),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  {
    $id: 'DunningRun',
    description: 'Finds every open invoice past its due date and issues the letters of the levels reached.',
  },
);

export const DunningRunCreateSchema = Type.Object(
  {
    asOf: Type.Optional(
      Type.String({
        format: 'date',
        description: 'Letters are dated and days counted to this day; default today',
      }),
    ),
    dryRun: Type.Optional(
      Type.Boolean({ description: 'Answer which letters would be issued; write nothing' }),
    ),
    contactIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000 })),
  },
  { $id: 'DunningRunCreate', additionalProperties: false },
);

const InterestPeriodSchema = Type.Object({
  from: DateString,
  to: DateString,
  days: Type.Integer(),
  baseRate: Type.String({ description: 'Basiszinssatz, percent' }),
  points: Type.String({ description: '9 (business, § 288 (2) BGB) or 5 (consumer, § 288 (1))' }),
  rate: Type.String({ description: 'baseRate + points, percent per year' }),
});

export const DunningNoticeInvoiceSchema = Type.Object(
  {
    invoiceId: Type.String(),
    number: Type.String(),
    issueDate: DateString,
    dueDate: DateString,
    openAmount: Type.Integer({ description: 'What was open on the letter’s date, minor units' }),
    daysOverdue: Type.Integer(),
    interest: Type.Integer({ description: 'Default interest to the letter’s date, rounded half-up once' }),
    interestPeriods: Type.Array(InterestPeriodSchema),
  },
  { $id: 'DunningNoticeInvoice' },
);

const CustomerType = StringEnum(
  CUSTOMER_TYPES,
  'business: a company (+ 9 points); consumer: a person (+ 5 points)',
);

export const DunningNoticeSchema = Type.Object(
  {
    id: Type.String({ examples: ['dun_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    runId: Type.String(),
    contactId: Type.String(),
    level: Type.Integer(),
    title: Type.String({ examples: ['1. Mahnung'] }),
    status: StringEnum(DUNNING_NOTICE_STATUSES, 'closed: every invoice it covers was paid or cancelled'),
    closedAt: Nullable(InstantString),
    currency: Type.String(),
    language: StringEnum(['de', 'en'] as const),
    customerType: CustomerType,
    issueDate: DateString,
    payBy: DateString,
    invoices: Type.Array(Type.Ref(DunningNoticeInvoiceSchema)),
    fee: Type.Integer({ description: 'Minor units; no VAT' }),
    interestTotal: Type.Integer(),
    openTotal: Type.Integer(),
    total: Type.Integer({ description: 'openTotal + interestTotal + fee' }),
    pdfSha256: Type.String({ description: 'SHA-256 of the stored PDF letter' }),
    email: Type.Object({
      status: StringEnum(DUNNING_EMAIL_STATUSES, 'cancelled: the invoices were settled before it was mailed'),
      recipients: Type.Array(Type.String()),
      attempts: Type.Integer(),
      lastErrorCode: Nullable(Type.String()),
      lastError: Nullable(Type.String()),
      smtpResponse: Nullable(Type.String()),
      messageId: Nullable(Type.String()),
      sentAt: Nullable(InstantString),
    }),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  {
    $id: 'DunningNotice',
    description:
      'A dunning letter: one per contact, level and currency per run. A business letter, not a tax document: its fee and interest are damages without VAT.',
  },
);

export const DunningRunPreviewSchema = Type.Object(
  {
    dryRun: Type.Literal(true),
    asOf: DateString,
    noticeCount: Type.Integer(),
    notices: Type.Array(
      Type.Object({
        contactId: Type.String(),
        level: Type.Integer(),
        title: Type.String(),
        currency: Type.String(),
        customerType: CustomerType,
        invoices: Type.Array(Type.Ref(DunningNoticeInvoiceSchema)),
        fee: Type.Integer(),
        interestTotal: Type.Integer(),
        openTotal: Type.Integer(),
        total: Type.Integer(),
      }),
    ),
    truncated: Type.Boolean({ description: 'More letters would be issued than listed' }),
  },
  {
    $id: 'DunningRunPreview',
    description: 'The letters a run would issue now (`dryRun: true`); nothing was written.',
  },
);

export const DunningRunListQuerySchema = Type.Object(
  { ...PageQuerySchema, status: Type.Optional(StringEnum(DUNNING_RUN_STATUSES)) },
  { additionalProperties: false },
);

export const DunningNoticeListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    contactId: Type.Optional(Id),
    invoiceId: Type.Optional(Id),
    level: Type.Optional(Type.Integer({ minimum: 1 })),
    runId: Type.Optional(Id),
    status: Type.Optional(StringEnum(DUNNING_NOTICE_STATUSES)),
  },
  { additionalProperties: false },
);

export const DunningRunPageSchema = PageOf(Type.Ref(DunningRunSchema), 'DunningRun');
export const DunningNoticePageSchema = PageOf(Type.Ref(DunningNoticeSchema), 'DunningNotice');

export const dunningSchemas = [
  DunningLevelSchema,
  DunningSettingsSchema,
  DunningSettingsUpdateSchema,
  DunningRunSchema,
  DunningRunCreateSchema,
  DunningNoticeInvoiceSchema,
  DunningNoticeSchema,
  DunningRunPreviewSchema,
  DunningRunPageSchema,
  DunningNoticePageSchema,
];

type Assert<T extends true> = T;
export type _SettingsMatches = Assert<
  DunningSettings extends Static<typeof DunningSettingsSchema> ? true : false
>;
export type _SettingsInputMatches = Assert<
  Static<typeof DunningSettingsUpdateSchema> extends DunningSettingsInput ? true : false
>;
export type _RunMatches = Assert<DunningRun extends Static<typeof DunningRunSchema> ? true : false>;
export type _RunInputMatches = Assert<
  Static<typeof DunningRunCreateSchema> extends DunningRunInput ? true : false
>;
export type _PreviewMatches = Assert<
  DunningRunPreview extends Static<typeof DunningRunPreviewSchema> ? true : false
>;
export type _NoticeMatches = Assert<DunningNotice extends Static<typeof DunningNoticeSchema> ? true : false>;
export type _NoticeWire = Assert<Static<typeof DunningNoticeSchema> extends DunningNotice ? true : false>;
export type _RunListMatches = Assert<
  Static<typeof DunningRunListQuerySchema> extends DunningRunListQuery ? true : false
>;
export type _NoticeListMatches = Assert<
  Static<typeof DunningNoticeListQuerySchema> extends DunningNoticeListQuery ? true : false
>;
