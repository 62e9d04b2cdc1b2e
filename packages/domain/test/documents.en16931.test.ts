import { describe, expect, it } from 'vitest';
import { checkEn16931 } from '../src/documents/en16931';
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

const rules = (doc: DocumentData, profile: 'en16931' | 'xrechnung' = 'xrechnung') =>
  checkEn16931(doc, profile)
    .filter((v) => v.severity === 'error')
    .map((v) => v.rule);

/** A deep copy to break on purpose. */
const copy = (doc: DocumentData): DocumentData => structuredClone(doc);

describe('checkEn16931 accepts correct documents', () => {
  it.each([
    ['domestic two-rate invoice', domesticInvoice()],
    ['reverse charge to Austria', reverseChargeInvoice()],
    ['intra-EU goods to France', intraEuGoodsInvoice()],
    ['§19 small business', smallBusinessInvoice()],
    ['SEPA direct debit', longInvoice(12)],
    [
      'credit note (381)',
      reverse(domesticInvoice(), { type: 'credit_note', number: 'GS-1', issueDate: '2026-12-01' }),
    ],
  ])('%s', (_name, doc) => {
    expect(checkEn16931(doc, 'xrechnung')).toEqual([]);
    expect(checkEn16931(doc, 'en16931')).toEqual([]);
  });
});

