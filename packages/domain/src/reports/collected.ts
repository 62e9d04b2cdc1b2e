import Big from 'big.js';
import { addDays, monthIndex } from '../billing/dates';
import type { TaxCategory } from '../documents/types';
import { allocate, roundMinor } from '../money';
import { normaliseRate, type TaxMonthRow } from './documents';
import type { ReportPeriod } from './mrr';

// Collected revenue (issue 7 item 2, docs/reports.md): the money that came in per month, and the part of it
// that is on invoices split by the invoices' VAT rates. Pure: the service loads the payments' sums and each
// touched invoice's VAT breakdown, credit notes and money movements; the attribution to rates is computed
// here. Amounts in minor units of one currency — an invoice's money is always in the invoice's currency
// (payments refuse another), so nothing here adds two currencies.

/** The payments' money of one currency and month: succeeded payments less refunds, by when it moved. */
export interface CashMonthRow {
  currency: string;
  /** `YYYY-MM-01` of the day the money moved (the payment's `paidAt` in the organisation's time zone). */
  month: string;
  amount: number;
}

/** One VAT category and rate of a document's VAT breakdown (credit notes negative, as stored). */
export interface TaxPart {
  category: TaxCategory;
  rate: string;
  net: number;
  tax: number;
}

/** What the attribution needs of an invoice that money moved on. */
export interface InvoiceMoney {
  id: string;
  currency: string;
  /** The invoice's VAT breakdown as issued. */
  issued: readonly TaxPart[];
  /** The issued credit notes referring to it, by issue date. */
  credits: readonly { date: string; parts: readonly TaxPart[] }[];
  /** Money put on (+) or taken off (−) the invoice, by the day it moved. */
  moves: readonly { date: string; amount: number }[];
}

interface RatePart {
  category: TaxCategory;
  rate: string;
  net: number;
  tax: number;
  gross: number;
}

const keyOf = (p: { category: TaxCategory; rate: string }) => `${p.category}|${normaliseRate(p.rate)}`;

function addParts(into: Map<string, RatePart>, parts: readonly TaxPart[]): void {
  for (const p of parts) {
    const key = keyOf(p);
    const row = into.get(key) ?? {
      category: p.category,
      rate: normaliseRate(p.rate),
      net: 0,
      tax: 0,
      gross: 0,
    };
    row.net += p.net;
    row.tax += p.tax;
    row.gross += p.net + p.tax;
    into.set(key, row);
  }
}

/** Proportions are well-defined when every rate has something (≥ 0) to pay and one has more than 0. */
const usable = (rates: readonly RatePart[]) =>
  rates.length > 0 && rates.every((r) => r.gross >= 0) && rates.some((r) => r.gross > 0);

/**
 * What of the money on an invoice up to and including `day` is attributed to each VAT category and rate —
 * cumulatively: the money on it by then, split in proportion to what it owes by rate by then (its breakdown as
 * issued plus the credit notes issued by then), largest remainder so the parts add up to the money exactly;
 * within a rate, the VAT in that rate's VAT-to-gross ratio, rounded half-up, the rest net. Once an invoice is
 * paid in full, its attribution is exactly what it owes by rate. When credit notes leave a rate below 0 or
 * nothing at all owed (odd corrections), the proportions are not defined and the breakdown as issued decides;
 * failing that, the first rate takes it all.
 */
export function attributedBy(invoice: InvoiceMoney, day: string): RatePart[] {
  const paid = invoice.moves.reduce((sum, m) => (m.date <= day ? sum + m.amount : sum), 0);
  const issued = new Map<string, RatePart>();
  addParts(issued, invoice.issued);
  const owed = new Map<string, RatePart>();
  addParts(owed, invoice.issued);
  for (const credit of invoice.credits) if (credit.date <= day) addParts(owed, credit.parts);
  // the rates the invoice and its credit notes so far name (a rate missing on an earlier day counts as 0 then)
  const rates = [...owed.values()];
  if (rates.length === 0) return [];
  const asIssued = rates.map((r) => issued.get(keyOf(r)) ?? { ...r, net: 0, tax: 0, gross: 0 });
  const basis = usable(rates) ? rates : usable(asIssued) ? asIssued : null;
  const weights = basis ? basis.map((r) => r.gross) : rates.map((_, i) => (i === 0 ? 1 : 0));
  const gross = paid === 0 ? rates.map(() => 0) : allocate(paid, weights);
  return rates.map((r, i) => {
    const part = gross[i]!;
    const ratio = (basis ?? asIssued)[i]!;
    const tax =
      part === 0 || ratio.gross === 0 ? 0 : roundMinor(new Big(part).times(ratio.tax).div(ratio.gross));
    return { category: r.category, rate: r.rate, net: part - tax, tax, gross: part };
  });
}

const monthStartOf = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
const monthEndOf = (index: number) => addDays(monthStartOf(index + 1), -1);

/**
 * The money on invoices per currency, month, VAT category and rate for the months `from` … `to` (first and
 * last days of whole months): per invoice, the attribution at the end of each month minus the one at the end
 * of the month before (`attributedBy`). Differences of cumulative figures add up — any run of months gives
 * what the invoice's money came to by its end less what it came to before — so months fold into quarters and
 * years without rounding drift, and a credit note that changes what an invoice owes by rate moves money
 * already collected from one rate to another in the month it is issued (the month's sum stays the money that
 * moved). `documents` counts the invoices contributing to a row.
 */
export function collectedByRate(invoices: readonly InvoiceMoney[], from: string, to: string): TaxMonthRow[] {
  const first = monthIndex(from);
  const last = monthIndex(to);
  const rows = new Map<string, TaxMonthRow>();
  for (const invoice of invoices) {
    // only months where something happened to the invoice can differ from the month before
    const months = new Set<number>();
    for (const { date } of [...invoice.moves, ...invoice.credits]) {
      const m = monthIndex(date);
      if (m >= first && m <= last) months.add(m);
    }
    let before = new Map(attributedBy(invoice, addDays(from, -1)).map((r) => [keyOf(r), r]));
    for (const m of [...months].sort((a, b) => a - b)) {
      const now = attributedBy(invoice, monthEndOf(m));
      for (const r of now) {
        const was = before.get(keyOf(r));
        const net = r.net - (was?.net ?? 0);
        const tax = r.tax - (was?.tax ?? 0);
        if (net === 0 && tax === 0) continue;
        const key = `${invoice.currency}|${m}|${keyOf(r)}`;
        const row = rows.get(key) ?? {
          currency: invoice.currency,
          month: monthStartOf(m),
          category: r.category,
          rate: r.rate,
          net: 0,
          tax: 0,
          documents: 0,
        };
        row.net += net;
        row.tax += tax;
        row.documents += 1;
        rows.set(key, row);
      }
      before = new Map(now.map((r) => [keyOf(r), r]));
    }
  }
  return [...rows.values()];
}

/** The payments' money per currency and period label (`EUR|2026-03`); months outside the periods are left out. */
export function foldCash(
  months: readonly CashMonthRow[],
  periods: readonly ReportPeriod[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of months) {
    const index = monthIndex(m.month);
    const period = periods.find((p) => index >= p.firstMonth && index <= p.lastMonth);
    if (!period) continue;
    const key = `${m.currency}|${period.label}`;
    out.set(key, (out.get(key) ?? 0) + m.amount);
  }
  return out;
}
