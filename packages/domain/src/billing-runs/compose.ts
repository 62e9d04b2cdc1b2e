import Big from 'big.js';
import type { SupplyKind } from '../articles/types';
import { addDays } from '../billing/dates';
import {
  type BillingPeriod,
  type BillingSchedule,
  type PeriodCharge,
  type ProrationMode,
  periodCharges,
  periodsDue,
  prorationShare,
} from '../billing/periods';
import type { PriceModel } from '../billing/pricing';
import { type PriceChange, priceForPeriod } from '../billing/terms';
import { itemsInForce, nextBillingDate } from '../contracts/rules';
import type { RateKind } from '../documents/tax';
import type { DocumentLanguage, TaxCategory } from '../documents/types';
import { DomainError } from '../errors';
import { lineNet } from '../money';

// The pure half of a billing run: from a contract's stored state and a date to the lines it owes, grouped
// into invoices. No database and no clock — the batch (service.ts) loads, claims and writes; a dry run
// calls the same functions and writes nothing, so the preview is exactly what a run would bill.

export interface BillableItem {
  id: string;
  articleId: string | null;
  name: string;
  description: string | null;
  quantity: string;
  unitCode: string;
  priceModel: PriceModel;
  /** The price model as JSON text: the key under which its prices are remembered (see ComposeCache). */
  priceKey: string;
  discountPercent: string | null;
  taxRateKind: RateKind;
  supplyKind: SupplyKind;
  startsOn: string | null;
  endsOn: string | null;
}

export interface BillableCharge {
  id: string;
  kind: 'installment' | 'proration_credit' | 'proration_charge';
  name: string;
  amount: number;
  dueDate: string;
  period: { start: string; end: string } | null;
  taxRateKind: RateKind;
  supplyKind: SupplyKind;
}

/** What billing needs of a contract. */
export interface BillableContract {
  id: string;
  contactId: string;
  currency: string;
  schedule: BillingSchedule;
  proration: ProrationMode;
  /** On the contact's collective invoice (the contract's flag or the contact's). */
  collective: boolean;
  autoSend: boolean;
  /** The contract's payment method (finalized invoices state how to pay). */
  paymentMethod: string | null;
  endDate: string | null;
  items: BillableItem[];
  priceChanges: (PriceChange & { itemId: string | null })[];
  /** Unbilled one-off charges due on or before the run's date. */
  dueCharges: BillableCharge[];
  /** Due dates of the unbilled charges due later. */
  laterChargeDates: string[];
  /** Start of the last period billed so far; the run starts after it. */
  lastBilledStart: string | null;
}

/** A line ready for an invoice, except its position. Amounts in minor units, decimals as strings. */
export interface ComposedLine {
  contractId: string;
  contractItemId: string | null;
  articleId: string | null;
  chargeId: string | null;
  name: string;
  description: string | null;
  quantity: string;
  unitCode: string;
  unitAmount: string;
  discountPercent: string | null;
  netAmount: number;
  taxCategory: TaxCategory;
  taxRate: string;
  period: { start: string; end: string } | null;
}

export interface DuePeriod {
  start: string;
  end: string;
  /** Empty when every item cost nothing (no invoice; the period still counts as billed). */
  lines: ComposedLine[];
}

export interface ContractDue {
  contractId: string;
  periods: DuePeriod[];
  charges: { chargeId: string; line: ComposedLine }[];
  /** See contracts/rules.nextBillingDate; null when nothing remains. */
  nextBillingOn: string | null;
}

/** Decides the VAT category and rate of a supply (documents/tax.determineTax, with the parties fixed). */
export type TaxOf = (
  rateKind: RateKind,
  supplyKind: SupplyKind,
  supplyDate: string,
) => { category: TaxCategory; rate: string };

const CHARGE_TEXT: Record<BillableCharge['kind'], Record<DocumentLanguage, string | null>> = {
  installment: { de: null, en: null },
  proration_credit: { de: 'Gutschrift für die nicht genutzten Tage', en: 'Credit for the unused days' },
  proration_charge: {
    de: 'Anteilige Berechnung für die restlichen Tage',
    en: 'Prorated charge for the remaining days',
  },
};

/** Trailing zeros off a decimal string ("691.500000" → "691.5"), so unit prices read like people write them. */
function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/**
 * How a priced line is shown: quantity × unit price (− discount) = net, as an invoice line must add up
 * (DOMAIN.md §1, money.lineNet). A per-unit price shows as it is. A flat price shows as one unit; tiers and
 * prorated shares show the exact average unit price (12 decimals, like a sub-cent price). Where even that
 * would not round to the billed net, the line shows one unit at its net — the net is what was computed by
 * billing/pricing and is never adjusted to fit the presentation.
 */
