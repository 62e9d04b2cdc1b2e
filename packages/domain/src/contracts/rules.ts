import { checkTaxFields, isUnitCode, normalisePriceModel } from '../articles/rules';
import type { Article } from '../articles/types';
import { addDays, compareDates } from '../billing/dates';
import {
  type BillingSchedule,
  billingPeriods,
  checkChargeItem,
  checkSchedule,
  type PauseRange,
  periodIndexOn,
} from '../billing/periods';
import { lineAmount, type PriceModel } from '../billing/pricing';
import { type ContractTerms, checkTerms } from '../billing/terms';
import type { FieldErrors } from '../errors';
import { AmountOutOfRange, isCurrency, MAX_DOCUMENT_NET } from '../money';
import type { Contract, ContractItem, ContractItemInput, ContractPause } from './types';

/** The billing calendar of a contract, as billing/periods computes with it. */
export function scheduleOf(
  contract: Pick<Contract, 'startDate' | 'endDate' | 'intervalMonths' | 'timing' | 'billingAnchorDay'>,
  pauses: readonly Pick<ContractPause, 'startsOn' | 'endsOn'>[] = [],
): BillingSchedule {
  return {
    startDate: contract.startDate,
    endDate: contract.endDate,
    intervalMonths: contract.intervalMonths,
    timing: contract.timing,
    billingAnchorDay: contract.billingAnchorDay,
    pauses: pauses.map((p): PauseRange => ({ from: p.startsOn, until: p.endsOn })),
  };
}

export function termsOf(
  contract: Pick<Contract, 'minimumTermMonths' | 'noticePeriod' | 'renewalTermMonths'>,
): ContractTerms {
  return {
    minimumTermMonths: contract.minimumTermMonths,
    noticePeriod: contract.noticePeriod,
    renewalTermMonths: contract.renewalTermMonths,
  };
}

/** The writable fields of a contract after a create or a patch, as the rules judge them. */
export type ContractDraft = Pick<
  Contract,
  | 'contactId'
  | 'description'
  | 'currency'
  | 'intervalMonths'
  | 'timing'
  | 'startDate'
  | 'endDate'
  | 'billingAnchorDay'
  | 'minimumTermMonths'
  | 'noticePeriod'
  | 'renewalTermMonths'
  | 'proration'
  | 'changeTiming'
  | 'paymentMethod'
  | 'collective'
  | 'autoSend'
  | 'metadata'
>;

/** Every rule of a contract's own fields (the schedule and terms rules of billing/), reported at once. */
export function checkContractDraft(draft: ContractDraft, errors: FieldErrors): void {
  if (!isCurrency(draft.currency))
    errors.add('currency', 'currency_invalid', `'${draft.currency}' is not ISO 4217`);
  checkSchedule(scheduleOf(draft), errors);
  checkTerms(termsOf(draft), errors);
}

/** An item as it will be stored: every field decided. */
export type ItemDraft = Omit<ContractItem, 'id' | 'startsOn' | 'endsOn'> & { id?: string };

/**
 * Resolves item inputs against their articles: an article item takes the article's name, unit, tax fields
 * and price (unless overridden); a free-text item must bring its name and price. Reports every problem
 * under `items.<i>`. `current` holds the stored items by id, so a kept item keeps what the input omits.
 */
