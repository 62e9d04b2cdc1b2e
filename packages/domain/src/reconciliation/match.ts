/**
 * The matching ladder of DOMAIN.md §9, as pure functions: which open invoices a bank transaction pays, how sure
 * that is, and why. The service (reconciliation/service.ts) gathers the candidates set-wise and books the result.
 *
 * Strongest first:
 * 1. the end-to-end id or mandate reference of one of our SEPA collections → its invoices (1.0, applied);
 * 2. invoice numbers in the remittance text (normalised) whose open amounts add up to the amount exactly
 *    (1.0, applied) — one transfer may pay several invoices;
 * 3. invoice numbers with a different amount: a partial or an over-payment (0.8, suggested); numbers of
 *    several customers' invoices are suggested against the first-named one's customer (0.5–0.6): a payment
 *    pays one customer;
 * 4. the payer's IBAN belongs to a contact with exactly one open invoice of that amount (0.7, suggested);
 * 5. amount and payer-name similarity (≤ 0.5, suggested);
 * then, when nothing else fits, invoice numbers of open invoices in another currency: suggested with
 * confidence 0 and the reason, since a payment cannot pay an invoice in another currency.
 * Anything below stays unmatched for a person. Only rules 1 and 2 ever book on their own.
 */

const TOKEN = /\{(YYYY|YY|MM|SEQ(?::(\d{1,2}))?)\}/g;

/** What separates the parts of a number when people type it into a transfer: nothing, spaces, dashes, … */
const SEP = '[\\s\\-_/.:#]*';

/**
 * Finds the invoice numbers of the given formats in free text, however they were typed: `RE-2026-00017`,
 * `re 2026 17`, `RE2026/00017` all give the canonical `RE-2026-00017`. Candidates need not exist: the caller
 * looks them up. Returns canonical numbers in order of appearance, without duplicates.
 */
export function numberFinder(formats: readonly string[]): (text: string) => string[] {
  const patterns = [...new Set(formats)].map(compileFormat);
  return (text: string) => {
    const found = new Set<string>();
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern.regex)) found.add(pattern.canonical(match));
    }
    return [...found];
  };
}

interface CompiledFormat {
  regex: RegExp;
  canonical: (match: RegExpMatchArray) => string;
}

