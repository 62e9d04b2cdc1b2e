import Big from 'big.js';
import { lineNet, vatAmount } from '../money';
import { exemptionCodeFor, legalNoteFor } from './tax';
import {
  type AllowanceCharge,
  DEFAULT_TYPE_CODE,
  type DocumentData,
  type DocumentLanguage,
  type DocumentLine,
  type DocumentTotals,
  type DocumentType,
  type PaymentMeans,
  TAX_CATEGORIES,
  type TaxBreakdownEntry,
  type TaxCategory,
  type TypeCode,
} from './types';

/** A line as a caller writes it: the net amount is always computed, never taken from input. */
export type LineInput = Omit<DocumentLine, 'netAmount' | 'position' | 'discountPercent' | 'description'> & {
  position?: number;
  description?: string | null;
  discountPercent?: string | null;
};

/** Net of one line, rounded once (DOMAIN.md §1, money.lineNet). */
export function computeLine(line: LineInput, index: number): DocumentLine {
  return {
    position: line.position ?? index + 1,
    name: line.name,
    description: line.description ?? null,
    quantity: line.quantity,
    unitCode: line.unitCode,
    unitAmount: line.unitAmount,
    discountPercent: line.discountPercent ?? null,
    netAmount: lineNet(line.quantity, line.unitAmount, line.discountPercent ?? '0'),
    taxCategory: line.taxCategory,
    taxRate: line.taxRate,
    period: line.period ?? null,
  };
}

/** Rates compare as numbers: "19", "19.0" and "19.00" are one group. */
export function normaliseRate(rate: string): string {
  return new Big(rate).toFixed(2).replace(/\.?0+$/, '');
}

/** The signed effect of an allowance or charge on the tax basis. */
function effect(ac: AllowanceCharge): number {
  return ac.kind === 'charge' ? ac.amount : -ac.amount;
}

export interface TotalsContext {
  /** Seller's country and language decide the wording of exemption reasons (BT-120). */
  sellerCountry: string;
  language: DocumentLanguage;
  prepaidAmount?: number;
}

/**
 * Document totals (EN 16931 BG-22, DOMAIN.md §1):
 * - BT-106 = Σ line nets (BR-CO-10), each already rounded once per line;
 * - the VAT breakdown groups lines, allowances and charges by (category, rate); each group's VAT is
 *   computed on the group's basis and rounded once (BR-CO-17 / BR-S-09 shape), never per line;
 * - BT-109 = BT-106 − BT-107 + BT-108 (BR-CO-13), BT-110 = Σ group VAT (BR-CO-14),
 *   BT-112 = BT-109 + BT-110 (BR-CO-15), BT-115 = BT-112 − BT-113 (BR-CO-16).
 */
export function computeTotals(
  lines: readonly Pick<DocumentLine, 'netAmount' | 'taxCategory' | 'taxRate'>[],
  allowancesCharges: readonly AllowanceCharge[],
  context: TotalsContext,
): DocumentTotals {
  const groups = new Map<string, { category: TaxCategory; rate: string; basis: number }>();
  const add = (category: TaxCategory, rate: string, amount: number) => {
    const key = `${category}:${normaliseRate(rate)}`;
    const group = groups.get(key) ?? { category, rate: normaliseRate(rate), basis: 0 };
    group.basis += amount;
    groups.set(key, group);
  };
  let lineNetTotal = 0;
  for (const line of lines) {
    lineNetTotal += line.netAmount;
    add(line.taxCategory, line.taxRate, line.netAmount);
  }
  let allowanceTotal = 0;
  let chargeTotal = 0;
  for (const ac of allowancesCharges) {
    if (ac.kind === 'charge') chargeTotal += ac.amount;
    else allowanceTotal += ac.amount;
    add(ac.taxCategory, ac.taxRate, effect(ac));
  }

  const order = (c: TaxCategory) => TAX_CATEGORIES.indexOf(c);
  const taxBreakdown: TaxBreakdownEntry[] = [...groups.values()]
    .sort((a, b) => order(a.category) - order(b.category) || new Big(b.rate).cmp(a.rate))
    .map(({ category, rate, basis }) => {
      const note = legalNoteFor(category, context.sellerCountry);
      return {
        category,
        rate,
        basis,
        // Only S carries VAT; every other category has rate 0 and VAT 0 (BR-Z-09, BR-E-09, BR-AE-09 …).
        tax: category === 'S' ? vatAmount(basis, rate) : 0,
        exemptionReasonCode: exemptionCodeFor(category, context.sellerCountry),
        exemptionReason: note ? note[context.language] : null,
      };
    });

  const taxBasisTotal = lineNetTotal - allowanceTotal + chargeTotal;
  const taxTotal = taxBreakdown.reduce((sum, row) => sum + row.tax, 0);
  const grossTotal = taxBasisTotal + taxTotal;
  const prepaidAmount = context.prepaidAmount ?? 0;
  return {
    lineNetTotal,
    allowanceTotal,
    chargeTotal,
    taxBasisTotal,
    taxTotal,
    grossTotal,
    prepaidAmount,
    amountDue: grossTotal - prepaidAmount,
    taxBreakdown,
  };
}

