export interface PostalAddress {
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  region?: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface OrganizationBankAccount {
  iban: string;
  bic?: string | null;
  bankName?: string | null;
  accountHolder?: string | null;
}

/** Document number formats per range (DOMAIN.md §2). */
export interface NumberFormats {
  customer: string;
  invoice: string;
  creditNote: string;
  cancellation: string;
  quote: string;
  proForma: string;
}

export interface Branding {
  /** A PNG or JPEG as a `data:` URL, at most 256 KiB. */
  logo?: string | null;
  /** `#RRGGBB`. */
  primaryColor?: string | null;
  footerText?: string | null;
}

export interface Organization {
  id: string;
  legalName: string;
  address: PostalAddress | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  vatId: string | null;
  taxNumber: string | null;
  sepaCreditorId: string | null;
  bankAccount: OrganizationBankAccount | null;
  paymentTermsDays: number;
  locale: string;
  currency: string;
  timezone: string;
  numberFormats: NumberFormats;
  branding: Branding;
  /** Kleinunternehmer under §19 UStG: invoices carry no VAT and the legal note. */
  smallBusiness: boolean;
  isSandbox: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type OrganizationPatch = Partial<
  Pick<
    Organization,
    | 'legalName'
    | 'address'
    | 'email'
    | 'phone'
    | 'website'
    | 'vatId'
    | 'taxNumber'
    | 'sepaCreditorId'
    | 'bankAccount'
    | 'paymentTermsDays'
    | 'locale'
    | 'currency'
    | 'timezone'
    | 'branding'
    | 'smallBusiness'
  >
> & { numberFormats?: Partial<NumberFormats> };

export const DEFAULT_NUMBER_FORMATS: NumberFormats = {
  customer: 'K-{SEQ:5}',
  invoice: 'RE-{YYYY}-{SEQ:5}',
  creditNote: 'GS-{YYYY}-{SEQ:5}',
  cancellation: 'ST-{YYYY}-{SEQ:5}',
  quote: 'AN-{YYYY}-{SEQ:5}',
  proForma: 'PF-{YYYY}-{SEQ:5}',
};