function compileFormat(format: string): CompiledFormat {
  const parts: string[] = [];
  const tokens: { kind: string; width: number }[] = [];
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    parts.push(...literalParts(format.slice(last, m.index)));
    const kind = m[1]!.startsWith('SEQ') ? 'SEQ' : m[1]!;
    const width = m[2] ? Number(m[2]) : 1;
    tokens.push({ kind, width });
    parts.push(
      kind === 'YYYY'
        ? '(\\d{4})'
        : kind === 'YY' || kind === 'MM'
          ? '(\\d{2})'
          : `(\\d{1,${Math.max(width, 9)}})`,
    );
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(...literalParts(format.slice(last)));
  // not inside a longer word or number: `RE-2026-000170` does not contain `RE-2026-00017`
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join(SEP)}(?!\\p{N})`, 'giu');
  return {
    regex,
    canonical: (match) => {
      let i = 1;
      let out = '';
      let at = 0;
      for (const m of format.matchAll(TOKEN)) {
        out += format.slice(at, m.index);
        const value = match[i++]!;
        const kind = m[1]!.startsWith('SEQ') ? 'SEQ' : m[1]!;
        out += kind === 'SEQ' ? String(Number(value)).padStart(m[2] ? Number(m[2]) : 1, '0') : value;
        at = (m.index ?? 0) + m[0].length;
      }
      return out + format.slice(at);
    },
  };
}

/** A literal part as regex pieces, one per alphanumeric run (separators between runs are optional). */
function literalParts(literal: string): string[] {
  return (literal.match(/[\p{L}\p{N}]+/gu) ?? []).map((run) => run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** What matching needs of a bank transaction (a credit, i.e. money in, for rules 2–5). */
export interface MatchTransaction {
  /** Signed minor units; credits positive. */
  amount: number;
  currency: string;
  remittance: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
}

/** An open invoice that could be paid by the transaction. */
export interface MatchCandidate {
  invoiceId: string;
  number: string;
  contactId: string;
  contactName: string;
  contactIbans: readonly string[];
  currency: string;
  /** What is still open, minor units. */
  openAmount: number;
  dueDate: string | null;
}

export type MatchRule =
  | 'sepa_reference'
  | 'number_exact'
  | 'number_amount_differs'
  | 'iban_amount'
  | 'name_amount';

export interface MatchDecision {
  rule: MatchRule;
  /** `apply` books on its own; `suggest` waits for a person. */
  action: 'apply' | 'suggest';
  /** 0–1, two decimals. */
  confidence: number;
  reason: string;
  /** What goes on which invoice (rule 3: as much as is open, in order; the rest is an over-payment). */
  allocations: { invoiceId: string; amount: number }[];
}

/**
 * Rules 2–5 for one credit. `byNumber`: candidates whose numbers were found in the remittance, in the order
 * found; `others`: open invoices of the organisation in the transaction's currency that rules 4 and 5 may use
 * (those of the payer's contacts, and those with exactly the transaction's amount).
 */
export function decide(
  txn: MatchTransaction,
  byNumber: readonly MatchCandidate[],
  others: readonly MatchCandidate[],
): MatchDecision | null {
  if (txn.amount <= 0) return null;
  const named = byNumber.filter((c) => c.currency === txn.currency && c.openAmount > 0);
  if (named.length > 0) {
    // One payment pays one customer's invoices. A transfer naming invoices of several customers (a parent
    // company paying for its subsidiaries, a typo naming someone else's number) is never booked on its own:
    // it is suggested against the first-named invoice's customer, and a person decides.
    const contactId = named[0]!.contactId;
    const numbered = named.filter((c) => c.contactId === contactId);
    const sum = numbered.reduce((s, c) => s + c.openAmount, 0);
    const numbers = numbered.map((c) => c.number).join(', ');
    if (numbered.length < named.length) {
      const others = named.filter((c) => c.contactId !== contactId);
      const customers = new Set(named.map((c) => c.contactId)).size;
      const total = named.reduce((s, c) => s + c.openAmount, 0);
      return {
        rule: 'number_amount_differs',
        action: 'suggest',
        confidence: total === txn.amount ? 0.6 : 0.5,
        reason: `remittance names invoices of ${customers} customers (${numbers} of ${numbered[0]!.contactName}; ${others.map((c) => `${c.number} of ${c.contactName}`).join(', ')}); one payment pays one customer — suggested against ${numbered[0]!.contactName}`,
        allocations: allocateInOrder(numbered, txn.amount),
      };
    }
    if (sum === txn.amount) {
      return {
        rule: 'number_exact',
        action: 'apply',
        confidence: 1,
        reason: `remittance names ${numbers}; the amount equals what is open`,
        allocations: numbered.map((c) => ({ invoiceId: c.invoiceId, amount: c.openAmount })),
      };
    }
    return {
      rule: 'number_amount_differs',
      action: 'suggest',
      confidence: 0.8,
      reason: `remittance names ${numbers}; amount ${txn.amount} differs from the open ${sum} (${txn.amount < sum ? 'partial payment' : 'over-payment'})`,
      allocations: allocateInOrder(numbered, txn.amount),
    };
  }

  const inCurrency = others.filter((c) => c.currency === txn.currency && c.openAmount > 0);
  const iban = normaliseIban(txn.counterpartyIban);
  if (iban) {
    const payers = inCurrency.filter((c) => c.contactIbans.some((i) => normaliseIban(i) === iban));
    const exact = payers.filter((c) => c.openAmount === txn.amount);
    if (exact.length === 1) {
      return {
        rule: 'iban_amount',
        action: 'suggest',
        confidence: 0.7,
        reason: `payer IBAN belongs to ${exact[0]!.contactName}, whose only open invoice of this amount is ${exact[0]!.number}`,
        allocations: [{ invoiceId: exact[0]!.invoiceId, amount: txn.amount }],
      };
    }
  }

  if (txn.counterpartyName) {
    let best: { candidate: MatchCandidate; similarity: number } | null = null;
    for (const c of inCurrency) {
      if (c.openAmount !== txn.amount) continue;
      const similarity = nameSimilarity(txn.counterpartyName, c.contactName);
      if (!best || similarity > best.similarity) best = { candidate: c, similarity };
    }
    if (best && best.similarity >= 0.5) {
      return {
        rule: 'name_amount',
        action: 'suggest',
        confidence: Math.round(best.similarity * 50) / 100,
        reason: `amount equals ${best.candidate.number}; payer '${txn.counterpartyName}' resembles '${best.candidate.contactName}'`,
        allocations: [{ invoiceId: best.candidate.invoiceId, amount: txn.amount }],
      };
    }
  }

  // The text names open invoices, but in another currency than the transfer: a payment is in one currency,
  // so nothing can be booked — yet a person must see which invoices were meant and why none was taken
  // (confidence 0: accepting it as it is is refused with currency_mismatch; rejecting it keeps them away).
  const foreign = byNumber.filter((c) => c.currency !== txn.currency && c.openAmount > 0);
  if (foreign.length > 0) {
    const first = foreign[0]!;
    const own = foreign.filter((c) => c.contactId === first.contactId);
    return {
      rule: 'number_amount_differs',
      action: 'suggest',
      confidence: 0,
      reason: `remittance names ${foreign.map((c) => `${c.number} (${c.currency})`).join(', ')}, but the transfer is in ${txn.currency}; a payment cannot pay an invoice in another currency — not booked: match it by hand (contactId ${first.contactId} takes it as ${first.contactName}'s credit balance in ${txn.currency})`,
      allocations: allocateInOrder(own, txn.amount),
    };
  }
  return null;
}

