import type { SepaCollection, SepaCollectionInput, SepaCollectionListQuery } from '@fakturo/domain';
import {
  MANDATE_SCHEMES,
  SEPA_COLLECTION_STATUSES,
  SEPA_ITEM_STATUSES,
  SEQUENCE_TYPES,
} from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import {
  DateString,
  InstantString,
  Nullable,
  PageOf,
  PageQuerySchema,
  PostalAddressSchema,
  StringEnum,
} from '../../schemas/common';

const Id = Type.String({ minLength: 1, maxLength: 64 });

const PreNotificationSchema = Type.Object(
  {
    method: StringEnum(
      ['invoice'] as const,
      '`invoice`: the invoice itself states amount, debit date, mandate reference and creditor id',
    ),
    notifiedOn: Type.String({
      format: 'date',
      description: 'The day the debtor got the notice: the invoice’s sent date, else its issue date',
    }),
    days: Type.Integer({ description: 'Notice period of the mandate; 14 unless agreed otherwise' }),
    announcedDate: Type.String({ format: 'date', description: 'The debit date the invoice announced' }),
  },
  { description: 'How the debtor was told before the debit (SEPA pre-notification)' },
);

const DebtorSchema = Type.Object({
  name: Type.String({ description: 'Account holder (or buyer), in the SEPA character set' }),
  iban: Type.String(),
  bic: Nullable(Type.String()),
  address: Nullable(Type.Ref(PostalAddressSchema)),
});

export const SepaCollectionItemSchema = Type.Object(
  {
    id: Type.String({ examples: ['sepi_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    invoiceId: Type.String(),
    invoiceNumber: Type.String(),
    contactId: Type.String(),
    mandateId: Type.String(),
    mandateReference: Type.String(),
    mandateSignedDate: DateString,
    scheme: StringEnum(MANDATE_SCHEMES),
    sequenceType: StringEnum(SEQUENCE_TYPES, 'FRST first debit of a mandate, RCUR following, OOFF one-off'),
    amount: Type.Integer({ description: 'Minor units: the open amount of the invoice' }),
    currency: Type.String({ examples: ['EUR'] }),
    collectionDate: DateString,
    endToEndId: Type.String({ description: 'Unique per organisation; banks report it back' }),
    debtor: DebtorSchema,
    remittanceInformation: Type.String({ description: 'What the debtor’s statement shows' }),
    preNotification: PreNotificationSchema,
    status: StringEnum(
      SEPA_ITEM_STATUSES,
      '`pending` (the invoice is collection pending), `submitted`, `returned` (the debit came back), `cancelled`',
    ),
    returnReason: Nullable(Type.String({ description: 'ISO 20022 return reason, e.g. AC04, MD06' })),
  },
  { $id: 'SepaCollectionItem', description: 'One invoice collected by direct debit.' },
);

export const SepaCollectionSchema = Type.Object(
  {
    id: Type.String({ examples: ['sepc_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    status: StringEnum(SEPA_COLLECTION_STATUSES),
    messageId: Type.String({ description: 'MsgId of the pain.008 file' }),
    currency: Type.String({ examples: ['EUR'] }),
    itemCount: Type.Integer(),
    controlSum: Type.Integer({ description: 'Minor units: the sum of the items' }),
    creditor: Type.Object(
      {
        name: Type.String(),
        iban: Type.String(),
        bic: Nullable(Type.String()),
        creditorId: Type.String({ examples: ['DE98ZZZ09999999999'] }),
        address: Nullable(Type.Ref(PostalAddressSchema)),
      },
      { description: 'The organisation as creditor when the collection was created' },
    ),
    filters: Type.Object({
      dueBy: Nullable(DateString),
      invoiceIds: Nullable(Type.Array(Type.String())),
      collectionDate: Nullable(DateString),
    }),
    batches: Type.Array(
      Type.Object({
        paymentInformationId: Type.String(),
        collectionDate: DateString,
        scheme: StringEnum(MANDATE_SCHEMES),
        sequenceType: StringEnum(SEQUENCE_TYPES),
        itemCount: Type.Integer(),
        controlSum: Type.Integer({ description: 'Minor units' }),
      }),
      { description: 'The PmtInf blocks of the file: one per collection date, scheme and sequence type' },
    ),
    items: Type.Array(Type.Ref(SepaCollectionItemSchema)),
    skipped: Type.Array(
      Type.Object({
        invoiceId: Type.String(),
        invoiceNumber: Nullable(Type.String()),
        code: Type.String({ examples: ['mandate_expired'] }),
        message: Type.String(),
      }),
      { description: 'Due direct-debit invoices left out, with the reason (the first 1,000)' },
    ),
    truncated: Type.Boolean({
      description: 'More invoices were due than one collection takes (1,000): create another for the rest',
    }),
    submittedAt: Nullable(InstantString),
    cancelledAt: Nullable(InstantString),
    version: Type.Integer(),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  {
    $id: 'SepaCollection',
    description:
      'A SEPA direct debit collection: one pain.008.001.08 file of due invoices collected under their contacts’ mandates.',
  },
);

export const SepaCollectionCreateSchema = Type.Object(
  {
    dueBy: Type.Optional(
      Type.String({
        format: 'date',
        description:
          'Collect invoices due on or before this day; default the earliest possible collection date',
      }),
    ),
    invoiceIds: Type.Optional(
      Type.Array(Id, {
        minItems: 1,
        maxItems: 1000,
        description: 'Collect exactly these invoices; one that cannot be collected refuses the request',
      }),
    ),
    collectionDate: Type.Optional(
      Type.String({
        format: 'date',
        description:
          'Collect on this day instead of as early as allowed; items that may not be collected so soon move later',
      }),
    ),
  },
  { $id: 'SepaCollectionCreate', additionalProperties: false },
);

export const SepaCollectionListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    status: Type.Optional(StringEnum(SEPA_COLLECTION_STATUSES)),
    invoiceId: Type.Optional(
      Type.String({
        maxLength: 64,
        description: 'Collections holding this invoice; with `status=pending`: is it collection pending?',
      }),
    ),
    contactId: Type.Optional(Type.String({ maxLength: 64 })),
    createdGte: Type.Optional(InstantString),
    createdLte: Type.Optional(InstantString),
  },
  { additionalProperties: false },
);

export const SepaCollectionPageSchema = PageOf(Type.Ref(SepaCollectionSchema), 'SepaCollection');

export const sepaSchemas = [
  SepaCollectionItemSchema,
  SepaCollectionSchema,
  SepaCollectionCreateSchema,
  SepaCollectionPageSchema,
];

type Assert<T extends true> = T;
export type _CollectionMatches = Assert<
  SepaCollection extends Static<typeof SepaCollectionSchema> ? true : false
>;
export type _CreateMatches = Assert<
  Static<typeof SepaCollectionCreateSchema> extends SepaCollectionInput ? true : false
>;
export type _ListMatches = Assert<
  Static<typeof SepaCollectionListQuerySchema> extends SepaCollectionListQuery ? true : false
>;
