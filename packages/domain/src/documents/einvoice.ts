import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFStream,
  PDFString,
} from '@cantoo/pdf-lib';
import {
  FormatFactoryService,
  type Invoice,
  invoiceSchema,
  type EInvoiceFormat as LibraryFormat,
  ValidationService,
} from '@e-invoice-eu/core';
import Ajv2019 from 'ajv/dist/2019';
import Big from 'big.js';
import { DomainError } from '../errors';
import { roundMinor } from '../money';
import type { PostalAddress } from '../organizations/types';
import { checkEn16931, type EInvoiceProfile } from './en16931';
import { exponentOf, LABELS } from './labels';
import { creationDate, documentTitle, renderPdf } from './pdf';
import type { DocumentData, DocumentLine, TaxCategory } from './types';

/** The e-invoice formats the API offers (`GET /v1/invoices/{id}/e-invoice?format=…`). */
export const EINVOICE_FORMATS = ['xrechnung-cii', 'xrechnung-ubl', 'zugferd'] as const;
export type EInvoiceFormat = (typeof EINVOICE_FORMATS)[number];

/** XRechnung 3.0 specification identifier (BT-24) the library writes for its XRechnung formats. */
export const XRECHNUNG_CUSTOMIZATION_ID =
  'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0';

const LIBRARY_FORMAT: Record<EInvoiceFormat, string> = {
  'xrechnung-cii': 'XRECHNUNG-CII',
  'xrechnung-ubl': 'XRECHNUNG-UBL',
  // Factur-X 1.0 / ZUGFeRD 2.x, profile EN 16931 ("Comfort"): CII embedded as factur-x.xml in PDF/A-3.
  zugferd: 'Factur-X-EN16931',
};

const PROFILE: Record<EInvoiceFormat, EInvoiceProfile> = {
  'xrechnung-cii': 'xrechnung',
  'xrechnung-ubl': 'xrechnung',
  zugferd: 'en16931',
};

export interface EInvoiceFile {
  format: EInvoiceFormat;
  mimeType: 'application/xml' | 'application/pdf';
  filename: string;
  content: Buffer;
}

// ——— mapping DocumentData → @e-invoice-eu/core's invoice data (UBL-shaped JSON) ———

type Json = Record<string, unknown>;

/** Drops undefined and null members so optional elements are left out rather than written empty. */
function compact<T extends Json>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as T;
}

function address(a: PostalAddress): Json {
  return compact({
    'cbc:StreetName': a.line1,
    'cbc:AdditionalStreetName': a.line2 ?? undefined,
    'cbc:CityName': a.city,
    'cbc:PostalZone': a.postalCode,
    'cbc:CountrySubentity': a.region ?? undefined,
    'cac:Country': { 'cbc:IdentificationCode': a.country },
  });
}

/** Minor units as the decimal string EN 16931 carries: 80536 EUR → "805.36". */
function major(minor: number, currency: string): string {
  const exponent = exponentOf(currency);
  // Integer arithmetic on a safe integer: exact, and far cheaper than a decimal division per amount.
  const abs = Math.abs(minor);
  const unit = 10 ** exponent;
  const whole = Math.floor(abs / unit);
  const fraction = exponent ? `.${String(abs % unit).padStart(exponent, '0')}` : '';
  return `${minor < 0 ? '-' : ''}${whole}${fraction}`;
}

function percent(rate: string): string {
  return new Big(rate).toFixed(2);
}

function negateDecimal(value: string): string {
  const v = new Big(value).times(-1);
  return v.eq(0) ? '0' : v.toString();
}

/** A decimal string as EN 16931 wants it: plain digits, no exponent. */
function plain(value: string): string {
  const big = new Big(value);
  const fraction = value.split('.')[1]?.length ?? 0;
  return big.toFixed(fraction);
}

/**
 * Maps a document to the invoice data of `@e-invoice-eu/core`. Amounts come from Fakturo's money code
 * (the library does no arithmetic) as strings with the currency's decimals and a `@currencyID` beside
 * each (DOMAIN.md §11). A 381 credit note carries positive amounts in EN 16931, while Fakturo stores
 * credit notes and cancellations with negative amounts (they reduce the receivable): the sign is
 * turned here, once.
 */