describe('checkEn16931 reports each broken rule', () => {
  it('BR-02, BR-03, BR-05, BR-06, BR-16: the mandatory skeleton', () => {
    const doc = copy(domesticInvoice());
    doc.number = ' ';
    doc.issueDate = '2026-13-01';
    doc.currency = 'XYZ';
    doc.seller.legalName = '';
    doc.lines = [];
    expect(rules(doc, 'en16931')).toEqual(
      expect.arrayContaining(['BR-02', 'BR-03', 'BR-05', 'BR-06', 'BR-16']),
    );
  });

  it('BR-24 and BR-27: a tampered line net and a negative price', () => {
    const doc = copy(domesticInvoice());
    doc.lines[0]!.netAmount += 1;
    doc.lines[1]!.unitAmount = -100;
    const found = checkEn16931(doc, 'en16931');
    expect(found).toContainEqual(expect.objectContaining({ rule: 'BR-24', path: 'lines.0.netAmount' }));
    expect(found).toContainEqual(expect.objectContaining({ rule: 'BR-27', path: 'lines.1.unitAmount' }));
  });

  it('BR-CO-10, -13, -14, -15, -16: totals that are not the sum of their parts', () => {
    const base = domesticInvoice();
    const t10 = copy(base);
    t10.totals.lineNetTotal += 1;
    expect(rules(t10)).toContain('BR-CO-10');
    const t13 = copy(base);
    t13.totals.taxBasisTotal += 1;
    expect(rules(t13)).toContain('BR-CO-13');
    const t14 = copy(base);
    t14.totals.taxTotal += 1;
    expect(rules(t14)).toContain('BR-CO-14');
    const t15 = copy(base);
    t15.totals.grossTotal += 1;
    expect(rules(t15)).toContain('BR-CO-15');
    const t16 = copy(base);
    t16.totals.amountDue -= 1;
    expect(rules(t16)).toContain('BR-CO-16');
  });

  it('BR-CO-25: a positive amount due needs a due date or payment terms', () => {
    const doc = copy(domesticInvoice());
    doc.dueDate = null;
    doc.paymentTerms = null;
    expect(rules(doc)).toContain('BR-CO-25');
  });

  it('BR-CO-26: the seller needs an identifier, a registration or a VAT id', () => {
    const doc = copy(smallBusinessInvoice());
    doc.seller.vatId = null;
    expect(rules(doc)).toContain('BR-CO-26');
    doc.seller.identifier = '4000001000005';
    expect(rules(doc)).not.toContain('BR-CO-26');
  });

  it('BR-S-02, -05, -08, -09, -10: standard-rated lines and breakdown', () => {
    const noTaxId = copy(domesticInvoice());
    noTaxId.seller.vatId = null;
    noTaxId.seller.taxNumber = null;
    expect(rules(noTaxId)).toEqual(expect.arrayContaining(['BR-S-02', 'BR-DE-16']));

    const zeroRate = buildDocument(
      baseInput({
        lines: [
          { name: 'X', quantity: '1', unitCode: 'C62', unitAmount: 100, taxCategory: 'S', taxRate: '0' },
        ],
      }),
    );
    expect(rules(zeroRate)).toContain('BR-S-05');

    const basis = copy(domesticInvoice());
    basis.totals.taxBreakdown[0]!.basis += 100;
    expect(rules(basis)).toContain('BR-S-08');

    const vat = copy(domesticInvoice());
    vat.totals.taxBreakdown[1]!.tax += 1;
    vat.totals.taxTotal += 1;
    vat.totals.grossTotal += 1;
    vat.totals.amountDue += 1;
    expect(rules(vat)).toEqual(['BR-S-09']);

    const reason = copy(domesticInvoice());
    reason.totals.taxBreakdown[0]!.exemptionReason = 'steuerfrei';
    expect(rules(reason)).toContain('BR-S-10');
  });

  it('BR-AE-02, -05, -09, -10: reverse charge needs both VAT ids, rate 0, no VAT and the reason', () => {
    const noBuyerId = copy(reverseChargeInvoice());
    noBuyerId.buyer.vatId = null;
    expect(rules(noBuyerId)).toContain('BR-AE-02');

    const noSellerId = copy(reverseChargeInvoice());
    noSellerId.seller.vatId = null;
    expect(rules(noSellerId)).toContain('BR-AE-02');

    const rated = copy(reverseChargeInvoice());
    rated.lines[0]!.taxRate = '19';
    expect(rules(rated)).toContain('BR-AE-05');

    const taxed = copy(reverseChargeInvoice());
    taxed.totals.taxBreakdown[0]!.tax = 100;
    expect(rules(taxed)).toContain('BR-AE-09');

    const noReason = copy(reverseChargeInvoice());
    noReason.totals.taxBreakdown[0]!.exemptionReason = null;
    noReason.totals.taxBreakdown[0]!.exemptionReasonCode = null;
    expect(rules(noReason)).toContain('BR-AE-10');
    const wrongCode = copy(reverseChargeInvoice());
    wrongCode.totals.taxBreakdown[0]!.exemptionReasonCode = 'VATEX-EU-IC';
    expect(rules(wrongCode)).toContain('BR-AE-10');
  });

  it('BR-E-02 and BR-E-10: a §19 invoice needs a seller tax id and the exemption reason', () => {
    const doc = copy(smallBusinessInvoice());
    doc.seller.vatId = null;
    doc.seller.taxNumber = null;
    doc.seller.identifier = 'X';
    doc.totals.taxBreakdown[0]!.exemptionReason = null;
    expect(rules(doc)).toEqual(expect.arrayContaining(['BR-E-02', 'BR-E-10']));
  });

  it('BR-IC-02, -11, -12: intra-EU goods need VAT ids, a date of supply and the deliver-to country', () => {
    const doc = copy(intraEuGoodsInvoice());
    doc.buyer.vatId = null;
    doc.serviceDate = null;
    doc.servicePeriod = null;
    expect(rules(doc)).toEqual(expect.arrayContaining(['BR-IC-02', 'BR-IC-11']));
  });

  it('BR-O-11: "not subject to VAT" does not mix with other categories', () => {
    const doc = buildDocument(
      baseInput({
        lines: [
          {
            name: 'Beratung USA',
            quantity: '1',
            unitCode: 'C62',
            unitAmount: 100,
            taxCategory: 'O',
            taxRate: '0',
          },
          { name: 'Buch', quantity: '1', unitCode: 'C62', unitAmount: 100, taxCategory: 'S', taxRate: '7' },
        ],
      }),
    );
    expect(rules(doc)).toContain('BR-O-11');
  });

  it('BR-DE-15: XRechnung needs the buyer reference; EN 16931 alone does not', () => {
    const doc = copy(domesticInvoice());
    doc.buyer.buyerReference = null;
    expect(rules(doc, 'xrechnung')).toEqual(['BR-DE-15']);
    expect(rules(doc, 'en16931')).toEqual([]);
  });

  it('BR-DE-5/-6/-7/-27/-28: XRechnung needs a complete seller contact', () => {
    const doc = copy(domesticInvoice());
    doc.seller.contact = { name: null, phone: '12', email: 'not-an-address' };
    expect(rules(doc)).toEqual(expect.arrayContaining(['BR-DE-5', 'BR-DE-27', 'BR-DE-28']));
    doc.seller.contact = { name: 'A', phone: null, email: null };
    expect(rules(doc)).toEqual(expect.arrayContaining(['BR-DE-6', 'BR-DE-7']));
  });

  it('BR-DE-1, -19, -30, -31: payment instructions must be usable', () => {
    const none = copy(domesticInvoice());
    none.paymentMeans = null;
    expect(rules(none)).toContain('BR-DE-1');
    const badIban = copy(domesticInvoice());
    badIban.paymentMeans = {
      kind: 'transfer',
      iban: 'DE00123',
      bic: null,
      accountHolder: null,
      bankName: null,
    };
    expect(rules(badIban)).toContain('BR-DE-19');
    const debit = copy(longInvoice(2));
    debit.paymentMeans = {
      kind: 'sepa_debit',
      mandateReference: 'M-1',
      creditorId: 'DE00ZZZ1',
      debtorIban: 'XX',
      collectionDate: null,
    };
    expect(rules(debit)).toEqual(expect.arrayContaining(['BR-DE-30', 'BR-DE-31']));
  });

  it('BR-DE-26 warns about a corrected invoice without its reference', () => {
    const doc = copy(domesticInvoice());
    doc.type = 'corrected_invoice';
    doc.typeCode = '384';
    const found = checkEn16931(doc, 'xrechnung');
    expect(found).toEqual([expect.objectContaining({ rule: 'BR-DE-26', severity: 'warning' })]);
  });
});
