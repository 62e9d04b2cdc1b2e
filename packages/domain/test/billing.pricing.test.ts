import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPriceModel,
  lineAmount,
  type PriceModel,
  type PriceTier,
  priceQuantity,
  prorate,
} from '../src/billing/pricing';
import { FieldErrors } from '../src/errors';
import { lineNet, roundMinor } from '../src/money';

// Stripe's "Set up tiered pricing" example (Typographic's fonts, USD cents): 1–5 at 7 USD, 6–10 at 6.50 USD,
// 11+ at 6 USD. https://docs.stripe.com/subscriptions/pricing-models/tiered-pricing
const TYPOGRAPHIC: PriceTier[] = [
  { upTo: 5, unitAmount: '700' },
  { upTo: 10, unitAmount: '650' },
  { upTo: null, unitAmount: '600' },
];
const graduated: PriceModel = { kind: 'graduated', tiers: TYPOGRAPHIC };
const volume: PriceModel = { kind: 'volume', tiers: TYPOGRAPHIC };

const amountOf = (model: PriceModel, quantity: string, discountPercent?: string) =>
  lineAmount(model, quantity, { discountPercent }).amount;

function problems(model: PriceModel): string[] {
  const errors = new FieldErrors();
  checkPriceModel(model, errors);
  return errors.list.map((e) => `${e.path}:${e.code}`);
}

describe('billing pricing: flat and per unit', () => {
  it('charges a flat price whatever the quantity, 0 included', () => {
    const flat: PriceModel = { kind: 'flat', amount: 4900 };
    expect(amountOf(flat, '1')).toBe(4900);
    expect(amountOf(flat, '17')).toBe(4900);
    expect(amountOf(flat, '0')).toBe(4900);
    expect(priceQuantity(flat, '3').components).toEqual([
      {
        tier: null,
        above: null,
        upTo: null,
        quantity: '0',
        unitAmount: '0',
        flatAmount: 4900,
        amount: '4900',
      },
    ]);
  });

  it('multiplies quantity by the unit amount, sub-cent unit amounts rounded half-up once per line', () => {
    expect(amountOf({ kind: 'per_unit', unitAmount: '1999' }, '3')).toBe(5997);
    expect(amountOf({ kind: 'per_unit', unitAmount: '0.35' }, '1234')).toBe(432); // 431.9
    expect(amountOf({ kind: 'per_unit', unitAmount: '0.5' }, '1')).toBe(1); // 0.5 rounds up
    expect(amountOf({ kind: 'per_unit', unitAmount: '0.5' }, '3')).toBe(2); // 1.5 rounds up
    expect(amountOf({ kind: 'per_unit', unitAmount: '1000' }, '2.25')).toBe(2250); // decimal quantity (hours)
    expect(amountOf({ kind: 'per_unit', unitAmount: '1999' }, '0')).toBe(0);
    expect(priceQuantity({ kind: 'per_unit', unitAmount: '1999' }, '0').components).toEqual([]);
  });

  it('matches money.lineNet for any per-unit line (property)', () => {
    const decimal = (maxInt: number, decimals: number) =>
      fc
        .tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: 10 ** decimals - 1 }))
        .map(([i, f]) => (decimals === 0 ? String(i) : `${i}.${String(f).padStart(decimals, '0')}`));
    fc.assert(
      fc.property(
        decimal(10_000, 3),
        decimal(1_000_000, 4),
        decimal(100, 2),
        (quantity, unitAmount, discount) => {
          const model: PriceModel = { kind: 'per_unit', unitAmount };
          expect(amountOf(model, quantity, discount)).toBe(lineNet(quantity, unitAmount, discount));
        },
      ),
    );
  });
});