export function toInvoiceData(doc: DocumentData): Invoice {
  const { seller, buyer, totals, currency } = doc;
  const sign = doc.typeCode === '381' ? -1 : 1;
  const amount = (minor: number) => major(minor * sign === 0 ? 0 : minor * sign, currency);
  const money = (field: string, minor: number) => ({
    [field]: amount(minor),
    [`${field}@currencyID`]: currency,
  });
  const onlyO = totals.taxBreakdown.length > 0 && totals.taxBreakdown.every((r) => r.category === 'O');
  const exponent = exponentOf(currency);
  const labels = LABELS[doc.language];

  // BR-O-02: an invoice "not subject to VAT" carries no VAT identifiers, only the tax number (BT-32).
  const sellerTaxSchemes = [
    ...(seller.vatId && !onlyO
      ? [{ 'cbc:CompanyID': seller.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }]
      : []),
    ...(seller.taxNumber ? [{ 'cbc:CompanyID': seller.taxNumber, 'cac:TaxScheme': { 'cbc:ID': 'FC' } }] : []),
  ];
  const sellerEndpoint = seller.electronicAddress ?? seller.contact.email;
  const contact = compact({
    'cbc:Name': seller.contact.name ?? undefined,
    'cbc:Telephone': seller.contact.phone ?? undefined,
    'cbc:ElectronicMail': seller.contact.email ?? undefined,
  });

  const refund = totals.amountDue < 0;
  const means = doc.paymentMeans;
  let paymentMeans: Json;
  if (refund || !means) {
    // UNTDID 4461 "1", instrument not defined: nothing for the buyer to pay; the terms (BT-20) say how
    // the refund happens. XRechnung still wants the group (BR-DE-1).
    paymentMeans = { 'cbc:PaymentMeansCode': '1' };
  } else if (means.kind === 'transfer') {
    paymentMeans = {
      'cbc:PaymentMeansCode': '58',
      'cbc:PaymentID': doc.number,
      'cac:PayeeFinancialAccount': compact({
        'cbc:ID': means.iban.replace(/\s+/g, ''),
        'cbc:Name': means.accountHolder ?? undefined,
        'cac:FinancialInstitutionBranch': means.bic ? { 'cbc:ID': means.bic } : undefined,
      }),
    };
  } else {
    paymentMeans = {
      'cbc:PaymentMeansCode': '59',
      'cbc:PaymentID': doc.number,
      'cac:PaymentMandate': {
        'cbc:ID': means.mandateReference,
        'cac:PayerFinancialAccount': { 'cbc:ID': means.debtorIban.replace(/\s+/g, '') },
      },
    };
  }

  // DOMAIN.md §11: always a delivery date, or the library's CII omits ApplicableHeaderTradeDelivery and
  // fails the XSD. For a period the supply is completed on its last day.
  const deliveryDate = doc.serviceDate ?? doc.servicePeriod?.end ?? doc.issueDate;
  const hasK = totals.taxBreakdown.some((r) => r.category === 'K');
  const deliverTo = buyer.deliveryAddress ?? (hasK ? buyer.address : null);

  const line = (l: DocumentLine): Json => {
    const quantity = sign < 0 ? negateDecimal(l.quantity) : plain(l.quantity);
    const discounted = l.discountPercent && !new Big(l.discountPercent).eq(0);
    const gross = roundMinor(new Big(l.quantity).times(new Big(l.unitAmount)));
    const { amount: price, baseQuantity } = priceWithBaseQuantity(
      new Big(l.unitAmount).div(new Big(10).pow(exponent)),
      exponent,
    );
    return compact({
      'cbc:ID': String(l.position),
      'cbc:InvoicedQuantity': quantity,
      'cbc:InvoicedQuantity@unitCode': l.unitCode,
      ...money('cbc:LineExtensionAmount', l.netAmount),
      'cac:InvoicePeriod': l.period
        ? { 'cbc:StartDate': l.period.start, 'cbc:EndDate': l.period.end }
        : undefined,
      'cac:AllowanceCharge': discounted
        ? [
            {
              'cbc:ChargeIndicator': 'false',
              'cbc:AllowanceChargeReasonCode': '95', // UNTDID 5189: discount
              'cbc:AllowanceChargeReason': labels.columns.discount,
              'cbc:MultiplierFactorNumeric': plain(l.discountPercent!),
              ...money('cbc:Amount', gross - l.netAmount),
              ...money('cbc:BaseAmount', gross),
            },
          ]
        : undefined,
      'cac:Item': compact({
        'cbc:Description': l.description ?? undefined,
        'cbc:Name': l.name,
        'cac:ClassifiedTaxCategory': compact({
          'cbc:ID': l.taxCategory,
          // BR-O-05: a line not subject to VAT carries no rate; every other category states it (BR-DE-14).
          'cbc:Percent': l.taxCategory === 'O' ? undefined : percent(l.taxRate),
          'cac:TaxScheme': { 'cbc:ID': 'VAT' },
        }),
      }),
      'cac:Price': compact({
        'cbc:PriceAmount': price.toFixed(exponent),
        'cbc:PriceAmount@currencyID': currency,
        // BT-149/BT-150: the price is per this many units (only for prices finer than the currency's minor unit)
        'cbc:BaseQuantity': baseQuantity === 1 ? undefined : String(baseQuantity),
        'cbc:BaseQuantity@unitCode': baseQuantity === 1 ? undefined : l.unitCode,
      }),
    });
  };

  const taxCategory = (category: TaxCategory, rate: string) =>
    compact({
      'cbc:ID': category,
      'cbc:Percent': category === 'O' ? undefined : percent(rate),
      'cac:TaxScheme': { 'cbc:ID': 'VAT' },
    });

  const invoice = compact({
    'cbc:ID': doc.number,
    'cbc:IssueDate': doc.issueDate,
    'cbc:DueDate': doc.dueDate ?? undefined,
    'cbc:InvoiceTypeCode': doc.typeCode,
    'cbc:Note': doc.notes.length ? doc.notes : undefined,
    'cbc:DocumentCurrencyCode': currency,
    'cbc:BuyerReference': buyer.buyerReference ?? undefined,
    'cac:InvoicePeriod': doc.servicePeriod
      ? { 'cbc:StartDate': doc.servicePeriod.start, 'cbc:EndDate': doc.servicePeriod.end }
      : undefined,
    'cac:BillingReference': doc.precedingDocument
      ? [
          {
            'cac:InvoiceDocumentReference': {
              'cbc:ID': doc.precedingDocument.number,
              'cbc:IssueDate': doc.precedingDocument.issueDate,
            },
          },
        ]
      : undefined,
    'cac:AccountingSupplierParty': {
      'cac:Party': compact({
        'cbc:EndpointID': sellerEndpoint ?? undefined,
        'cbc:EndpointID@schemeID': sellerEndpoint ? 'EM' : undefined,
        'cac:PartyIdentification': seller.identifier ? [{ 'cbc:ID': seller.identifier }] : undefined,
        'cac:PostalAddress': address(seller.address),
        'cac:PartyTaxScheme': sellerTaxSchemes.length ? sellerTaxSchemes : undefined,
        'cac:PartyLegalEntity': compact({
          'cbc:RegistrationName': seller.legalName,
          'cbc:CompanyID': seller.registrationId ?? undefined,
        }),
        'cac:Contact': Object.keys(contact).length ? contact : undefined,
      }),
    },
    'cac:AccountingCustomerParty': {
      'cac:Party': compact({
        'cbc:EndpointID': buyer.email ?? undefined,
        'cbc:EndpointID@schemeID': buyer.email ? 'EM' : undefined,
        'cac:PostalAddress': address(buyer.address),
        'cac:PartyTaxScheme':
          buyer.vatId && !onlyO
            ? { 'cbc:CompanyID': buyer.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }
            : undefined,
        'cac:PartyLegalEntity': { 'cbc:RegistrationName': buyer.name },
      }),
    },
    // BT-90, the SEPA creditor id, travels with the payee: the only place the library maps it to CII.
    'cac:PayeeParty':
      !refund && means?.kind === 'sepa_debit'
        ? {
            'cac:PartyIdentification': { 'cbc:ID': means.creditorId, 'cbc:ID@schemeID': 'SEPA' },
            'cac:PartyName': { 'cbc:Name': seller.legalName },
          }
        : undefined,
    'cac:Delivery': compact({
      'cbc:ActualDeliveryDate': deliveryDate,
      'cac:DeliveryLocation': deliverTo ? { 'cac:Address': address(deliverTo) } : undefined,
    }),
    'cac:PaymentMeans': [paymentMeans],
    'cac:PaymentTerms': doc.paymentTerms ? { 'cbc:Note': doc.paymentTerms } : undefined,
    'cac:AllowanceCharge': doc.allowancesCharges.length
      ? doc.allowancesCharges.map((ac) => ({
          'cbc:ChargeIndicator': ac.kind === 'charge' ? 'true' : 'false',
          'cbc:AllowanceChargeReason': ac.reason,
          ...money('cbc:Amount', ac.amount),
          'cac:TaxCategory': taxCategory(ac.taxCategory, ac.taxRate),
        }))
      : undefined,
    'cac:TaxTotal': [
      {
        ...money('cbc:TaxAmount', totals.taxTotal),
        'cac:TaxSubtotal': totals.taxBreakdown.map((row) => ({
          ...money('cbc:TaxableAmount', row.basis),
          ...money('cbc:TaxAmount', row.tax),
          'cac:TaxCategory': compact({
            'cbc:ID': row.category,
            // The breakdown always states its rate, 0 for O too (BR-DE-14; KoSIT sample XRechnung-O).
            'cbc:Percent': percent(row.rate),
            'cbc:TaxExemptionReasonCode': row.exemptionReasonCode ?? undefined,
            'cbc:TaxExemptionReason': row.exemptionReason ?? undefined,
            'cac:TaxScheme': { 'cbc:ID': 'VAT' },
          }),
        })),
      },
    ],
    'cac:LegalMonetaryTotal': {
      ...money('cbc:LineExtensionAmount', totals.lineNetTotal),
      ...money('cbc:TaxExclusiveAmount', totals.taxBasisTotal),
      ...money('cbc:TaxInclusiveAmount', totals.grossTotal),
      ...(totals.allowanceTotal ? money('cbc:AllowanceTotalAmount', totals.allowanceTotal) : {}),
      ...(totals.chargeTotal ? money('cbc:ChargeTotalAmount', totals.chargeTotal) : {}),
      ...(totals.prepaidAmount ? money('cbc:PrepaidAmount', totals.prepaidAmount) : {}),
      ...money('cbc:PayableAmount', totals.amountDue),
    },
    'cac:InvoiceLine': doc.lines.map(line),
  });
  return { 'ubl:Invoice': invoice } as unknown as Invoice;
}

