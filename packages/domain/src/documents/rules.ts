import Big from 'big.js';
import type { Article, SupplyKind } from '../articles/types';
import { addDays } from '../billing/dates';
import { priceQuantity } from '../billing/pricing';
import type { Contact } from '../contacts/types';
import { DomainError, type FieldErrors } from '../errors';
import { AmountOutOfRange, isCurrency, isDecimalString, lineNet, MAX_DOCUMENT_NET } from '../money';
import type { Organization } from '../organizations/types';
import { isCalendarDate } from '../validation/codes';
import { hasNonXmlCharacter, NON_XML_CHARACTER_MESSAGE } from '../validation/text';
import type { DocumentDraftInput, DocumentFamily, DocumentLineInput } from './resource';
import { determineTax, type RateKind } from './tax';
import type { BuyerSnapshot, DocumentLine, DocumentType, SellerSnapshot, TaxCategory } from './types';

/**
 * The pure rules of a document's draft: checking what a caller wrote, turning lines into priced and taxed
 * document lines, and what finalize requires (UStG §14(4)). No database, no clock — services pass the facts.
 */

/** A line as the domain keeps it, in the sign it is stored: negative quantities on credit notes. */
export interface LineDraft {
  id?: string;
  articleId: string | null;
  name: string;
  description: string | null;
  quantity: string;
  unitCode: string;
  /** Net unit price, a decimal string of minor units (sub-cent prices allowed). */
  unitAmount: string;
  discountPercent: string | null;
  taxRateKind: RateKind | null;
  supplyKind: SupplyKind | null;
  /** Category and rate fixed elsewhere (a billing run, a copy of an issued line); used when no kinds are known. */
  fixedTax: { category: TaxCategory; rate: string } | null;
  period: { start: string; end: string } | null;
  contractId: string | null;
  contractItemId: string | null;
}

/** A line with its net, category and rate: ready to be stored and totalled. */
export interface PricedLine extends LineDraft {
  position: number;
  netAmount: number;
  taxCategory: TaxCategory;
  taxRate: string;
}

const MAX_UNIT_DECIMALS = 12;
const MAX_QUANTITY_DECIMALS = 6;

function decimals(value: string): number {
  return value.split('.')[1]?.length ?? 0;
}

function checkDate(errors: FieldErrors, path: string, value: string | null | undefined): void {
  if (value && !isCalendarDate(value)) errors.add(path, 'date_invalid', 'must be a date YYYY-MM-DD');
}

function checkPeriod(
  errors: FieldErrors,
  path: string,
  period: { start: string; end: string } | null | undefined,
): void {
  if (!period) return;
  checkDate(errors, `${path}.start`, period.start);
  checkDate(errors, `${path}.end`, period.end);
  if (isCalendarDate(period.start) && isCalendarDate(period.end) && period.end < period.start) {
    errors.add(`${path}.end`, 'period_invalid', 'must not be before the start');
  }
}

/**
 * Texts a document prints and writes into its e-invoice (notes BT-22, line names BT-153 and descriptions
 * BT-154) must be characters XML can carry: Word's manual line break (U+000B) pasted into a line made every
 * XRechnung of the issued — and so unchangeable — document malformed.
 */
function checkText(errors: FieldErrors, path: string, value: string | null | undefined): void {
  if (value && hasNonXmlCharacter(value)) {
    errors.add(path, 'character_invalid', NON_XML_CHARACTER_MESSAGE);
  }
}

/**
 * Rules of a draft's head fields that need no database: dates are real dates, a service date and a period are
 * not both given, fields that belong to another family are refused. Adds to `errors`.
 */
