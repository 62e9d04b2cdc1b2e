import Big from 'big.js';
import { currencyExponent } from '../money';
import type { DocumentLanguage, DocumentType, TaxCategory } from './types';

/** The locale whose number and date formats a document language uses. */
export const LOCALES: Record<DocumentLanguage, string> = { de: 'de-DE', en: 'en-GB' };

/** Reduces a BCP 47 tag ("de-AT", "en", "fr") to a document language; anything else gets English. */
export function documentLanguage(tag: string | null | undefined): DocumentLanguage {
  return tag?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

interface Labels {
  title: Record<DocumentType, string>;
  number: Record<DocumentType, string>;
  issueDate: string;
  serviceDate: string;
  servicePeriod: string;
  dueDate: string;
  validUntil: string;
  customerNumber: string;
  buyerReference: string;
  buyerVatId: string;
  sellerVatId: string;
  sellerTaxNumber: string;
  precedingDocument: (number: string, date: string) => string;
  page: (n: number, of: number) => string;
  columns: {
    position: string;
    item: string;
    quantity: string;
    unitPrice: string;
    discount: string;
    vat: string;
    amount: string;
  };
  period: string;
  taxTable: { title: string; rate: string; basis: string; tax: string };
  category: Record<Exclude<TaxCategory, 'S'>, string>;
  standardRate: (rate: string) => string;
  lineNetTotal: string;
  allowance: string;
  charge: string;
  taxBasisTotal: string;
  taxTotal: string;
  grossTotal: string;
  prepaid: string;
  amountDue: string;
  refundDue: string;
  legalNotes: string;
  payment: string;
  transfer: (amount: string, due: string | null) => string;
  reference: string;
  accountHolder: string;
  iban: string;
  bic: string;
  bank: string;
  debit: (amount: string, date: string, iban: string) => string;
  mandate: (reference: string, creditorId: string) => string;
  preNotification: string;
  refund: (amount: string) => string;
  refundToAccount: (amount: string, iban: string) => string;
  settled: string;
  quoteValidity: (date: string) => string;
  validity: string;
  proFormaNote: string;
  notes: string;
  phone: string;
  email: string;
  register: string;
}

export const LABELS: Record<DocumentLanguage, Labels> = {
  de: {
    title: {
      invoice: 'Rechnung',
      pro_forma: 'Proforma-Rechnung',
      credit_note: 'Gutschrift',
      cancellation: 'Stornorechnung',
      corrected_invoice: 'Korrigierte Rechnung',
      quote: 'Angebot',
    },
    number: {
      invoice: 'Rechnungsnr.',
      pro_forma: 'Proforma-Nr.',
      credit_note: 'Gutschriftsnr.',
      cancellation: 'Stornonr.',
      corrected_invoice: 'Rechnungsnr.',
      quote: 'Angebotsnr.',
    },
    issueDate: 'Datum',
    serviceDate: 'Leistungsdatum',
    servicePeriod: 'Leistungszeitraum',
    dueDate: 'Fällig am',
    validUntil: 'Gültig bis',
    customerNumber: 'Kundennr.',
    buyerReference: 'Ihre Referenz',
    buyerVatId: 'Ihre USt-IdNr.',
    sellerVatId: 'Unsere USt-IdNr.',
    sellerTaxNumber: 'Steuernummer',
    precedingDocument: (number, date) => `Bezug: Rechnung ${number} vom ${date}`,
    page: (n, of) => `Seite ${n} von ${of}`,
    columns: {
      position: 'Pos.',
      item: 'Leistung',
      quantity: 'Menge',
      unitPrice: 'Einzelpreis',
      discount: 'Rabatt',
      vat: 'USt.',
      amount: 'Betrag',
    },
    period: 'Zeitraum',
    taxTable: { title: 'Umsatzsteuer', rate: 'Steuersatz', basis: 'Nettobetrag', tax: 'Steuerbetrag' },
    category: {
      Z: '0 % (Nullsatz)',
      E: 'steuerbefreit',
      AE: 'Reverse Charge',
      K: 'innergem. Lieferung',
      G: 'Ausfuhrlieferung',
      O: 'nicht steuerbar',
    },
    standardRate: (rate) => `${rate} % USt.`,
    lineNetTotal: 'Summe Positionen',
    allowance: 'Nachlass',
    charge: 'Zuschlag',
    taxBasisTotal: 'Nettobetrag',
    taxTotal: 'Umsatzsteuer',
    grossTotal: 'Gesamtbetrag',
    prepaid: 'Bereits gezahlt',
    amountDue: 'Zahlbetrag',
    refundDue: 'Erstattungsbetrag',
    legalNotes: 'Steuerliche Hinweise',
    payment: 'Zahlung',
    transfer: (amount, due) =>
      due
        ? `Bitte überweisen Sie ${amount} bis zum ${due} auf das folgende Konto.`
        : `Bitte überweisen Sie ${amount} auf das folgende Konto.`,
    reference: 'Verwendungszweck',
    accountHolder: 'Kontoinhaber',
    iban: 'IBAN',
    bic: 'BIC',
    bank: 'Bank',
    debit: (amount, date, iban) =>
      `Den Betrag von ${amount} ziehen wir am ${date} per SEPA-Lastschrift von Ihrem Konto ${iban} ein.`,
    mandate: (reference, creditorId) =>
      `Mandatsreferenz: ${reference} · Gläubiger-Identifikationsnummer: ${creditorId}`,
    preNotification:
      'Diese Mitteilung ist die Vorabankündigung (Pre-Notification) der Lastschrift. Bitte sorgen Sie für ausreichende Deckung Ihres Kontos.',
    refund: (amount) => `Erstattungsbetrag: ${amount}.`,
    refundToAccount: (amount, iban) => `Den Betrag von ${amount} erstatten wir auf Ihr Konto ${iban}.`,
    settled: 'Der Betrag ist bereits vollständig beglichen.',
    quoteValidity: (date) => `Dieses Angebot ist gültig bis zum ${date}.`,
    validity: 'Gültigkeit',
    proFormaNote:
      'Proforma-Rechnung: keine Rechnung im Sinne des § 14 UStG; sie berechtigt nicht zum Vorsteuerabzug.',
    notes: 'Hinweise',
    phone: 'Tel.',
    email: 'E-Mail',
    register: 'Register',
  },
  en: {
    title: {
      invoice: 'Invoice',
      pro_forma: 'Pro forma invoice',
      credit_note: 'Credit note',
      cancellation: 'Cancellation invoice',
      corrected_invoice: 'Corrected invoice',
      quote: 'Quote',
    },
    number: {
      invoice: 'Invoice no.',
      pro_forma: 'Pro forma no.',
      credit_note: 'Credit note no.',
      cancellation: 'Cancellation no.',
      corrected_invoice: 'Invoice no.',
      quote: 'Quote no.',
    },
    issueDate: 'Date',
    serviceDate: 'Date of supply',
    servicePeriod: 'Period of supply',
    dueDate: 'Due date',
    validUntil: 'Valid until',
    customerNumber: 'Customer no.',
    buyerReference: 'Your reference',
    buyerVatId: 'Your VAT ID',
    sellerVatId: 'Our VAT ID',
    sellerTaxNumber: 'Tax number',
    precedingDocument: (number, date) => `Re: invoice ${number} of ${date}`,
    page: (n, of) => `Page ${n} of ${of}`,
    columns: {
      position: 'No.',
      item: 'Description',
      quantity: 'Quantity',
      unitPrice: 'Unit price',
      discount: 'Discount',
      vat: 'VAT',
      amount: 'Amount',
    },
    period: 'Period',
    taxTable: { title: 'VAT', rate: 'Rate', basis: 'Net amount', tax: 'VAT amount' },
    category: {
      Z: '0 % (zero rated)',
      E: 'exempt',
      AE: 'reverse charge',
      K: 'intra-Community supply',
      G: 'export',
      O: 'not subject to VAT',
    },
    standardRate: (rate) => `${rate} % VAT`,
    lineNetTotal: 'Total of items',
    allowance: 'Allowance',
    charge: 'Charge',
    taxBasisTotal: 'Net amount',
    taxTotal: 'VAT',
    grossTotal: 'Total',
    prepaid: 'Already paid',
    amountDue: 'Amount due',
    refundDue: 'Amount refunded',
    legalNotes: 'Tax notes',
    payment: 'Payment',
    transfer: (amount, due) =>
      due
        ? `Please transfer ${amount} by ${due} to the following account.`
        : `Please transfer ${amount} to the following account.`,
    reference: 'Reference',
    accountHolder: 'Account holder',
    iban: 'IBAN',
    bic: 'BIC',
    bank: 'Bank',
    debit: (amount, date, iban) =>
      `We will collect ${amount} by SEPA direct debit from your account ${iban} on ${date}.`,
    mandate: (reference, creditorId) =>
      `Mandate reference: ${reference} · Creditor identifier: ${creditorId}`,
    preNotification:
      'This notice is the pre-notification of the direct debit. Please make sure your account has sufficient funds.',
    refund: (amount) => `Amount to be refunded: ${amount}.`,
    refundToAccount: (amount, iban) => `We will refund ${amount} to your account ${iban}.`,
    settled: 'This amount has already been paid in full.',
    quoteValidity: (date) => `This quote is valid until ${date}.`,
    validity: 'Validity',
    proFormaNote: 'Pro forma invoice: not a VAT invoice; it does not entitle to input VAT deduction.',
    notes: 'Notes',
    phone: 'Phone',
    email: 'E-mail',
    register: 'Register',
  },
};

/** Names of common UN/ECE Recommendation 20 units; other codes print as the code itself. */
const UNITS: Record<string, Record<DocumentLanguage, string>> = {
  C62: { de: 'Stk.', en: 'pcs' },
  H87: { de: 'Stk.', en: 'pcs' },
  EA: { de: 'Stk.', en: 'each' },
  HUR: { de: 'Std.', en: 'h' },
  MIN: { de: 'Min.', en: 'min' },
  DAY: { de: 'Tag(e)', en: 'day(s)' },
  WEE: { de: 'Woche(n)', en: 'week(s)' },
  MON: { de: 'Monat(e)', en: 'month(s)' },
  QAN: { de: 'Quartal(e)', en: 'quarter(s)' },
  ANN: { de: 'Jahr(e)', en: 'year(s)' },
  LS: { de: 'pauschal', en: 'lump sum' },
  SET: { de: 'Set', en: 'set' },
  PR: { de: 'Paar', en: 'pair' },
  KGM: { de: 'kg', en: 'kg' },
  GRM: { de: 'g', en: 'g' },
  TNE: { de: 't', en: 't' },
  MTR: { de: 'm', en: 'm' },
  KMT: { de: 'km', en: 'km' },
  MTK: { de: 'm²', en: 'm²' },
  MTQ: { de: 'm³', en: 'm³' },
  LTR: { de: 'l', en: 'l' },
  KWH: { de: 'kWh', en: 'kWh' },
  E48: { de: 'Einheit(en)', en: 'unit(s)' },
  P1: { de: '%', en: '%' },
};

export function unitName(code: string, language: DocumentLanguage): string {
  return UNITS[code]?.[language] ?? code;
}

// Intl caches: building a formatter is costly and a PDF formats hundreds of values.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f as T;
}