// ——— generation with one compiled schema per format ———

const quietLogger = { log: () => {}, warn: () => {}, error: () => {} };
const factory = new FormatFactoryService();
const validation = new ValidationService(quietLogger);

interface Compiled {
  name: string;
  formatter: LibraryFormat;
  validate: Parameters<ValidationService['validate']>[1];
}
const compiled = new Map<EInvoiceFormat, Compiled>();

// ——— a faster XML writer for the library's object tree ———

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

function writeElement(out: string[], name: string, value: unknown, depth: number): void {
  if (Array.isArray(value)) {
    for (const item of value) writeElement(out, name, item, depth);
    return;
  }
  const indent = `\n${'\t'.repeat(depth)}`;
  if (value === null || typeof value !== 'object') {
    out.push(`${indent}<${name}>${escapeText(String(value))}</${name}>`);
    return;
  }
  let attributes = '';
  let text: string | undefined;
  const children: [string, unknown][] = [];
  const collect = (entries: [string, unknown][]) => {
    for (const [key, child] of entries) {
      if (key.startsWith('@')) attributes += ` ${key.slice(1)}="${escapeAttribute(String(child))}"`;
      // `#: { '#': text, '@attr': … }` — text with attributes for the enclosing element (xmlbuilder2).
      else if (key === '#' && child && typeof child === 'object') collect(Object.entries(child));
      else if (key === '#') text = String(child);
      else children.push([key, child]);
    }
  };
  collect(Object.entries(value));
  if (children.length === 0) {
    out.push(
      text === undefined
        ? `${indent}<${name}${attributes}/>`
        : `${indent}<${name}${attributes}>${escapeText(text)}</${name}>`,
    );
    return;
  }
  out.push(`${indent}<${name}${attributes}>`);
  for (const [key, child] of children) writeElement(out, key, child, depth + 1);
  out.push(`${indent}</${name}>`);
}