export function checkDraftHead(
  family: DocumentFamily,
  input: DocumentDraftInput,
  errors: FieldErrors,
  /** The type the draft will have (a patch may not name it). */
  type: DocumentType = input.type ?? (family === 'invoice' ? 'invoice' : family),
): void {
  if (input.currency !== undefined && !isCurrency(input.currency)) {
    errors.add('currency', 'currency_invalid', 'is not an ISO 4217 currency');
  }
  for (const field of ['issueDate', 'serviceDate', 'dueDate', 'validUntil', 'sendDate'] as const) {
    checkDate(errors, field, input[field]);
  }
  checkPeriod(errors, 'servicePeriod', input.servicePeriod);
  for (const [i, note] of (input.notes ?? []).entries()) checkText(errors, `notes.${i}`, note);
  if (input.serviceDate && input.servicePeriod) {
    errors.add('servicePeriod', 'service_date_conflict', 'give a service date or a service period, not both');
  }
  if (family !== 'quote' && input.validUntil) {
    errors.add('validUntil', 'field_not_allowed', 'only quotes have a validity date');
  }
  if (family !== 'invoice' && input.dueDate) {
    errors.add('dueDate', 'field_not_allowed', `a ${family.replace('_', ' ')} has no payment due date`);
  }
  if (family !== 'invoice' && input.type !== undefined) {
    errors.add('type', 'field_not_allowed', 'the type follows from the resource');
  }
  const needsInvoice = type === 'credit_note' || type === 'corrected_invoice';
  if (!needsInvoice && input.invoiceId) {
    errors.add(
      'invoiceId',
      'field_not_allowed',
      'only credit notes and corrected invoices refer to an invoice',
    );
  }
  if (input.issueDate && input.dueDate && isCalendarDate(input.issueDate) && isCalendarDate(input.dueDate)) {
    if (input.dueDate < input.issueDate)
      errors.add('dueDate', 'date_invalid', 'must not be before the issue date');
  }
  if (
    input.issueDate &&
    input.validUntil &&
    isCalendarDate(input.issueDate) &&
    isCalendarDate(input.validUntil)
  ) {
    if (input.validUntil < input.issueDate)
      errors.add('validUntil', 'date_invalid', 'must not be before the issue date');
  }
}

/**
 * Turns the lines a caller wrote into line drafts: article defaults filled in, prices checked, and on credit
 * notes the quantity credited negated (a credit note reduces the receivable; its totals are negative, as
 * the core stores every reversing document). Every broken rule is added to `errors` with the line's path.
 */
