import type { PriceModel } from '../billing/pricing';
import type { RateKind } from '../documents/tax';

export const SUPPLY_KINDS = ['goods', 'services'] as const;
export type SupplyKind = (typeof SUPPLY_KINDS)[number];

/**
 * A price model as a caller writes it: the kind and the fields it needs. The wire schema only checks the
 * shape; `checkPriceModelInput` reports what is missing or wrong for the kind (422, every field at once).
 */
export interface PriceModelInput {
  kind: PriceModel['kind'];
  amount?: number;
  unitAmount?: string;
  tiers?: { upTo: number | null; unitAmount: string; flatAmount?: number }[];
}

/** Something sold: a product or a service with its price (issue 4, item 1). */
export interface Article {
  id: string;
  /** Article number, unique in the organisation. */
  number: string;
  name: string;
  description: string | null;
  /** UN/ECE Recommendation 20 unit (BT-130): C62 one, HUR hour, MON month … */
  unitCode: string;
  /** Which VAT rate of the seller's country applies (standard, reduced …); the category follows the parties. */
  taxRateKind: RateKind;
  /** Goods or services: decides reverse charge (services) or intra-EU supply (goods) for foreign businesses. */
  supplyKind: SupplyKind;
  currency: string;
  priceModel: PriceModel;
  /** Inactive articles stay on running contracts but cannot be added to new items. */
  active: boolean;
  metadata: Record<string, string>;
  externalId: string | null;
  source: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleInput {
  /** Omit on create to take the next number of the article range (`ART-00001`). */
  number?: string;
  name?: string;
  description?: string | null;
  unitCode?: string;
  taxRateKind?: RateKind;
  supplyKind?: SupplyKind;
  /** Defaults to the organisation's currency. */
  currency?: string;
  priceModel?: PriceModelInput;
  active?: boolean;
  metadata?: Record<string, string>;
  externalId?: string | null;
  source?: string | null;
}

export interface ArticleListQuery {
  limit?: number;
  startingAfter?: string;
  /** Words in number or name. */
  q?: string;
  active?: boolean;
  currency?: string;
  source?: string;
  externalId?: string;
}
