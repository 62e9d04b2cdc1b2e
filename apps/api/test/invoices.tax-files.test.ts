import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { documentService, fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bytes,
  contact,
  documentWorker,
  draft,
  finalize,
  get,
  line,
  ok,
  pdfText,
  readySeller,
  tempFile,
  xsdErrors,
} from './documents.support';

// VAT as the law has it (DOMAIN.md §4, §5) and the issued files (§3, §11): per-rate totals, reverse charge,
// §19, dated rates, the stored PDF and its SHA-256, and EN 16931 e-invoices checked against the official XSD.
const t = await createTestApp({ clock: fixedClock('2026-11-27T09:30:00Z') });
const runWorker = documentWorker(t);

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const austrian = () =>
  companyInput({
    companyName: 'Alpenblick Consulting GmbH',
    billingAddress: { line1: 'Mariahilfer Straße 1', postalCode: '1060', city: 'Wien', country: 'AT' },
    vatId: 'ATU13585627',
    buyerReference: 'PO-2026-118',
    language: 'de',
  });

let domestic: { id: string };
beforeAll(async () => {
  await readySeller(t);
  domestic = await contact(
    t,
    companyInput({ companyName: 'Bäckerei Müller & Söhne KG', buyerReference: '04011000-12345-34' }),
  );
});

