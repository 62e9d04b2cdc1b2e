import { addDays, addMonths, compareDates, maxDate } from '../billing/dates';
import { formatDate } from '../documents/labels';
import type { DocumentStatus } from '../documents/resource';
import type { DocumentLanguage, DocumentType, PaymentMeans } from '../documents/types';
import type { PostalAddress } from '../organizations/types';
import { businessDayOnOrAfter, earliestCollectionDate } from './calendar';
import { toSepaText } from './charset';
import {
  DEFAULT_PRE_NOTIFICATION_DAYS,
  MANDATE_LAPSE_MONTHS,
  type MandateScheme,
  type PreNotification,
  type SepaDebtor,
  type SequenceType,
  type SkippedInvoice,
} from './types';

/**
 * Which invoices a collection takes, on which day and with which sequence type (DOMAIN.md §9). Pure: the
 * service loads the candidates and writes what this decides.
 */

/** Invoices (not pro-formas, not cancellations) are collected. */
export const COLLECTABLE_TYPES: readonly DocumentType[] = ['invoice', 'corrected_invoice'];
/** Issued and not (fully) paid, not cancelled. */
export const OPEN_STATUSES: readonly DocumentStatus[] = ['finalized', 'sent', 'partially_paid', 'overdue'];

export interface MandateCandidate {
  id: string;
  reference: string;
  signedDate: string;
  scheme: MandateScheme;
  /** The mandate's state: FRST until its first collection is submitted, then RCUR; OOFF for one use. */
  sequenceType: SequenceType;
  iban: string;
  bic: string | null;
  accountHolder: string | null;
  status: 'active' | 'revoked' | 'expired';
  lastUsedDate: string | null;
  preNotificationDays: number | null;
  /** Items of this mandate in other pending or submitted collections. */
  liveItems: number;
}

export interface InvoiceCandidate {
  invoiceId: string;
  number: string | null;
  type: DocumentType;
  status: DocumentStatus;
  contactId: string;
  currency: string;
  language: DocumentLanguage;
  /** What is still owed: amount due − credited by credit notes − amount paid, minor units. */
  openAmount: number;
  issueDate: string | null;
  dueDate: string | null;
  /** The calendar day it was sent on (organisation's time zone); null when never sent. */
  sentOn: string | null;
  paymentMeans: PaymentMeans | null;
  buyer: { name: string; address: PostalAddress | null; customerNumber?: string | null } | null;
  /** The invoice is already in a pending or submitted collection. */
  inLiveCollection: boolean;
  /** The contact's mandate the invoice names (by reference), if it still exists. */
  mandate: MandateCandidate | null;
}

export interface PlannedItem {
  invoice: InvoiceCandidate;
  mandate: MandateCandidate;
  collectionDate: string;
  scheme: MandateScheme;
  sequenceType: SequenceType;
  amount: number;
  debtor: SepaDebtor;
  remittance: string;
  preNotification: PreNotification;
}

export interface CollectionPlan {
  items: PlannedItem[];
  /** One entry per invoice left out, with the reason. */
  rejected: SkippedInvoice[];
}

/** The last day a mandate may be collected on: 36 months after its last use, or its signature if unused. */
export function mandateValidThrough(mandate: Pick<MandateCandidate, 'lastUsedDate' | 'signedDate'>): string {
  return addMonths(mandate.lastUsedDate ?? mandate.signedDate, MANDATE_LAPSE_MONTHS);
}

/** A mandate unused for 36 months lapses (SEPA rulebooks): collecting on `date` is no longer allowed. */
export function mandateLapsedOn(
  mandate: Pick<MandateCandidate, 'lastUsedDate' | 'signedDate'>,
  date: string,
): boolean {
  return compareDates(date, mandateValidThrough(mandate)) > 0;
}

/**
 * When the debtor was told, and the earliest day the debit may then happen. The invoice is the
 * pre-notification: its payment block states amount, debit date, mandate reference and creditor id. It
 * reached the debtor on the day it was sent, or — never sent through Fakturo — is taken to have been handed
 * over on its issue date.
 */