describe('billing pricing: graduated and volume tiers (Stripe worked examples)', () => {
  it('volume: every unit at the price of the tier the total falls in (Stripe table 1/5/6/20/25 fonts)', () => {
    const table = { '1': 700, '5': 3500, '6': 3900, '20': 12000, '25': 15000 };
    for (const [quantity, cents] of Object.entries(table))
      expect(amountOf(volume, quantity), quantity).toBe(cents);
  });

  it('graduated: each unit at the price of its own tier (Stripe: 5 fonts = 35 USD, then summed per tier)', () => {
    // Stripe's rule on its tiers: 6 = 5 × 7 + 1 × 6.50 = 41.50; 20 = 35 + 32.50 + 10 × 6 = 127.50; 25 = 157.50.
    const table = { '1': 700, '5': 3500, '6': 4150, '20': 12750, '25': 15750 };
    for (const [quantity, cents] of Object.entries(table))
      expect(amountOf(graduated, quantity), quantity).toBe(cents);
  });

  it('explains a graduated price tier by tier for the invoice line', () => {
    expect(priceQuantity(graduated, '12')).toEqual({
      exactAmount: '7950',
      components: [
        { tier: 1, above: '0', upTo: '5', quantity: '5', unitAmount: '700', flatAmount: 0, amount: '3500' },
        { tier: 2, above: '5', upTo: '10', quantity: '5', unitAmount: '650', flatAmount: 0, amount: '3250' },
        { tier: 3, above: '10', upTo: null, quantity: '2', unitAmount: '600', flatAmount: 0, amount: '1200' },
      ],
    });
    expect(priceQuantity(volume, '12').components).toEqual([
      { tier: 3, above: '10', upTo: null, quantity: '12', unitAmount: '600', flatAmount: 0, amount: '7200' },
    ]);
  });

  it('puts a quantity exactly on a boundary in the lower tier (upTo is inclusive)', () => {
    expect(amountOf(volume, '5')).toBe(3500);
    expect(amountOf(volume, '10')).toBe(6500);
    expect(amountOf(volume, '11')).toBe(6600);
    expect(amountOf(graduated, '10')).toBe(6750);
    expect(priceQuantity(graduated, '10').components.map((c) => c.tier)).toEqual([1, 2]);
    expect(amountOf(graduated, '11')).toBe(7350);
  });

  it('volume with a flat fee per tier (Lago example: 65,000 API calls = 65,000 × $0.0006 + $10 = $49)', () => {
    // https://getlago.com/docs/guide/plans/charges/charge-models/volume — USD cents, $0.0006 = 0.06 cent.
    const lago: PriceModel = {
      kind: 'volume',
      tiers: [
        { upTo: 10_000, unitAmount: '0.1', flatAmount: 1000 },
        { upTo: 50_000, unitAmount: '0.08', flatAmount: 1000 },
        { upTo: 100_000, unitAmount: '0.06', flatAmount: 1000 },
        { upTo: null, unitAmount: '0.04', flatAmount: 1000 },
      ],
    };
    expect(amountOf(lago, '65000')).toBe(4900);
    expect(amountOf(lago, '10000')).toBe(2000);
    expect(amountOf(lago, '10001')).toBe(1800); // 800.08 + 1000, rounded once
  });

  it('graduated flat fees are charged once for each tier the quantity reaches', () => {
    const model: PriceModel = {
      kind: 'graduated',
      tiers: [
        { upTo: 100, unitAmount: '100', flatAmount: 500 },
        { upTo: 200, unitAmount: '50', flatAmount: 300 },
        { upTo: null, unitAmount: '10' },
      ],
    };
    expect(amountOf(model, '100')).toBe(10_500); // second tier not reached: no 300
    expect(amountOf(model, '101')).toBe(10_850); // 10,500 + 50 + 300
    expect(amountOf(model, '150')).toBe(13_300);
    expect(amountOf(model, '250')).toBe(16_300); // 10,500 + 5,300 + 50 × 10
  });

  it('prices quantity 0 at nothing under tiers — no tier reached, so no tier flat fee either', () => {
    const withFees: PriceTier[] = [
      { upTo: 5, unitAmount: '700', flatAmount: 1000 },
      { upTo: null, unitAmount: '600', flatAmount: 500 },
    ];
    for (const kind of ['graduated', 'volume'] as const) {
      expect(priceQuantity({ kind, tiers: withFees }, '0')).toEqual({ exactAmount: '0', components: [] });
    }
  });

  it('handles decimal quantities across a boundary (5.5 hours)', () => {
    expect(amountOf(graduated, '5.5')).toBe(3825); // 5 × 700 + 0.5 × 650
    expect(amountOf(volume, '5.5')).toBe(3575); // all 5.5 in tier 2
    expect(amountOf(volume, '0.25')).toBe(175);
  });

  it('applies a discount to the whole tiered amount and rounds once, not tier by tier', () => {
    // 4150 × 0.6667 = 2766.805 → 2767; rounding each tier first would give 2333 + 433 = 2766.
    expect(amountOf(graduated, '6', '33.33')).toBe(2767);
    expect(amountOf({ kind: 'flat', amount: 10_000 }, '1', '15')).toBe(8500);
    expect(amountOf({ kind: 'flat', amount: 10_000 }, '1', '100')).toBe(0);
  });

  it('rejects a negative or malformed quantity', () => {
    expect(() => priceQuantity(graduated, '-1')).toThrow(RangeError);
    expect(() => priceQuantity(graduated, '1e3')).toThrow(RangeError);
    expect(() => lineAmount(graduated, '1', { discountPercent: 'ten' })).toThrow(RangeError);
  });
});