/**
 * Serialises the library's object tree (element keys, `@attribute` keys, `#` text, arrays for repeated
 * elements) exactly as its xmlbuilder2 call does — pretty-printed with tabs — in a fraction of the time:
 * xmlbuilder2 builds and walks a full DOM and was most of the cost of an e-invoice. The tests check the
 * output is byte-identical to the library's own rendering.
 */
export function writeXml(data: Record<string, unknown>): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  for (const [name, value] of Object.entries(data)) writeElement(out, name, value, 0);
  return out.join('');
}

/** The library's attribute convention (`element@attr` siblings) folded into the element, as it does. */
function foldAttributes(data: Record<string, unknown>): void {
  for (const property of Object.keys(data)) {
    const [element, attribute] = property.split('@', 2) as [string, string | undefined];
    if (attribute !== undefined && element !== '') {
      if (typeof data[element] === 'string') data[element] = { '#': data[element] };
      (data[element] as Record<string, unknown>)[`@${attribute}`] = data[property];
      delete data[property];
    }
    const child = data[property];
    if (child && typeof child === 'object') foldAttributes(child as Record<string, unknown>);
  }
}

/** Set to false to let the library serialise with xmlbuilder2 (the tests compare both). */
export const xmlWriter = { fast: true };

/**
 * The library's `InvoiceService.generate()` compiles its JSON schema with Ajv on every call (~150 ms,
 * DOMAIN.md §11). This does the same steps — patch the schema for the format, compile, validate with
 * defaults, fill the format's defaults, generate — but compiles once per format and process.
 */