export function preNotificationOf(invoice: InvoiceCandidate, mandate: MandateCandidate): PreNotification {
  const notifiedOn = invoice.sentOn ?? invoice.issueDate!;
  const means = invoice.paymentMeans;
  const announced =
    (means?.kind === 'sepa_debit' ? means.collectionDate : null) ?? invoice.dueDate ?? invoice.issueDate!;
  return {
    method: 'invoice',
    notifiedOn,
    days: mandate.preNotificationDays ?? DEFAULT_PRE_NOTIFICATION_DAYS,
    announcedDate: announced,
  };
}

/**
 * The collection date of an item: never before the debit date the invoice announced, never before the
 * pre-notification period has passed since the debtor got the invoice, never sooner than the bank allows
 * (D-1, `earliestCollectionDate`), and not before the day the caller asked for — the latest of these, moved
 * to the next TARGET2 business day. Moving later is what keeps the rules: a debtor told "on the 14th" is not
 * wronged by a debit on the 16th, while one on the 12th would be a debit without pre-notification.
 */
export function collectionDateFor(
  notice: PreNotification,
  today: string,
  requested: string | null | undefined,
): string {
  let date = maxDate(addDays(notice.notifiedOn, notice.days), notice.announcedDate);
  date = maxDate(date, earliestCollectionDate(today));
  if (requested) date = maxDate(date, requested);
  return businessDayOnOrAfter(date);
}

/**
 * The debit date an invoice should announce when it is issued: its due date, but not before the notice period
 * has passed since the issue date, nor sooner than a file made that day could reach the bank (D-1), on a
 * TARGET2 business day. An invoice that announces this date is collected
 * on it (unless it is sent later than issued); one that announces its bare due date with payment terms under
 * 14 days is collected later than it says.
 */
export function announcedCollectionDate(
  issueDate: string,
  dueDate: string,
  preNotificationDays: number | null,
): string {
  const notice = addDays(issueDate, preNotificationDays ?? DEFAULT_PRE_NOTIFICATION_DAYS);
  return businessDayOnOrAfter(maxDate(maxDate(dueDate, notice), earliestCollectionDate(issueDate)));
}

/** What the debtor's statement shows: the invoice number and date (and customer number), in the SEPA set. */
export function remittanceFor(invoice: InvoiceCandidate): string {
  const date = invoice.issueDate ? formatDate(invoice.issueDate, invoice.language) : null;
  const customer = invoice.buyer?.customerNumber;
  const text =
    invoice.language === 'de'
      ? `Rechnung ${invoice.number}${date ? ` vom ${date}` : ''}${customer ? `, Kd.-Nr. ${customer}` : ''}`
      : `Invoice ${invoice.number}${date ? ` of ${date}` : ''}${customer ? `, customer no. ${customer}` : ''}`;
  return toSepaText(text, 140);
}

function reject(invoice: InvoiceCandidate, code: string, message: string): SkippedInvoice {
  return { invoiceId: invoice.invoiceId, invoiceNumber: invoice.number, code, message };
}