/** What a caller provides to compose a document: lines without nets, no totals, optional type code. */
export type DocumentInput = Omit<
  DocumentData,
  'lines' | 'totals' | 'typeCode' | 'allowancesCharges' | 'notes'
> & {
  typeCode?: TypeCode;
  lines: LineInput[];
  allowancesCharges?: AllowanceCharge[];
  notes?: string[];
  prepaidAmount?: number;
};

/** Composes the complete document data: line nets and totals are computed here and nowhere else. */
export function buildDocument(input: DocumentInput): DocumentData {
  const { prepaidAmount, lines: lineInputs, ...rest } = input;
  const lines = lineInputs.map(computeLine);
  const allowancesCharges = input.allowancesCharges ?? [];
  return {
    ...rest,
    typeCode: input.typeCode ?? DEFAULT_TYPE_CODE[input.type],
    lines,
    allowancesCharges,
    notes: input.notes ?? [],
    totals: computeTotals(lines, allowancesCharges, {
      sellerCountry: input.seller.address.country,
      language: input.language,
      prepaidAmount,
    }),
  };
}

function negateDecimal(value: string): string {
  const text = value.trim();
  if (new Big(text).eq(0)) return text.replace(/^-/, '');
  return text.startsWith('-') ? text.slice(1) : `-${text}`;
}

const REFUND_TERMS: Record<DocumentLanguage, string> = {
  de: 'Der Betrag wird Ihnen erstattet oder mit offenen Forderungen verrechnet.',
  en: 'The amount will be refunded to you or offset against open items.',
};

export interface ReverseOptions {
  /** `cancellation` (Storno, default) or `credit_note`. */
  type?: Extract<DocumentType, 'cancellation' | 'credit_note'>;
  number: string;
  issueDate: string;
  issuedAt?: string | null;
  paymentTerms?: string | null;
  paymentMeans?: PaymentMeans | null;
  notes?: string[];
}

/**
 * The document that fully reverses `original` (GoBD: an issued document is corrected only by a new one,
 * DOMAIN.md §3): same parties, lines and dates of supply, negated quantities and amounts, type code 381
 * and a reference to the original (BG-3). Because rounding is symmetric (half away from zero), every
 * line net, VAT group and total is exactly the negation of the original's.
 */
export function reverse(original: DocumentData, options: ReverseOptions): DocumentData {
  const lines = original.lines.map((line) => ({
    ...line,
    quantity: negateDecimal(line.quantity),
    netAmount: lineNet(negateDecimal(line.quantity), line.unitAmount, line.discountPercent ?? '0'),
  }));
  const allowancesCharges = original.allowancesCharges.map((ac) => ({ ...ac, amount: -ac.amount }));
  const type = options.type ?? 'cancellation';
  return {
    ...original,
    type,
    typeCode: DEFAULT_TYPE_CODE[type],
    number: options.number,
    issueDate: options.issueDate,
    issuedAt: options.issuedAt ?? null,
    dueDate: null,
    precedingDocument: { number: original.number, issueDate: original.issueDate },
    paymentTerms: options.paymentTerms === undefined ? REFUND_TERMS[original.language] : options.paymentTerms,
    paymentMeans: options.paymentMeans === undefined ? original.paymentMeans : options.paymentMeans,
    notes: options.notes ?? [],
    lines,
    allowancesCharges,
    totals: computeTotals(lines, allowancesCharges, {
      sellerCountry: original.seller.address.country,
      language: original.language,
      prepaidAmount: -original.totals.prepaidAmount,
    }),
  };
}