function formatFor(format: EInvoiceFormat): Compiled {
  let entry = compiled.get(format);
  if (!entry) {
    const name = factory.normalizeFormat(LIBRARY_FORMAT[format]);
    const formatter = factory.createFormatService(LIBRARY_FORMAT[format], quietLogger);
    const schema = structuredClone(invoiceSchema);
    formatter.patchSchema(schema);
    const ajv = new Ajv2019({ strict: true, allErrors: true, useDefaults: true });
    const service = formatter as unknown as { renderXML(data: Record<string, unknown>): string };
    const libraryRender = service.renderXML.bind(service);
    service.renderXML = (data) => {
      if (!xmlWriter.fast) return libraryRender(data);
      foldAttributes(data);
      return writeXml(data);
    };
    entry = { name, formatter, validate: ajv.compile(schema) as Compiled['validate'] };
    compiled.set(format, entry);
  }
  return entry;
}

async function generate(
  doc: DocumentData,
  format: EInvoiceFormat,
  pdf?: Buffer,
): Promise<string | Uint8Array> {
  const { name, formatter, validate } = formatFor(format);
  let invoice: Invoice;
  try {
    invoice = validation.validate('invoice data', validate, toInvoiceData(doc)) as Invoice;
  } catch (error) {
    throw new DomainError(
      'internal',
      'einvoice_mapping_invalid',
      `The e-invoice data is invalid: ${String(error)}`,
    );
  }
  formatter.fillInvoiceDefaults(invoice);
  if (formatter.syntax === 'CII') adaptForCii(invoice);
  return formatter.generate(invoice, {
    format: name,
    lang: doc.language === 'de' ? 'de-de' : 'en-gb',
    ...(pdf ? { pdf: { buffer: pdf, filename: `${doc.number}.pdf`, mimetype: 'application/pdf' } } : {}),
  });
}