describe('VAT and totals', () => {
  it('a two-rate invoice: VAT per rate on the sum of the line nets, rounded once; totals add up', async () => {
    const out = await finalize(
      t,
      (
        await draft(t, {
          contactId: domestic.id,
          lines: [
            line({ name: 'Software-Lizenz', quantity: '5', unitCode: 'C62', unitAmount: 4900 }),
            line({ name: 'Beratung', quantity: '3.5', unitAmount: 12000, discountPercent: '10' }),
            line({
              name: 'Fachbuch',
              quantity: '2',
              unitCode: 'C62',
              unitAmount: 2990,
              taxRateKind: 'reduced',
              supplyKind: 'goods',
            }),
          ],
        })
      ).id,
    );
    expect(out.lines.map((l: { netAmount: number }) => l.netAmount)).toEqual([24500, 37800, 5980]);
    expect(out.taxBreakdown).toEqual([
      {
        category: 'S',
        rate: '19',
        basis: 62300,
        tax: 11837,
        exemptionReasonCode: null,
        exemptionReason: null,
      },
      // 59.80 × 7 % = 4.186 → 4.19, rounded once for the group
      { category: 'S', rate: '7', basis: 5980, tax: 419, exemptionReasonCode: null, exemptionReason: null },
    ]);
    expect(out).toMatchObject({
      lineNetTotal: 68280,
      taxBasisTotal: 68280,
      taxTotal: 12256,
      grossTotal: 80536,
      amountDue: 80536,
    });
    const text = pdfText((await bytes(t, `/v1/invoices/${out.id}/pdf`)).body);
    for (const expected of [
      '623,00 €',
      '118,37 €',
      '59,80 €',
      '4,19 €',
      '805,36 €',
      '19 % USt.',
      '7 % USt.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('services to an Austrian business: reverse charge (AE) with the legal note in the PDF and the XML', async () => {
    const buyer = await contact(t, austrian());
    const out = await finalize(
      t,
      (
        await draft(t, {
          contactId: buyer.id,
          lines: [line({ name: 'Softwareentwicklung', quantity: '24', unitAmount: 11000 })],
        })
      ).id,
    );
    expect(out.lines[0]).toMatchObject({ taxCategory: 'AE', taxRate: '0' });
    expect(out.taxBreakdown).toEqual([
      {
        category: 'AE',
        rate: '0',
        basis: 264000,
        tax: 0,
        exemptionReasonCode: 'VATEX-EU-AE',
        exemptionReason: 'Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, § 13b UStG).',
      },
    ]);
    expect(out.grossTotal).toBe(264000);
    const text = pdfText((await bytes(t, `/v1/invoices/${out.id}/pdf`)).body).replace(/\s+/g, ' ');
    expect(text).toContain('Steuerschuldnerschaft des Leistungsempfängers');
    expect(text).toContain('ATU13585627'); // §14a(1): the buyer's VAT id is on the invoice
    const xml = await bytes(t, `/v1/invoices/${out.id}/e-invoice?format=xrechnung-cii`);
    expect(xml.status).toBe(200);
    const cii = xml.body.toString('utf8');
    expect(cii).toContain('<ram:CategoryCode>AE</ram:CategoryCode>');
    expect(cii).toContain('Steuerschuldnerschaft des Leistungsempfängers');
    expect(cii).toContain('VATEX-EU-AE');
    expect(xsdErrors(xml.body)).toBeNull();
  });

  it('a §19 small business charges no VAT and says so', async () => {
    const small = await t.tenant('Kleinunternehmerin Schmidt');
    await readySeller(t, small, { legalName: 'Grafikdesign Schmidt', vatId: null, smallBusiness: true });
    const buyer = await contact(t, personInput(), small);
    const out = await finalize(
      t,
      (await draft(t, { contactId: buyer.id, lines: [line({ quantity: '4', unitAmount: 6500 })] }, small)).id,
      small,
    );
    expect(out.lines[0]).toMatchObject({ taxCategory: 'E', taxRate: '0' });
    expect(out).toMatchObject({ taxTotal: 0, grossTotal: 26000 });
    expect(out.taxBreakdown[0].exemptionReason).toBe('Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.');
    const text = pdfText((await bytes(t, `/v1/invoices/${out.id}/pdf`, small)).body);
    expect(text).toContain('Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.');
  });

  it('the rate follows the date of supply: 16 % and 5 % for supplies in H2 2020, 19 % again in 2021', async () => {
    const out = await finalize(
      t,
      (
        await draft(t, {
          contactId: domestic.id,
          serviceDate: '2020-08-15',
          lines: [
            line({ name: 'August', unitAmount: 10000, quantity: '1' }),
            line({
              name: 'Buch',
              unitAmount: 1000,
              quantity: '1',
              taxRateKind: 'reduced',
              supplyKind: 'goods',
            }),
            line({
              name: 'Januar',
              unitAmount: 10000,
              quantity: '1',
              period: { start: '2021-01-01', end: '2021-01-31' },
            }),
          ],
        })
      ).id,
    );
    expect(out.lines.map((l: { taxRate: string }) => l.taxRate)).toEqual(['16', '5', '19']);
    expect(out.taxBreakdown.map((r: { rate: string; tax: number }) => [r.rate, r.tax])).toEqual([
      ['19', 1900],
      ['16', 1600],
      ['5', 50],
    ]);
    expect(out.serviceDate).toBe('2020-08-15');
  });

  it('a partial credit note takes the VAT treatment of the invoice it credits, not today’s master data', async () => {
    // UStG §17(1): a credit note corrects the taxable amount of the supply invoiced — no new supply, so its
    // VAT follows the parties as that invoice froze them, however seller and buyer have changed since
    const small = await t.tenant('Gärtnerei Kleinunternehmer');
    await readySeller(t, small, { legalName: 'Gärtnerei Blum', vatId: null, smallBusiness: true });
    const person = await contact(t, personInput(), small);
    const invoice = await finalize(
      t,
      (await draft(t, { contactId: person.id, lines: [line({ quantity: '4', unitAmount: 6500 })] }, small))
        .id,
      small,
    );
    expect(invoice).toMatchObject({ taxTotal: 0, grossTotal: 26000 });
    // the gardener outgrows §19 later in the year
    await readySeller(t, small, { vatId: 'DE136695976', smallBusiness: false });
    const credit = await ok(
      t.api(
        {
          method: 'POST',
          url: '/v1/credit-notes',
          body: { invoiceId: invoice.id, lines: [line({ quantity: '1', unitAmount: 6500 })] },
        },
        small,
      ),
      201,
    );
    expect(credit.lines[0]).toMatchObject({ taxCategory: 'E', taxRate: '0' });
    const issued = await finalize(t, credit.id, small, 'credit-notes');
    expect(issued).toMatchObject({ taxTotal: 0, grossTotal: -6500 });
    expect(issued.taxBreakdown[0].exemptionReason).toBe('Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.');

    // reverse charge stays reverse charge when the Austrian buyer's VAT id is gone from its master data
    const buyer = await contact(t, austrian());
    const rc = await finalize(t, (await draft(t, { contactId: buyer.id, lines: [line()] })).id);
    expect(rc.lines[0]).toMatchObject({ taxCategory: 'AE' });
    await ok(t.api({ method: 'PATCH', url: `/v1/contacts/${buyer.id}`, body: { vatId: null } }));
    const rcCredit = await ok(
      t.api({
        method: 'POST',
        url: '/v1/credit-notes',
        body: { invoiceId: rc.id, lines: [line({ quantity: '1' })] },
      }),
      201,
    );
    const rcIssued = await finalize(t, rcCredit.id, undefined, 'credit-notes');
    expect(rcIssued.lines[0]).toMatchObject({ taxCategory: 'AE', taxRate: '0' });
    expect(rcIssued).toMatchObject({ taxTotal: 0, grossTotal: -10000 });
    expect(rcIssued.taxBreakdown[0].exemptionReasonCode).toBe('VATEX-EU-AE');
  });

  it('a draft previews VAT for the parties now; finalize decides again for the parties then', async () => {
    const buyer = await contact(t, austrian());
    await ok(t.api({ method: 'PATCH', url: `/v1/contacts/${buyer.id}`, body: { vatId: null } }));
    const created = await draft(t, { contactId: buyer.id, lines: [line()] });
    // an Austrian business without a VAT id: taxed at home
    expect(created.lines[0]).toMatchObject({ taxCategory: 'S', taxRate: '19' });
    await ok(t.api({ method: 'PATCH', url: `/v1/contacts/${buyer.id}`, body: { vatId: 'ATU13585627' } }));
    const out = await finalize(t, created.id);
    expect(out.lines[0]).toMatchObject({ taxCategory: 'AE', taxRate: '0' });
    expect(out.taxTotal).toBe(0);
  });
});

describe('stored files (GoBD)', () => {
  it('the worker renders and stores the PDF and XRechnung files; the endpoint serves those bytes', async () => {
    // a decimal quantity and discount: every path must read them as the same exact text
    const lines = [
      line(),
      line({
        name: 'Speicher',
        quantity: '12.250',
        unitCode: 'C62',
        unitAmount: 199,
        discountPercent: '2.50',
      }),
    ];
    const out = await finalize(t, (await draft(t, { contactId: domestic.id, lines })).id);
    expect(out.lines[1]).toMatchObject({ quantity: '12.250', discountPercent: '2.50', netAmount: 2377 });
    expect(out.pdfSha256).toBeNull();
    await runWorker();
    const stored = await t.db('document_files').where('document_id', out.id).orderBy('kind');
    expect(stored.map((f) => f.kind)).toEqual(['pdf', 'xrechnung-cii', 'xrechnung-ubl']);
    for (const f of stored) expect(sha256(f.content)).toBe(f.sha256);

    const doc = await ok(get(t, `/v1/invoices/${out.id}`));
    expect(doc.pdfSha256).toBe(stored[0].sha256);
    expect(doc.xmlSha256).toBe(stored[1].sha256);
    const pdf = await bytes(t, `/v1/invoices/${out.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(sha256(pdf.body)).toBe(doc.pdfSha256);
    expect(pdf.headers['x-content-sha256']).toBe(doc.pdfSha256);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');

    // reproducing the issued document gives the identical data set (BMF GoBD letter 2025, Rz. 76)
    const checks = await documentService.verifyFiles(t.main.ctx, 'invoice', out.id);
    expect(checks.map((c) => [c.kind, c.identical])).toEqual([
      ['pdf', true],
      ['xrechnung-cii', true],
      ['xrechnung-ubl', true],
    ]);
    // stored files are append-only
    await expect(t.db('document_files').where('document_id', out.id).update({ sha256: 'x' })).rejects.toThrow(
      /append-only/,
    );
  });

  it('a sub-cent unit price is written per base quantity (BT-149): valid CII and UBL, same line amount', async () => {
    const lines = [
      line({
        name: 'API-Aufrufe',
        quantity: '12000',
        unitCode: 'C62',
        unitAmount: undefined,
        unitAmountDecimal: '0.350',
      }),
    ];
    const out = await finalize(t, (await draft(t, { contactId: domestic.id, lines })).id);
    expect(out.lines[0]).toMatchObject({ unitAmount: null, unitAmountDecimal: '0.35', netAmount: 4200 });
    await runWorker();
    expect((await t.db('document_files').where('document_id', out.id)).map((f) => f.kind).sort()).toEqual([
      'pdf',
      'xrechnung-cii',
      'xrechnung-ubl',
    ]);
    const xml = await bytes(t, `/v1/invoices/${out.id}/e-invoice?format=xrechnung-cii`);
    expect(xml.status).toBe(200);
    expect(xsdErrors(xml.body)).toBeNull();
    const file = tempFile('subcent-cii.xml', xml.body);
    const xpath = (expr: string) =>
      execFileSync('xmllint', ['--xpath', `string(${expr})`, file], { encoding: 'utf8' }).trim();
    // 0.35 cent per call = 0.35 EUR per 100 calls; 12,000 calls × 0.35 / 100 = 42.00 EUR (BT-131)
    expect(xpath('//*[local-name()="NetPriceProductTradePrice"]/*[local-name()="ChargeAmount"]')).toBe(
      '0.35',
    );
    expect(xpath('//*[local-name()="NetPriceProductTradePrice"]/*[local-name()="BasisQuantity"]')).toBe(
      '100',
    );
    expect(
      xpath(
        '//*[local-name()="SpecifiedTradeSettlementLineMonetarySummation"]/*[local-name()="LineTotalAmount"]',
      ),
    ).toBe('42.00');
    const ubl = (await bytes(t, `/v1/invoices/${out.id}/e-invoice?format=xrechnung-ubl`)).body.toString();
    expect(ubl).toMatch(/<cbc:BaseQuantity unitCode="C62">100<\/cbc:BaseQuantity>/);
  });

  it('before the worker ran, the PDF is rendered on request, stored, and served identically ever after', async () => {
    const out = await finalize(t, (await draft(t, { contactId: domestic.id, lines: [line()] })).id);
    const first = await bytes(t, `/v1/invoices/${out.id}/pdf`);
    const second = await bytes(t, `/v1/invoices/${out.id}/pdf`);
    expect(first.status).toBe(200);
    expect(second.body.equals(first.body)).toBe(true);
    const doc = await ok(get(t, `/v1/invoices/${out.id}`));
    expect(doc.pdfSha256).toBe(sha256(first.body));
    await runWorker(); // finds the PDF stored and adds the XML files only
    expect(await t.db('document_files').where({ document_id: out.id, kind: 'pdf' }).first('sha256')).toEqual({
      sha256: doc.pdfSha256,
    });
    const draftPdf = await get(
      t,
      `/v1/invoices/${(await draft(t, { contactId: domestic.id, lines: [line()] })).id}/pdf`,
    );
    expect(draftPdf.status).toBe(409);
    expect(draftPdf.body.code).toBe('invoice_not_finalized');
  });

  it('the XRechnung CII validates against the EN 16931 XSD and carries the invoice’s figures', async () => {
    const out = await finalize(
      t,
      (
        await draft(t, {
          contactId: domestic.id,
          lines: [line({ quantity: '3', unitAmount: 9999 }), line({ name: 'Buch', taxRateKind: 'reduced' })],
        })
      ).id,
    );
    const xml = await bytes(t, `/v1/invoices/${out.id}/e-invoice?format=xrechnung-cii`);
    expect(xml.status).toBe(200);
    expect(xml.headers['content-type']).toMatch(/application\/xml/);
    expect(xsdErrors(xml.body)).toBeNull();
    const file = tempFile('cii.xml', xml.body);
    const xpath = (expr: string) =>
      execFileSync('xmllint', ['--xpath', `string(${expr})`, file], { encoding: 'utf8' }).trim();
    expect(xpath('//*[local-name()="ExchangedDocument"]/*[local-name()="ID"]')).toBe(out.number);
    expect(xpath('//*[local-name()="GrandTotalAmount"]')).toBe((out.grossTotal / 100).toFixed(2));
    expect(xpath('//*[local-name()="BuyerReference"]')).toBe('04011000-12345-34');
    expect(
      xpath('//*[local-name()="GuidelineSpecifiedDocumentContextParameter"]/*[local-name()="ID"]'),
    ).toContain('xrechnung_3.0');

    const ubl = await bytes(t, `/v1/invoices/${out.id}/e-invoice?format=xrechnung-ubl`);
    expect(ubl.status).toBe(200);
    expect(ubl.body.toString()).toContain('<cbc:ID>' + out.number + '</cbc:ID>');

    const zugferd = await bytes(t, `/v1/invoices/${out.id}/e-invoice?format=zugferd`);
    expect(zugferd.headers['content-type']).toBe('application/pdf');
    const list = execFileSync('pdfdetach', ['-list', tempFile('zugferd.pdf', zugferd.body)], {
      encoding: 'utf8',
    });
    expect(list).toContain('factur-x.xml');
  });

  it('a cancellation’s e-invoice is a 381 with positive amounts referring to the original (BG-3)', async () => {
    const out = await finalize(t, (await draft(t, { contactId: domestic.id, lines: [line()] })).id);
    const cancelled = await ok(t.api({ method: 'POST', url: `/v1/invoices/${out.id}/cancel` }));
    const xml = await bytes(
      t,
      `/v1/invoices/${cancelled.cancelledByDocumentId}/e-invoice?format=xrechnung-cii`,
    );
    expect(xml.status).toBe(200);
    expect(xsdErrors(xml.body)).toBeNull();
    const cii = xml.body.toString();
    expect(cii).toContain('<ram:TypeCode>381</ram:TypeCode>');
    expect(cii).toContain(`<ram:IssuerAssignedID>${out.number}</ram:IssuerAssignedID>`);
    expect(cii).toMatch(/<ram:GrandTotalAmount>238\.00<\/ram:GrandTotalAmount>/);
  });

  it('an XRechnung without the buyer reference is refused with the rule (422 BR-DE-15); Factur-X needs none', async () => {
    const buyer = await contact(t, companyInput({ buyerReference: null }));
    const out = await finalize(t, (await draft(t, { contactId: buyer.id, lines: [line()] })).id);
    await runWorker();
    // the worker stored what the document qualifies for: the PDF, no XRechnung
    expect((await t.db('document_files').where('document_id', out.id)).map((f) => f.kind)).toEqual(['pdf']);
    const refused = await get(t, `/v1/invoices/${out.id}/e-invoice?format=xrechnung-cii`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('einvoice_rules_violated');
    expect(refused.body.errors).toContainEqual(
      expect.objectContaining({ code: 'BR-DE-15', path: 'buyer.buyerReference' }),
    );
    const zugferd = await bytes(t, `/v1/invoices/${out.id}/e-invoice?format=zugferd`);
    expect(zugferd.status).toBe(200);
    const bad = await get(t, `/v1/invoices/${out.id}/e-invoice?format=pdf`);
    expect(bad.status).toBe(400);
  });
});
