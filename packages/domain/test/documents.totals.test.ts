import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDocument, computeTotals, type LineInput, reverse } from '../src/documents/totals';
import type { AllowanceCharge, DocumentTotals, TaxCategory } from '../src/documents/types';
import { baseInput, domesticInvoice } from './documents.fixtures';

const decimal = (maxDecimals: number, max: number) =>
  fc
    .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 10 ** maxDecimals - 1 }), fc.boolean())
    .map(([whole, fraction, withFraction]) =>
      withFraction && maxDecimals > 0
        ? `${whole}.${String(fraction).padStart(maxDecimals, '0')}`
        : String(whole),
    );

const taxed: fc.Arbitrary<{ taxCategory: TaxCategory; taxRate: string }> = fc.oneof(
  fc
    .constantFrom('19', '7', '16', '5', '20', '5.5')
    .map((rate) => ({ taxCategory: 'S' as const, taxRate: rate })),
  fc
    .constantFrom('Z', 'E', 'AE', 'K', 'G', 'O')
    .map((c) => ({ taxCategory: c as TaxCategory, taxRate: '0' })),
);

const lineArb: fc.Arbitrary<LineInput> = fc
  .record({
    quantity: decimal(3, 500),
    unitAmount: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), decimal(4, 100_000)),
    discountPercent: fc.option(decimal(2, 99), { nil: null }),
    tax: taxed,
  })
  .map(({ quantity, unitAmount, discountPercent, tax }) => ({
    name: 'Item',
    quantity,
    unitCode: 'C62',
    unitAmount,
    discountPercent,
    ...tax,
  }));

const allowanceArb: fc.Arbitrary<AllowanceCharge> = fc.record({
  kind: fc.constantFrom('allowance' as const, 'charge' as const),
  reason: fc.constant('Rabatt'),
  amount: fc.integer({ min: 0, max: 100_000 }),
  taxCategory: fc.constant('S' as const),
  taxRate: fc.constantFrom('19', '7'),
});

const documentArb = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 25 }),
    allowancesCharges: fc.array(allowanceArb, { maxLength: 3 }),
    prepaidAmount: fc.integer({ min: 0, max: 100_000 }),
  })
  .map((parts) => buildDocument(baseInput(parts)));

function negated(totals: DocumentTotals): DocumentTotals {
  const neg = (n: number) => (n === 0 ? 0 : -n);
  return {
    lineNetTotal: neg(totals.lineNetTotal),
    allowanceTotal: neg(totals.allowanceTotal),
    chargeTotal: neg(totals.chargeTotal),
    taxBasisTotal: neg(totals.taxBasisTotal),
    taxTotal: neg(totals.taxTotal),
    grossTotal: neg(totals.grossTotal),
    prepaidAmount: neg(totals.prepaidAmount),
    amountDue: neg(totals.amountDue),
    taxBreakdown: totals.taxBreakdown.map((row) => ({ ...row, basis: neg(row.basis), tax: neg(row.tax) })),
  };
}

