import type { Document, DocumentDraftInput, DocumentListQuery, MergeInput } from '@fakturo/domain';
import { DOCUMENT_STATUSES, documents, INVOICE_DRAFT_TYPES, SUPPLY_KINDS } from '@fakturo/domain';
import { type Static, type TObject, type TProperties, Type } from '@sinclair/typebox';
import {
  DateString,
  InstantString,
  Nullable,
  PageOf,
  PageQuerySchema,
  PostalAddressSchema,
  StringEnum,
} from '../../schemas/common';

// The document wire schemas shared by /invoices, /credit-notes and /quotes: one shape of document, three
// resources. The domain types (documents/resource.ts) are asserted against them at the end of the file.

const Period = Type.Object(
  { start: DateString, end: DateString },
  { additionalProperties: false, description: 'First and last day, inclusive' },
);
const Decimal = (description: string) => Type.String({ pattern: '^-?\\d+(\\.\\d+)?$', description });
const MetadataSchema = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }), {
  maxProperties: 50,
  description: 'Your own key/value pairs (≤ 50 keys, values ≤ 500 characters)',
});

export const TaxBreakdownEntrySchema = Type.Object(
  {
    category: StringEnum(documents.TAX_CATEGORIES, 'VAT category (UNCL5305): S, Z, E, AE, K, G, O'),
    rate: Type.String({ description: 'Percent, e.g. "19"' }),
    basis: Type.Integer({ description: 'Net amount of the category and rate (minor units)' }),
    tax: Type.Integer({ description: 'VAT of the group, rounded once (minor units)' }),
    exemptionReasonCode: Nullable(Type.String({ description: 'VATEX code, e.g. VATEX-EU-AE' })),
    exemptionReason: Nullable(Type.String({ description: 'The legal note printed on the document' })),
  },
  { $id: 'TaxBreakdownEntry', description: 'One row of the VAT breakdown (EN 16931 BG-23).' },
);

export const DocumentLineSchema = Type.Object(
  {
    id: Type.String(),
    position: Type.Integer(),
    articleId: Nullable(Type.String()),
    name: Type.String(),
    description: Nullable(Type.String()),
    quantity: Type.String({ description: 'Decimal string; negative on credit notes and cancellations' }),
    unitCode: Type.String({ description: 'UN/ECE Rec. 20 unit: C62 one, HUR hour, DAY, MON, KGM …' }),
    unitAmount: Nullable(
      Type.Integer({
        description: 'Net unit price in minor units; null when it has a fraction of a minor unit',
      }),
    ),
    unitAmountDecimal: Type.String({ description: 'The net unit price as a decimal string of minor units' }),
    discountPercent: Nullable(Type.String()),
    netAmount: Type.Integer({ description: 'quantity × unit price × (1 − discount), rounded half-up once' }),
    taxCategory: StringEnum(documents.TAX_CATEGORIES),
    taxRate: Type.String(),
    taxRateKind: Nullable(StringEnum(documents.RATE_KINDS)),
    supplyKind: Nullable(StringEnum(SUPPLY_KINDS)),
    period: Nullable(Period),
    contractId: Nullable(Type.String()),
    contractItemId: Nullable(Type.String()),
  },
  { $id: 'DocumentLine' },
);

const SellerSnapshotSchema = Type.Object(
  {
    legalName: Type.String(),
    address: Type.Ref(PostalAddressSchema),
    vatId: Nullable(Type.String()),
    taxNumber: Nullable(Type.String()),
    registrationId: Type.Optional(Nullable(Type.String())),
    identifier: Type.Optional(Nullable(Type.String())),
    contact: Type.Object({
      name: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      email: Nullable(Type.String()),
    }),
    electronicAddress: Type.Optional(Nullable(Type.String())),
    website: Type.Optional(Nullable(Type.String())),
    bankAccount: Nullable(
      Type.Object({
        iban: Type.String(),
        bic: Nullable(Type.String()),
        bankName: Nullable(Type.String()),
        accountHolder: Nullable(Type.String()),
      }),
    ),
    creditorId: Nullable(Type.String()),
    smallBusiness: Type.Boolean(),
  },
  { $id: 'SellerSnapshot', description: 'The seller as frozen at finalize (GoBD).' },
);