export function resolveItems(
  inputs: readonly ContractItemInput[],
  articles: ReadonlyMap<string, Article>,
  currency: string,
  errors: FieldErrors,
  current: ReadonlyMap<string, ContractItem> = new Map(),
): ItemDraft[] {
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const path = `items.${i}`;
    const existing = input.id ? current.get(input.id) : undefined;
    if (input.id) {
      if (!existing)
        errors.add(`${path}.id`, 'contract_item_not_found', `the contract has no open item '${input.id}'`);
      else if (seen.has(input.id)) errors.add(`${path}.id`, 'contract_item_repeated', 'is given twice');
      seen.add(input.id);
    }
    const articleId = input.articleId === undefined ? (existing?.articleId ?? null) : input.articleId;
    const article = articleId ? articles.get(articleId) : undefined;
    const articleChanged = articleId !== (existing?.articleId ?? null);
    // a kept item keeps what it took from its article; only a newly chosen article must exist
    const articleMissing = Boolean(articleId && !article && articleChanged);
    if (articleMissing) {
      errors.add(`${path}.articleId`, 'article_not_found', `no article '${articleId}'`);
    } else if (article && articleChanged && !article.active) {
      errors.add(`${path}.articleId`, 'article_inactive', `article '${article.number}' is inactive`);
    }
    let priceModel: PriceModel | null = null;
    let priceOverridden = false;
    if (input.priceModel !== undefined) {
      priceModel = normalisePriceModel(input.priceModel, errors, `${path}.priceModel`);
      priceOverridden = true;
    } else if (existing && !articleChanged) {
      priceModel = existing.priceModel;
      priceOverridden = existing.priceOverridden;
    } else if (article) {
      priceModel = article.priceModel;
      if (article.currency !== currency) {
        errors.add(
          `${path}.articleId`,
          'article_currency_mismatch',
          `the article is priced in ${article.currency}, the contract bills in ${currency}; give a priceModel`,
        );
      }
    } else if (!articleId) {
      errors.add(`${path}.priceModel`, 'required', 'a free-text item needs a price model');
    }
    const name = input.name ?? (existing && !articleChanged ? existing.name : article?.name) ?? '';
    // an item naming an unknown article is reported there, not as a free-text item without a name
    if (!name.trim() && !articleMissing)
      errors.add(`${path}.name`, 'required', 'a free-text item needs a name');
    const draft: ItemDraft = {
      ...(input.id ? { id: input.id } : {}),
      position: i + 1,
      articleId,
      name: name.trim(),
      description:
        input.description !== undefined
          ? input.description
          : existing && !articleChanged
            ? existing.description
            : (article?.description ?? null),
      quantity: input.quantity ?? existing?.quantity ?? '1',
      unitCode:
        input.unitCode ?? (existing && !articleChanged ? existing.unitCode : article?.unitCode) ?? 'C62',
      priceModel: priceModel as PriceModel,
      priceOverridden,
      discountPercent:
        input.discountPercent !== undefined ? input.discountPercent : (existing?.discountPercent ?? null),
      taxRateKind:
        input.taxRateKind ??
        (existing && !articleChanged ? existing.taxRateKind : article?.taxRateKind) ??
        'standard',
      supplyKind:
        input.supplyKind ??
        (existing && !articleChanged ? existing.supplyKind : article?.supplyKind) ??
        'services',
    };
    checkChargeItem(
      { quantity: draft.quantity, discountPercent: draft.discountPercent ?? undefined },
      errors,
      path,
    );
    if (draft.priceModel && !itemAmountInRange(draft)) {
      errors.add(
        path,
        'amount_out_of_range',
        `quantity × price exceeds the largest amount an invoice can hold (${MAX_DOCUMENT_NET} minor units)`,
      );
    }
    if (!isUnitCode(draft.unitCode))
      errors.add(`${path}.unitCode`, 'unit_code_invalid', 'must be a Rec. 20 code such as C62');
    checkTaxFields(draft, errors, path);
    return draft;
  });
}

/** True when two item versions bill the same (cosmetic changes — name, text, position — are made in place). */
export function billsTheSame(a: Omit<ItemDraft, 'id'>, b: Omit<ItemDraft, 'id'>): boolean {
  return (
    a.articleId === b.articleId &&
    a.quantity === b.quantity &&
    a.unitCode === b.unitCode &&
    (a.discountPercent ?? '0') === (b.discountPercent ?? '0') &&
    a.taxRateKind === b.taxRateKind &&
    a.supplyKind === b.supplyKind &&
    JSON.stringify(a.priceModel) === JSON.stringify(b.priceModel)
  );
}

/**
 * The items billed for a period: those in force on its first day. Compares `YYYY-MM-DD` text, which orders
 * like the dates (four-digit years): the dates come from date columns, and this runs for every item of every
 * contract of a billing run.
 */
export function itemsInForce<T extends Pick<ContractItem, 'startsOn' | 'endsOn'>>(
  items: readonly T[],
  day: string,
): T[] {
  return items.filter(
    (item) =>
      (item.startsOn === null || item.startsOn <= day) && (item.endsOn === null || item.endsOn >= day),
  );
}

/**
 * The earliest day anything of a contract can be due after a run on `asOf` billed what was due: the due
 * date of the first period after `asOf`, or an open one-off charge's due date, whichever comes first.
 * Pauses are ignored (a paused period is looked at and skipped), so this is a lower bound — the planner
 * never misses a period because of it. Null when the contract has no period left and nothing open: it
 * has run out: once its end date has passed, the next run marks it ended.
 */
export function nextBillingDate(
  schedule: BillingSchedule,
  asOf: string,
  openChargeDueDates: readonly string[],
): string | null {
  let next: string | null = null;
  const open = { ...schedule, pauses: [] };
  // the period containing asOf is at most one step before the first one due after it
  for (const period of billingPeriods(open, periodIndexOn(open, asOf))) {
    if (compareDates(period.dueDate, asOf) > 0) {
      next = period.dueDate;
      break;
    }
  }
  for (const due of openChargeDueDates) {
    if (compareDates(due, asOf) > 0 && (next === null || compareDates(due, next) < 0)) next = due;
  }
  return next;
}

/** The day before `day` (an item changed from `day` on ends then). */
export const dayBefore = (day: string) => addDays(day, -1);

/**
 * Whether one period's charge of an item (its whole quantity, discount included) fits an invoice: billing,
 * MRR and reports compute it as exact integers of minor units. An item whose price or quantity is invalid
 * counts as in range here — those are reported on their own fields.
 */
function itemAmountInRange(item: Pick<ItemDraft, 'priceModel' | 'quantity' | 'discountPercent'>): boolean {
  try {
    const { amount } = lineAmount(item.priceModel, item.quantity, {
      discountPercent: item.discountPercent ?? undefined,
    });
    return Math.abs(amount) <= MAX_DOCUMENT_NET;
  } catch (error) {
    return !(error instanceof AmountOutOfRange);
  }
}
