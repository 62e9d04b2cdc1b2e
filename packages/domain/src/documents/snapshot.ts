import type { Contact } from '../contacts/types';
import type { NumberFormats, Organization, PostalAddress } from '../organizations/types';
import { formatDate } from './labels';
import type { BuyerSnapshot, DocumentLanguage, DocumentType, PaymentMeans, SellerSnapshot } from './types';

/**
 * What finalize freezes into a document (DOMAIN.md §3: later master-data edits never alter an issued document)
 * and the number range it draws from. Shared by the single-document finalize and, where it suits, billing runs.
 */

function address(a: PostalAddress): PostalAddress {
  return {
    line1: a.line1,
    line2: a.line2 ?? null,
    postalCode: a.postalCode,
    city: a.city,
    region: a.region ?? null,
    country: a.country,
  };
}

/**
 * The seller as issued documents freeze it. The organisation keeps no contact person; its legal name stands
 * as the contact point (BT-41 may name a department), with its phone and e-mail (XRechnung BR-DE-2/5/6/7).
 */
export function sellerSnapshot(org: Organization & { address: PostalAddress }): SellerSnapshot {
  const bank = org.bankAccount;
  return {
    legalName: org.legalName,
    address: address(org.address),
    vatId: org.vatId,
    taxNumber: org.taxNumber,
    contact: { name: org.legalName, phone: org.phone, email: org.email },
    electronicAddress: org.email,
    website: org.website,
    bankAccount: bank
      ? {
          iban: bank.iban,
          bic: bank.bic ?? null,
          bankName: bank.bankName ?? null,
          accountHolder: bank.accountHolder ?? null,
        }
      : null,
    creditorId: org.sepaCreditorId,
    smallBusiness: org.smallBusiness,
  };
}

const ATTENTION: Record<DocumentLanguage, string> = { de: 'z. Hd.', en: 'Attn.' };

/** The buyer as issued documents freeze it: name, billing address (required), delivery address, ids. */
export function buyerSnapshot(
  contact: Contact & { billingAddress: PostalAddress },
  language: DocumentLanguage,
): BuyerSnapshot {
  const delivery = contact.addresses.find((a) => a.type === 'delivery');
  const email = contact.emails.find((e) => e.type === 'billing') ?? contact.emails[0];
  const person = [contact.salutation, contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return {
    name: contact.displayName,
    // a company's contact person goes on the recipient line under the company name (DIN 5008)
    addressee:
      contact.kind === 'company' && (contact.firstName || contact.lastName)
        ? `${ATTENTION[language]} ${person}`
        : null,
    address: address(contact.billingAddress),
    deliveryAddress: delivery ? address(delivery) : null,
    vatId: contact.vatId,
    buyerReference: contact.buyerReference,
    email: email?.email ?? null,
    customerNumber: contact.customerNumber,
  };
}

/** Payment terms in words (BT-20), in the document's language. */
export function paymentTermsText(language: DocumentLanguage, dueDate: string): string {
  return language === 'de'
    ? `Zahlbar ohne Abzug bis zum ${formatDate(dueDate, 'de')}.`
    : `Payable without deduction by ${formatDate(dueDate, 'en')}.`;
}

/** What a credit note says instead of payment terms: the receivable shrinks, nothing is to be paid. */
export function refundTermsText(language: DocumentLanguage): string {
  return language === 'de'
    ? 'Der Betrag wird Ihnen erstattet oder mit offenen Forderungen verrechnet.'
    : 'The amount will be refunded to you or offset against open items.';
}

/**
 * How the buyer pays (BG-16): SEPA direct debit when the contact prefers it and both a creditor id and an
 * active mandate exist; otherwise a credit transfer to the organisation's account; none without an account.
 */
export function paymentMeansFor(
  org: Organization,
  contact: Contact,
  dueDate: string | null,
): PaymentMeans | null {
  const mandate = contact.sepaMandates.find((m) => m.status === 'active');
  if (contact.preferredPaymentMethod === 'sepa_debit' && mandate && org.sepaCreditorId) {
    return {
      kind: 'sepa_debit',
      mandateReference: mandate.reference,
      creditorId: org.sepaCreditorId,
      debtorIban: mandate.iban,
      collectionDate: dueDate,
    };
  }
  const bank = org.bankAccount;
  if (!bank) return null;
  return {
    kind: 'transfer',
    iban: bank.iban,
    bic: bank.bic ?? null,
    accountHolder: bank.accountHolder ?? org.legalName,
    bankName: bank.bankName ?? null,
  };
}

/**
 * The number range of a document type (DOMAIN.md §2): its key base and the organisation's format. A corrected
 * invoice is an invoice and shares the invoice range, so invoice numbers stay one unbroken sequence; billing
 * runs draw from the same `invoice` range.
 */
export function numberRange(type: DocumentType, formats: NumberFormats): { base: string; format: string } {
  switch (type) {
    case 'invoice':
    case 'corrected_invoice':
      return { base: 'invoice', format: formats.invoice };
    case 'pro_forma':
      return { base: 'pro_forma', format: formats.proForma };
    case 'credit_note':
      return { base: 'credit_note', format: formats.creditNote };
    case 'cancellation':
      return { base: 'cancellation', format: formats.cancellation };
    case 'quote':
      return { base: 'quote', format: formats.quote };
  }
}