/**
 * Formats a decimal string exactly (no float on the way): `formatDecimal('1234.5', 'de')` → "1.234,5".
 * Intl formats strings as exact decimals (ECMA-402 NumberFormat v3).
 */
export function formatDecimal(
  value: string,
  language: DocumentLanguage,
  minFraction = 0,
  maxFraction = 6,
): string {
  const f = cached(`d:${language}:${minFraction}:${maxFraction}`, () => {
    return new Intl.NumberFormat(LOCALES[language], {
      minimumFractionDigits: minFraction,
      maximumFractionDigits: maxFraction,
      roundingMode: 'halfExpand',
    } as Intl.NumberFormatOptions);
  }) as Intl.NumberFormat;
  return f.format(value as unknown as number);
}

/** Minor units (integer or decimal string for sub-cent prices) as money: 123456 EUR, de → "1.234,56 €". */
export function formatAmount(minor: number | string, currency: string, language: DocumentLanguage): string {
  const exponent = exponentOf(currency);
  const major = new Big(minor).div(new Big(10).pow(exponent));
  // Sub-cent unit prices keep up to 4 extra digits so the printed price is the price that was charged.
  const digits = Math.max(exponent, Math.min(exponent + 4, decimals(major.toFixed(exponent + 4))));
  const f = cached(`m:${language}:${currency}:${digits}`, () => {
    return new Intl.NumberFormat(LOCALES[language], {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  }) as Intl.NumberFormat;
  return f.format(major.toFixed(digits) as unknown as number);
}

const exponents = new Map<string, number>();
/** money.currencyExponent, memoised: it builds an Intl.NumberFormat per call, and documents ask hundreds of times. */
export function exponentOf(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = currencyExponent(currency);
    exponents.set(currency, exponent);
  }
  return exponent;
}

function decimals(fixed: string): number {
  const fraction = fixed.split('.')[1] ?? '';
  return fraction.replace(/0+$/, '').length;
}

/** A rate "19" → "19", "5.5" → "5,5" in German. */
export function formatRate(rate: string, language: DocumentLanguage): string {
  return formatDecimal(rate, language, 0, 2);
}

/** `YYYY-MM-DD` → "27.11.2026" (de) or "27 Nov 2026" (en). Calendar dates, no time zone shift. */
export function formatDate(date: string, language: DocumentLanguage): string {
  const f = cached(`t:${language}`, () =>
    language === 'de'
      ? new Intl.DateTimeFormat('de-DE', {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          timeZone: 'UTC',
        })
      : new Intl.DateTimeFormat('en-GB', {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          timeZone: 'UTC',
        }),
  ) as Intl.DateTimeFormat;
  return f.format(new Date(`${date}T00:00:00Z`));
}

/** Country name for the last address line (DIN 5008: foreign destinations name the country in capitals). */
export function countryName(code: string, language: DocumentLanguage): string {
  const names = cached(
    `c:${language}`,
    () => new Intl.DisplayNames([LOCALES[language]], { type: 'region' }) as never,
  );
  return ((names as unknown as Intl.DisplayNames).of(code) ?? code).toUpperCase();
}

/** IBAN in groups of four for reading: "DE89 3704 0044 0532 0130 00". */
export function formatIban(iban: string): string {
  return iban
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}

/** The debtor's IBAN as printed on a pre-notification: only the country, check digits and last four. */
export function maskIban(iban: string): string {
  const clean = iban.replace(/\s+/g, '');
  // No-break spaces: the masked IBAN must never wrap across lines.
  return `${clean.slice(0, 4)}\u00a0••••\u00a0${clean.slice(-4)}`;
}
