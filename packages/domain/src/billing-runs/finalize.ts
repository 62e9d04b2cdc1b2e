import type { Contact } from '../contacts/types';
import type { Ctx } from '../context';
import {
  buyerSnapshot,
  numberRange,
  paymentMeansFor,
  paymentTermsText,
  sellerSnapshot,
} from '../documents/snapshot';
import type { BuyerSnapshot, DocumentLanguage, PaymentMeans, SellerSnapshot } from '../documents/types';
import { formatNumber, rangeKey } from '../numbering/format';
import * as numbering from '../numbering/service';
import type { Organization, PostalAddress } from '../organizations/types';

// Batch finalize of a billing run: what the single-document finalize does — number, seller and buyer
// snapshots, payment terms and means (documents/snapshot.ts, shared with it) — for a whole batch of invoices
// inside the batch's one transaction.

/** What finalizing adds to one invoice of a batch. */
export interface FinalizedParts {
  number: string;
  seller: SellerSnapshot;
  buyer: BuyerSnapshot;
  paymentTerms: string;
  paymentMeans: PaymentMeans | null;
}

/**
 * Takes `count` invoice numbers as one block inside the batch transaction (DOMAIN.md §2) from the same range
 * as single invoices (documents/snapshot.numberRange): the counter row stays locked until the batch commits,
 * so concurrent batches queue and what commits is contiguous and gap-free; a rolled-back batch gives its
 * block back.
 */
export async function takeInvoiceNumbers(
  tx: Ctx,
  org: Organization,
  issueDate: string,
  count: number,
): Promise<string[]> {
  if (count === 0) return [];
  const { base, format } = numberRange('invoice', org.numberFormats);
  const first = await numbering.take(tx, rangeKey(base, format, issueDate), count);
  return Array.from({ length: count }, (_, i) => formatNumber(format, issueDate, first + i));
}

/**
 * The finalized parts of a batch's invoices, in order: numbers from one block, and per invoice the snapshots,
 * payment terms and means. `method` is the contract's payment method, which wins over the contact's
 * preference (a collective invoice of several contracts passes null: the contact's preference).
 */
export async function finalizeBatchInvoices(
  tx: Ctx,
  org: Organization & { address: PostalAddress },
  issueDate: string,
  invoices: readonly {
    contact: Contact;
    language: DocumentLanguage;
    dueDate: string;
    method: string | null;
  }[],
): Promise<FinalizedParts[]> {
  const numbers = await takeInvoiceNumbers(tx, org, issueDate, invoices.length);
  const seller = sellerSnapshot(org);
  return invoices.map(({ contact, language, dueDate, method }, i) => {
    if (!contact.billingAddress)
      throw new Error(`contact ${contact.id} has no billing address (checked when composing)`);
    const payer = method
      ? { ...contact, preferredPaymentMethod: method as Contact['preferredPaymentMethod'] }
      : contact;
    return {
      number: numbers[i]!,
      seller,
      buyer: buyerSnapshot({ ...contact, billingAddress: contact.billingAddress }, language),
      paymentTerms: paymentTermsText(language, dueDate),
      paymentMeans: paymentMeansFor(org, payer, dueDate),
    };
  });
}
