import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument, PDFName, type PDFRawStream } from '@cantoo/pdf-lib';
import Ajv2019 from 'ajv/dist/2019';
import { describe, expect, it, vi } from 'vitest';
import { renderEInvoice, XRECHNUNG_CUSTOMIZATION_ID, xmlWriter } from '../src/documents/einvoice';
import { reverse } from '../src/documents/totals';
import type { DocumentData } from '../src/documents/types';
import {
  domesticInvoice,
  intraEuGoodsInvoice,
  longInvoice,
  reverseChargeInvoice,
  smallBusinessInvoice,
} from './documents.fixtures';

// The official EN 16931 CII schema and samples (../shared/schemas, see its README); xmllint from libxml2-utils.
const SCHEMAS = resolve(__dirname, '../../../../shared/schemas');
const CII_XSD = join(SCHEMAS, 'en16931/cii/CrossIndustryInvoice_100pD16B.xsd');
const CII_SAMPLES = join(SCHEMAS, 'samples/en16931-cii');

const dir = mkdtempSync(join(tmpdir(), 'fakturo-einvoice-'));
let counter = 0;
function save(content: Buffer | string, ext: string): string {
  const file = join(dir, `file-${++counter}.${ext}`);
  writeFileSync(file, content);
  return file;
}

/** xmllint against the XSD; returns its verdict (stderr carries the reasons when it fails). */
function validateCii(xml: Buffer): { ok: boolean; output: string } {
  const file = save(xml, 'xml');
  try {
    execFileSync('xmllint', ['--noout', '--schema', CII_XSD, file], { encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr) };
  }
}

/** Evaluates an XPath 1.0 string expression with xmllint (local-name() keeps namespaces out of the way). */
function xpath(xml: Buffer, expression: string): string {
  const file = save(xml, 'xml');
  return execFileSync('xmllint', ['--xpath', `string(${expression})`, file], { encoding: 'utf8' }).trim();
}
function count(xml: Buffer, expression: string): number {
  return Number(xpath(xml, `count(${expression})`));
}
const el = (...names: string[]) => `//${names.map((n) => `*[local-name()='${n}']`).join('/')}`;

/** Element paths (local names joined by /) of a well-formed, comment-free XML text. */
function elementPaths(xml: string): Set<string> {
  const paths = new Set<string>();
  const stack: string[] = [];
  const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
  for (const match of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*:)?([\w.-]+)[^>]*?(\/?)>/g)) {
    const [, closing, , name, selfClosing] = match;
    if (closing) {
      stack.pop();
      continue;
    }
    stack.push(name!);
    paths.add(stack.join('/'));
    if (selfClosing) stack.pop();
  }
  return paths;
}

const creditNote = () =>
  reverse(domesticInvoice(), {
    type: 'credit_note',
    number: 'GS-2026-00003',
    issueDate: '2026-12-03',
    issuedAt: '2026-12-03T08:00:00.000Z',
  });

const cases: [string, () => DocumentData][] = [
  ['domestic two-rate invoice', domesticInvoice],
  ['reverse-charge invoice to an Austrian business', reverseChargeInvoice],
  ['intra-EU goods invoice', intraEuGoodsInvoice],
  ['§19 small business invoice', smallBusinessInvoice],
  ['credit note (381) referencing its invoice', creditNote],
  ['SEPA direct debit invoice', () => longInvoice(4)],
];

// Rendering PDFs and spawning xmllint is slow on a busy 2-core machine; no test here waits on anything else.
const slow = { timeout: 60_000 };