/** Why an invoice cannot be collected at all (before dates and sequence are looked at), or null. */
function blocker(invoice: InvoiceCandidate): SkippedInvoice | null {
  if (
    !COLLECTABLE_TYPES.includes(invoice.type) ||
    !OPEN_STATUSES.includes(invoice.status) ||
    invoice.openAmount <= 0
  ) {
    return reject(
      invoice,
      'invoice_not_open',
      `is ${invoice.status.replace('_', ' ')}, with nothing to collect`,
    );
  }
  if (invoice.paymentMeans?.kind !== 'sepa_debit') {
    return reject(
      invoice,
      'invoice_not_direct_debit',
      'was not issued for direct debit, so it carries no pre-notification',
    );
  }
  if (invoice.currency !== 'EUR') {
    return reject(invoice, 'currency_not_eur', `is in ${invoice.currency}; SEPA direct debits are in EUR`);
  }
  if (invoice.inLiveCollection) {
    return reject(invoice, 'invoice_in_collection', 'is already in a pending or submitted collection');
  }
  const mandate = invoice.mandate;
  if (!mandate) {
    return reject(
      invoice,
      'mandate_not_found',
      `the contact has no mandate '${invoice.paymentMeans.mandateReference}' any more`,
    );
  }
  if (mandate.status !== 'active') {
    return reject(invoice, 'mandate_not_active', `mandate '${mandate.reference}' is ${mandate.status}`);
  }
  if (mandate.sequenceType === 'OOFF' && (mandate.lastUsedDate || mandate.liveItems > 0)) {
    return reject(invoice, 'mandate_one_off_used', `one-off mandate '${mandate.reference}' was used already`);
  }
  const debtorName = mandate.accountHolder ?? invoice.buyer?.name ?? '';
  if (!toSepaText(debtorName, 70)) {
    return reject(
      invoice,
      'debtor_name_unusable',
      `the debtor name '${debtorName}' has no letter of the SEPA character set; set the mandate's account holder`,
    );
  }
  return null;
}

/**
 * Decides a collection from its candidates: each collectable invoice becomes an item with its date (see
 * `collectionDateFor`), its mandate's scheme and a sequence type; the others are rejected with a reason.
 *
 * Sequence types: OOFF for a one-off mandate (used once: a second invoice of it is rejected); RCUR for a
 * mandate already used; FRST for the first item of a mandate that is still FRST and has no item in another
 * live collection — any further item of that mandate is RCUR. Since the 2016 rulebooks a first collection
 * may be RCUR, so a series never waits for its FRST to settle, while FRST still marks the first one.
 */
export function planCollection(
  candidates: readonly InvoiceCandidate[],
  options: { today: string; collectionDate?: string | null },
): CollectionPlan {
  const rejected: SkippedInvoice[] = [];
  const dated: {
    invoice: InvoiceCandidate;
    mandate: MandateCandidate;
    date: string;
    notice: PreNotification;
    order: number;
  }[] = [];
  candidates.forEach((invoice, order) => {
    const blocked = blocker(invoice);
    if (blocked) {
      rejected.push(blocked);
      return;
    }
    const mandate = invoice.mandate!;
    const notice = preNotificationOf(invoice, mandate);
    const date = collectionDateFor(notice, options.today, options.collectionDate);
    if (mandateLapsedOn(mandate, date)) {
      rejected.push(
        reject(
          invoice,
          'mandate_expired',
          `mandate '${mandate.reference}' lapsed after ${MANDATE_LAPSE_MONTHS} months without use (valid through ${mandateValidThrough(mandate)})`,
        ),
      );
      return;
    }
    dated.push({ invoice, mandate, date, notice, order });
  });

  // earliest first, so a mandate's FRST is its earliest debit
  dated.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  const usedHere = new Set<string>();
  const items: PlannedItem[] = [];
  for (const { invoice, mandate, date, notice } of dated) {
    let sequenceType: SequenceType;
    if (mandate.sequenceType === 'OOFF') {
      if (usedHere.has(mandate.id)) {
        rejected.push(
          reject(
            invoice,
            'mandate_one_off_used',
            `one-off mandate '${mandate.reference}' collects one invoice`,
          ),
        );
        continue;
      }
      sequenceType = 'OOFF';
    } else if (mandate.sequenceType === 'FRST' && mandate.liveItems === 0 && !usedHere.has(mandate.id)) {
      sequenceType = 'FRST';
    } else {
      sequenceType = 'RCUR';
    }
    usedHere.add(mandate.id);
    items.push({
      invoice,
      mandate,
      collectionDate: date,
      scheme: mandate.scheme,
      sequenceType,
      amount: invoice.openAmount,
      debtor: {
        name: toSepaText(mandate.accountHolder ?? invoice.buyer!.name, 70),
        iban: mandate.iban,
        bic: mandate.bic,
        address: invoice.buyer?.address ?? null,
      },
      remittance: remittanceFor(invoice),
      preNotification: notice,
    });
  }
  return { items, rejected };
}
