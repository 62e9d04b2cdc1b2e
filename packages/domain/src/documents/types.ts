import type { Branding, PostalAddress } from '../organizations/types';

/**
 * The kinds of document Fakturo issues (DOMAIN.md §3): corrections happen only through a new document
 * (credit note, cancellation/Storno or corrected invoice) that references the original.
 */
export const DOCUMENT_TYPES = [
  'invoice',
  'pro_forma',
  'credit_note',
  'cancellation',
  'corrected_invoice',
  'quote',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * UNTDID 1001 document type code (EN 16931 BT-3) as XRechnung allows it: 380 commercial invoice,
 * 381 credit note, 384 corrected invoice, 386 prepayment invoice.
 */
export const TYPE_CODES = ['380', '381', '384', '386'] as const;
export type TypeCode = (typeof TYPE_CODES)[number];

/** The type code a document type carries unless the caller says otherwise (386 is an invoice for a prepayment). */
export const DEFAULT_TYPE_CODE: Record<DocumentType, TypeCode> = {
  invoice: '380',
  pro_forma: '380',
  credit_note: '381',
  // A Storno reverses the original in full; in EN 16931 terms it is a credit note (381) referencing it.
  cancellation: '381',
  corrected_invoice: '384',
  quote: '380',
};

/**
 * VAT category (EN 16931 BT-151/BT-118, UNCL5305 subset): S standard or reduced rate, Z zero rated,
 * E exempt (e.g. §19 UStG small business), AE reverse charge, K intra-community supply of goods,
 * G export outside the EU, O not subject to VAT.
 */
export const TAX_CATEGORIES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const;
export type TaxCategory = (typeof TAX_CATEGORIES)[number];

/** Languages the documents are rendered in; the base language of the contact's `language` tag. */
export const DOCUMENT_LANGUAGES = ['de', 'en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** A legal sentence in every document language, so the document prints it in its own language. */
export type LocalisedText = Record<DocumentLanguage, string>;

/** Seller data frozen at finalize (GoBD: later master-data edits never alter an issued document). */
export interface SellerSnapshot {
  legalName: string;
  address: PostalAddress;
  /** USt-IdNr. (BT-31). UStG §14(4) no. 2 needs this or the tax number. */
  vatId: string | null;
  /** Steuernummer (BT-32, scheme FC). */
  taxNumber: string | null;
  /** Commercial register entry, e.g. "HRB 12345, Amtsgericht München" (BT-30). */
  registrationId?: string | null;
  /** Seller identifier (BT-29), e.g. a GLN; with BT-30 and BT-31 one of the ids BR-CO-26 asks for. */
  identifier?: string | null;
  /** Seller contact (BG-6); XRechnung requires name, phone and e-mail (BR-DE-2, -5, -6, -7). */
  contact: { name: string | null; phone: string | null; email: string | null };
  /** Electronic address for e-invoices (BT-34, scheme EM); falls back to the contact e-mail. */
  electronicAddress?: string | null;
  website?: string | null;
  bankAccount: {
    iban: string;
    bic: string | null;
    bankName: string | null;
    accountHolder: string | null;
  } | null;
  /** SEPA creditor identifier (BT-90), needed when the document is collected by direct debit. */
  creditorId: string | null;
  /** Kleinunternehmer (§19 UStG): no VAT is charged and the document says so. */
  smallBusiness: boolean;
}

/** Buyer data frozen at finalize. */
export interface BuyerSnapshot {
  /** Company name or the person's full name (BT-44). */
  name: string;
  /** Recipient line such as "z. Hd. Frau Weber" printed under the name. */
  addressee?: string | null;
  address: PostalAddress;
  /** Where goods go when it differs from the address (BG-15; BT-80 is required for intra-EU goods). */
  deliveryAddress?: PostalAddress | null;
  /** Buyer VAT id (BT-48): §14a(1)/(3) UStG requires it on reverse-charge and intra-EU goods invoices. */
  vatId: string | null;
  /** BT-10, e.g. a Leitweg-ID; XRechnung requires it (BR-DE-15). */
  buyerReference: string | null;
  /** Buyer e-mail, used as the electronic address (BT-49, scheme EM). */
  email: string | null;
  customerNumber?: string | null;
}

export interface DocumentLine {
  /** 1-based position printed on the document and used as the line id (BT-126). */
  position: number;
  /** Kind of goods or service (UStG §14(4) no. 5; BT-153). */
  name: string;
  description: string | null;
  /** Decimal string; negative on documents that reverse an invoice. */
  quantity: string;
  /** UN/ECE Recommendation 20 unit code (BT-130): C62 one, HUR hour, DAY day, MON month, KGM kilogram … */
  unitCode: string;
  /** Net price of one unit in minor units; a decimal string allows sub-cent prices ("0.35" = 0.35 ct). */
  unitAmount: number | string;
  /** Line discount in percent as a decimal string, e.g. "10" (BT-138). */
  discountPercent: string | null;
  /** quantity × unitAmount × (1 − discount), rounded half-up once (DOMAIN.md §1; BT-131). */
  netAmount: number;
  taxCategory: TaxCategory;
  /** Percent as a decimal string, "19", "5.5", "0" (BT-152). */
  taxRate: string;
  /** Period the line covers (BG-26), e.g. a subscription month. */
  period?: { start: string; end: string } | null;
}

/** A document-level allowance (discount) or charge (BG-20/BG-21), taxed in its own category and rate. */
export interface AllowanceCharge {
  kind: 'allowance' | 'charge';
  reason: string;
  /** Positive minor units; the sign comes from `kind` and, on reversing documents, is negative. */
  amount: number;
  taxCategory: TaxCategory;
  taxRate: string;
}

/** One row of the VAT breakdown (BG-23): the net basis and VAT of one category and rate. */
export interface TaxBreakdownEntry {
  category: TaxCategory;
  rate: string;
  /** Sum of line nets − allowances + charges in this group (BT-116, BR-S-08 shape). */
  basis: number;
  /** basis × rate, rounded once (BT-117). */
  tax: number;
  /** VATEX code (BT-121), e.g. VATEX-EU-AE. */
  exemptionReasonCode: string | null;
  /** Exemption reason in the document language (BT-120); printed as the legal note. */
  exemptionReason: string | null;
}

/** Document totals in minor units (EN 16931 BG-22). */
export interface DocumentTotals {
  /** BT-106: sum of line net amounts. */
  lineNetTotal: number;
  /** BT-107: sum of document-level allowances. */
  allowanceTotal: number;
  /** BT-108: sum of document-level charges. */
  chargeTotal: number;
  /** BT-109: lineNetTotal − allowanceTotal + chargeTotal. */
  taxBasisTotal: number;
  /** BT-110: sum of the VAT of every breakdown row. */
  taxTotal: number;
  /** BT-112: taxBasisTotal + taxTotal. */
  grossTotal: number;
  /** BT-113: amounts paid in advance. */
  prepaidAmount: number;
  /** BT-115: grossTotal − prepaidAmount. */
  amountDue: number;
  taxBreakdown: TaxBreakdownEntry[];
}

/** How the buyer pays (BG-16). UNTDID 4461: 58 SEPA credit transfer, 59 SEPA direct debit. */
export type PaymentMeans =
  | {
      kind: 'transfer';
      iban: string;
      bic: string | null;
      accountHolder: string | null;
      bankName: string | null;
    }
  | {
      kind: 'sepa_debit';
      /** Mandate reference (BT-89). */
      mandateReference: string;
      /** Creditor identifier of the seller (BT-90). */
      creditorId: string;
      /** The debtor's IBAN (BT-91); printed masked. */
      debtorIban: string;
      /** Day the amount is collected; printed in the pre-notification. Defaults to the due date. */
      collectionDate?: string | null;
    };

/** A reference to the document a credit note, cancellation or corrected invoice refers to (BG-3). */
export interface PrecedingDocument {
  number: string;
  issueDate: string;
}

/**
 * The complete, self-contained data of an issued document: everything the PDF and the e-invoice show,
 * frozen at finalize so re-rendering gives the same bytes (GoBD, BMF letter of 14.07.2025 Rz. 76).
 * Amounts are integer minor units of `currency`; a document that reverses another carries negative
 * quantities and amounts, so its totals are exactly the negated totals of the original.
 */
export interface DocumentData {
  type: DocumentType;
  typeCode: TypeCode;
  /** The unique number (UStG §14(4) no. 4). Drafts have none; an issued document always has one. */
  number: string;
  /** `YYYY-MM-DD` (UStG §14(4) no. 3). */
  issueDate: string;
  /**
   * The instant the document was finalized (ISO 8601). It is the PDF's CreationDate, so re-rendering
   * gives identical bytes; defaults to the issue date at midnight UTC.
   */
  issuedAt?: string | null;
  /** Date of supply (UStG §14(4) no. 6), when a single day. */
  serviceDate: string | null;
  /** Period of supply, when the supply spans days (BG-14). */
  servicePeriod: { start: string; end: string } | null;
  /** Payment due date (BT-9); for quotes, the date the offer is valid until. */
  dueDate: string | null;
  currency: string;
  language: DocumentLanguage;
  seller: SellerSnapshot;
  buyer: BuyerSnapshot;
  lines: DocumentLine[];
  allowancesCharges: AllowanceCharge[];
  /** Required for credit notes, cancellations and corrected invoices (BR-DE-26). */
  precedingDocument: PrecedingDocument | null;
  /** Payment terms in words (BT-20), e.g. "Zahlbar innerhalb von 14 Tagen ohne Abzug." */
  paymentTerms: string | null;
  paymentMeans: PaymentMeans | null;
  /** Free notes printed on the document and carried as BT-22. */
  notes: string[];
  /** The organisation's branding at finalize time: re-rendering must not pick up a newer logo. */
  branding: Branding;
  totals: DocumentTotals;
}