export function presentLine(
  model: PriceModel,
  charge: PeriodCharge,
  discountPercent: string | null,
): Pick<ComposedLine, 'quantity' | 'unitAmount' | 'discountPercent'> {
  if (model.kind === 'per_unit' && charge.share === null) {
    return { quantity: charge.quantity, unitAmount: model.unitAmount, discountPercent };
  }
  const quantity = model.kind === 'flat' || new Big(charge.quantity).eq(0) ? '1' : charge.quantity;
  let exact = charge.components.reduce((sum, c) => sum.plus(c.amount), new Big(0));
  if (charge.share) exact = exact.times(charge.share.to - charge.share.from).div(charge.share.of);
  const unitAmount = trimDecimal(exact.div(quantity).toFixed(12));
  if (lineNet(quantity, unitAmount, discountPercent ?? '0') === charge.amount) {
    return { quantity, unitAmount, discountPercent };
  }
  return { quantity: '1', unitAmount: String(charge.amount), discountPercent: null };
}

/** How one item bills for one share of a period: null when it costs nothing (no line). */
type PricedLine = Pick<ComposedLine, 'quantity' | 'unitAmount' | 'discountPercent' | 'netAmount'> | null;

/**
 * What a batch has computed once and reuses: the due periods of a schedule, and the price of an item for a
 * share of a period. Contracts of one plan share both — the same start day, the same articles and
 * quantities — so a batch of 500 contracts prices a handful of distinct lines instead of 1,500. The keys
 * hold every input of the pure functions (billing/periods, billing/pricing), so a hit returns exactly what
 * the call would.
 */
export class ComposeCache {
  readonly schedules = new Map<string, { periods: BillingPeriod[]; next: string | null }>();
  readonly prices = new Map<string, PricedLine>();
  readonly models = new Map<string, PriceModel>();

  /** The price model of a JSON text, parsed once per distinct price. */
  model(text: string): PriceModel {
    let model = this.models.get(text);
    if (!model) {
      model = JSON.parse(text) as PriceModel;
      this.models.set(text, model);
    }
    return model;
  }
}

function scheduleKey(schedule: BillingSchedule, asOf: string, notBefore: string | null): string {
  const pauses = (schedule.pauses ?? []).map((p) => `${p.from}~${p.until ?? ''}`).join(',');
  return `${schedule.startDate}|${schedule.endDate ?? ''}|${schedule.intervalMonths}|${schedule.timing}|${schedule.billingAnchorDay ?? ''}|${pauses}|${asOf}|${notBefore ?? ''}`;
}

/**
 * The periods of a contract due on or before `asOf` that are not billed yet (billing/periods.periodsDue
 * after the last billed one), each priced with the items and prices in force on its first day
 * (contracts/rules.itemsInForce, billing/terms.priceForPeriod, billing/periods.periodCharges), plus its
 * one-off charges due by then. Throws a DomainError when a line cannot be taxed.
 */
export function composeContract(
  contract: BillableContract,
  asOf: string,
  taxOf: TaxOf,
  language: DocumentLanguage,
  cache = new ComposeCache(),
): ContractDue {
  const notBefore = contract.lastBilledStart ? addDays(contract.lastBilledStart, 1) : null;
  const key = scheduleKey(contract.schedule, asOf, notBefore);
  let calendar = cache.schedules.get(key);
  if (!calendar) {
    calendar = {
      periods: periodsDue(contract.schedule, asOf, { notBefore }),
      next: nextBillingDate(contract.schedule, asOf, []),
    };
    cache.schedules.set(key, calendar);
  }
  const periods: DuePeriod[] = [];
  for (const period of calendar.periods) {
    const share = prorationShare(period, contract.proration);
    const shareKey = share ? `${share.from}/${share.to}/${share.of}` : 'full';
    const lines: ComposedLine[] = [];
    for (const item of itemsInForce(contract.items, period.start)) {
      // the price in force on the period's first day, after scheduled changes
      const changes = contract.priceChanges.filter((c) => c.itemId === null || c.itemId === item.id);
      const model =
        changes.length === 0 ? item.priceModel : priceForPeriod(item.priceModel, changes, period.start);
      const modelKey = changes.length === 0 ? item.priceKey : JSON.stringify(model);
      const priceKey = `${modelKey}#${item.quantity}#${item.discountPercent ?? ''}#${shareKey}`;
      let priced = cache.prices.get(priceKey);
      if (priced === undefined) {
        const [charge] = periodCharges(
          [
            {
              itemId: item.id,
              priceModel: model,
              quantity: item.quantity,
              discountPercent: item.discountPercent ?? undefined,
            },
          ],
          period,
          contract.proration,
        );
        priced = charge
          ? { ...presentLine(model, charge, item.discountPercent), netAmount: charge.amount }
          : null;
        cache.prices.set(priceKey, priced);
      }
      if (priced === null) continue; // zero amounts make no line (billing/periods.periodCharges)
      const tax = taxOf(item.taxRateKind, item.supplyKind, period.end);
      lines.push({
        contractId: contract.id,
        contractItemId: item.id,
        articleId: item.articleId,
        chargeId: null,
        name: item.name,
        description: item.description,
        unitCode: item.unitCode,
        quantity: priced.quantity,
        unitAmount: priced.unitAmount,
        discountPercent: priced.discountPercent,
        netAmount: priced.netAmount,
        taxCategory: tax.category,
        taxRate: tax.rate,
        period: { start: period.start, end: period.end },
      });
    }
    periods.push({ start: period.start, end: period.end, lines });
  }
  const charges = contract.dueCharges.map((charge) => {
    const supplyDate = charge.period?.end ?? charge.dueDate;
    const tax = taxOf(charge.taxRateKind, charge.supplyKind, supplyDate);
    return {
      chargeId: charge.id,
      line: {
        contractId: contract.id,
        contractItemId: null,
        articleId: null,
        chargeId: charge.id,
        name: charge.name,
        description: CHARGE_TEXT[charge.kind][language],
        quantity: '1',
        unitCode: 'C62',
        unitAmount: String(charge.amount),
        discountPercent: null,
        netAmount: charge.amount,
        taxCategory: tax.category,
        taxRate: tax.rate,
        period: charge.period,
      } satisfies ComposedLine,
    };
  });
  let next = calendar.next;
  for (const due of contract.laterChargeDates) if (next === null || due < next) next = due;
  return { contractId: contract.id, periods, charges, nextBillingOn: next };
}

