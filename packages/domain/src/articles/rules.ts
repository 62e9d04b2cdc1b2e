import { checkPriceModel, type PriceModel } from '../billing/pricing';
import { RATE_KINDS } from '../documents/tax';
import type { FieldErrors } from '../errors';
import { isCurrency } from '../money';
import { type ArticleInput, type PriceModelInput, SUPPLY_KINDS } from './types';

/** The fields each kind of price model has besides `kind`; any other field is a mistake worth naming. */
const FIELDS: Record<PriceModel['kind'], readonly (keyof PriceModelInput)[]> = {
  flat: ['amount'],
  per_unit: ['unitAmount'],
  graduated: ['tiers'],
  volume: ['tiers'],
};

/**
 * Turns a written price model into the domain's `PriceModel`, reporting every problem under `path`: fields
 * that belong to another kind, then what `billing/pricing.checkPriceModel` finds (amounts, ascending tiers,
 * an open last tier). Returns null when the kind itself is unknown.
 */
export function normalisePriceModel(
  input: PriceModelInput,
  errors: FieldErrors,
  path: string,
): PriceModel | null {
  const fields = FIELDS[input.kind];
  if (!fields) {
    errors.add(`${path}.kind`, 'price_model_invalid', 'must be flat, per_unit, graduated or volume');
    return null;
  }
  for (const key of ['amount', 'unitAmount', 'tiers'] as const) {
    if (input[key] !== undefined && !fields.includes(key)) {
      errors.add(`${path}.${key}`, 'field_not_allowed', `a ${input.kind} price has no ${key}`);
    }
  }
  let model: PriceModel;
  switch (input.kind) {
    case 'flat':
      model = { kind: 'flat', amount: input.amount as number };
      break;
    case 'per_unit':
      model = { kind: 'per_unit', unitAmount: input.unitAmount as string };
      break;
    default:
      model = {
        kind: input.kind,
        tiers: Array.isArray(input.tiers)
          ? input.tiers.map((t) => ({
              upTo: t.upTo,
              unitAmount: t.unitAmount,
              ...(t.flatAmount !== undefined ? { flatAmount: t.flatAmount } : {}),
            }))
          : (input.tiers as never),
      };
  }
  checkPriceModel(model, errors, path);
  return model;
}

/** UN/ECE Recommendation 20 codes are two or three upper-case letters or digits (C62, HUR, MON, KGM). */
export function isUnitCode(code: string): boolean {
  return /^[A-Z0-9]{2,3}$/.test(code);
}

export function checkTaxFields(
  input: { taxRateKind?: string; supplyKind?: string },
  errors: FieldErrors,
  path = '',
): void {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (input.taxRateKind !== undefined && !(RATE_KINDS as readonly string[]).includes(input.taxRateKind)) {
    errors.add(at('taxRateKind'), 'tax_rate_kind_invalid', `must be one of ${RATE_KINDS.join(', ')}`);
  }
  if (input.supplyKind !== undefined && !(SUPPLY_KINDS as readonly string[]).includes(input.supplyKind)) {
    errors.add(at('supplyKind'), 'supply_kind_invalid', 'must be goods or services');
  }
}

/** The state of an article after a create or patch, as the rules judge it. */
export interface ArticleDraft {
  name: string;
  description: string | null;
  unitCode: string;
  taxRateKind: NonNullable<ArticleInput['taxRateKind']>;
  supplyKind: NonNullable<ArticleInput['supplyKind']>;
  currency: string;
  priceModel: PriceModel;
  active: boolean;
  metadata: Record<string, string>;
  externalId: string | null;
  source: string | null;
}

/** Checks every rule of an article draft at once; `priceInput` is the written price when one was given. */
export function checkArticle(
  draft: Omit<ArticleDraft, 'priceModel'> & { priceModel: PriceModel | null },
  priceInput: PriceModelInput | undefined,
  errors: FieldErrors,
): PriceModel | null {
  if (!draft.name?.trim()) errors.add('name', 'required', 'must not be empty');
  if (!isUnitCode(draft.unitCode)) {
    errors.add(
      'unitCode',
      'unit_code_invalid',
      'must be a UN/ECE Recommendation 20 code such as C62, HUR or MON',
    );
  }
  if (!isCurrency(draft.currency))
    errors.add('currency', 'currency_invalid', `'${draft.currency}' is not ISO 4217`);
  checkTaxFields(draft, errors);
  if (draft.externalId && !draft.source) {
    errors.add('source', 'required', 'an externalId needs the source system it belongs to');
  }
  if (priceInput !== undefined) return normalisePriceModel(priceInput, errors, 'priceModel');
  if (draft.priceModel === null) errors.add('priceModel', 'required', 'an article needs a price model');
  return draft.priceModel;
}
