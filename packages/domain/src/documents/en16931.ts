import Big from 'big.js';
import { isCurrency, lineNet, vatAmount } from '../money';
import { isValidCreditorId, isValidIban } from '../validation/bank';
import { isCalendarDate, isCountryCode, isEmail } from '../validation/codes';
import { exponentOf } from './labels';
import { normaliseRate } from './totals';
import { type DocumentData, TAX_CATEGORIES, type TaxCategory, TYPE_CODES } from './types';

/** `en16931` is the core standard (Factur-X EN 16931 profile); `xrechnung` adds the German CIUS rules BR-DE-*. */
export type EInvoiceProfile = 'en16931' | 'xrechnung';

export interface RuleViolation {
  /** The rule's id as the standard names it, e.g. `BR-CO-15`, `BR-AE-02`, `BR-DE-15`. */
  rule: string;
  /** `warning` for rules the standard phrases as "should" (BR-DE-17, BR-DE-26). */
  severity: 'error' | 'warning';
  message: string;
  /** Where in the document data, e.g. `lines.2.taxRate`. */
  path?: string;
}

/** The prefix EN 16931 uses for the rules of each VAT category (K is "intra-community", BR-IC-*). */
const PREFIX: Record<TaxCategory, string> = { S: 'S', Z: 'Z', E: 'E', AE: 'AE', K: 'IC', G: 'G', O: 'O' };

/**
 * Checks a document against the EN 16931 business rules Fakturo implements, before it is turned into
 * XML, so a failure names the rule and the field instead of surfacing as a rejected e-invoice:
 * BR-01…BR-16 and line rules BR-21…BR-27, BR-CO-10…BR-CO-18, BR-CO-25/26, the VAT category rules
 * BR-S-*, BR-Z-*, BR-E-*, BR-AE-*, BR-IC-*, BR-G-*, BR-O-* (01/02/05/08/09/10 and the IC delivery rules),
 * and with `profile = 'xrechnung'` the German CIUS rules BR-DE-1…BR-DE-31 that concern our data.
 * Amounts are judged in the sign the XML will carry (a 381 credit note is written with positive amounts).
 */