describe('XRechnung 3.0 CII', slow, () => {
  it.each(cases)('%s validates against the EN 16931 CII XSD', async (_name, make) => {
    const file = await renderEInvoice(make(), 'xrechnung-cii');
    expect(file.mimeType).toBe('application/xml');
    const result = validateCii(file.content);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
    // CII-DT-031 (fatal in the CEN rules): currencyID only on the tax total.
    const xml = file.content.toString('utf8');
    expect(xml.match(/currencyID=/g)).toHaveLength(1);
    expect(xml).toMatch(/<ram:TaxTotalAmount currencyID="EUR">/);
    // DOMAIN.md §11: always a delivery date, so ApplicableHeaderTradeDelivery is never empty.
    expect(count(file.content, el('ApplicableHeaderTradeDelivery', 'ActualDeliverySupplyChainEvent'))).toBe(
      1,
    );
    expect(xpath(file.content, el('GuidelineSpecifiedDocumentContextParameter', 'ID'))).toBe(
      XRECHNUNG_CUSTOMIZATION_ID,
    );
  });

  it('carries the totals, per-rate breakdown, buyer reference and seller contact of a domestic invoice', async () => {
    const { content } = await renderEInvoice(domesticInvoice(), 'xrechnung-cii');
    const sum = el('SpecifiedTradeSettlementHeaderMonetarySummation');
    expect(xpath(content, `${sum}/*[local-name()='LineTotalAmount']`)).toBe('682.80');
    expect(xpath(content, `${sum}/*[local-name()='TaxTotalAmount']`)).toBe('122.56');
    expect(xpath(content, `${sum}/*[local-name()='GrandTotalAmount']`)).toBe('805.36');
    expect(xpath(content, `${sum}/*[local-name()='DuePayableAmount']`)).toBe('805.36');
    const tax = el('ApplicableHeaderTradeSettlement', 'ApplicableTradeTax');
    expect(count(content, tax)).toBe(2);
    expect(
      xpath(
        content,
        `${tax}[*[local-name()='RateApplicablePercent']='7.00']/*[local-name()='CalculatedAmount']`,
      ),
    ).toBe('4.19');
    expect(xpath(content, el('BuyerReference'))).toBe('04011000-12345-34');
    expect(
      xpath(
        content,
        el('SellerTradeParty', 'DefinedTradeContact', 'TelephoneUniversalCommunication', 'CompleteNumber'),
      ),
    ).toBe('+49 40 1234567');
    expect(xpath(content, el('SellerTradeParty', 'URIUniversalCommunication', 'URIID'))).toBe(
      'rechnung@nordlicht.example',
    );
    // The line discount travels as a line allowance with its percentage (BG-27).
    expect(
      xpath(content, el('SpecifiedLineTradeSettlement', 'SpecifiedTradeAllowanceCharge', 'ActualAmount')),
    ).toBe('42.00');
    expect(
      xpath(
        content,
        el('SpecifiedTradeSettlementPaymentMeans', 'PayeePartyCreditorFinancialAccount', 'IBANID'),
      ),
    ).toBe('DE89370400440532013000');
  });

  it('writes reverse charge as AE with VATEX-EU-AE, the legal note and both VAT ids', async () => {
    const { content } = await renderEInvoice(reverseChargeInvoice(), 'xrechnung-cii');
    const tax = el('ApplicableHeaderTradeSettlement', 'ApplicableTradeTax');
    expect(xpath(content, `${tax}/*[local-name()='CategoryCode']`)).toBe('AE');
    expect(xpath(content, `${tax}/*[local-name()='ExemptionReasonCode']`)).toBe('VATEX-EU-AE');
    expect(xpath(content, `${tax}/*[local-name()='ExemptionReason']`)).toContain(
      'Steuerschuldnerschaft des Leistungsempfängers',
    );
    expect(xpath(content, `${tax}/*[local-name()='CalculatedAmount']`)).toBe('0.00');
    expect(xpath(content, el('BuyerTradeParty', 'SpecifiedTaxRegistration', 'ID'))).toBe('ATU13585627');
    expect(xpath(content, el('SellerTradeParty', 'SpecifiedTaxRegistration', 'ID'))).toBe('DE136695976');
  });

  it('writes intra-EU goods as K with VATEX-EU-IC and the deliver-to country (BR-IC-12)', async () => {
    const { content } = await renderEInvoice(intraEuGoodsInvoice(), 'xrechnung-cii');
    expect(
      xpath(content, el('ApplicableHeaderTradeSettlement', 'ApplicableTradeTax', 'ExemptionReasonCode')),
    ).toBe('VATEX-EU-IC');
    expect(xpath(content, el('ShipToTradeParty', 'PostalTradeAddress', 'CountryID'))).toBe('FR');
    expect(xpath(content, el('ActualDeliverySupplyChainEvent', 'OccurrenceDateTime', 'DateTimeString'))).toBe(
      '20261120',
    );
  });

  it('writes a §19 invoice as E with the exemption reason and the tax number', async () => {
    const { content } = await renderEInvoice(smallBusinessInvoice(), 'xrechnung-cii');
    expect(xpath(content, el('ApplicableHeaderTradeSettlement', 'ApplicableTradeTax', 'CategoryCode'))).toBe(
      'E',
    );
    expect(
      xpath(content, el('ApplicableHeaderTradeSettlement', 'ApplicableTradeTax', 'ExemptionReason')),
    ).toBe('Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.');
    expect(
      xpath(content, `${el('SellerTradeParty', 'SpecifiedTaxRegistration', 'ID')}[@schemeID='FC']`),
    ).toBe('143/234/56789');
  });

  it('writes a credit note as 381 with positive amounts and the preceding invoice (BT-25)', async () => {
    const { content } = await renderEInvoice(creditNote(), 'xrechnung-cii');
    expect(xpath(content, el('ExchangedDocument', 'TypeCode'))).toBe('381');
    expect(xpath(content, el('InvoiceReferencedDocument', 'IssuerAssignedID'))).toBe('RE-2026-00017');
    expect(xpath(content, el('DuePayableAmount'))).toBe('805.36');
    expect(xpath(content, `(${el('BilledQuantity')})[2]`)).toBe('3.5');
    // Nothing to pay: payment means "instrument not defined", the terms say how the refund happens.
    expect(xpath(content, el('SpecifiedTradeSettlementPaymentMeans', 'TypeCode'))).toBe('1');
    expect(xpath(content, el('SpecifiedTradePaymentTerms', 'Description'))).toContain('erstattet');
  });

  it('writes a direct debit with mandate reference (BT-89), creditor id (BT-90) and debited IBAN (BT-91)', async () => {
    const { content } = await renderEInvoice(longInvoice(4), 'xrechnung-cii');
    expect(xpath(content, el('SpecifiedTradeSettlementPaymentMeans', 'TypeCode'))).toBe('59');
    expect(xpath(content, el('DirectDebitMandateID'))).toBe('MND-2024-0042');
    expect(xpath(content, el('CreditorReferenceID'))).toBe('DE98ZZZ09999999999');
    expect(xpath(content, el('PayerPartyDebtorFinancialAccount', 'IBANID'))).toBe('DE02120300000000202051');
  });

  it('uses only element paths that the official EN 16931 CII samples use', async () => {
    // The samples have no direct debit; BT-91 (debited account, BG-19) sits where EN 16931 puts it.
    const known = new Set<string>([
      'CrossIndustryInvoice/SupplyChainTradeTransaction/ApplicableHeaderTradeSettlement/SpecifiedTradeSettlementPaymentMeans/PayerPartyDebtorFinancialAccount',
      'CrossIndustryInvoice/SupplyChainTradeTransaction/ApplicableHeaderTradeSettlement/SpecifiedTradeSettlementPaymentMeans/PayerPartyDebtorFinancialAccount/IBANID',
    ]);
    for (const name of readdirSync(CII_SAMPLES)) {
      for (const p of elementPaths(readFileSync(join(CII_SAMPLES, name), 'utf8'))) known.add(p);
    }
    for (const [, make] of cases) {
      const { content } = await renderEInvoice(make(), 'xrechnung-cii');
      const unknown = [...elementPaths(content.toString('utf8'))].filter((p) => !known.has(p));
      expect(unknown).toEqual([]);
    }
  });
});