export function linesFromInput(
  family: DocumentFamily,
  inputs: readonly DocumentLineInput[],
  articles: ReadonlyMap<string, Article>,
  currency: string,
  errors: FieldErrors,
): LineDraft[] {
  return inputs.map((input, i) => {
    const path = `lines.${i}`;
    const article = input.articleId ? articles.get(input.articleId) : undefined;
    if (input.articleId && !article)
      errors.add(`${path}.articleId`, 'article_not_found', `no article '${input.articleId}'`);
    else if (article && !article.active)
      errors.add(`${path}.articleId`, 'article_inactive', 'the article is inactive');

    const name = input.name ?? article?.name ?? '';
    if (!name.trim()) errors.add(`${path}.name`, 'required', 'a line needs a name (or an article)');
    checkText(errors, `${path}.name`, name);
    const description = input.description !== undefined ? input.description : (article?.description ?? null);
    checkText(errors, `${path}.description`, description);

    const quantity = input.quantity ?? '1';
    if (!isDecimalString(quantity) || decimals(quantity) > MAX_QUANTITY_DECIMALS) {
      errors.add(
        `${path}.quantity`,
        'quantity_invalid',
        `must be a decimal with at most ${MAX_QUANTITY_DECIMALS} decimals`,
      );
    } else if (family === 'credit_note' && !new Big(quantity).gt(0)) {
      errors.add(
        `${path}.quantity`,
        'quantity_not_positive',
        'a credit note line states the quantity credited (> 0)',
      );
    }

    const discount = input.discountPercent ?? null;
    if (
      discount !== null &&
      (!isDecimalString(discount) || new Big(discount).lt(0) || new Big(discount).gt(100))
    ) {
      errors.add(`${path}.discountPercent`, 'discount_invalid', 'must be a decimal from 0 to 100');
    }

    let unitAmount: string | null = null;
    if (input.unitAmount !== undefined && input.unitAmountDecimal !== undefined) {
      errors.add(
        `${path}.unitAmountDecimal`,
        'price_conflict',
        'give unitAmount or unitAmountDecimal, not both',
      );
    } else if (input.unitAmount !== undefined) {
      if (!Number.isSafeInteger(input.unitAmount) || input.unitAmount < 0) {
        errors.add(`${path}.unitAmount`, 'amount_invalid', 'must be a non-negative integer of minor units');
      } else unitAmount = String(input.unitAmount);
    } else if (input.unitAmountDecimal !== undefined) {
      const value = input.unitAmountDecimal;
      if (!isDecimalString(value) || value.startsWith('-') || decimals(value) > MAX_UNIT_DECIMALS) {
        errors.add(
          `${path}.unitAmountDecimal`,
          'amount_invalid',
          `must be a non-negative decimal with at most ${MAX_UNIT_DECIMALS} decimals`,
        );
      } else unitAmount = value;
    } else if (article) {
      if (article.currency !== currency) {
        errors.add(
          `${path}.articleId`,
          'article_currency_mismatch',
          `the article is priced in ${article.currency}, the document is in ${currency}; give unitAmount`,
        );
      } else unitAmount = articleUnitAmount(article, quantity);
    } else {
      errors.add(
        `${path}.unitAmount`,
        'required',
        'a line needs a price (unitAmount or unitAmountDecimal) or an article',
      );
    }

    checkPeriod(errors, `${path}.period`, input.period);
    const negate = family === 'credit_note' && isDecimalString(quantity) && !new Big(quantity).eq(0);
    return {
      articleId: article?.id ?? input.articleId ?? null,
      name,
      description,
      quantity: negate ? new Big(quantity).times(-1).toString() : quantity,
      unitCode: input.unitCode ?? article?.unitCode ?? 'C62',
      unitAmount: unitAmount ?? '0',
      discountPercent: discount,
      taxRateKind: input.taxRateKind ?? article?.taxRateKind ?? 'standard',
      supplyKind: input.supplyKind ?? article?.supplyKind ?? 'services',
      fixedTax: null,
      period: input.period ?? null,
      contractId: null,
      contractItemId: null,
    };
  });
}

/**
 * The unit price an article gives a line of `quantity`: a flat price is the price of the whole line, a
 * per-unit price is the unit price, tiers (priced by billing/pricing, as contracts are) give the exact
 * average (12 decimals, a sub-cent price), so that quantity × unit price is the tiered amount.
 */
export function articleUnitAmount(article: Article, quantity: string): string {
  const model = article.priceModel;
  if (model.kind === 'per_unit') return model.unitAmount;
  if (model.kind === 'flat') {
    const q = isDecimalString(quantity) ? new Big(quantity) : new Big(1);
    return q.eq(0) ? String(model.amount) : trim(new Big(model.amount).div(q).toFixed(MAX_UNIT_DECIMALS));
  }
  const q = isDecimalString(quantity) && !new Big(quantity).eq(0) ? quantity : '1';
  const exact = priceQuantity(model, q).exactAmount;
  return trim(new Big(exact).div(q).toFixed(MAX_UNIT_DECIMALS));
}