/** One invoice a run will write: its lines come from the periods and charges listed. */
export interface InvoicePlan {
  contactId: string;
  currency: string;
  collective: boolean;
  /** Every contract on it bills with `autoSend`. */
  autoSend: boolean;
  contractIds: string[];
  periods: { contractId: string; start: string; end: string }[];
  chargeIds: string[];
  lines: ComposedLine[];
}

/**
 * Groups what is due into invoices (DOMAIN.md §7): collective contracts give one invoice per contact and
 * currency with all their due items; any other contract one invoice per period, its one-off charges on the
 * first of them (or an invoice of their own). Periods whose lines all cost nothing get no invoice
 * (billing/periods.periodCharges explains the choice). Order is stable: contract, period, item position.
 */
export function groupInvoices(
  dues: readonly ContractDue[],
  contracts: ReadonlyMap<string, BillableContract>,
): InvoicePlan[] {
  const plans: InvoicePlan[] = [];
  const collective = new Map<string, InvoicePlan>();
  const planFor = (contract: BillableContract): InvoicePlan => {
    const fresh = (): InvoicePlan => ({
      contactId: contract.contactId,
      currency: contract.currency,
      collective: contract.collective,
      autoSend: true,
      contractIds: [],
      periods: [],
      chargeIds: [],
      lines: [],
    });
    if (!contract.collective) {
      const plan = fresh();
      plans.push(plan);
      return plan;
    }
    const key = `${contract.contactId}\u0000${contract.currency}`;
    let plan = collective.get(key);
    if (!plan) {
      plan = fresh();
      collective.set(key, plan);
      plans.push(plan);
    }
    return plan;
  };
  const join = (plan: InvoicePlan, contract: BillableContract) => {
    if (!plan.contractIds.includes(contract.id)) plan.contractIds.push(contract.id);
    plan.autoSend &&= contract.autoSend;
  };
  for (const due of dues) {
    const contract = contracts.get(due.contractId)!;
    let first: InvoicePlan | null = null;
    for (const period of due.periods) {
      if (period.lines.length === 0) continue;
      const plan = planFor(contract);
      join(plan, contract);
      plan.periods.push({ contractId: contract.id, start: period.start, end: period.end });
      plan.lines.push(...period.lines);
      first ??= plan;
    }
    if (due.charges.length > 0) {
      const plan = first ?? planFor(contract);
      join(plan, contract);
      for (const { chargeId, line } of due.charges) {
        plan.chargeIds.push(chargeId);
        plan.lines.push(line);
      }
    }
  }
  return plans;
}

/** The period the lines of an invoice cover (BG-14), or null when none has a period. */
export function servicePeriodOf(lines: readonly ComposedLine[]): { start: string; end: string } | null {
  let start: string | null = null;
  let end: string | null = null;
  for (const line of lines) {
    if (!line.period) continue;
    // YYYY-MM-DD text orders like the dates
    if (start === null || line.period.start < start) start = line.period.start;
    if (end === null || line.period.end > end) end = line.period.end;
  }
  return start && end ? { start, end } : null;
}

/** A contract-level failure of a run, reported per contract instead of failing the batch. */
export function contractError(
  contractId: string,
  error: unknown,
): { contractId: string; code: string; message: string } {
  if (error instanceof DomainError) return { contractId, code: error.code, message: error.message };
  if (error instanceof RangeError)
    return { contractId, code: 'contract_data_invalid', message: error.message };
  throw error;
}