const BuyerSnapshotSchema = Type.Object(
  {
    name: Type.String(),
    addressee: Type.Optional(Nullable(Type.String())),
    address: Type.Ref(PostalAddressSchema),
    deliveryAddress: Type.Optional(Nullable(Type.Ref(PostalAddressSchema))),
    vatId: Nullable(Type.String()),
    buyerReference: Nullable(Type.String()),
    email: Nullable(Type.String()),
    customerNumber: Type.Optional(Nullable(Type.String())),
  },
  { $id: 'BuyerSnapshot', description: 'The buyer as frozen at finalize (GoBD).' },
);

const PaymentMeansSchema = Type.Union(
  [
    Type.Object({
      kind: Type.Literal('transfer'),
      iban: Type.String(),
      bic: Nullable(Type.String()),
      accountHolder: Nullable(Type.String()),
      bankName: Nullable(Type.String()),
    }),
    Type.Object({
      kind: Type.Literal('sepa_debit'),
      mandateReference: Type.String(),
      creditorId: Type.String(),
      debtorIban: Type.String(),
      collectionDate: Type.Optional(Nullable(DateString)),
    }),
  ],
  { $id: 'PaymentMeans', description: 'How the buyer pays: credit transfer or SEPA direct debit.' },
);

const DecisionSchema = Type.Object(
  {
    at: InstantString,
    signerName: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    documentSha256: Nullable(Type.String({ description: 'SHA-256 of the exact quote PDF answered' })),
    ip: Nullable(Type.String({ description: 'Answered in the customer portal: the address of the browser' })),
    userAgent: Nullable(
      Type.String({ description: 'Answered in the customer portal: the browser’s user agent' }),
    ),
    signatureSha256: Nullable(
      Type.String({
        description: 'SHA-256 of the signature drawn in the customer portal (`GET /quotes/{id}/signature`)',
      }),
    ),
  },
  { description: 'The buyer’s answer to a quote' },
);