describe('XRechnung 3.0 UBL', slow, () => {
  it('writes an Invoice with the key elements', async () => {
    const { content, filename } = await renderEInvoice(domesticInvoice(), 'xrechnung-ubl');
    expect(filename).toBe('RE-2026-00017-ubl.xml');
    expect(xpath(content, 'local-name(/*)')).toBe('Invoice');
    expect(xpath(content, "/*/*[local-name()='CustomizationID']")).toBe(XRECHNUNG_CUSTOMIZATION_ID);
    expect(xpath(content, "/*/*[local-name()='InvoiceTypeCode']")).toBe('380');
    expect(xpath(content, "/*/*[local-name()='BuyerReference']")).toBe('04011000-12345-34');
    expect(xpath(content, el('AccountingSupplierParty', 'Party', 'EndpointID'))).toBe(
      'rechnung@nordlicht.example',
    );
    expect(xpath(content, `${el('AccountingSupplierParty', 'Party', 'EndpointID')}/@schemeID`)).toBe('EM');
    expect(xpath(content, el('AccountingCustomerParty', 'Party', 'EndpointID'))).toBe(
      'einkauf@mueller-baeckerei.example',
    );
    expect(xpath(content, el('LegalMonetaryTotal', 'PayableAmount'))).toBe('805.36');
    expect(xpath(content, `${el('LegalMonetaryTotal', 'PayableAmount')}/@currencyID`)).toBe('EUR');
    expect(xpath(content, el('Delivery', 'ActualDeliveryDate'))).toBe('2026-11-30');
    expect(count(content, el('TaxTotal', 'TaxSubtotal'))).toBe(2);
    expect(count(content, "/*/*[local-name()='InvoiceLine']")).toBe(3);
    // UBL requires currencyID on every amount.
    const amounts = count(
      content,
      "//*[substring(local-name(), string-length(local-name()) - 5) = 'Amount']",
    );
    expect(count(content, '//*[@currencyID]')).toBe(amounts);
  });

  it('writes a credit note as a UBL CreditNote with its BillingReference', async () => {
    const { content } = await renderEInvoice(creditNote(), 'xrechnung-ubl');
    expect(xpath(content, 'local-name(/*)')).toBe('CreditNote');
    expect(xpath(content, "/*/*[local-name()='CreditNoteTypeCode']")).toBe('381');
    expect(xpath(content, el('BillingReference', 'InvoiceDocumentReference', 'ID'))).toBe('RE-2026-00017');
    expect(xpath(content, el('BillingReference', 'InvoiceDocumentReference', 'IssueDate'))).toBe(
      '2026-11-27',
    );
    expect(count(content, "/*/*[local-name()='CreditNoteLine']")).toBe(3);
    expect(xpath(content, el('LegalMonetaryTotal', 'PayableAmount'))).toBe('805.36');
  });

  it('writes reverse charge with VATEX-EU-AE', async () => {
    const { content } = await renderEInvoice(reverseChargeInvoice(), 'xrechnung-ubl');
    expect(xpath(content, el('TaxSubtotal', 'TaxCategory', 'ID'))).toBe('AE');
    expect(xpath(content, el('TaxSubtotal', 'TaxCategory', 'TaxExemptionReasonCode'))).toBe('VATEX-EU-AE');
  });
});

