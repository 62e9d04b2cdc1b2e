import Big from 'big.js';

// Money is an integer count of a currency's minor units (11900 = 119.00 EUR). Decimal inputs (quantities,
// rates, sub-cent unit prices) are strings computed with big.js and rounded once, half-up, where the rule says.
Big.RM = Big.roundHalfUp;
Big.DP = 20;

const SUPPORTED = new Set(Intl.supportedValuesOf('currency'));

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && SUPPORTED.has(code);
}

const exponents = new Map<string, number>();

/**
 * ISO 4217 exponent: 2 for EUR, 0 for JPY, 3 for KWD. Memoised per currency: building an Intl.NumberFormat
 * costs far more than the arithmetic around it, and rendering or totalling a document asks for it hundreds
 * of times. Only codes Intl accepts are remembered, so the map is bounded by the ISO list.
 */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    exponent = digits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

/**
 * The largest net total of a document (and of one contract item's charge), in minor units: half the largest
 * exact integer, so that net plus VAT (any rate up to 100 %) stays exact — about 45 trillion in a
 * two-decimal currency.
 */
export const MAX_DOCUMENT_NET = Math.floor(Number.MAX_SAFE_INTEGER / 2);

/** An amount of minor units beyond the exact integers (what roundMinor refuses). */
export class AmountOutOfRange extends RangeError {}

/** Rounds a decimal amount of minor units half-up (away from zero for .5) to an integer. */
export function roundMinor(amount: Big | string): number {
  const value = new Big(amount);
  const rounded = value.abs().round(0, Big.roundHalfUp);
  const signed = value.lt(0) ? rounded.neg() : rounded;
  const n = signed.toNumber();
  if (!Number.isSafeInteger(n)) throw new AmountOutOfRange(`amount ${value.toString()} is out of range`);
  return n;
}

/**
 * Net of one line in minor units: quantity × unit price × (1 − discount%), rounded half-up once
 * (DOMAIN.md §1). `unitAmount` is minor units and may be a decimal string for sub-cent prices.
 */
export function lineNet(quantity: string, unitAmount: number | string, discountPercent = '0'): number {
  const gross = new Big(quantity).times(new Big(unitAmount));
  const factor = new Big(1).minus(new Big(discountPercent).div(100));
  return roundMinor(gross.times(factor));
}

/** VAT on a net amount at a percentage rate, rounded once (per category and rate, BR-CO-14 shape). */
export function vatAmount(net: number, ratePercent: string): number {
  return roundMinor(new Big(net).times(new Big(ratePercent)).div(100));
}

/** Minor units as a plain decimal string in major units: 11900 EUR → "119.00", 500 JPY → "500". */
export function toMajorString(minor: number, currency: string): string {
  return new Big(minor).div(new Big(10).pow(currencyExponent(currency))).toFixed(currencyExponent(currency));
}

/** A major-unit decimal string as minor units: "119.00" EUR → 11900. Rejects more precision than the currency. */
export function fromMajorString(major: string, currency: string): number {
  const text = major.trim();
  if (!isDecimalString(text)) throw new RangeError(`'${major}' is not a decimal amount`);
  const exponent = currencyExponent(currency);
  const fraction = text.split('.')[1] ?? '';
  if (fraction.length > exponent) throw new RangeError(`'${major}' has more than ${exponent} decimals`);
  return new Big(text).times(new Big(10).pow(exponent)).toNumber();
}

/** Formats minor units for people: formatMoney(11900, 'EUR', 'de-DE') → "119,00 €". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(Number(toMajorString(minor, currency)));
}

/**
 * Splits `total` into parts proportional to `weights` so the parts always add up to the total
 * (largest-remainder method; installment plans, proration of credits).
 */
export function allocate(total: number, weights: number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError('total must be an integer');
  if (weights.length === 0) throw new RangeError('at least one weight is needed');
  if (weights.some((w) => w < 0) || weights.every((w) => w === 0))
    throw new RangeError('weights must be ≥ 0, not all 0');
  const sumWeights = weights.reduce((a, b) => a + b, 0);
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const exact = weights.map((w) => new Big(abs).times(w).div(sumWeights));
  const parts = exact.map((e) => e.round(0, Big.roundDown).toNumber());
  let rest = abs - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, remainder: e.minus(parts[i]!) }))
    .sort((a, b) => b.remainder.cmp(a.remainder) || a.i - b.i);
  for (const { i } of order) {
    if (rest === 0) break;
    parts[i]! += 1;
    rest -= 1;
  }
  return parts.map((p) => p * sign);
}