/** Zero and negative zero are the same amount; toEqual would tell them apart. */
function normaliseZero<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('computeTotals', () => {
  it('computes a domestic two-rate invoice with one rounding per line and per rate', () => {
    const doc = domesticInvoice();
    expect(doc.lines.map((l) => l.netAmount)).toEqual([24500, 37800, 5980]);
    expect(doc.totals).toMatchObject({
      lineNetTotal: 68280,
      taxBasisTotal: 68280,
      taxTotal: 11837 + 419,
      grossTotal: 68280 + 12256,
      amountDue: 80536,
    });
    expect(doc.totals.taxBreakdown).toEqual([
      {
        category: 'S',
        rate: '19',
        basis: 62300,
        tax: 11837,
        exemptionReasonCode: null,
        exemptionReason: null,
      },
      // 5980 × 7 % = 418.6 → 419, rounded once for the group.
      { category: 'S', rate: '7', basis: 5980, tax: 419, exemptionReasonCode: null, exemptionReason: null },
    ]);
  });

  it('rounds VAT once per group, not per line (BR-CO-14 shape)', () => {
    const line = { netAmount: 99, taxCategory: 'S' as const, taxRate: '19' };
    // Per line 18.81 → 19, three times 57; on the group's 297 it is 56.43 → 56.
    const totals = computeTotals([line, line, line], [], { sellerCountry: 'DE', language: 'de' });
    expect(totals.taxTotal).toBe(56);
  });

  it('groups equal rates written differently and sorts S first, highest rate first', () => {
    const totals = computeTotals(
      [
        { netAmount: 1000, taxCategory: 'E', taxRate: '0' },
        { netAmount: 100, taxCategory: 'S', taxRate: '7' },
        { netAmount: 200, taxCategory: 'S', taxRate: '19.00' },
        { netAmount: 300, taxCategory: 'S', taxRate: '19' },
      ],
      [],
      { sellerCountry: 'DE', language: 'en' },
    );
    expect(totals.taxBreakdown.map((r) => [r.category, r.rate, r.basis])).toEqual([
      ['S', '19', 500],
      ['S', '7', 100],
      ['E', '0', 1000],
    ]);
    expect(totals.taxBreakdown[2]!.exemptionReason).toContain('§ 19 UStG');
  });

  it('applies document-level allowances and charges to the basis of their rate', () => {
    const doc = domesticInvoice({
      allowancesCharges: [
        { kind: 'allowance', reason: 'Treuerabatt', amount: 2300, taxCategory: 'S', taxRate: '19' },
        { kind: 'charge', reason: 'Versand', amount: 590, taxCategory: 'S', taxRate: '7' },
      ],
      prepaidAmount: 10000,
    });
    const t = doc.totals;
    expect(t.allowanceTotal).toBe(2300);
    expect(t.chargeTotal).toBe(590);
    expect(t.taxBasisTotal).toBe(68280 - 2300 + 590);
    expect(t.taxBreakdown.map((r) => r.basis)).toEqual([60000, 6570]);
    expect(t.taxBreakdown.map((r) => r.tax)).toEqual([11400, 460]);
    expect(t.amountDue).toBe(t.grossTotal - 10000);
  });

  it('keeps every total equal to the sum of its parts (property)', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const t = doc.totals;
        expect(t.lineNetTotal).toBe(doc.lines.reduce((s, l) => s + l.netAmount, 0));
        for (const line of doc.lines) {
          const exact = new Big(line.quantity)
            .times(line.unitAmount)
            .times(new Big(1).minus(new Big(line.discountPercent ?? '0').div(100)));
          expect(Math.abs(line.netAmount - exact.toNumber())).toBeLessThanOrEqual(0.5);
        }
        expect(t.taxBasisTotal).toBe(t.lineNetTotal - t.allowanceTotal + t.chargeTotal);
        // The VAT breakdown's bases add up to the document's net (BR-CO-13 with BT-116).
        expect(t.taxBreakdown.reduce((s, r) => s + r.basis, 0)).toBe(t.taxBasisTotal);
        expect(t.taxTotal).toBe(t.taxBreakdown.reduce((s, r) => s + r.tax, 0));
        expect(t.grossTotal).toBe(t.taxBasisTotal + t.taxTotal);
        expect(t.amountDue).toBe(t.grossTotal - t.prepaidAmount);
        for (const row of t.taxBreakdown) {
          const expected = row.category === 'S' ? new Big(row.basis).times(row.rate).div(100).round(0, 1) : 0;
          expect(row.tax).toBe(Number(expected));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives a full reversal exactly the negated totals (property)', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const storno = reverse(doc, { number: 'ST-2026-00001', issueDate: '2026-12-01' });
        expect(normaliseZero(storno.totals)).toEqual(normaliseZero(negated(doc.totals)));
        expect(storno.lines.map((l) => l.netAmount + 0)).toEqual(doc.lines.map((l) => -l.netAmount + 0));
        // Reversing the reversal brings back the original.
        const again = reverse(storno, { number: 'X', issueDate: '2026-12-02' });
        expect(normaliseZero(again.totals)).toEqual(normaliseZero(doc.totals));
      }),
      { numRuns: 300 },
    );
  });
});

describe('reverse', () => {
  it('issues a 381 that references the original and keeps the parties and dates of supply', () => {
    const original = domesticInvoice();
    const note = reverse(original, {
      type: 'credit_note',
      number: 'GS-2026-00003',
      issueDate: '2026-12-03',
      issuedAt: '2026-12-03T10:00:00.000Z',
    });
    expect(note.type).toBe('credit_note');
    expect(note.typeCode).toBe('381');
    expect(note.precedingDocument).toEqual({ number: 'RE-2026-00017', issueDate: '2026-11-27' });
    expect(note.buyer).toEqual(original.buyer);
    expect(note.servicePeriod).toEqual(original.servicePeriod);
    expect(note.lines.map((l) => l.quantity)).toEqual(['-5', '-3.5', '-2']);
    expect(note.totals.amountDue).toBe(-80536);
    expect(note.paymentTerms).toContain('erstattet');
    expect(reverse(original, { number: 'ST-1', issueDate: '2026-12-03' }).type).toBe('cancellation');
  });
});