describe('ZUGFeRD / Factur-X EN 16931', slow, () => {
  it('embeds a valid factur-x.xml in our PDF as PDF/A-3 with consistent metadata, reproducibly', async () => {
    const first = await renderEInvoice(domesticInvoice(), 'zugferd');
    expect(first.mimeType).toBe('application/pdf');
    const pdf = await PDFDocument.load(first.content, { updateMetadata: false });
    const attachments = pdf.getAttachments();
    expect(attachments.map((a) => a.name)).toEqual(['factur-x.xml']);
    const xml = Buffer.from(attachments[0]!.data);
    expect(validateCii(xml).ok).toBe(true);
    expect(xpath(xml, el('GuidelineSpecifiedDocumentContextParameter', 'ID'))).toBe(
      'urn:cen.eu:en16931:2017',
    );
    expect(xpath(xml, el('DuePayableAmount'))).toBe('805.36');

    const xmp = Buffer.from(
      (pdf.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).getContents(),
    ).toString('utf8');
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
    expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
    // Info dictionary and XMP say the same (PDF/A-3, ISO 19005-3 6.6.2.3).
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${pdf.getTitle()}</rdf:li>`);
    expect(xmp).toContain(`<pdf:Producer>${pdf.getProducer()}</pdf:Producer>`);
    expect(xmp).toContain(`<xmp:CreatorTool>${pdf.getCreator()}</xmp:CreatorTool>`);
    expect(xmp).toContain('<xmp:CreateDate>2026-11-27T09:30:00Z</xmp:CreateDate>');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-27T09:30:00.000Z');
    expect(pdf.getPageCount()).toBe(1);

    // Same document, later in time: the same bytes (no clock inside).
    await new Promise((r) => setTimeout(r, 1100));
    const second = await renderEInvoice(domesticInvoice(), 'zugferd');
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(hash(second.content)).toBe(hash(first.content));
  });
});

describe('renderEInvoice', slow, () => {
  it('refuses quotes and pro-forma invoices', async () => {
    await expect(
      renderEInvoice({ ...domesticInvoice(), type: 'quote' }, 'xrechnung-cii'),
    ).rejects.toMatchObject({
      code: 'einvoice_not_available',
    });
    await expect(
      renderEInvoice({ ...domesticInvoice(), type: 'pro_forma' }, 'zugferd'),
    ).rejects.toMatchObject({
      code: 'einvoice_not_available',
    });
  });

  it('names every broken rule instead of writing a non-conforming file', async () => {
    const doc = structuredClone(domesticInvoice());
    doc.buyer.buyerReference = null;
    doc.seller.contact.phone = null;
    await expect(renderEInvoice(doc, 'xrechnung-cii')).rejects.toMatchObject({
      kind: 'unprocessable',
      code: 'einvoice_rules_violated',
      errors: [
        expect.objectContaining({ code: 'BR-DE-6', path: 'seller.contact.phone' }),
        expect.objectContaining({ code: 'BR-DE-15', path: 'buyer.buyerReference' }),
      ],
    });
    // Factur-X EN 16931 has no BR-DE rules: the same document is a valid ZUGFeRD invoice.
    await expect(renderEInvoice(doc, 'zugferd')).resolves.toMatchObject({ mimeType: 'application/pdf' });
  });

  it('compiles the library schema once per format, not per invoice', async () => {
    await renderEInvoice(domesticInvoice(), 'xrechnung-ubl');
    const compile = vi.spyOn(Ajv2019.prototype, 'compile');
    try {
      for (let i = 0; i < 3; i++)
        await renderEInvoice(domesticInvoice({ number: `RE-${i}` }), 'xrechnung-ubl');
      expect(compile).not.toHaveBeenCalled();
    } finally {
      compile.mockRestore();
    }
  });

  it('writes XML byte-identical to the library serialiser (xmlbuilder2), only faster', async () => {
    for (const [, make] of cases) {
      for (const format of ['xrechnung-cii', 'xrechnung-ubl'] as const) {
        xmlWriter.fast = false;
        const library = (await renderEInvoice(make(), format)).content.toString('utf8');
        xmlWriter.fast = true;
        const ours = (await renderEInvoice(make(), format)).content.toString('utf8');
        expect(ours).toBe(library);
      }
    }
  });
});