export function checkEn16931(doc: DocumentData, profile: EInvoiceProfile = 'en16931'): RuleViolation[] {
  const out: RuleViolation[] = [];
  const fail = (
    rule: string,
    message: string,
    path?: string,
    severity: RuleViolation['severity'] = 'error',
  ) => out.push({ rule, severity, message, ...(path ? { path } : {}) });
  const { seller, buyer, totals } = doc;
  const sign = doc.typeCode === '381' ? -1 : 1;

  // ——— BR-01…BR-16: the mandatory skeleton ———
  if (!doc.number?.trim()) fail('BR-02', 'An invoice shall have an invoice number (BT-1).', 'number');
  if (!isCalendarDate(doc.issueDate))
    fail('BR-03', 'An invoice shall have an issue date (BT-2).', 'issueDate');
  if (!TYPE_CODES.includes(doc.typeCode))
    fail('BR-04', 'An invoice shall have a valid type code (BT-3).', 'typeCode');
  if (!isCurrency(doc.currency)) fail('BR-05', 'An invoice shall have a currency code (BT-5).', 'currency');
  else if (exponentOf(doc.currency) > 2) {
    fail('BR-DEC-09', 'EN 16931 amounts have at most 2 decimals; this currency has more.', 'currency');
  }
  if (!seller.legalName?.trim())
    fail('BR-06', 'An invoice shall contain the seller name (BT-27).', 'seller.legalName');
  if (!buyer.name?.trim()) fail('BR-07', 'An invoice shall contain the buyer name (BT-44).', 'buyer.name');
  if (!seller.address)
    fail('BR-08', 'An invoice shall contain the seller postal address (BG-5).', 'seller.address');
  else if (!isCountryCode(seller.address.country)) {
    fail(
      'BR-09',
      'The seller postal address shall contain a country code (BT-40).',
      'seller.address.country',
    );
  }
  if (!buyer.address)
    fail('BR-10', 'An invoice shall contain the buyer postal address (BG-8).', 'buyer.address');
  else if (!isCountryCode(buyer.address.country)) {
    fail('BR-11', 'The buyer postal address shall contain a country code (BT-55).', 'buyer.address.country');
  }
  const integral = (n: number) => Number.isSafeInteger(n);
  if (!integral(totals.lineNetTotal))
    fail('BR-12', 'Sum of line net amounts (BT-106) is missing.', 'totals.lineNetTotal');
  if (!integral(totals.taxBasisTotal))
    fail('BR-13', 'Total without VAT (BT-109) is missing.', 'totals.taxBasisTotal');
  if (!integral(totals.grossTotal)) fail('BR-14', 'Total with VAT (BT-112) is missing.', 'totals.grossTotal');
  if (!integral(totals.amountDue))
    fail('BR-15', 'Amount due for payment (BT-115) is missing.', 'totals.amountDue');
  if (doc.lines.length === 0)
    fail('BR-16', 'An invoice shall have at least one invoice line (BG-25).', 'lines');

  // ——— line rules BR-21…BR-27 and BR-CO-04 ———
  const ids = new Set<number>();
  doc.lines.forEach((line, i) => {
    const path = `lines.${i}`;
    if (!Number.isInteger(line.position) || ids.has(line.position)) {
      fail('BR-21', 'Each invoice line shall have a unique identifier (BT-126).', `${path}.position`);
    }
    ids.add(line.position);
    if (!/^-?\d+(\.\d+)?$/.test(line.quantity))
      fail('BR-22', 'Each line shall have an invoiced quantity (BT-129).', `${path}.quantity`);
    if (!/^[A-Z0-9]{1,3}$/.test(line.unitCode ?? '')) {
      fail(
        'BR-23',
        'Each line shall have a unit of measure code (BT-130), UN/ECE Rec. 20.',
        `${path}.unitCode`,
      );
    }
    if (!integral(line.netAmount))
      fail('BR-24', 'Each line shall have a net amount (BT-131).', `${path}.netAmount`);
    else if (
      /^-?\d+(\.\d+)?$/.test(line.quantity) &&
      line.netAmount !== lineNet(line.quantity, line.unitAmount, line.discountPercent ?? '0')
    ) {
      fail(
        'BR-24',
        'The line net amount is not quantity × price × (1 − discount) rounded once.',
        `${path}.netAmount`,
      );
    }
    if (!line.name?.trim()) fail('BR-25', 'Each line shall contain the item name (BT-153).', `${path}.name`);
    const price = String(line.unitAmount);
    if (!/^-?\d+(\.\d+)?$/.test(price))
      fail('BR-26', 'Each line shall contain the item net price (BT-146).', `${path}.unitAmount`);
    else if (new Big(price).lt(0))
      fail('BR-27', 'The item net price (BT-146) shall not be negative.', `${path}.unitAmount`);
    if (!TAX_CATEGORIES.includes(line.taxCategory)) {
      fail(
        'BR-CO-04',
        'Each line shall be categorised with a VAT category code (BT-151).',
        `${path}.taxCategory`,
      );
    }
  });

  // ——— BR-CO: the totals are the sum of their parts ———
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(doc.lines.map((l) => l.netAmount)) !== totals.lineNetTotal) {
    fail(
      'BR-CO-10',
      'Sum of line net amounts (BT-106) ≠ Σ line net amounts (BT-131).',
      'totals.lineNetTotal',
    );
  }
  const allowances = doc.allowancesCharges.filter((a) => a.kind === 'allowance');
  const charges = doc.allowancesCharges.filter((a) => a.kind === 'charge');
  if (sum(allowances.map((a) => a.amount)) !== totals.allowanceTotal) {
    fail(
      'BR-CO-11',
      'Sum of allowances (BT-107) ≠ Σ document-level allowances (BT-92).',
      'totals.allowanceTotal',
    );
  }
  if (sum(charges.map((a) => a.amount)) !== totals.chargeTotal) {
    fail('BR-CO-12', 'Sum of charges (BT-108) ≠ Σ document-level charges (BT-99).', 'totals.chargeTotal');
  }
  if (totals.taxBasisTotal !== totals.lineNetTotal - totals.allowanceTotal + totals.chargeTotal) {
    fail('BR-CO-13', 'Total without VAT (BT-109) ≠ BT-106 − BT-107 + BT-108.', 'totals.taxBasisTotal');
  }
  if (totals.taxTotal !== sum(totals.taxBreakdown.map((r) => r.tax))) {
    fail('BR-CO-14', 'Total VAT (BT-110) ≠ Σ VAT category tax amounts (BT-117).', 'totals.taxTotal');
  }
  if (totals.grossTotal !== totals.taxBasisTotal + totals.taxTotal) {
    fail('BR-CO-15', 'Total with VAT (BT-112) ≠ BT-109 + BT-110.', 'totals.grossTotal');
  }
  if (totals.amountDue !== totals.grossTotal - totals.prepaidAmount) {
    fail('BR-CO-16', 'Amount due (BT-115) ≠ BT-112 − BT-113.', 'totals.amountDue');
  }
  if (totals.taxBreakdown.length === 0)
    fail('BR-CO-18', 'An invoice shall have at least one VAT breakdown (BG-23).', 'totals.taxBreakdown');
  if (totals.amountDue * sign > 0 && !doc.paymentTerms && !(doc.dueDate && doc.typeCode !== '381')) {
    fail(
      'BR-CO-25',
      'A positive amount due needs a payment due date (BT-9) or payment terms (BT-20).',
      'dueDate',
    );
  }
  if (!seller.vatId && !seller.registrationId && !seller.identifier) {
    fail(
      'BR-CO-26',
      'The seller needs an identifier (BT-29), a legal registration id (BT-30) or a VAT id (BT-31).',
      'seller.vatId',
    );
  }

  // ——— VAT breakdown against lines, allowances and charges (BR-x-08) and per-category rules ———
  const groups = new Map<string, number>();
  const key = (c: TaxCategory, r: string) => `${c}:${normaliseRate(r)}`;
  for (const line of doc.lines)
    groups.set(
      key(line.taxCategory, line.taxRate),
      (groups.get(key(line.taxCategory, line.taxRate)) ?? 0) + line.netAmount,
    );
  for (const ac of doc.allowancesCharges) {
    const k = key(ac.taxCategory, ac.taxRate);
    groups.set(k, (groups.get(k) ?? 0) + (ac.kind === 'charge' ? ac.amount : -ac.amount));
  }
  const rows = new Map(totals.taxBreakdown.map((r) => [key(r.category, r.rate), r]));
  const categories = new Set([
    ...doc.lines.map((l) => l.taxCategory),
    ...doc.allowancesCharges.map((a) => a.taxCategory),
  ]);

  for (const category of categories) {
    const p = PREFIX[category];
    const count = totals.taxBreakdown.filter((r) => r.category === category).length;
    if (count === 0)
      fail(
        `BR-${p}-01`,
        `Lines of category ${category} need a ${category} row in the VAT breakdown.`,
        'totals.taxBreakdown',
      );
    if (category !== 'S' && count > 1)
      fail(
        `BR-${p}-01`,
        `Category ${category} shall have exactly one VAT breakdown row.`,
        'totals.taxBreakdown',
      );
    // Seller tax identification: BR-S/Z/E-02 accept BT-31 or BT-32; AE, K and G need the VAT id itself.
    if (['S', 'Z', 'E'].includes(category) && !seller.vatId && !seller.taxNumber) {
      fail(
        `BR-${p}-02`,
        `Category ${category} needs the seller VAT id (BT-31) or tax number (BT-32).`,
        'seller.vatId',
      );
    }
    if (['AE', 'K', 'G'].includes(category) && !seller.vatId) {
      fail(`BR-${p}-02`, `Category ${category} needs the seller VAT identifier (BT-31).`, 'seller.vatId');
    }
    if ((category === 'AE' || category === 'K') && !buyer.vatId) {
      // UStG §14a(1)/(3) asks for the buyer's VAT id on the same documents.
      fail(`BR-${p}-02`, `Category ${category} needs the buyer VAT identifier (BT-48).`, 'buyer.vatId');
    }
    if (category === 'O' && categories.size > 1) {
      fail(
        'BR-O-11',
        'An invoice with category O (not subject to VAT) shall contain no other VAT category.',
        'lines',
      );
    }
    if (category === 'K') {
      if (!doc.serviceDate && !doc.servicePeriod) {
        fail(
          'BR-IC-11',
          'An intra-community supply needs the actual delivery date (BT-72) or the invoicing period (BG-14).',
          'serviceDate',
        );
      }
      const country = buyer.deliveryAddress?.country ?? buyer.address?.country;
      if (!country)
        fail(
          'BR-IC-12',
          'An intra-community supply needs the deliver-to country code (BT-80).',
          'buyer.deliveryAddress',
        );
    }
  }

  doc.lines.forEach((line, i) => {
    const rate = new Big(line.taxRate || '0');
    if (line.taxCategory === 'S' && rate.lte(0)) {
      fail('BR-S-05', 'A standard-rated line shall have a VAT rate greater than zero.', `lines.${i}.taxRate`);
    }
    if (line.taxCategory !== 'S' && !rate.eq(0)) {
      fail(
        `BR-${PREFIX[line.taxCategory]}-05`,
        `A line of category ${line.taxCategory} shall have VAT rate 0.`,
        `lines.${i}.taxRate`,
      );
    }
  });

  totals.taxBreakdown.forEach((row, i) => {
    const p = PREFIX[row.category];
    const path = `totals.taxBreakdown.${i}`;
    const expected = groups.get(key(row.category, row.rate));
    if (expected === undefined || expected !== row.basis) {
      fail(
        `BR-${p}-08`,
        `The taxable amount of ${row.category} ${row.rate} % is not the sum of its lines, allowances and charges.`,
        `${path}.basis`,
      );
    }
    if (row.category === 'S') {
      if (row.tax !== vatAmount(row.basis, row.rate)) {
        fail(
          'BR-S-09',
          'The VAT of a standard-rated group shall be its taxable amount × rate, rounded.',
          `${path}.tax`,
        );
      }
      if (row.exemptionReason || row.exemptionReasonCode) {
        fail(
          'BR-S-10',
          'A standard-rated group shall not have an exemption reason.',
          `${path}.exemptionReason`,
        );
      }
    } else {
      if (row.tax !== 0) fail(`BR-${p}-09`, `The VAT of category ${row.category} shall be 0.`, `${path}.tax`);
      if (row.category === 'Z') {
        if (row.exemptionReason || row.exemptionReasonCode) {
          fail(
            'BR-Z-10',
            'A zero-rated group shall not have an exemption reason.',
            `${path}.exemptionReason`,
          );
        }
      } else if (!row.exemptionReason && !row.exemptionReasonCode) {
        fail(
          `BR-${p}-10`,
          `Category ${row.category} shall have an exemption reason code (BT-121) or text (BT-120).`,
          `${path}.exemptionReason`,
        );
      }
      if (row.category === 'AE' && row.exemptionReasonCode && row.exemptionReasonCode !== 'VATEX-EU-AE') {
        fail(
          'BR-AE-10',
          'The exemption reason code of reverse charge shall be VATEX-EU-AE.',
          `${path}.exemptionReasonCode`,
        );
      }
    }
  });
  for (const [k] of groups) {
    if (!rows.has(k)) {
      const [category] = k.split(':') as [TaxCategory];
      fail(
        `BR-${PREFIX[category]}-08`,
        `No VAT breakdown row for ${k.replace(':', ' ')} %.`,
        'totals.taxBreakdown',
      );
    }
  }

  if (profile === 'xrechnung') checkXRechnung(doc, fail);
  return out;
}