describe('billing pricing: validating a price model', () => {
  it('accepts the examples above', () => {
    expect(problems(graduated)).toEqual([]);
    expect(problems(volume)).toEqual([]);
    expect(problems({ kind: 'flat', amount: 0 })).toEqual([]);
    expect(problems({ kind: 'per_unit', unitAmount: '0.000000000001' })).toEqual([]);
  });

  it('names every bad tier field at once', () => {
    const bad: PriceModel = {
      kind: 'graduated',
      tiers: [
        { upTo: 10, unitAmount: '700' },
        { upTo: 10, unitAmount: '-1' }, // not ascending, negative
        { upTo: null, unitAmount: '600' }, // open tier in the middle
        { upTo: 50, unitAmount: '1e2', flatAmount: 1.5 }, // last tier bounded, bad amounts
      ],
    };
    expect(problems(bad)).toEqual([
      'priceModel.tiers.1.upTo:tier_not_ascending',
      'priceModel.tiers.1.unitAmount:unit_amount_invalid',
      'priceModel.tiers.2.upTo:tier_open_not_last',
      'priceModel.tiers.3.upTo:tier_last_not_open',
      'priceModel.tiers.3.unitAmount:unit_amount_invalid',
      'priceModel.tiers.3.flatAmount:amount_invalid',
    ]);
  });

  it('rejects empty tiers, a bad flat amount, too many decimals and an unknown kind', () => {
    expect(problems({ kind: 'volume', tiers: [] })).toEqual(['priceModel.tiers:tiers_invalid']);
    expect(problems({ kind: 'flat', amount: -1 })).toEqual(['priceModel.amount:amount_invalid']);
    expect(problems({ kind: 'flat', amount: 9.99 })).toEqual(['priceModel.amount:amount_invalid']);
    expect(problems({ kind: 'per_unit', unitAmount: '0.0000000000001' })).toEqual([
      'priceModel.unitAmount:unit_amount_invalid',
    ]);
    expect(problems({ kind: 'tiered' } as unknown as PriceModel)).toEqual([
      'priceModel.kind:price_model_invalid',
    ]);
  });
});

describe('billing pricing: daily proration of a period', () => {
  it('charges the days [from, to) of a period, starting slices exactly at days/of of the full amount', () => {
    expect(prorate('3100', { from: 0, to: 31, of: 31 })).toBe(3100);
    expect(prorate('3100', { from: 0, to: 15, of: 31 })).toBe(1500);
    expect(prorate('1001', { from: 0, to: 15, of: 30 })).toBe(501); // 500.5 rounds up
    expect(prorate('1001', { from: 15, to: 30, of: 30 })).toBe(500); // the rest of the period
    expect(prorate('1000', { from: 5, to: 5, of: 30 })).toBe(0);
  });

  it('rejects a share outside the period', () => {
    expect(() => prorate('1000', { from: 0, to: 32, of: 31 })).toThrow(RangeError);
    expect(() => prorate('1000', { from: 10, to: 9, of: 31 })).toThrow(RangeError);
    expect(() => prorate('1000', { from: -1, to: 9, of: 31 })).toThrow(RangeError);
    expect(() => prorate('1000', { from: 0, to: 0, of: 0 })).toThrow(RangeError);
  });

  it('never charges the pieces of a period more than the whole, and all pieces add up to it (property)', () => {
    // Rounding each day on its own would break this: 50 cents over 31 days is 1.6 cents a day → 2 × 31 = 62.
    expect(
      Array.from({ length: 31 }, (_, d) => prorate('50', { from: d, to: d + 1, of: 31 })).reduce(
        (a, b) => a + b,
      ),
    ).toBe(50);
    const exact = fc
      .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 9999 }))
      .map(([i, f]) => `${i}.${String(f).padStart(4, '0')}`);
    fc.assert(
      fc.property(
        exact,
        fc.integer({ min: 28, max: 366 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 365 }), { maxLength: 12 }),
        (amount, of, rawCuts) => {
          const cuts = [0, ...rawCuts.filter((c) => c < of).sort((a, b) => a - b), of];
          const pieces = cuts.slice(1).map((to, i) => prorate(amount, { from: cuts[i]!, to, of }));
          const full = roundMinor(amount);
          expect(pieces.reduce((a, b) => a + b, 0)).toBe(full);
          for (const [i, piece] of pieces.entries()) {
            const share = new Big(amount).times(cuts[i + 1]! - cuts[i]!).div(of);
            expect(piece).toBeGreaterThanOrEqual(0);
            expect(new Big(piece).minus(share).abs().lt(1)).toBe(true);
          }
          // any subset of the pieces, e.g. every other one, stays within the full amount
          expect(pieces.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(full);
        },
      ),
    );
  });
});
