import type { Contact, ContactInput, ContactListQuery } from '@fakturo/domain';
import {
  ADDRESS_TYPES,
  CONTACT_EINVOICE_FORMATS,
  CONTACT_KINDS,
  EMAIL_TYPES,
  MANDATE_SCHEMES,
  MANDATE_STATUSES,
  PAYMENT_METHODS,
  PHONE_TYPES,
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

const EINVOICE_FORMAT_DESCRIPTION =
  'The e-invoice sent with each document: xrechnung-cii or xrechnung-ubl (the XML attached beside the PDF), zugferd (the Factur-X PDF with the XML embedded, instead of the plain PDF); null: the PDF alone';

const EmailSchema = Type.Object(
  {
    email: Type.String({ maxLength: 254, examples: ['billing@example.com'] }),
    type: StringEnum(EMAIL_TYPES, '`billing` addresses receive invoices'),
  },
  { additionalProperties: false },
);

const PhoneSchema = Type.Object(
  { number: Type.String({ maxLength: 40 }), type: StringEnum(PHONE_TYPES) },
  { additionalProperties: false },
);

const AddressSchema = Type.Object(
  {
    type: StringEnum(ADDRESS_TYPES),
    name: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    line1: Type.String({ minLength: 1, maxLength: 200 }),
    line2: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    postalCode: Type.String({ minLength: 1, maxLength: 20 }),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    region: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    country: Type.String({ pattern: '^[A-Z]{2}$' }),
  },
  { additionalProperties: false, description: 'An additional delivery or billing address' },
);

export const BankAccountSchema = Type.Object(
  {
    id: Type.String(),
    iban: Type.String({ examples: ['DE89370400440532013000'] }),
    bic: Nullable(Type.String()),
    accountHolder: Nullable(Type.String()),
    isDefault: Type.Boolean(),
  },
  { $id: 'BankAccount' },
);

const BankAccountInputSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ description: 'Keep an existing account when updating' })),
    iban: Type.String({
      minLength: 15,
      maxLength: 42,
      description: 'IBAN; spaces allowed, stored in electronic format',
    }),
    bic: Type.Optional(Nullable(Type.String({ maxLength: 14 }))),
    accountHolder: Type.Optional(Nullable(Type.String({ maxLength: 140 }))),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const SepaMandateSchema = Type.Object(
  {
    id: Type.String(),
    reference: Type.String({ description: 'Mandate reference, unique per organisation' }),
    signedDate: DateString,
    scheme: StringEnum(MANDATE_SCHEMES),
    sequenceType: StringEnum(SEQUENCE_TYPES, 'FRST until first used, then RCUR; OOFF for a one-off debit'),
    iban: Type.String(),
    bic: Nullable(Type.String()),
    accountHolder: Nullable(Type.String()),
    status: StringEnum(MANDATE_STATUSES),
    lastUsedDate: Nullable(DateString),
    preNotificationDays: Nullable(Type.Integer({ description: 'Agreed pre-notification; null = 14 days' })),
  },
  { $id: 'SepaMandate' },
);

const SepaMandateInputSchema = Type.Object(
  {
    id: Type.Optional(
      Type.String({ description: 'Keep an existing mandate (and its history) when updating' }),
    ),
    reference: Type.String({ minLength: 1, maxLength: 35 }),
    signedDate: DateString,
    scheme: Type.Optional(StringEnum(MANDATE_SCHEMES)),
    sequenceType: Type.Optional(StringEnum(SEQUENCE_TYPES)),
    iban: Type.String({ minLength: 15, maxLength: 42 }),
    bic: Type.Optional(Nullable(Type.String({ maxLength: 14 }))),
    accountHolder: Type.Optional(Nullable(Type.String({ maxLength: 70 }))),
    status: Type.Optional(StringEnum(MANDATE_STATUSES)),
    preNotificationDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 60 }))),
  },
  { additionalProperties: false },
);

const MetadataSchema = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }), {
  maxProperties: 50,
  description: 'Your own key/value pairs (≤ 50 keys, values ≤ 500 characters)',
});