const documentProperties = {
  id: Type.String({ examples: ['doc_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
  type: StringEnum(documents.DOCUMENT_TYPES),
  typeCode: StringEnum(
    documents.TYPE_CODES,
    'EN 16931 BT-3: 380 invoice, 381 credit note/cancellation, 384 corrected invoice',
  ),
  status: StringEnum(DOCUMENT_STATUSES),
  number: Nullable(
    Type.String({ description: 'Assigned at finalize from the organisation’s number range; null on drafts' }),
  ),
  contactId: Type.String(),
  currency: Type.String(),
  language: StringEnum(documents.DOCUMENT_LANGUAGES),
  issueDate: Nullable(DateString),
  serviceDate: Nullable(DateString),
  servicePeriod: Nullable(Period),
  dueDate: Nullable(DateString),
  validUntil: Nullable({ ...DateString, description: 'Quotes: the last day the offer holds' }),
  sendDate: Nullable({ ...DateString, description: 'The day the worker e-mails the finalized document' }),
  lines: Type.Array(Type.Ref(DocumentLineSchema)),
  notes: Type.Array(Type.String()),
  lineNetTotal: Type.Integer(),
  allowanceTotal: Type.Integer(),
  chargeTotal: Type.Integer(),
  taxBasisTotal: Type.Integer(),
  taxTotal: Type.Integer(),
  grossTotal: Type.Integer(),
  prepaidAmount: Type.Integer(),
  amountDue: Type.Integer(),
  amountPaid: Type.Integer({
    description: 'What payments (and credit-balance applications) put on it, net of refunds (minor units)',
  }),
  amountCredited: Type.Integer({
    description: 'Invoices: the gross of the issued credit notes referring to it, positive; otherwise 0',
  }),
  amountOpen: Type.Integer({
    description:
      'Invoices: what the buyer still owes, amountDue − amountCredited − amountPaid (never below 0); 0 for drafts, cancelled invoices, pro-formas, credit notes and quotes',
  }),
  taxBreakdown: Type.Array(Type.Ref(TaxBreakdownEntrySchema)),
  seller: Nullable(Type.Ref(SellerSnapshotSchema)),
  buyer: Nullable(Type.Ref(BuyerSnapshotSchema)),
  paymentTerms: Nullable(Type.String()),
  paymentMeans: Nullable(Type.Ref(PaymentMeansSchema)),
  precedingDocumentId: Nullable(
    Type.String({ description: 'The invoice a credit note, cancellation or corrected invoice refers to' }),
  ),
  cancelledByDocumentId: Nullable(
    Type.String({ description: 'The cancellation document that reversed this invoice' }),
  ),
  convertedFromDocumentId: Nullable(
    Type.String({ description: 'The quote this invoice was converted from' }),
  ),
  convertedToDocumentId: Nullable(Type.String({ description: 'The invoice this quote was converted into' })),
  decision: Nullable(DecisionSchema),
  billingRunId: Nullable(Type.String()),
  collective: Type.Boolean(),
  pdfSha256: Nullable(Type.String({ description: 'SHA-256 of the stored PDF (GoBD), once rendered' })),
  xmlSha256: Nullable(Type.String({ description: 'SHA-256 of the stored XRechnung CII, once rendered' })),
  metadata: Type.Record(Type.String(), Type.String()),
  finalizedAt: Nullable(InstantString),
  sentAt: Nullable(InstantString),
  viewedAt: Nullable(
    Type.String({
      format: 'date-time',
      description: 'When the customer first opened it in the customer portal (the link in its mail)',
    }),
  ),
  paidAt: Nullable(InstantString),
  cancelledAt: Nullable(InstantString),
  version: Type.Integer(),
  createdAt: InstantString,
  updatedAt: InstantString,
};

export const InvoiceSchema = Type.Object(documentProperties, {
  $id: 'Invoice',
  description:
    'An invoice, pro-forma, corrected invoice (384) or cancellation (Storno). Amounts in minor units; a cancellation carries the negated amounts of the invoice it reverses.',
});
export const CreditNoteSchema = Type.Object(documentProperties, {
  $id: 'CreditNote',
  description:
    'A credit note (381) crediting part or all of an invoice. Its amounts are negative: it reduces the receivable.',
});
export const QuoteSchema = Type.Object(documentProperties, {
  $id: 'Quote',
  description:
    'A quote (offer). `validUntil` is the last day it holds; an accepted quote converts into a draft invoice.',
});

export const DocumentLineInputSchema = Type.Object(
  {
    articleId: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 64,
          description: 'Name, unit, price, rate and supply kind default from the article',
        }),
      ),
    ),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'Kind of goods or service (required without an article)',
      }),
    ),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    quantity: Type.Optional(Decimal('Decimal string, default "1"; on credit notes the quantity credited')),
    unitCode: Type.Optional(
      Type.String({
        pattern: '^[A-Z0-9]{1,3}$',
        description: 'UN/ECE Rec. 20 (default C62, or the article’s)',
      }),
    ),
    unitAmount: Type.Optional(Type.Integer({ minimum: 0, description: 'Net unit price in minor units' })),
    unitAmountDecimal: Type.Optional(
      Type.String({
        pattern: '^\\d+(\\.\\d{1,12})?$',
        description: 'A sub-cent net unit price in minor units, instead of unitAmount',
      }),
    ),
    discountPercent: Type.Optional(
      Nullable(Type.String({ pattern: '^\\d+(\\.\\d+)?$', description: 'Line discount in percent' })),
    ),
    taxRateKind: Type.Optional(
      StringEnum(
        documents.RATE_KINDS,
        'Which VAT rate of the seller’s country (default standard, or the article’s)',
      ),
    ),
    supplyKind: Type.Optional(
      StringEnum(
        SUPPLY_KINDS,
        'goods or services: decides reverse charge vs. intra-EU supply (default services)',
      ),
    ),
    period: Type.Optional(Nullable(Period)),
  },
  {
    $id: 'DocumentLineInput',
    additionalProperties: false,
    description:
      'VAT category and rate are not input: they follow from seller, buyer, supply kind, rate kind and the date of supply.',
  },
);

