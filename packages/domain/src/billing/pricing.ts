import Big from 'big.js';
import type { FieldErrors } from '../errors';
import { isDecimalString, roundMinor } from '../money';

/**
 * Price models of an article (issue 4, item 1). All amounts are minor units of the article's currency;
 * unit amounts are decimal strings so a price below one minor unit per unit ('0.35' cent per API call) is
 * exact. Tiers follow Stripe's shape (`up_to` inclusive, the last tier open-ended):
 * https://docs.stripe.com/api/prices/object#price_object-tiers
 */
export type PriceModel =
  /** A fixed amount per period, whatever the quantity. */
  | { kind: 'flat'; amount: number }
  /** quantity × unitAmount. */
  | { kind: 'per_unit'; unitAmount: string }
  /** Each unit is priced by the tier it falls in; a tier's flat amount is added once units reach it. */
  | { kind: 'graduated'; tiers: PriceTier[] }
  /** Every unit is priced by the one tier the total quantity falls in, plus that tier's flat amount. */
  | { kind: 'volume'; tiers: PriceTier[] };

export type PriceModelKind = PriceModel['kind'];

export interface PriceTier {
  /** Last unit of the tier (inclusive); `null` for the open-ended last tier. The tier starts after the previous `upTo`. */
  upTo: number | null;
  /** Minor units per unit, a decimal string ('700', '0.35'). */
  unitAmount: string;
  /** Minor units charged once for the tier, on top of the unit amounts. */
  flatAmount?: number;
}

/** One priced slice of a quantity, for the invoice line text ("6–10 × 6.50 USD"). */
export interface PriceComponent {
  /** 1-based tier number; null for flat and per-unit prices. */
  tier: number | null;
  /**
   * The tier's range (above, upTo] as decimal strings — units 6–10 are above '5' up to '10'; `upTo` null
   * when open-ended. Both null for flat and per-unit prices.
   */
  above: string | null;
  upTo: string | null;
  /** Units priced at `unitAmount` in this slice. */
  quantity: string;
  unitAmount: string;
  flatAmount: number;
  /** Exact minor units of the slice, quantity × unitAmount + flatAmount, not rounded. */
  amount: string;
}

export interface PricedQuantity {
  /** Exact minor units before the one rounding of the line. */
  exactAmount: string;
  components: PriceComponent[];
}

/**
 * The days [from, to) of a period of `of` days that a line covers, counted from the period's first day:
 * a whole period is { from: 0, to: of, of }. Used by daily proration.
 */
export interface PeriodShare {
  from: number;
  to: number;
  of: number;
}

export interface LineAmount extends PricedQuantity {
  /** Minor units of the line, rounded half-up once. */
  amount: number;
}

const MAX_TIERS = 50;
const MAX_UNIT_DECIMALS = 12; // Stripe's unit_amount_decimal limit; more precision is noise in minor units.

function isNonNegativeDecimal(value: unknown, maxDecimals = MAX_UNIT_DECIMALS): value is string {
  if (typeof value !== 'string' || !isDecimalString(value) || value.startsWith('-')) return false;
  return (value.split('.')[1] ?? '').length <= maxDecimals;
}

function isMinorAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Reports every problem of a price model into `errors` under `path` (e.g. `priceModel`). */
export function checkPriceModel(model: PriceModel, errors: FieldErrors, path = 'priceModel'): void {
  switch (model.kind) {
    case 'flat':
      if (!isMinorAmount(model.amount)) {
        errors.add(`${path}.amount`, 'amount_invalid', 'must be a whole number of minor units ≥ 0');
      }
      return;
    case 'per_unit':
      if (!isNonNegativeDecimal(model.unitAmount)) {
        errors.add(
          `${path}.unitAmount`,
          'unit_amount_invalid',
          'must be a decimal string of minor units ≥ 0',
        );
      }
      return;
    case 'graduated':
    case 'volume':
      checkTiers(model.tiers, errors, `${path}.tiers`);
      return;
    default:
      errors.add(`${path}.kind`, 'price_model_invalid', 'must be flat, per_unit, graduated or volume');
  }
}

