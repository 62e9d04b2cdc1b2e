import type { PostalAddress } from '../organizations/types';

export const CONTACT_KINDS = ['person', 'company'] as const;
export const EMAIL_TYPES = ['billing', 'general', 'other'] as const;
export const PHONE_TYPES = ['work', 'mobile', 'home', 'fax', 'other'] as const;
export const ADDRESS_TYPES = ['delivery', 'billing'] as const;
export const PAYMENT_METHODS = ['bank_transfer', 'sepa_debit', 'card', 'paypal', 'cash', 'other'] as const;
export const MANDATE_SCHEMES = ['CORE', 'B2B'] as const;
export const SEQUENCE_TYPES = ['FRST', 'RCUR', 'OOFF'] as const;
export const MANDATE_STATUSES = ['active', 'revoked', 'expired'] as const;
/** E-invoices a contact may want with its documents (documents/einvoice.ts EINVOICE_FORMATS). */
export const CONTACT_EINVOICE_FORMATS = ['xrechnung-cii', 'xrechnung-ubl', 'zugferd'] as const;

export interface ContactEmail {
  email: string;
  type: (typeof EMAIL_TYPES)[number];
}

export interface ContactPhone {
  number: string;
  type: (typeof PHONE_TYPES)[number];
}

export interface ContactAddress extends PostalAddress {
  type: (typeof ADDRESS_TYPES)[number];
  /** Recipient line when it differs from the contact's name ("Lager Nord", "z. Hd. Frau Weber"). */
  name?: string | null;
}

export interface BankAccount {
  id: string;
  iban: string;
  bic: string | null;
  accountHolder: string | null;
  isDefault: boolean;
}

export interface SepaMandate {
  id: string;
  /** Mandate reference (≤ 35 characters of the SEPA character set), unique per organisation. */
  reference: string;
  signedDate: string;
  scheme: (typeof MANDATE_SCHEMES)[number];
  /** FRST until the first collection, then RCUR; OOFF for a one-off mandate. */
  sequenceType: (typeof SEQUENCE_TYPES)[number];
  iban: string;
  bic: string | null;
  accountHolder: string | null;
  status: (typeof MANDATE_STATUSES)[number];
  lastUsedDate: string | null;
  /** Days of pre-notification agreed with the debtor; null means the default 14. */
  preNotificationDays: number | null;
}

export interface Contact {
  id: string;
  kind: (typeof CONTACT_KINDS)[number];
  customerNumber: string;
  companyName: string | null;
  salutation: string | null;
  firstName: string | null;
  lastName: string | null;
  /** Company name, or the person's name: what documents address. */
  displayName: string;
  emails: ContactEmail[];
  phones: ContactPhone[];
  billingAddress: PostalAddress | null;
  addresses: ContactAddress[];
  vatId: string | null;
  taxNumber: string | null;
  /** Buyer reference (BT-10), e.g. the Leitweg-ID of a German public buyer. */
  buyerReference: string | null;
  language: string;
  currency: string;
  paymentTermsDays: number | null;
  preferredPaymentMethod: (typeof PAYMENT_METHODS)[number] | null;
  /** Sammelrechnung: all due items of the contact's contracts become one invoice per currency and billing run. */
  collectiveInvoicing: boolean;
  /**
   * The e-invoice the contact wants with each document sent: an XRechnung XML attached beside the PDF, or the
   * ZUGFeRD/Factur-X PDF (XML embedded) instead of the plain PDF; null: the PDF alone.
   */
  eInvoiceFormat: (typeof CONTACT_EINVOICE_FORMATS)[number] | null;
  bankAccounts: BankAccount[];
  sepaMandates: SepaMandate[];
  groupIds: string[];
  tags: string[];
  notes: string | null;
  metadata: Record<string, string>;
  externalId: string | null;
  source: string | null;
  archived: boolean;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type BankAccountInput = Omit<BankAccount, 'id' | 'bic' | 'accountHolder' | 'isDefault'> & {
  /** Keep an existing account (and its id) when updating. */
  id?: string;
  bic?: string | null;
  accountHolder?: string | null;
  isDefault?: boolean;
};

export type SepaMandateInput = Pick<SepaMandate, 'reference' | 'signedDate' | 'iban'> & {
  id?: string;
  scheme?: SepaMandate['scheme'];
  sequenceType?: SepaMandate['sequenceType'];
  bic?: string | null;
  accountHolder?: string | null;
  status?: SepaMandate['status'];
  preNotificationDays?: number | null;
};

/** What a caller may write. On create, `kind` is required; on update, every field is optional. */
export interface ContactInput {
  kind?: Contact['kind'];
  customerNumber?: string;
  companyName?: string | null;
  salutation?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  emails?: ContactEmail[];
  phones?: ContactPhone[];
  billingAddress?: PostalAddress | null;
  addresses?: ContactAddress[];
  vatId?: string | null;
  taxNumber?: string | null;
  buyerReference?: string | null;
  language?: string;
  currency?: string;
  paymentTermsDays?: number | null;
  preferredPaymentMethod?: Contact['preferredPaymentMethod'];
  collectiveInvoicing?: boolean;
  eInvoiceFormat?: Contact['eInvoiceFormat'];
  bankAccounts?: BankAccountInput[];
  sepaMandates?: SepaMandateInput[];
  groupIds?: string[];
  tags?: string[];
  notes?: string | null;
  metadata?: Record<string, string>;
  externalId?: string | null;
  source?: string | null;
}

export interface ContactListQuery {
  limit?: number;
  startingAfter?: string;
  /** Text search over names, customer number, e-mails, VAT id and city; every word must match. */
  q?: string;
  groupId?: string;
  tag?: string;
  city?: string;
  country?: string;
  email?: string;
  source?: string;
  externalId?: string;
  customerNumber?: string;
  archived?: boolean;
  createdGte?: string;
  createdLte?: string;
  updatedGte?: string;
  updatedLte?: string;
}