const head = {
  currency: Type.Optional(
    Type.String({ pattern: '^[A-Z]{3}$', description: 'Default: the contact’s currency' }),
  ),
  language: Type.Optional(StringEnum(documents.DOCUMENT_LANGUAGES, 'Default: the contact’s language')),
  issueDate: Type.Optional(
    Nullable({ ...DateString, description: 'Default at finalize: the organisation’s today' }),
  ),
  serviceDate: Type.Optional(Nullable({ ...DateString, description: 'Date of supply; VAT rates follow it' })),
  servicePeriod: Type.Optional(Nullable(Period)),
  sendDate: Type.Optional(
    Nullable({
      ...DateString,
      description: 'When the worker e-mails it once finalized; drafts without one need attention',
    }),
  ),
  notes: Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 20 })),
  lines: Type.Optional(Type.Array(Type.Ref(DocumentLineInputSchema), { maxItems: 500 })),
  metadata: Type.Optional(MetadataSchema),
};
const invoiceHead = {
  ...head,
  type: Type.Optional(
    StringEnum(INVOICE_DRAFT_TYPES, 'invoice (default), pro_forma or corrected_invoice (384)'),
  ),
  invoiceId: Type.Optional(
    Nullable(Type.String({ maxLength: 64, description: 'Corrected invoices: the invoice corrected' })),
  ),
  dueDate: Type.Optional(
    Nullable({
      ...DateString,
      description: 'Default: issue date + the contact’s (or organisation’s) payment terms',
    }),
  ),
};

function writable<P extends TProperties>(properties: P, id: string, description: string): TObject<P> {
  return Type.Object(properties, { $id: id, additionalProperties: false, description });
}

export const InvoiceCreateSchema = writable(
  { contactId: Type.String({ maxLength: 64 }), ...invoiceHead },
  'InvoiceCreate',
  'A draft invoice: the contact and its lines. Numbers, snapshots and final VAT come at finalize.',
);
export const InvoiceUpdateSchema = writable(
  { contactId: Type.Optional(Type.String({ maxLength: 64 })), ...invoiceHead },
  'InvoiceUpdate',
  'Fields present replace the stored ones; `lines` replaces all lines. After finalize only `sendDate` and `metadata` may change.',
);

export const EInvoiceQuerySchema = Type.Object(
  {
    format: StringEnum(
      documents.EINVOICE_FORMATS,
      'xrechnung-cii, xrechnung-ubl (XRechnung 3.0) or zugferd (Factur-X EN 16931 PDF/A-3)',
    ),
  },
  { additionalProperties: false },
);

export const MergeSchema = Type.Object(
  {
    invoiceIds: Type.Array(Type.String({ maxLength: 64 }), {
      minItems: 2,
      maxItems: 100,
      description:
        'Draft invoices of one contact and currency; their lines go on the new draft in this order',
    }),
  },
  { $id: 'InvoiceMerge', additionalProperties: false },
);

export const documentFilters = {
  status: Type.Optional(StringEnum(DOCUMENT_STATUSES)),
  contactId: Type.Optional(Type.String({ maxLength: 64 })),
  createdGte: Type.Optional(InstantString),
  createdLte: Type.Optional(InstantString),
  issueDateGte: Type.Optional(DateString),
  issueDateLte: Type.Optional(DateString),
  needsAttention: Type.Optional(
    Type.Boolean({ description: 'true: drafts without a send date, which nothing would ever send' }),
  ),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the document number' })),
};

export const InvoiceListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    ...documentFilters,
    type: Type.Optional(StringEnum(['invoice', 'pro_forma', 'corrected_invoice', 'cancellation'] as const)),
  },
  { additionalProperties: false },
);

export const InvoicePageSchema = PageOf(Type.Ref(InvoiceSchema), 'Invoice');

/** Named schemas every document resource uses; registered once, by the invoices module. */
export const sharedDocumentSchemas = [
  TaxBreakdownEntrySchema,
  DocumentLineSchema,
  SellerSnapshotSchema,
  BuyerSnapshotSchema,
  PaymentMeansSchema,
  DocumentLineInputSchema,
];

export const invoiceSchemas = [
  ...sharedDocumentSchemas,
  InvoiceSchema,
  InvoiceCreateSchema,
  InvoiceUpdateSchema,
  MergeSchema,
  InvoicePageSchema,
];

// The wire schema and the domain type must describe the same object; these fail to compile when they drift.
type Assert<T extends true> = T;
export type _InvoiceMatches = Assert<Document extends Static<typeof InvoiceSchema> ? true : false>;
export type _CreateMatches = Assert<
  Static<typeof InvoiceCreateSchema> extends DocumentDraftInput ? true : false
>;
export type _UpdateMatches = Assert<
  Static<typeof InvoiceUpdateSchema> extends DocumentDraftInput ? true : false
>;
export type _ListMatches = Assert<
  Static<typeof InvoiceListQuerySchema> extends DocumentListQuery ? true : false
>;
export type _MergeMatches = Assert<Static<typeof MergeSchema> extends MergeInput ? true : false>;
