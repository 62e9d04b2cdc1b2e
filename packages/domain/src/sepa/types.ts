import type { MANDATE_SCHEMES, SEQUENCE_TYPES } from '../contacts/types';
import type { PostalAddress } from '../organizations/types';

/**
 * SEPA direct debit collections (DOMAIN.md §9): a pain.008.001.08 file of due invoices collected under their
 * contacts' mandates. A collection is `pending` until the organisation tells Fakturo it handed the file to its
 * bank (`submitted`); a pending one can be `cancelled`, which frees its invoices for another collection.
 */
export const SEPA_COLLECTION_STATUSES = ['pending', 'submitted', 'cancelled'] as const;
export type SepaCollectionStatus = (typeof SEPA_COLLECTION_STATUSES)[number];

/**
 * An item follows its collection (`pending` → `submitted`, or `cancelled`); a submitted item whose debit came
 * back from the debtor's bank is `returned`, which makes the invoice collectable again once it is reopened.
 */
export const SEPA_ITEM_STATUSES = ['pending', 'submitted', 'returned', 'cancelled'] as const;
export type SepaItemStatus = (typeof SEPA_ITEM_STATUSES)[number];

/** Statuses in which an item holds its invoice: an invoice is in at most one such item (a unique index). */
export const LIVE_ITEM_STATUSES: readonly SepaItemStatus[] = ['pending', 'submitted'];

export type MandateScheme = (typeof MANDATE_SCHEMES)[number];
export type SequenceType = (typeof SEQUENCE_TYPES)[number];

/** SEPA rulebooks: pre-notification reaches the debtor 14 calendar days ahead unless the mandate agrees otherwise. */
export const DEFAULT_PRE_NOTIFICATION_DAYS = 14;
/** SEPA rulebooks: a mandate with no collection for 36 months lapses and may not be used again. */
export const MANDATE_LAPSE_MONTHS = 36;
/** Invoices one collection takes at most; the rest wait for the next one (`truncated`). */
export const MAX_COLLECTION_ITEMS = 1000;

/** How and when the debtor was told amount and date of the debit before it happens. */
export interface PreNotification {
  /** `invoice`: the invoice itself states amount, date, mandate reference and creditor id (its payment block). */
  method: 'invoice';
  /** The day the debtor got the notice: the invoice's sent date, or its issue date when it was never sent. */
  notifiedOn: string;
  /** The notice period agreed in the mandate, 14 days unless it says otherwise. */
  days: number;
  /** The debit date the invoice announced (its collection date, else its due date). */
  announcedDate: string;
}

export interface SepaDebtor {
  /** The account holder of the mandate, else the invoice's buyer; transliterated into the SEPA set. */
  name: string;
  iban: string;
  bic: string | null;
  address: PostalAddress | null;
}

/** One invoice collected: what the pain.008 transaction carries and what booking its payment needs. */
export interface SepaCollectionItem {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  contactId: string;
  mandateId: string;
  mandateReference: string;
  mandateSignedDate: string;
  scheme: MandateScheme;
  sequenceType: SequenceType;
  /** Minor units: the invoice's open amount when the collection was created. */
  amount: number;
  currency: string;
  collectionDate: string;
  /** Unique per organisation; the bank reports it back on the statement and on returns. */
  endToEndId: string;
  debtor: SepaDebtor;
  remittanceInformation: string;
  preNotification: PreNotification;
  status: SepaItemStatus;
  /** ISO 20022 return reason (AC04, MD06, AM04 …) once `returned`. */
  returnReason: string | null;
}

/** One PmtInf block of the file: the items of one collection date, scheme and sequence type. */
export interface SepaBatch {
  paymentInformationId: string;
  collectionDate: string;
  scheme: MandateScheme;
  sequenceType: SequenceType;
  itemCount: number;
  /** Minor units. */
  controlSum: number;
}

/** An invoice the collection looked at and left out, with the reason. */
export interface SkippedInvoice {
  invoiceId: string;
  invoiceNumber: string | null;
  code: string;
  message: string;
}

export interface SepaCreditor {
  name: string;
  iban: string;
  bic: string | null;
  creditorId: string;
  address: PostalAddress | null;
}

export interface SepaCollection {
  id: string;
  status: SepaCollectionStatus;
  /** The file's MsgId (the collection id in the SEPA character set). */
  messageId: string;
  currency: string;
  itemCount: number;
  /** Minor units: the sum of the items. */
  controlSum: number;
  /** The organisation as creditor when the collection was created; the file always shows these. */
  creditor: SepaCreditor;
  filters: { dueBy: string | null; invoiceIds: string[] | null; collectionDate: string | null };
  batches: SepaBatch[];
  items: SepaCollectionItem[];
  /** Due direct-debit invoices left out and why (the first 1,000). */
  skipped: SkippedInvoice[];
  /** More invoices were due than one collection takes (1,000): create another for the rest. */
  truncated: boolean;
  submittedAt: string | null;
  cancelledAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SepaCollectionInput {
  /** Collect invoices due on or before this day; default: the earliest possible collection date. */
  dueBy?: string;
  /** Collect exactly these invoices (each must be collectable, or nothing is created). */
  invoiceIds?: string[];
  /** Collect on this day rather than as early as allowed; items that may not be collected so soon move later. */
  collectionDate?: string;
}

export interface SepaCollectionListQuery {
  limit?: number;
  startingAfter?: string;
  status?: SepaCollectionStatus;
  /** Collections holding this invoice (with `status=pending`: is it waiting for a collection?). */
  invoiceId?: string;
  contactId?: string;
  createdGte?: string;
  createdLte?: string;
}

/** What booking a collected item as a payment needs (the payments module books it). */
export interface SepaItemForBooking {
  itemId: string;
  collectionId: string;
  invoiceId: string;
  contactId: string;
  amount: number;
  currency: string;
  collectionDate: string;
  endToEndId: string;
  mandateId: string;
  mandateReference: string;
}
