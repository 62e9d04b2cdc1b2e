import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, type PDFRawStream } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/documents/pdf';
import { buildDocument, reverse } from '../src/documents/totals';
import type { DocumentData } from '../src/documents/types';
import {
  baseInput,
  domesticInvoice,
  intraEuGoodsInvoice,
  longInvoice,
  reverseChargeInvoice,
  smallBusinessInvoice,
} from './documents.fixtures';

// Text extraction uses poppler's pdftotext (Debian package poppler-utils), the way a reader sees the page.
const dir = mkdtempSync(join(tmpdir(), 'fakturo-pdf-'));
let counter = 0;
function pagesText(pdf: Buffer): string[] {
  const file = join(dir, `doc-${++counter}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Collapses the layout's runs of spaces so assertions read like the printed sentence. */
const flat = (text: string) => text.replace(/[ \t]+/g, ' ');

// Rendering and pdftotext are slow on a busy 2-core machine; no test here waits on anything else.
describe('renderPdf', { timeout: 60_000 }, () => {
  it('renders identical bytes for the same document (same SHA-256) and different bytes for different data', async () => {
    const first = await renderPdf(domesticInvoice());
    const second = await renderPdf(domesticInvoice());
    expect(first.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(sha256(second)).toBe(sha256(first));
    const other = await renderPdf(domesticInvoice({ number: 'RE-2026-00099' }));
    expect(sha256(other)).not.toBe(sha256(first));
  });

  it('prints every UStG §14(4) field of a domestic two-rate invoice in German formats', async () => {
    const [page] = pagesText(await renderPdf(domesticInvoice()));
    const text = flat(page!);
    // no. 1: full name and address of seller and buyer
    expect(text).toContain('Nordlicht Software GmbH · Hafenstraße 12 · 20457 Hamburg');
    expect(text).toContain('Bäckerei Müller & Söhne KG');
    expect(text).toContain('Lindenallee 5');
    expect(text).toContain('80331 München');
    // no. 2: tax number or VAT id; no. 3 issue date; no. 4 unique number
    expect(text).toContain('DE136695976');
    expect(text).toMatch(/Datum 27\.11\.2026/);
    expect(text).toContain('Rechnung RE-2026-00017');
    // no. 5: quantity and kind; no. 6: period of supply
    expect(text).toMatch(/Software-Lizenz Fakturo Pro 5 Stk\. 49,00 € 19 % 245,00 €/);
    expect(text).toMatch(/Beratung Einführung 3,5 Std\. 120,00 € 10 % 19 % 378,00 €/);
    expect(text).toContain('Leistungszeitraum 01.11.2026 – 30.11.2026');
    // no. 7 and 8: net by rate, rate and VAT per rate
    expect(text).toMatch(/19 % USt\. 623,00 € 118,37 €/);
    expect(text).toMatch(/7 % USt\. 59,80 € 4,19 €/);
    expect(text).toMatch(/Gesamtbetrag 805,36 €/);
    // payment instructions with IBAN and the document number as reference
    expect(text).toContain('Bitte überweisen Sie 805,36 € bis zum 11.12.2026');
    expect(text).toContain('DE89 3704 0044 0532 0130 00');
    expect(text).toMatch(/Verwendungszweck RE-2026-00017/);
    expect(text).toContain('Seite 1 von 1');
    expect(text).toContain('Geschäftsführerin: Jana Berger');
  });

  it('uses English labels and en-GB formats for an English document', async () => {
    const [page] = pagesText(await renderPdf(domesticInvoice({ language: 'en' })));
    const text = flat(page!);
    expect(text).toContain('Invoice RE-2026-00017');
    expect(text).toContain('27 Nov 2026');
    expect(text).toMatch(/Total €805\.36/);
    expect(text).toMatch(/19 % VAT €623\.00 €118\.37/);
    expect(text).toContain('Please transfer €805.36 by 11 Dec 2026');
    expect(text).toContain('Page 1 of 1');
  });

  it('prints the legal note and both VAT ids for reverse charge and intra-EU goods', async () => {
    const rc = flat(pagesText(await renderPdf(reverseChargeInvoice()))[0]!);
    expect(rc).toContain('Steuerschuldnerschaft des Leistungsempfängers');
    expect(rc).toContain('ATU13585627');
    expect(rc).toContain('DE136695976');
    expect(rc).toContain('ÖSTERREICH');
    expect(rc).toMatch(/Reverse Charge 2\.640,00 € 0,00 €/);
    const ic = flat(pagesText(await renderPdf(intraEuGoodsInvoice()))[0]!);
    expect(ic).toContain('Steuerfreie innergemeinschaftliche Lieferung');
    expect(ic).toContain('FR40303265045');
    expect(ic).toContain('Leistungsdatum 20.11.2026');
  });

  it('prints the region of a buyer abroad (a US state is part of its full address)', async () => {
    const data = reverseChargeInvoice();
    const abroad = {
      ...data,
      buyer: {
        ...data.buyer,
        name: 'Orchard Devices Inc.',
        address: {
          line1: '1 Infinite Loop',
          postalCode: '95014',
          city: 'Cupertino',
          region: 'CA',
          country: 'US',
        },
      },
    } as DocumentData;
    const text = flat(pagesText(await renderPdf(abroad))[0]!);
    expect(text).toContain('95014 Cupertino, CA');
    expect(text).toMatch(/VEREINIGTE STAATEN/);
  });

  it('prints the §19 UStG note on a small business invoice', async () => {
    const text = flat(pagesText(await renderPdf(smallBusinessInvoice()))[0]!);
    expect(text).toContain('Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.');
    expect(text).toMatch(/steuerbefreit 580,00 € 0,00 €/);
    expect(text).toContain('Grafikbüro Sonnenschein');
  });

  it('breaks a 40-line invoice across pages, repeating the header, with the SEPA mandate text', async () => {
    const doc = longInvoice(40);
    const pdf = await renderPdf(doc);
    const pages = pagesText(pdf).map(flat);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(pages.length);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain(`Seite ${i + 1} von ${pages.length}`);
      expect(page).toContain('IBAN DE89 3704 0044 0532 0130 00'); // footer on every page
      if (i > 0) {
        expect(page).toContain('Rechnung RE-2026-00100'); // continuation header
        expect(page).toMatch(/Pos\. Leistung Menge Einzelpreis USt\. Betrag/); // repeated table header
      }
    }
    // Every line appears exactly once across the pages.
    const all = pages.join('\n');
    for (let n = 1; n <= 40; n++) expect(all.match(new RegExp(`Modul ${n}\\b`, 'g'))).toHaveLength(1);
    const last = pages.at(-1)!.replace(/\s+/g, ' ');
    expect(last).toContain('per SEPA-Lastschrift von Ihrem Konto DE02 •••• 2051 ein');
    expect(last).toContain('am 04.12.2026');
    expect(last).toContain(
      'Mandatsreferenz: MND-2024-0042 · Gläubiger-Identifikationsnummer: DE98ZZZ09999999999',
    );
    expect(last).toContain('Vorabankündigung');
  });

  it('words a cancellation as a refund and names the invoice it reverses', async () => {
    const storno = reverse(domesticInvoice(), { number: 'ST-2026-00002', issueDate: '2026-12-02' });
    const text = flat(pagesText(await renderPdf(storno))[0]!);
    expect(text).toContain('Stornorechnung ST-2026-00002');
    expect(text).toContain('Bezug: Rechnung RE-2026-00017 vom 27.11.2026');
    expect(text).toMatch(/Gesamtbetrag -805,36 €/);
    expect(text).toContain('Erstattungsbetrag: 805,36 €.');
    expect(text).toContain('Der Betrag wird Ihnen erstattet oder mit offenen Forderungen verrechnet.');
  });

  it('renders a quote with its validity and no payment request', async () => {
    const quote = domesticInvoice({ type: 'quote', number: 'AN-2026-00005', dueDate: '2026-12-31' });
    const text = flat(pagesText(await renderPdf(quote))[0]!);
    expect(text).toContain('Angebot AN-2026-00005');
    expect(text).toMatch(/Angebotsnr\. AN-2026-00005/);
    expect(text).toMatch(/Gültig bis 31\.12\.2026/);
    expect(text).toContain('Dieses Angebot ist gültig bis zum 31.12.2026.');
    expect(text).not.toContain('Bitte überweisen');
  });

  it('embeds every font it uses (no standard-14 fonts) and carries PDF/A-3b metadata', async () => {
    const pdf = await renderPdf(domesticInvoice());
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const descriptors: PDFDict[] = [];
    const baseFonts: string[] = [];
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict)) continue;
      const type = object.get(PDFName.of('Type'));
      if (type === PDFName.of('FontDescriptor')) descriptors.push(object);
      if (type === PDFName.of('Font')) baseFonts.push(String(object.get(PDFName.of('BaseFont'))));
    }
    expect(descriptors.length).toBeGreaterThanOrEqual(2);
    for (const d of descriptors) expect(d.get(PDFName.of('FontFile2'))).toBeDefined();
    expect(baseFonts.some((f) => /Helvetica|Times|Courier/.test(f))).toBe(false);
    expect(baseFonts.every((f) => f.includes('Inter'))).toBe(true);
    const metadata = doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
    const xmp = Buffer.from(metadata.getContents()).toString('utf8');
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<rdf:li>Nordlicht Software GmbH</rdf:li>');
    expect(doc.getTitle()).toBe('Rechnung RE-2026-00017');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-27T09:30:00.000Z');
  });

  it('escapes the seller name in the XMP packet', async () => {
    const data: DocumentData = buildDocument(
      baseInput({ seller: { ...domesticInvoice().seller, legalName: 'Schmidt & <Partner>' } }),
    );
    const doc = await PDFDocument.load(await renderPdf(data), { updateMetadata: false });
    const xmp = Buffer.from(
      (doc.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream).getContents(),
    ).toString('utf8');
    expect(xmp).toContain('Schmidt &amp; &lt;Partner&gt;');
    expect(doc.getAuthor()).toBe('Schmidt & <Partner>');
  });
});