/**
 * Two gaps of the library's UBL → CII conversion (2.3.4), patched after its schema check:
 * - it reads the preceding invoice (BG-3) from `cac:BillingReference/cbc:ID`, one level above where its
 *   own schema puts it (`cac:InvoiceDocumentReference/cbc:ID`), so BT-25 was silently dropped. The issue
 *   date BT-26 stays out: the library writes it as an unformatted `udt:DateTimeString` where the XSD
 *   wants `qdt:DateTimeString` (format 102); BT-26 is only required when numbers are not unique, and
 *   ours are (UStG §14(4) no. 4);
 * - it copies `@currencyID` onto allowance and charge amounts, which CII forbids everywhere but on
 *   `ram:TaxTotalAmount` (CEN rule CII-DT-031, fatal).
 */
function adaptForCii(invoice: Invoice): void {
  const root = invoice['ubl:Invoice'] as unknown as Json;
  for (const ref of (root['cac:BillingReference'] as Json[] | undefined) ?? []) {
    const inner = ref['cac:InvoiceDocumentReference'] as Json;
    ref['cbc:ID'] = inner['cbc:ID'];
  }
  const lines = (root['cac:InvoiceLine'] as Json[]) ?? [];
  const charges = [
    ...((root['cac:AllowanceCharge'] as Json[] | undefined) ?? []),
    ...lines.flatMap((l) => (l['cac:AllowanceCharge'] as Json[] | undefined) ?? []),
  ];
  for (const ac of charges) {
    delete ac['cbc:Amount@currencyID'];
    delete ac['cbc:BaseAmount@currencyID'];
  }
}

/** Refuses documents that are no invoices and any that break an EN 16931 (or XRechnung) rule. */
export function assertEInvoiceable(doc: DocumentData, format: EInvoiceFormat): void {
  if (doc.type === 'quote' || doc.type === 'pro_forma') {
    throw new DomainError(
      'unprocessable',
      'einvoice_not_available',
      `A ${doc.type.replace('_', ' ')} is not an invoice and has no e-invoice.`,
    );
  }
  const errors = checkEn16931(doc, PROFILE[format]).filter((v) => v.severity === 'error');
  if (errors.length) {
    throw new DomainError(
      'unprocessable',
      'einvoice_rules_violated',
      `The document breaks ${errors.length} rule(s) of ${format}: ${errors.map((e) => e.rule).join(', ')}.`,
      { errors: errors.map((e) => ({ path: e.path ?? '', code: e.rule, message: e.message })) },
    );
  }
}

/**
 * The e-invoice of a document: XRechnung 3.0 CII or UBL as XML, or a ZUGFeRD/Factur-X EN 16931 PDF/A-3
 * (our own PDF from `renderPdf` with the CII attached as `factur-x.xml`). `pdf` lets a caller pass the
 * stored rendering instead of rendering again.
 */
export async function renderEInvoice(
  doc: DocumentData,
  format: EInvoiceFormat,
  options: { pdf?: Buffer } = {},
): Promise<EInvoiceFile> {
  assertEInvoiceable(doc, format);
  const base = doc.number.replace(/[^A-Za-z0-9._-]+/g, '_');
  if (format === 'zugferd') {
    const pdf = options.pdf ?? (await renderPdf(doc));
    const result = await generate(doc, format, pdf);
    return {
      format,
      mimeType: 'application/pdf',
      filename: `${base}.pdf`,
      content: await finishFacturX(Buffer.from(result as Uint8Array), doc),
    };
  }
  const xml = await generate(doc, format);
  return {
    format,
    mimeType: 'application/xml',
    filename: `${base}${format === 'xrechnung-ubl' ? '-ubl' : '-cii'}.xml`,
    content: Buffer.from(xml as string, 'utf8'),
  };
}

// ——— Factur-X: deterministic, consistent PDF/A-3 metadata ———

function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The library stamps the attachment, Info and XMP with the current time, and its XMP disagrees with its
 * own Info dictionary (Producer, Creator, Title) — PDF/A-3 (ISO 19005-3 6.6.2.3) wants them equal. This
 * rewrites the dates from the document (so the same document gives the same bytes, like the plain PDF)
 * and writes one XMP packet whose values are exactly the Info values, keeping the library's PDF/A and
 * Factur-X extension schema.
 */