type Fail = (rule: string, message: string, path?: string, severity?: RuleViolation['severity']) => void;

/** XRechnung 3.0 CIUS rules (KoSIT) that concern Fakturo's data. */
function checkXRechnung(doc: DocumentData, fail: Fail) {
  const { seller, buyer } = doc;
  if (!doc.paymentMeans && doc.totals.amountDue > 0) {
    fail('BR-DE-1', 'XRechnung needs payment instructions (BG-16).', 'paymentMeans');
  }
  const contact = seller.contact ?? { name: null, phone: null, email: null };
  if (!contact.name)
    fail('BR-DE-5', 'XRechnung needs a seller contact point (BT-41).', 'seller.contact.name');
  if (!contact.phone)
    fail('BR-DE-6', 'XRechnung needs a seller contact telephone number (BT-42).', 'seller.contact.phone');
  else if ((contact.phone.match(/\d/g) ?? []).length < 3) {
    fail(
      'BR-DE-27',
      'The seller contact telephone number (BT-42) needs at least three digits.',
      'seller.contact.phone',
    );
  }
  if (!contact.email)
    fail('BR-DE-7', 'XRechnung needs a seller contact e-mail address (BT-43).', 'seller.contact.email');
  else if (!isEmail(contact.email))
    fail('BR-DE-28', 'The seller contact e-mail (BT-43) is not an e-mail address.', 'seller.contact.email');
  if (!seller.address?.city)
    fail('BR-DE-3', 'XRechnung needs the seller city (BT-37).', 'seller.address.city');
  if (!seller.address?.postalCode)
    fail('BR-DE-4', 'XRechnung needs the seller post code (BT-38).', 'seller.address.postalCode');
  if (!buyer.address?.city) fail('BR-DE-8', 'XRechnung needs the buyer city (BT-52).', 'buyer.address.city');
  if (!buyer.address?.postalCode)
    fail('BR-DE-9', 'XRechnung needs the buyer post code (BT-53).', 'buyer.address.postalCode');
  if (!buyer.buyerReference?.trim()) {
    fail(
      'BR-DE-15',
      'XRechnung needs the buyer reference (BT-10), e.g. the Leitweg-ID.',
      'buyer.buyerReference',
    );
  }
  const taxed = doc.totals.taxBreakdown.some((r) => r.category !== 'O');
  if (taxed && !seller.vatId && !seller.taxNumber) {
    fail('BR-DE-16', 'XRechnung needs the seller VAT id (BT-31) or tax number (BT-32).', 'seller.vatId');
  }
  if (!(seller.electronicAddress ?? contact.email)) {
    fail(
      'BR-DE-BT-34',
      'XRechnung 3.0 needs the seller electronic address (BT-34).',
      'seller.electronicAddress',
    );
  }
  if (!buyer.email)
    fail('BR-DE-BT-49', 'XRechnung 3.0 needs the buyer electronic address (BT-49).', 'buyer.email');
  if (!['380', '381', '384'].includes(doc.typeCode)) {
    fail(
      'BR-DE-17',
      'XRechnung expects type code 326, 380, 381, 384, 389, 875, 876 or 877.',
      'typeCode',
      'warning',
    );
  }
  if (doc.typeCode === '384' && !doc.precedingDocument) {
    fail(
      'BR-DE-26',
      'A corrected invoice (384) should reference the invoice it corrects (BG-3).',
      'precedingDocument',
      'warning',
    );
  }
  const means = doc.paymentMeans;
  if (means?.kind === 'transfer' && !isValidIban(means.iban.replace(/\s+/g, ''))) {
    fail(
      'BR-DE-19',
      'The payment account (BT-84) of a SEPA credit transfer shall be a valid IBAN.',
      'paymentMeans.iban',
    );
  }
  if (means?.kind === 'sepa_debit') {
    if (!means.creditorId || !isValidCreditorId(means.creditorId)) {
      fail(
        'BR-DE-30',
        'A direct debit needs the bank assigned creditor identifier (BT-90).',
        'paymentMeans.creditorId',
      );
    }
    if (!means.debtorIban || !isValidIban(means.debtorIban.replace(/\s+/g, ''))) {
      fail(
        'BR-DE-31',
        'A direct debit needs the debited account identifier (BT-91) as a valid IBAN.',
        'paymentMeans.debtorIban',
      );
    }
  }
}