export const ContactSchema = Type.Object(
  {
    id: Type.String({ examples: ['con_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    kind: StringEnum(CONTACT_KINDS),
    customerNumber: Type.String(),
    companyName: Nullable(Type.String()),
    salutation: Nullable(Type.String()),
    firstName: Nullable(Type.String()),
    lastName: Nullable(Type.String()),
    displayName: Type.String(),
    emails: Type.Array(EmailSchema),
    phones: Type.Array(PhoneSchema),
    billingAddress: Nullable(Type.Ref(PostalAddressSchema)),
    addresses: Type.Array(AddressSchema),
    vatId: Nullable(Type.String()),
    taxNumber: Nullable(Type.String()),
    buyerReference: Nullable(Type.String({ description: 'BT-10, e.g. a Leitweg-ID' })),
    language: Type.String(),
    currency: Type.String(),
    paymentTermsDays: Nullable(Type.Integer()),
    preferredPaymentMethod: Nullable(StringEnum(PAYMENT_METHODS)),
    collectiveInvoicing: Type.Boolean({
      description: 'All due contract items go on one invoice per currency and run',
    }),
    eInvoiceFormat: Nullable(StringEnum(CONTACT_EINVOICE_FORMATS, EINVOICE_FORMAT_DESCRIPTION)),
    bankAccounts: Type.Array(Type.Ref(BankAccountSchema)),
    sepaMandates: Type.Array(Type.Ref(SepaMandateSchema)),
    groupIds: Type.Array(Type.String()),
    tags: Type.Array(Type.String()),
    notes: Nullable(Type.String()),
    metadata: Type.Record(Type.String(), Type.String()),
    externalId: Nullable(Type.String()),
    source: Nullable(Type.String()),
    archived: Type.Boolean(),
    archivedAt: Nullable(InstantString),
    version: Type.Integer(),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  { $id: 'Contact', description: 'A customer: person or company, with its bank data and SEPA mandates.' },
);

const writable = {
  customerNumber: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 40,
      // no blank number, and none with spaces or a line break around it: ' K-00001 ' would pass the unique
      // check as a number of its own and look like K-00001 on every document
      pattern: '^\\S(.*\\S)?$',
      description:
        'Omit to take the next number of the customer range. No spaces or line breaks at the start or end.',
    }),
  ),
  companyName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  salutation: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  firstName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  lastName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  emails: Type.Optional(Type.Array(EmailSchema, { maxItems: 20 })),
  phones: Type.Optional(Type.Array(PhoneSchema, { maxItems: 20 })),
  billingAddress: Type.Optional(Nullable(Type.Ref(PostalAddressSchema))),
  addresses: Type.Optional(Type.Array(AddressSchema, { maxItems: 50 })),
  vatId: Type.Optional(
    Nullable(Type.String({ maxLength: 20, description: 'Checked for format and check digit' })),
  ),
  taxNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  buyerReference: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  language: Type.Optional(Type.String({ maxLength: 5, description: 'Document language, e.g. `de` or `en`' })),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' })),
  paymentTermsDays: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 365 }))),
  preferredPaymentMethod: Type.Optional(Nullable(StringEnum(PAYMENT_METHODS))),
  collectiveInvoicing: Type.Optional(
    Type.Boolean({
      description: 'Collective invoices (Sammelrechnung): one invoice per currency and billing run',
    }),
  ),
  eInvoiceFormat: Type.Optional(Nullable(StringEnum(CONTACT_EINVOICE_FORMATS, EINVOICE_FORMAT_DESCRIPTION))),
  bankAccounts: Type.Optional(Type.Array(BankAccountInputSchema, { maxItems: 10 })),
  sepaMandates: Type.Optional(Type.Array(SepaMandateInputSchema, { maxItems: 10 })),
  groupIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50 })),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
  metadata: Type.Optional(MetadataSchema),
  externalId: Type.Optional(
    Nullable(Type.String({ maxLength: 200, description: 'Id in the `source` system' })),
  ),
  source: Type.Optional(
    Nullable(Type.String({ maxLength: 50, description: 'e.g. `shopify`, `woocommerce`' })),
  ),
};

export const ContactCreateSchema = Type.Object(
  { kind: StringEnum(CONTACT_KINDS), ...writable },
  { additionalProperties: false, $id: 'ContactCreate' },
);

export const ContactUpdateSchema = Type.Object(
  { kind: Type.Optional(StringEnum(CONTACT_KINDS)), ...writable },
  {
    additionalProperties: false,
    $id: 'ContactUpdate',
    description: 'Fields present replace the stored ones (arrays as a whole); `null` clears.',
  },
);

const filters = {
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Words to find in names, number, e-mail, VAT id, city' }),
  ),
  groupId: Type.Optional(Type.String()),
  tag: Type.Optional(Type.String()),
  city: Type.Optional(Type.String()),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  email: Type.Optional(Type.String()),
  source: Type.Optional(Type.String()),
  externalId: Type.Optional(Type.String()),
  customerNumber: Type.Optional(Type.String()),
  archived: Type.Optional(Type.Boolean({ description: 'true: only archived; false (default): only active' })),
  createdGte: Type.Optional(InstantString),
  createdLte: Type.Optional(InstantString),
  updatedGte: Type.Optional(InstantString),
  updatedLte: Type.Optional(InstantString),
};

export const ContactListQuerySchema = Type.Object(
  { ...PageQuerySchema, ...filters },
  { additionalProperties: false },
);
export const ContactExportQuerySchema = Type.Object(filters, { additionalProperties: false });
export const ContactPageSchema = PageOf(Type.Ref(ContactSchema), 'Contact');

export const contactSchemas = [
  BankAccountSchema,
  SepaMandateSchema,
  ContactSchema,
  ContactCreateSchema,
  ContactUpdateSchema,
  ContactPageSchema,
];

// The wire schema and the domain type must describe the same object; these fail to compile when they drift.
type Assert<T extends true> = T;
export type _ContactMatches = Assert<Contact extends Static<typeof ContactSchema> ? true : false>;
export type _CreateMatches = Assert<Static<typeof ContactCreateSchema> extends ContactInput ? true : false>;
export type _ListMatches = Assert<
  Static<typeof ContactListQuerySchema> extends ContactListQuery ? true : false
>;