async function finishFacturX(pdf: Buffer, doc: DocumentData): Promise<Buffer> {
  const created = creationDate(doc);
  const pdfDoc = await PDFDocument.load(pdf, { updateMetadata: false });
  const title = documentTitle(doc);
  const info = {
    title,
    author: doc.seller.legalName,
    subject: `${title} · Factur-X EN 16931`,
    keywords: 'Factur-X, ZUGFeRD, EN 16931',
    creator: 'Fakturo',
    producer: 'Fakturo',
  };
  pdfDoc.setTitle(info.title);
  pdfDoc.setAuthor(info.author);
  pdfDoc.setSubject(info.subject);
  pdfDoc.setKeywords([info.keywords]);
  pdfDoc.setCreator(info.creator);
  pdfDoc.setProducer(info.producer);
  pdfDoc.setCreationDate(created);
  pdfDoc.setModificationDate(created);
  pdfDoc.setLanguage(doc.language === 'de' ? 'de-DE' : 'en-GB');

  // Embedded file parameters carry their own dates.
  const names = pdfDoc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const files = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = files?.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 1; list && i < list.size(); i += 2) {
    const spec = list.lookup(i, PDFDict);
    const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
    const stream = ef?.lookupMaybe(PDFName.of('F'), PDFStream);
    const params = stream?.dict.lookupMaybe(PDFName.of('Params'), PDFDict);
    params?.set(PDFName.of('CreationDate'), PDFString.of(pdfDate(created)));
    params?.set(PDFName.of('ModDate'), PDFString.of(pdfDate(created)));
  }

  // File identifier from the content, not from a clock.
  const id = PDFHexString.of(
    createHash('sha256')
      .update(`${doc.number}\u0000${doc.issueDate}\u0000${title}`)
      .digest('hex')
      .slice(0, 32),
  );
  pdfDoc.context.trailerInfo.ID = pdfDoc.context.obj([id, id]);

  const stamp = `${created.toISOString().split('.')[0]}Z`;
  const e = xmlEscape;
  const xmp = `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${e(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(info.subject)}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${e(info.producer)}</pdf:Producer>
   <pdf:Keywords>${e(info.keywords)}</pdf:Keywords>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>${e(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>${stamp}</xmp:CreateDate>
   <xmp:ModifyDate>${stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>${stamp}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>fx</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The name of the embedded XML document</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The type of the hybrid document in capital letters, e.g. INVOICE or ORDER</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The actual version of the standard applying to the embedded XML document</pdfaProperty:description></rdf:li>
        <rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The conformance level of the embedded XML document</pdfaProperty:description></rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
   <fx:DocumentType>INVOICE</fx:DocumentType>
   <fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
   <fx:Version>1.0</fx:Version>
   <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
  const bytes = new TextEncoder().encode(xmp);
  const stream = pdfDoc.context.stream(bytes, { Type: 'Metadata', Subtype: 'XML', Length: bytes.length });
  // Replace the library's packet in place: an orphaned copy would still be written, clock and all.
  const existing = pdfDoc.catalog.get(PDFName.of('Metadata'));
  if (existing instanceof PDFRef) pdfDoc.context.assign(existing, stream);
  else pdfDoc.catalog.set(PDFName.of('Metadata'), pdfDoc.context.register(stream));
  return Buffer.from(await pdfDoc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

/**
 * EN 16931 states a line's net price (BT-146) per base quantity (BT-149): a unit price finer than the currency's
 * minor unit (0.0035 € per API call) is written as a price per 10, 100, … units with at most the currency's
 * decimals (0.35 € per 100), which e-invoice tools and the library accept. The line's net amount (BT-131) is
 * unchanged: quantity × price ÷ base quantity is the same product the line was computed from.
 */
export function priceWithBaseQuantity(price: Big, exponent: number): { amount: Big; baseQuantity: number } {
  let baseQuantity = 1;
  let amount = price;
  // 10^9 covers unit prices down to a billionth of a cent — far below any price a contract can hold
  while (decimalsOf(amount) > exponent && baseQuantity < 1_000_000_000) {
    baseQuantity *= 10;
    amount = price.times(baseQuantity);
  }
  return { amount, baseQuantity };
}

function decimalsOf(value: Big): number {
  return (value.toFixed().split('.')[1] ?? '').replace(/0+$/, '').length;
}
