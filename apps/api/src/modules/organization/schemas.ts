import type { Organization, OrganizationPatch } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { InstantString, Nullable, PostalAddressSchema } from '../../schemas/common';

const BankAccount = Type.Object(
  {
    iban: Type.String({ minLength: 15, maxLength: 42 }),
    bic: Type.Optional(Nullable(Type.String({ maxLength: 14 }))),
    bankName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    accountHolder: Type.Optional(Nullable(Type.String({ maxLength: 140 }))),
  },
  { additionalProperties: false },
);

const formatDescription = 'Tokens: {YYYY} {YY} {MM} {SEQ:n}; e.g. `RE-{YYYY}-{SEQ:5}`';
const NumberFormats = Type.Object(
  {
    customer: Type.String({ description: formatDescription }),
    invoice: Type.String({ description: formatDescription }),
    creditNote: Type.String(),
    cancellation: Type.String(),
    quote: Type.String(),
    proForma: Type.String(),
  },
  { additionalProperties: false },
);

const Branding = Type.Object(
  {
    logo: Type.Optional(Nullable(Type.String({ description: 'PNG or JPEG as a data: URL, ≤ 256 KiB' }))),
    primaryColor: Type.Optional(Nullable(Type.String({ pattern: '^#[0-9A-Fa-f]{6}$' }))),
    footerText: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);

export const OrganizationSchema = Type.Object(
  {
    id: Type.String(),
    legalName: Type.String(),
    address: Nullable(Type.Ref(PostalAddressSchema)),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    website: Nullable(Type.String()),
    vatId: Nullable(Type.String()),
    taxNumber: Nullable(Type.String()),
    sepaCreditorId: Nullable(Type.String()),
    bankAccount: Nullable(BankAccount),
    paymentTermsDays: Type.Integer(),
    locale: Type.String(),
    currency: Type.String(),
    timezone: Type.String(),
    numberFormats: NumberFormats,
    branding: Branding,
    smallBusiness: Type.Boolean({ description: 'Kleinunternehmer (§19 UStG): no VAT on invoices' }),
    isSandbox: Type.Boolean(),
    version: Type.Integer(),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  { $id: 'Organization', description: 'Your organisation: the seller on every document.' },
);

export const OrganizationUpdateSchema = Type.Object(
  {
    legalName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    address: Type.Optional(Nullable(Type.Ref(PostalAddressSchema))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    website: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    vatId: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    taxNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    sepaCreditorId: Type.Optional(Nullable(Type.String({ maxLength: 35 }))),
    bankAccount: Type.Optional(Nullable(BankAccount)),
    paymentTermsDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    locale: Type.Optional(Type.String({ pattern: '^[a-z]{2}-[A-Z]{2}$' })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    timezone: Type.Optional(Type.String({ maxLength: 64 })),
    numberFormats: Type.Optional(Type.Partial(NumberFormats, { additionalProperties: false })),
    branding: Type.Optional(Branding),
    smallBusiness: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, $id: 'OrganizationUpdate' },
);

export const organizationSchemas = [OrganizationSchema, OrganizationUpdateSchema];

type Assert<T extends true> = T;
export type _OrganizationMatches = Assert<
  Organization extends Static<typeof OrganizationSchema> ? true : false
>;
export type _PatchMatches = Assert<
  Static<typeof OrganizationUpdateSchema> extends OrganizationPatch ? true : false
>;
