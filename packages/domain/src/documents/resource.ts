import type { SupplyKind } from '../articles/types';
import type { RateKind } from './tax';
import type {
  BuyerSnapshot,
  DocumentLanguage,
  DocumentType,
  PaymentMeans,
  SellerSnapshot,
  TaxBreakdownEntry,
  TaxCategory,
  TypeCode,
} from './types';

/**
 * Documents as the API shows and takes them (issue 5). The pure core (types.ts, totals.ts, tax.ts, pdf.ts,
 * einvoice.ts) knows nothing of storage or life cycles; this file names the resource around it.
 */

/**
 * Every status a document can have. Which ones a type uses, and the moves between them, are in lifecycle.ts:
 * invoices draft → finalized → sent → partially_paid / paid / overdue, or cancelled by a cancellation
 * document; quotes draft → finalized → sent → accepted / declined / expired, accepted → converted.
 * `finalized` is "issued": numbered, frozen and rendered.
 */
export const DOCUMENT_STATUSES = [
  'draft',
  'finalized',
  'sent',
  'partially_paid',
  'paid',
  'overdue',
  'cancelled',
  'accepted',
  'declined',
  'expired',
  'converted',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * The three API resources documents are grouped in: `/invoices` (invoices, pro-formas, corrected invoices
 * and the cancellations that reverse them), `/credit-notes` and `/quotes`. A document id of one family is not
 * found under another.
 */
export const DOCUMENT_FAMILIES = ['invoice', 'credit_note', 'quote'] as const;
export type DocumentFamily = (typeof DOCUMENT_FAMILIES)[number];

export const FAMILY_TYPES: Record<DocumentFamily, readonly DocumentType[]> = {
  invoice: ['invoice', 'pro_forma', 'corrected_invoice', 'cancellation'],
  credit_note: ['credit_note'],
  quote: ['quote'],
};

/** Types a caller may create under `/invoices`; cancellations are only made by `POST /invoices/{id}/cancel`. */
export const INVOICE_DRAFT_TYPES = ['invoice', 'pro_forma', 'corrected_invoice'] as const;
export type InvoiceDraftType = (typeof INVOICE_DRAFT_TYPES)[number];

export interface DocumentLineRecord {
  id: string;
  position: number;
  articleId: string | null;
  name: string;
  description: string | null;
  /** Decimal string; negative on credit notes and cancellations (they reduce the receivable). */
  quantity: string;
  unitCode: string;
  /** Net unit price in minor units; null when it has a fraction of a minor unit (see unitAmountDecimal). */
  unitAmount: number | null;
  /** The same price as a decimal string of minor units ("0.35" = 0.35 cent), always set. */
  unitAmountDecimal: string;
  discountPercent: string | null;
  /** quantity × unit price × (1 − discount), rounded half-up once. */
  netAmount: number;
  taxCategory: TaxCategory;
  taxRate: string;
  /** Which rate of the seller's country applies; null when category and rate were fixed elsewhere. */
  taxRateKind: RateKind | null;
  supplyKind: SupplyKind | null;
  period: { start: string; end: string } | null;
  contractId: string | null;
  contractItemId: string | null;
}

export interface DocumentDecision {
  at: string;
  /** Who answered for the buyer, when known. */
  signerName: string | null;
  reason: string | null;
  /** SHA-256 of the exact quote PDF that was accepted or declined (DOMAIN.md §12). */
  documentSha256: string | null;
  /** Answered in the customer portal: the answering browser's address and user agent; null through the API. */
  ip: string | null;
  userAgent: string | null;
  /** SHA-256 of the signature drawn in the portal (`GET /quotes/{id}/signature`); null when none was drawn. */
  signatureSha256: string | null;
}

/** An invoice, pro-forma, corrected invoice, cancellation, credit note or quote, as the API returns it. */
export interface Document {
  id: string;
  type: DocumentType;
  /** UNTDID 1001 (EN 16931 BT-3): 380 invoice, 381 credit note and cancellation, 384 corrected invoice. */
  typeCode: TypeCode;
  status: DocumentStatus;
  /** Taken from the organisation's number range at finalize; null on drafts. */
  number: string | null;
  contactId: string;
  currency: string;
  language: DocumentLanguage;
  /** Set at finalize (the organisation's today unless given). */
  issueDate: string | null;
  serviceDate: string | null;
  servicePeriod: { start: string; end: string } | null;
  /** Payment due date (invoices); null for quotes, credit notes and cancellations. */
  dueDate: string | null;
  /** Quotes: the last day the offer holds. */
  validUntil: string | null;
  /** The day the worker e-mails the finalized document; drafts without one need attention. */
  sendDate: string | null;
  lines: DocumentLineRecord[];
  notes: string[];
  lineNetTotal: number;
  allowanceTotal: number;
  chargeTotal: number;
  taxBasisTotal: number;
  taxTotal: number;
  grossTotal: number;
  prepaidAmount: number;
  amountDue: number;
  /** What payments (and credit-balance applications) put on this invoice, net of refunds. */
  amountPaid: number;
  /** Invoices: the gross of the issued credit notes referring to it (positive); otherwise 0. */
  amountCredited: number;
  /** Invoices: what the buyer still owes, amountDue − amountCredited − amountPaid (never below 0); 0 for drafts, cancelled invoices, pro-formas, credit notes and quotes. */
  amountOpen: number;
  taxBreakdown: TaxBreakdownEntry[];
  /** Frozen at finalize; null on drafts. */
  seller: SellerSnapshot | null;
  buyer: BuyerSnapshot | null;
  paymentTerms: string | null;
  paymentMeans: PaymentMeans | null;
  /** The invoice a credit note, cancellation or corrected invoice refers to. */
  precedingDocumentId: string | null;
  /** The cancellation (Storno) that reversed this invoice. */
  cancelledByDocumentId: string | null;
  /** The quote an invoice was converted from. */
  convertedFromDocumentId: string | null;
  /** The invoice a quote was converted into. */
  convertedToDocumentId: string | null;
  decision: DocumentDecision | null;
  billingRunId: string | null;
  collective: boolean;
  /** SHA-256 of the stored PDF and of the stored XRechnung CII (GoBD), once rendered. */
  pdfSha256: string | null;
  xmlSha256: string | null;
  metadata: Record<string, string>;
  finalizedAt: string | null;
  sentAt: string | null;
  /** When the customer first opened it in the customer portal (the link in its mail); null until then. */
  viewedAt: string | null;
  paidAt: string | null;
  cancelledAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * A line as a caller writes it. With `articleId`, name, description, unit, rate kind, supply kind and price
 * come from the article unless given. VAT category and rate are never taken from input: they follow from
 * seller, buyer, supply kind, rate kind and the date of supply (DOMAIN.md §5).
 */
export interface DocumentLineInput {
  articleId?: string | null;
  name?: string;
  description?: string | null;
  /** Decimal string, default "1". On credit notes: the quantity credited (positive). */
  quantity?: string;
  unitCode?: string;
  /** Net unit price in minor units. */
  unitAmount?: number;
  /** A sub-cent net unit price as a decimal string of minor units; instead of `unitAmount`. */
  unitAmountDecimal?: string;
  discountPercent?: string | null;
  taxRateKind?: RateKind;
  supplyKind?: SupplyKind;
  period?: { start: string; end: string } | null;
}

/** What a caller writes on create (contactId and lines required) and on update (all optional). */
export interface DocumentDraftInput {
  contactId?: string;
  /** `/invoices` only: invoice (default), pro_forma or corrected_invoice. */
  type?: InvoiceDraftType;
  /** Credit notes: the finalized invoice credited. Corrected invoices: the invoice corrected. */
  invoiceId?: string | null;
  currency?: string;
  language?: DocumentLanguage;
  issueDate?: string | null;
  serviceDate?: string | null;
  servicePeriod?: { start: string; end: string } | null;
  dueDate?: string | null;
  validUntil?: string | null;
  sendDate?: string | null;
  notes?: string[];
  lines?: DocumentLineInput[];
  metadata?: Record<string, string>;
}

export interface DocumentListQuery {
  limit?: number;
  startingAfter?: string;
  status?: DocumentStatus;
  /** `/invoices` only: one of the types it holds. */
  type?: DocumentType;
  contactId?: string;
  createdGte?: string;
  createdLte?: string;
  issueDateGte?: string;
  issueDateLte?: string;
  /** Drafts without a send date (DOMAIN.md §7): nothing would ever send them. */
  needsAttention?: boolean;
  /** Part of the number. */
  q?: string;
}

export interface QuoteDecisionInput {
  signerName?: string | null;
  reason?: string | null;
}

export interface MergeInput {
  invoiceIds: string[];
}
