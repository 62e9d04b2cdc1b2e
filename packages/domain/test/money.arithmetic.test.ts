import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  currencyExponent,
  formatMoney,
  fromMajorString,
  isCurrency,
  isDecimalString,
  lineNet,
  roundMinor,
  toMajorString,
  vatAmount,
} from '../src/money';

describe('money: line net (quantity × unit price × (1 − discount), rounded half-up once)', () => {
  it('multiplies exactly in decimal, with no float error', () => {
    expect(lineNet('3', 333)).toBe(999);
    expect(lineNet('0.1', 30)).toBe(3); // 0.1 × 30 is 3.0000000000000004 in floats
    expect(lineNet('1000000', 99_999)).toBe(99_999_000_000);
  });

  it('rounds half-up at .5 and down below it', () => {
    expect(lineNet('1', '0.5')).toBe(1);
    expect(lineNet('1', '2.5')).toBe(3);
    expect(lineNet('1', '2.4999')).toBe(2);
    expect(lineNet('1.5', 1999)).toBe(2999); // 2998.5
  });

  it('rounds negatives symmetrically (half away from zero), so a credit note mirrors its invoice line', () => {
    expect(lineNet('-1', '0.5')).toBe(-1);
    expect(lineNet('1', '-2.5')).toBe(-3);
    expect(lineNet('-1.5', 1999)).toBe(-2999);
    expect(lineNet('-1', '2.4999')).toBe(-2);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (q, unit) => {
          const quantity = (q / 100).toFixed(2);
          // a sum, not Object.is: a tiny negative line rounds to -0, which prints and stores as 0
          expect(lineNet(`-${quantity}`, unit) + lineNet(quantity, unit)).toBe(0);
        },
      ),
    );
  });

  it('rounds the line once, not the sub-cent unit price first', () => {
    // 3 × 33.335 ct = 100.005 ct → 100; rounding the price first would give 99 (33) or 102 (34)
    expect(lineNet('3', '33.335')).toBe(100);
    expect(lineNet('4', '0.125')).toBe(1); // 0.5 ct → 1
  });

  it('applies a percentage discount before rounding', () => {
    expect(lineNet('3', 333, '10')).toBe(899); // 899.1
    expect(lineNet('1', 1000, '12.5')).toBe(875);
    expect(lineNet('1', 999, '50')).toBe(500); // 499.5 → 500
    expect(lineNet('2', 1000, '100')).toBe(0);
  });
});

describe('money: VAT amount', () => {
  it('takes the rate of the net and rounds once, half-up', () => {
    expect(vatAmount(10_000, '19')).toBe(1900);
    expect(vatAmount(1050, '19')).toBe(200); // 199.5
    expect(vatAmount(1049, '19')).toBe(199); // 199.31
    expect(vatAmount(15, '7')).toBe(1); // 1.05
    expect(vatAmount(12_345, '0')).toBe(0);
    expect(vatAmount(1000, '5.5')).toBe(55);
  });

  it('mirrors negatives exactly', () => {
    expect(vatAmount(-1050, '19')).toBe(-200);
    expect(vatAmount(-15, '7')).toBe(-1);
  });
});

describe('money: currencies and their ISO 4217 exponents', () => {
  it('knows the minor units per currency', () => {
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('BHD')).toBe(3);
  });

  it('accepts ISO codes only', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('CHF')).toBe(true);
    expect(isCurrency('eur')).toBe(false);
    expect(isCurrency('EURO')).toBe(false);
    expect(isCurrency('ABC')).toBe(false);
  });

  it('writes minor units as major-unit strings with the currency’s decimals', () => {
    expect(toMajorString(11_900, 'EUR')).toBe('119.00');
    expect(toMajorString(0, 'EUR')).toBe('0.00');
    expect(toMajorString(-5, 'EUR')).toBe('-0.05');
    expect(toMajorString(500, 'JPY')).toBe('500');
    expect(toMajorString(1234, 'KWD')).toBe('1.234');
  });

  it('reads major-unit strings as minor units and refuses more precision than the currency has', () => {
    expect(fromMajorString('119.00', 'EUR')).toBe(11_900);
    expect(fromMajorString('119', 'EUR')).toBe(11_900);
    expect(fromMajorString(' 12.3 ', 'EUR')).toBe(1230);
    expect(fromMajorString('-1.5', 'EUR')).toBe(-150);
    expect(fromMajorString('500', 'JPY')).toBe(500);
    expect(fromMajorString('1.234', 'KWD')).toBe(1234);
    expect(() => fromMajorString('1.005', 'EUR')).toThrow(RangeError);
    expect(() => fromMajorString('1.5', 'JPY')).toThrow(RangeError);
    expect(() => fromMajorString('1e3', 'EUR')).toThrow(RangeError);
    expect(() => fromMajorString('12,50', 'EUR')).toThrow(RangeError);
    expect(() => fromMajorString('', 'EUR')).toThrow(RangeError);
  });

  it('round-trips every amount through its major-unit string', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('EUR', 'JPY', 'KWD', 'USD', 'CHF'),
        (minor, currency) => {
          expect(fromMajorString(toMajorString(minor, currency), currency)).toBe(minor);
        },
      ),
    );
  });

  it('formats for people in the locale', () => {
    expect(formatMoney(11_900, 'EUR', 'de-DE')).toMatch(/^119,00\s€$/u);
    expect(formatMoney(123_456, 'EUR', 'en-IE')).toBe('€1,234.56');
    expect(formatMoney(500, 'JPY', 'ja-JP')).toMatch(/500/);
  });

  it('checks decimal strings and refuses unsafe integers', () => {
    expect(isDecimalString('1.5')).toBe(true);
    expect(isDecimalString('-0.25')).toBe(true);
    expect(isDecimalString('1.')).toBe(false);
    expect(isDecimalString('.5')).toBe(false);
    expect(isDecimalString('1e2')).toBe(false);
    expect(() => roundMinor('1e300')).toThrow(RangeError);
  });
});

describe('money: allocate', () => {
  it('splits by weights with the largest remainders getting the extra units', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(1000, [1, 3])).toEqual([250, 750]);
    expect(allocate(5, [0, 1])).toEqual([0, 5]);
    expect(allocate(0, [2, 5])).toEqual([0, 0]);
  });

  it('refuses weights it cannot split by', () => {
    expect(() => allocate(100, [])).toThrow(RangeError);
    expect(() => allocate(100, [0, 0])).toThrow(RangeError);
    expect(() => allocate(100, [1, -1])).toThrow(RangeError);
    expect(() => allocate(1.5, [1])).toThrow(RangeError);
  });

  it('always sums to the total, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 24 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((part, i) => {
            expect(Number.isInteger(part)).toBe(true);
            expect(Math.abs(part - (total * weights[i]!) / sum)).toBeLessThan(1);
            if (weights[i] === 0) expect(part === 0).toBe(true); // may be -0 for a negative total
          });
        },
      ),
    );
  });
});