/** Tiers ascend strictly by `upTo`; only the last is open-ended (`upTo: null`), so every quantity has a tier. */
function checkTiers(tiers: PriceTier[], errors: FieldErrors, path: string): void {
  if (!Array.isArray(tiers) || tiers.length === 0 || tiers.length > MAX_TIERS) {
    errors.add(path, 'tiers_invalid', `must list 1 to ${MAX_TIERS} tiers`);
    return;
  }
  let previous = 0;
  tiers.forEach((tier, i) => {
    const last = i === tiers.length - 1;
    if (last && tier.upTo !== null) {
      errors.add(
        `${path}.${i}.upTo`,
        'tier_last_not_open',
        'the last tier must have upTo null (no upper bound)',
      );
    } else if (!last && tier.upTo === null) {
      errors.add(`${path}.${i}.upTo`, 'tier_open_not_last', 'only the last tier may have upTo null');
    } else if (tier.upTo !== null) {
      if (typeof tier.upTo !== 'number' || !Number.isFinite(tier.upTo) || tier.upTo <= previous) {
        errors.add(`${path}.${i}.upTo`, 'tier_not_ascending', `must be a number greater than ${previous}`);
      } else {
        previous = tier.upTo;
      }
    }
    if (!isNonNegativeDecimal(tier.unitAmount)) {
      errors.add(
        `${path}.${i}.unitAmount`,
        'unit_amount_invalid',
        'must be a decimal string of minor units ≥ 0',
      );
    }
    if (tier.flatAmount !== undefined && !isMinorAmount(tier.flatAmount)) {
      errors.add(`${path}.${i}.flatAmount`, 'amount_invalid', 'must be a whole number of minor units ≥ 0');
    }
  });
}

function parseQuantity(quantity: string): Big {
  if (!isDecimalString(quantity) || quantity.startsWith('-')) {
    throw new RangeError(`quantity '${quantity}' must be a decimal string ≥ 0`);
  }
  return new Big(quantity);
}

function component(
  tier: number | null,
  range: [number, number | null] | null,
  quantity: Big,
  unitAmount: string,
  flatAmount: number,
): PriceComponent {
  return {
    tier,
    above: range ? String(range[0]) : null,
    upTo: range?.[1] != null ? String(range[1]) : null,
    quantity: quantity.toString(),
    unitAmount,
    flatAmount,
    amount: quantity.times(unitAmount).plus(flatAmount).toString(),
  };
}

/**
 * Graduated: the quantity fills the tiers in order; tier i holds the units in (upTo(i−1), upTo(i)] and adds
 * its flat amount once any unit lands in it. Stripe's tiered-pricing guide (tiers 1–5 at 7 USD, 6–10 at
 * 6.50, 11+ at 6): "5 fonts result in the same charge as volume-based pricing: 35 USD"; past the first tier
 * "the quantity is multiplied by the amount for each tier and the totals for each tier are summed", so
 * 6 units = 5 × 7 + 1 × 6.50 = 41.50 USD. https://docs.stripe.com/subscriptions/pricing-models/tiered-pricing
 */
function graduated(tiers: PriceTier[], quantity: Big): PriceComponent[] {
  const parts: PriceComponent[] = [];
  let lower = 0;
  for (const [i, tier] of tiers.entries()) {
    if (quantity.lte(lower)) break;
    const top = tier.upTo !== null && quantity.gt(tier.upTo) ? new Big(tier.upTo) : quantity;
    parts.push(component(i + 1, [lower, tier.upTo], top.minus(lower), tier.unitAmount, tier.flatAmount ?? 0));
    lower = tier.upTo ?? lower;
  }
  return parts;
}

/**
 * Volume: the tier the whole quantity falls in prices every unit. Stripe's worked example with the same
 * tiers: 5 units = 5 × 7 = 35 USD, 6 units = 6 × 6.50 = 39 USD, 25 units = 25 × 6 = 150 USD.
 * https://docs.stripe.com/subscriptions/pricing-models/tiered-pricing
 */
