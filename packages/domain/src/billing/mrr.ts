import Big from 'big.js';
import { roundMinor } from '../money';
import { daysBetween } from './dates';
import { lineAmount, type PriceModel } from './pricing';

/** Only recurring items count towards MRR; one-time items and usage are excluded (DOMAIN.md §8). */
export type MrrItemKind = 'recurring' | 'one_time' | 'usage';

export interface MrrItem {
  kind: MrrItemKind;
  priceModel: PriceModel;
  quantity: string;
  /** A recurring discount; it lowers MRR. (A one-time discount is not an item property and never does.) */
  discountPercent?: string;
  /** Months per billing interval of the item's contract. */
  intervalMonths: number;
}

/**
 * Monthly recurring revenue of a contract in minor units (DOMAIN.md §8): per recurring item, the net it is
 * invoiced per interval (the line net after its recurring discount, rounded once per line exactly as on
 * the invoice) ÷ months in the interval; the exact quotients are summed and the sum rounded half-up once
 * per contract. Rounding per contract, not per item, keeps a yearly 100.00 plan at 8.33 whatever it is
 * split into; reports add contract MRRs, so their totals are the sum of their parts.
 */
export function contractMrr(items: MrrItem[]): number {
  let sum = new Big(0);
  for (const item of items) {
    if (item.kind !== 'recurring') continue;
    if (!Number.isInteger(item.intervalMonths) || item.intervalMonths < 1) {
      throw new RangeError('intervalMonths must be a whole number ≥ 1');
    }
    const perInterval = lineAmount(item.priceModel, item.quantity, {
      discountPercent: item.discountPercent,
    }).amount;
    sum = sum.plus(new Big(perInterval).div(item.intervalMonths));
  }
  return roundMinor(sum);
}

/** A contract's MRR from `date` on (a step of its MRR history). */
export interface MrrPoint {
  date: string;
  mrr: number;
}

/** One change of a contract's MRR, in JustOn's metric shape (DOMAIN.md §8). Amounts in minor units. */
export interface MrrMetricEntry {
  date: string;
  previous: number;
  change: number;
  /** previous + change */
  actual: number;
  /** `actual` on the start date of the customer's first contract, else 0. */
  initial: number;
  /** `change` when it is positive, else 0. */
  expansion: number;
  /** |change| when it is negative, else 0. */
  churn: number;
  /**
   * Net change of a burst of changes: changes within two days of the first change of their group are
   * merged, and the group's sum is reported on its last entry (0 on the others) — a cancel and re-order on
   * consecutive days (−50 then +70) reads as one +20 instead of churn plus a new sale.
   */
  smoothChange: number;
}

/** Changes at most this many days after the first change of a group are merged by `smoothChange`. */
export const SMOOTHING_WINDOW_DAYS = 2;

/**
 * The metric entries of a contract's MRR history: one per point where the MRR changes (points that repeat
 * the previous value are not changes), in date order. `customerFirstStart` is the start date of the
 * customer's first contract, which marks the `initial` entry.
 */
export function mrrMetricEntries(history: MrrPoint[], customerFirstStart: string | null): MrrMetricEntry[] {
  const points = history
    .map((point, order) => ({ point, order }))
    .sort((a, b) => daysBetween(b.point.date, a.point.date) || a.order - b.order)
    .map(({ point }) => point);
  const entries: MrrMetricEntry[] = [];
  let previous = 0;
  for (const { date, mrr } of points) {
    const change = mrr - previous;
    if (change === 0) continue;
    entries.push({
      date,
      previous,
      change,
      actual: mrr,
      initial: date === customerFirstStart ? mrr : 0,
      expansion: Math.max(change, 0),
      churn: Math.max(-change, 0),
      smoothChange: 0,
    });
    previous = mrr;
  }
  applySmoothing(entries);
  return entries;
}

function applySmoothing(entries: MrrMetricEntry[]): void {
  let groupStart = 0;
  for (let i = 0; i <= entries.length; i++) {
    const closes =
      i === entries.length ||
      daysBetween(entries[groupStart]!.date, entries[i]!.date) > SMOOTHING_WINDOW_DAYS;
    if (!closes) continue;
    if (i > groupStart) {
      const sum = entries.slice(groupStart, i).reduce((s, e) => s + e.change, 0);
      entries[i - 1]!.smoothChange = sum;
    }
    groupStart = i;
  }
}

export interface MrrRates {
  /** change / previous */
  growth: string | null;
  /** churn / actual */
  grossChurnRate: string | null;
  /** change / actual */
  netChurnRate: string | null;
  /** 1 − gross churn rate */
  retention: string | null;
}

const RATE_DECIMALS = 4;

function ratio(numerator: number, denominator: number): string | null {
  if (denominator === 0) return null;
  return new Big(numerator).div(denominator).round(RATE_DECIMALS, Big.roundHalfUp).toFixed(RATE_DECIMALS);
}

/**
 * The rates of DOMAIN.md §8 for one entry, as decimal fractions rounded half-up to 4 places
 * ('0.2500' = 25 %); null where the divisor is 0 (growth from nothing, rates of a fully churned contract).
 */
export function mrrRates(entry: Pick<MrrMetricEntry, 'previous' | 'change' | 'actual' | 'churn'>): MrrRates {
  const grossChurnRate = ratio(entry.churn, entry.actual);
  return {
    growth: ratio(entry.change, entry.previous),
    grossChurnRate,
    netChurnRate: ratio(entry.change, entry.actual),
    retention: grossChurnRate === null ? null : new Big(1).minus(grossChurnRate).toFixed(RATE_DECIMALS),
  };
}
