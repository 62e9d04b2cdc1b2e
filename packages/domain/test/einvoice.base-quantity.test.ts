import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { priceWithBaseQuantity } from '../src/documents/einvoice';

// EN 16931 BT-146 (item net price) per BT-149 (item price base quantity): a price finer than the currency's
// minor unit becomes a price per 10^k units with at most the currency's decimals.
describe('priceWithBaseQuantity', () => {
  const per = (price: string, exponent = 2) => {
    const { amount, baseQuantity } = priceWithBaseQuantity(new Big(price), exponent);
    return [amount.toFixed(exponent), baseQuantity];
  };

  it('leaves prices the currency can write as they are (base quantity 1)', () => {
    expect(per('19.99')).toEqual(['19.99', 1]);
    expect(per('0.01')).toEqual(['0.01', 1]);
    expect(per('1200')).toEqual(['1200.00', 1]);
    expect(per('5', 0)).toEqual(['5', 1]); // JPY: no minor unit
  });

  it('states sub-cent prices per 10, 100, 1000 … units', () => {
    expect(per('0.0035')).toEqual(['0.35', 100]); // 0.35 cent per API call = 0.35 € per 100 calls
    expect(per('0.125')).toEqual(['1.25', 10]);
    expect(per('0.00001')).toEqual(['0.01', 1000]);
    expect(per('0.5', 0)).toEqual(['5', 10]); // half a yen
  });

  it('quantity × price ÷ base quantity gives the same line amount', () => {
    const { amount, baseQuantity } = priceWithBaseQuantity(new Big('0.0035'), 2);
    expect(new Big(12000).times(amount).div(baseQuantity).toFixed(2)).toBe('42.00');
  });
});