function trim(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/** Who sells and who buys, as VAT determination needs them (DOMAIN.md §5). */
export interface TaxParties {
  sellerCountry: string;
  sellerSmallBusiness: boolean;
  buyerCountry: string;
  buyerVatIdValid: boolean;
  buyerIsBusiness: boolean;
}

/**
 * The parties of a document, or the errors that make VAT impossible to determine: the seller's country (the
 * organisation's address) and the buyer's (the contact's billing address).
 */
export function taxParties(org: Organization, contact: Contact, errors: FieldErrors): TaxParties | null {
  if (!org.address) {
    errors.add(
      'organization.address',
      'required',
      'the organisation needs an address: VAT follows the seller’s country',
    );
  }
  if (!contact.billingAddress) {
    errors.add(
      'contact.billingAddress',
      'required',
      'the contact needs a billing address: VAT follows the buyer’s country',
    );
  }
  if (!org.address || !contact.billingAddress) return null;
  return {
    sellerCountry: org.address.country,
    sellerSmallBusiness: org.smallBusiness,
    buyerCountry: contact.billingAddress.country,
    // contacts keep only VAT ids that passed format and check digit (contacts/rules)
    buyerVatIdValid: contact.vatId !== null,
    buyerIsBusiness: contact.kind === 'company' || contact.vatId !== null,
  };
}

/**
 * The parties of an issued invoice as it froze them at finalize. A credit note corrects the taxable amount of
 * that invoice's supply (UStG §17(1)); it is no new supply, so its VAT follows the seller's §19 status and the
 * buyer's country and VAT id of then — not today's master data, in which the seller may have left §19 or the
 * buyer lost its VAT id, which would credit VAT that was never charged.
 */
export function issuedTaxParties(
  seller: SellerSnapshot,
  buyer: BuyerSnapshot,
  contact: Pick<Contact, 'kind'>,
): TaxParties {
  return {
    sellerCountry: seller.address.country,
    sellerSmallBusiness: seller.smallBusiness,
    buyerCountry: buyer.address.country,
    buyerVatIdValid: buyer.vatId !== null,
    buyerIsBusiness: contact.kind === 'company' || buyer.vatId !== null,
  };
}

/**
 * A credit note or corrected invoice is not dated before the invoice it corrects: the correction belongs to the
 * period in which it happens (UStG §17(1)), so a back-dated one would change a VAT return filed before it.
 */
export function checkNotBeforePreceding(
  errors: FieldErrors,
  issueDate: string | null | undefined,
  preceding: { number: string | null; issueDate: string | null },
): void {
  if (!issueDate || !preceding.issueDate || !isCalendarDate(issueDate)) return;
  if (issueDate < preceding.issueDate) {
    errors.add(
      'issueDate',
      'date_invalid',
      `must not be before the issue date of invoice ${preceding.number} (${preceding.issueDate})`,
    );
  }
}

/** The day a line's supply is completed: its period's end, else the document's date of supply. */
export function supplyDateOf(line: Pick<LineDraft, 'period'>, documentSupplyDate: string): string {
  return line.period?.end ?? documentSupplyDate;
}

const OUT_OF_RANGE = `quantity × price exceeds the largest amount a document can hold (${MAX_DOCUMENT_NET} minor units)`;

/**
 * Prices and taxes the lines: each line's net is rounded once (money.lineNet), its VAT category and rate
 * come from determineTax for its rate kind, supply kind and date of supply — the rate follows the date of
 * supply, not the invoice date (16 % for supplies in H2 2020). Lines whose tax was fixed elsewhere keep it.
 */
export function priceLines(
  lines: readonly LineDraft[],
  parties: TaxParties,
  documentSupplyDate: string,
  errors: FieldErrors,
): PricedLine[] {
  return lines.map((line, i) => {
    let taxCategory: TaxCategory = line.fixedTax?.category ?? 'S';
    let taxRate = line.fixedTax?.rate ?? '0';
    if (line.taxRateKind && line.supplyKind) {
      try {
        const tax = determineTax({
          ...parties,
          supplyKind: line.supplyKind,
          rateKind: line.taxRateKind,
          supplyDate: supplyDateOf(line, documentSupplyDate),
        });
        taxCategory = tax.category;
        taxRate = tax.rate;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors.add(`lines.${i}.taxRateKind`, error.code, error.message);
      }
    }
    let netAmount = 0;
    try {
      netAmount = lineNet(line.quantity, line.unitAmount, line.discountPercent ?? '0');
    } catch (error) {
      // an unparsable quantity or price was already reported by linesFromInput; a product beyond the exact
      // integers is reported here
      if (error instanceof AmountOutOfRange) errors.add(`lines.${i}`, 'amount_out_of_range', OUT_OF_RANGE);
    }
    return { ...line, position: i + 1, netAmount, taxCategory, taxRate };
  });
}

/** The core's line shape (documents/types) of a priced line. */
export function toDocumentLine(line: PricedLine): DocumentLine {
  return {
    position: line.position,
    name: line.name,
    description: line.description,
    quantity: line.quantity,
    unitCode: line.unitCode,
    unitAmount: line.unitAmount,
    discountPercent: line.discountPercent,
    netAmount: line.netAmount,
    taxCategory: line.taxCategory,
    taxRate: line.taxRate,
    period: line.period,
  };
}

/** The period the lines cover (BG-14) when the document names none: from the first line start to the last end. */
export function periodOfLines(
  lines: readonly Pick<LineDraft, 'period'>[],
): { start: string; end: string } | null {
  let start: string | null = null;
  let end: string | null = null;
  for (const { period } of lines) {
    if (!period) continue;
    if (start === null || period.start < start) start = period.start;
    if (end === null || period.end > end) end = period.end;
  }
  return start && end ? { start, end } : null;
}

/**
 * What UStG §14(4) requires before a document can be issued, as field errors naming every gap at once:
 * seller name and full address, seller VAT id or tax number (no. 2), buyer name and full address (no. 1),
 * and at least one line (no. 5). Dates (no. 3, 6), the number (no. 4) and the tax amounts (no. 7, 8) are
 * supplied by finalize itself.
 */
export function checkIssuable(
  org: Organization,
  contact: Contact,
  lineCount: number,
  errors: FieldErrors,
): void {
  if (!org.legalName.trim())
    errors.add('organization.legalName', 'required', 'the seller’s full name is required');
  if (!org.address) {
    errors.add(
      'organization.address',
      'required',
      'the seller’s full address is required (UStG §14(4) no. 1)',
    );
  } else {
    for (const part of ['line1', 'postalCode', 'city', 'country'] as const) {
      if (!org.address[part]?.trim()) errors.add(`organization.address.${part}`, 'required', 'is required');
    }
  }
  if (!org.vatId && !org.taxNumber) {
    errors.add(
      'organization.vatId',
      'vat_id_or_tax_number_required',
      'the seller’s VAT id or tax number is required (UStG §14(4) no. 2); set vatId or taxNumber',
    );
  }
  if (!contact.displayName.trim())
    errors.add('contact.name', 'required', 'the buyer’s full name is required');
  if (!contact.billingAddress) {
    errors.add(
      'contact.billingAddress',
      'required',
      'the buyer’s full address is required (UStG §14(4) no. 1)',
    );
  } else {
    for (const part of ['line1', 'postalCode', 'city', 'country'] as const) {
      if (!contact.billingAddress[part]?.trim())
        errors.add(`contact.billingAddress.${part}`, 'required', 'is required');
    }
  }
  if (lineCount === 0)
    errors.add('lines', 'required', 'a document needs at least one line (kind and quantity of the supply)');
}

/** Days a quote is valid when it does not say (a common default). */
export const QUOTE_VALIDITY_DAYS = 30;

/** Payment due date of an invoice: as given, else the contact's payment terms, else the organisation's. */
export function dueDateFor(
  issueDate: string,
  given: string | null,
  contact: Contact,
  org: Organization,
): string {
  return given ?? addDays(issueDate, contact.paymentTermsDays ?? org.paymentTermsDays);
}

/** Does this type carry payment terms and a due date? Credit notes and cancellations refund instead. */
export function isPayable(type: DocumentType): boolean {
  return type === 'invoice' || type === 'pro_forma' || type === 'corrected_invoice';
}