function volume(tiers: PriceTier[], quantity: Big): PriceComponent[] {
  if (quantity.eq(0)) return [];
  const index = tiers.findIndex((t) => t.upTo === null || quantity.lte(t.upTo));
  const tier = tiers[index]!;
  const above = index === 0 ? 0 : tiers[index - 1]!.upTo!;
  return [component(index + 1, [above, tier.upTo], quantity, tier.unitAmount, tier.flatAmount ?? 0)];
}

/**
 * Prices a quantity exactly, without rounding. Quantity 0 costs nothing under per-unit and tiered models
 * (no tier is reached, so no tier's flat amount is due: a contract item at quantity 0 is switched off); a
 * flat price is due whatever the quantity, by definition — a base fee belongs in a flat item.
 */
export function priceQuantity(model: PriceModel, quantity: string): PricedQuantity {
  const q = parseQuantity(quantity);
  let components: PriceComponent[];
  switch (model.kind) {
    case 'flat':
      components = [component(null, null, new Big(0), '0', model.amount)];
      break;
    case 'per_unit':
      components = q.eq(0) ? [] : [component(null, null, q, model.unitAmount, 0)];
      break;
    case 'graduated':
      components = graduated(model.tiers, q);
      break;
    case 'volume':
      components = volume(model.tiers, q);
      break;
  }
  const exact = components.reduce((sum, c) => sum.plus(c.amount), new Big(0));
  return { exactAmount: exact.toString(), components };
}

/**
 * The exact amount after a percentage discount: amount × (1 − discount/100), not rounded (DOMAIN.md §1 —
 * the discount is part of the one line computation).
 */
export function discounted(exactAmount: string, discountPercent = '0'): Big {
  if (!isDecimalString(discountPercent))
    throw new RangeError(`discount '${discountPercent}' is not a decimal`);
  return new Big(exactAmount).times(new Big(1).minus(new Big(discountPercent).div(100)));
}

/**
 * Minor units for the days [from, to) of a period worth `exact` minor units in full, rounded half-up.
 *
 * Why cumulative: each slice is round(exact × to/of) − round(exact × from/of) rather than
 * round(exact × (to − from)/of). The two differ by at most one minor unit, but rounding each slice on its
 * own can overcharge — 0.50 EUR per 31-day month billed day by day would round every 1.6-cent day up to
 * 2 cents, 0.62 EUR in all. Rounding the running total instead makes the slices of a period always add up
 * to exactly the rounded full amount, so the prorated pieces of a period never exceed it, and a credit for
 * the unused days plus the charge for the used days equals what the whole period costs. A slice starting
 * on the period's first day is exactly round(exact × days/of), the plain "days in partial / days in full
 * period" rule.
 */
export function prorate(exact: Big | string, share: PeriodShare): number {
  const { from, to, of } = share;
  if (![from, to, of].every(Number.isSafeInteger) || from < 0 || to < from || of < to || of <= 0) {
    throw new RangeError(`share [${from}, ${to}) of ${of} days is not within the period`);
  }
  const amount = new Big(exact);
  const upTo = (day: number) => roundMinor(amount.times(day).div(of));
  return upTo(to) - upTo(from);
}

/**
 * The amount of one invoice line: the price of `quantity` under `model`, less `discountPercent`, for the
 * `share` of a period when prorated — rounded half-up once (DOMAIN.md §1). For a per-unit price this is
 * exactly `money.lineNet(quantity, unitAmount, discountPercent)`.
 */
export function lineAmount(
  model: PriceModel,
  quantity: string,
  options: { discountPercent?: string; share?: PeriodShare | null } = {},
): LineAmount {
  const priced = priceQuantity(model, quantity);
  const exact = discounted(priced.exactAmount, options.discountPercent);
  const amount = options.share ? prorate(exact, options.share) : roundMinor(exact);
  return { ...priced, amount };
}
