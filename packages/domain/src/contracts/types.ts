import type { PriceModelInput, SupplyKind } from '../articles/types';
import type { BillingTiming, ProrationMode } from '../billing/periods';
import type { PriceModel } from '../billing/pricing';
import type { ChangeTiming, NoticePeriod } from '../billing/terms';
import type { PAYMENT_METHODS } from '../contacts/types';
import type { RateKind } from '../documents/tax';

export const CONTRACT_STATUSES = ['active', 'paused', 'cancelled', 'ended'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const BILLING_TIMINGS = ['in_advance', 'in_arrears'] as const;
export const PRORATION_MODES = ['none', 'daily'] as const;
export const CHANGE_TIMINGS = ['next_period', 'immediate_prorated'] as const;

/** One line of a contract: an article (its price copied when added) or free text with its own price. */
export interface ContractItem {
  id: string;
  position: number;
  /** The article the item sells; null for a free-text item. */
  articleId: string | null;
  name: string;
  description: string | null;
  /** Decimal string. */
  quantity: string;
  unitCode: string;
  /** The price billed (before scheduled price changes): the article's price when the item was added, or the override. */
  priceModel: PriceModel;
  /** True when the item's price was given instead of taken from the article. */
  priceOverridden: boolean;
  /** Percent as a decimal string, or null. */
  discountPercent: string | null;
  taxRateKind: RateKind;
  supplyKind: SupplyKind;
  /** First day the item is billed (null: from the contract start). Items changed "next period" get one. */
  startsOn: string | null;
  /** Last day the item is billed (null: open-ended). */
  endsOn: string | null;
}

export interface ContractItemInput {
  /** Keep (and possibly change) an existing item; without an id the item is new. */
  id?: string;
  articleId?: string | null;
  /** Required for a free-text item; defaults to the article's name. */
  name?: string;
  description?: string | null;
  quantity?: string;
  unitCode?: string;
  /** Overrides the article's price (required for a free-text item). */
  priceModel?: PriceModelInput;
  discountPercent?: string | null;
  taxRateKind?: RateKind;
  supplyKind?: SupplyKind;
}

export interface PriceChange {
  id: string;
  /** The item it reprices; null for a percentage on every item. */
  itemId: string | null;
  kind: 'new_price' | 'percent';
  priceModel: PriceModel | null;
  percent: string | null;
  /** Applies from the first period starting on or after this day (DOMAIN.md §6). */
  effectiveDate: string;
  announcedOn: string | null;
  createdAt: string;
}

export interface PriceChangeInput {
  itemId?: string | null;
  kind: 'new_price' | 'percent';
  priceModel?: PriceModelInput;
  percent?: string;
  effectiveDate: string;
  announcedOn?: string | null;
}

export interface ContractPause {
  id: string;
  /** Periods starting on a day from `startsOn` to `endsOn` (both included) are not billed. */
  startsOn: string;
  endsOn: string | null;
}

export interface InstallmentPlan {
  id: string;
  name: string;
  /** The one-time amount in minor units; the installments always add up to it. */
  total: number;
  count: number;
  intervalMonths: number;
  firstDueDate: string;
  taxRateKind: RateKind;
  supplyKind: SupplyKind;
  installments: {
    number: number;
    dueDate: string;
    amount: number;
    billed: boolean;
    documentId: string | null;
  }[];
  createdAt: string;
}

export interface InstallmentPlanInput {
  name: string;
  total: number;
  count: number;
  intervalMonths?: number;
  /** Defaults to today. */
  firstDueDate?: string;
  taxRateKind?: RateKind;
  supplyKind?: SupplyKind;
}

/** A one-off amount billed by the next run once due: an installment, or the credit/charge of an immediate change. */
export interface ContractCharge {
  id: string;
  kind: 'installment' | 'proration_credit' | 'proration_charge';
  name: string;
  /** Minor units; negative for a credit. */
  amount: number;
  dueDate: string;
  period: { start: string; end: string } | null;
  billed: boolean;
  documentId: string | null;
}

/** What cancelling computed (billing/terms.cancellationEndDate). */
export interface Cancellation {
  receivedOn: string;
  endDate: string;
  noticeEnd: string;
  termEnd: string | null;
  renewals: number;
}

export interface Contract {
  id: string;
  contactId: string;
  description: string | null;
  status: ContractStatus;
  currency: string;
  intervalMonths: number;
  timing: BillingTiming;
  startDate: string;
  endDate: string | null;
  billingAnchorDay: number | null;
  minimumTermMonths: number;
  noticePeriod: NoticePeriod | null;
  renewalTermMonths: number | null;
  proration: ProrationMode;
  changeTiming: ChangeTiming;
  paymentMethod: (typeof PAYMENT_METHODS)[number] | null;
  /** Bill this contract on the contact's collective invoice (also when the contact collects all its contracts). */
  collective: boolean;
  /** Invoices of this contract that a run finalizes get a send date (the issue date), so they are e-mailed. */
  autoSend: boolean;
  items: ContractItem[];
  priceChanges: PriceChange[];
  pauses: ContractPause[];
  installmentPlans: InstallmentPlan[];
  /** One-off amounts not yet billed. */
  pendingCharges: ContractCharge[];
  cancellation: Cancellation | null;
  /** Last day of the minimum term (start + minimumTermMonths − 1 day); null without one. */
  minimumTermEnd: string | null;
  metadata: Record<string, string>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ContractInput {
  contactId?: string;
  description?: string | null;
  /** Defaults to the contact's currency. */
  currency?: string;
  intervalMonths?: number;
  timing?: BillingTiming;
  startDate?: string;
  endDate?: string | null;
  billingAnchorDay?: number | null;
  minimumTermMonths?: number;
  noticePeriod?: NoticePeriod | null;
  renewalTermMonths?: number | null;
  proration?: ProrationMode;
  changeTiming?: ChangeTiming;
  paymentMethod?: Contract['paymentMethod'];
  collective?: boolean;
  autoSend?: boolean;
  items?: ContractItemInput[];
  metadata?: Record<string, string>;
}

export interface ContractUpdateInput extends ContractInput {
  /** How this change of items applies; defaults to the contract's `changeTiming`. */
  applyChange?: ChangeTiming;
}

export interface ContractListQuery {
  limit?: number;
  startingAfter?: string;
  status?: ContractStatus;
  contactId?: string;
}

export interface CancelInput {
  /** The day the cancellation was received; defaults to today. */
  receivedOn?: string;
}

export interface PauseInput {
  /** First day of the pause; defaults to today. */
  startsOn?: string;
  /** Last day, or null/absent for open-ended (until resumed). */
  endsOn?: string | null;
}

export interface ResumeInput {
  /** The day billing continues (the open pause ends the day before); defaults to today. */
  resumesOn?: string;
}