function allocateInOrder(candidates: readonly MatchCandidate[], amount: number) {
  const out: { invoiceId: string; amount: number }[] = [];
  let left = amount;
  for (const c of candidates) {
    if (left <= 0) break;
    const take = Math.min(left, c.openAmount);
    out.push({ invoiceId: c.invoiceId, amount: take });
    left -= take;
  }
  return out;
}

export function normaliseIban(iban: string | null | undefined): string | null {
  if (!iban) return null;
  const out = iban.replace(/\s+/g, '').toUpperCase();
  return out.length > 0 ? out : null;
}

const LEGAL_FORMS = new Set([
  'gmbh',
  'ag',
  'kg',
  'ohg',
  'ug',
  'ev',
  'mbh',
  'co',
  'und',
  'se',
  'ltd',
  'inc',
  'bv',
  'sa',
]);

function nameTokens(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0 && !LEGAL_FORMS.has(t))
    .sort()
    .join(' ');
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const out = new Set<string>();
  for (let i = 0; i < padded.length - 2; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/**
 * Trigram similarity (as PostgreSQL's pg_trgm computes it) of two names after dropping accents, legal forms
 * and word order: `Mustermann GmbH` vs `MUSTERMANN` → 1.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = trigrams(nameTokens(a));
  const y = trigrams(nameTokens(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

/** SEPA return reason codes (ISO 20022 ExternalReturnReason1Code) that reopen an invoice, with their meaning. */
export const SEPA_RETURN_REASONS: Record<string, string> = {
  AC01: 'account identifier incorrect',
  AC04: 'account closed',
  AC06: 'account blocked',
  AG01: 'transaction forbidden on this account',
  AM04: 'insufficient funds',
  AM05: 'duplicate collection',
  MD01: 'no valid mandate',
  MD06: 'refund requested by the debtor',
  MD07: 'debtor deceased',
  MS02: 'refused by the debtor',
  MS03: 'reason not specified',
  RR01: 'regulatory reason',
  RR02: 'regulatory reason',
  RR03: 'regulatory reason',
  RR04: 'regulatory reason',
  SL01: 'specific service offered by the debtor bank',
};
