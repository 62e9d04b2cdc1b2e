import { createHash } from 'node:crypto';
import type { ParsedStatement, ParsedTransaction } from './parse/index';

/**
 * The de-duplication key of every transaction, per organisation unique in the database, so the same entry
 * is never imported twice — whether the same file comes again or a later statement overlaps an earlier one.
 *
 * - `r:` keys come from the bank's entry reference (camt AcctSvcrRef/NtryRef), which ISO 20022 defines as
 *   unique for the account; the account, booking date and amount are hashed in as well, so a bank that
 *   reuses references across days cannot make two different entries collide. A reference that appears in
 *   one file with different dates or amounts, or twice in one statement, is not unique after all, and those
 *   entries fall back to:
 * - `h:` keys, a hash of the account, booking date, amount, currency, end-to-end id, bank reference,
 *   counterparty and normalised remittance text, plus the occurrence of that same content within the
 *   statement: two identical transfers on one day are two entries (occurrences 0 and 1), and importing the
 *   statement again yields the same two keys.
 */
export function dedupKeys(statements: readonly ParsedStatement[]): string[][] {
  const signatures = new Map<string, Set<string>>();
  // A reference on two entries of one statement is not unique either, even when date and amount agree (two
  // members paying the same fee on the same day): keyed by it, the second entry would be taken for the first
  // and never imported. The same reference in two statements of one file is the same entry shown twice
  // (overlapping statements) and stays a reference key.
  const repeated = new Set<string>();
  for (const statement of statements) {
    const account = accountOf(statement);
    const seen = new Set<string>();
    for (const t of statement.transactions) {
      if (!t.entryReference) continue;
      const ref = `${account}\u001f${t.entryReference}`;
      if (seen.has(ref)) repeated.add(ref);
      seen.add(ref);
      if (!signatures.has(ref)) signatures.set(ref, new Set());
      signatures.get(ref)!.add(`${t.bookingDate}|${t.amount}|${t.currency}`);
    }
  }
  return statements.map((statement) => {
    const account = accountOf(statement);
    const occurrences = new Map<string, number>();
    return statement.transactions.map((t) => {
      const ref = `${account}\u001f${t.entryReference}`;
      if (t.entryReference && signatures.get(ref)!.size === 1 && !repeated.has(ref)) {
        return `r:${hash(['ref', account, t.entryReference, t.bookingDate, String(t.amount), t.currency])}`;
      }
      const content = contentOf(account, t);
      const occurrence = occurrences.get(content) ?? 0;
      occurrences.set(content, occurrence + 1);
      return `h:${hash([content, String(occurrence)])}`;
    });
  });
}

function accountOf(statement: ParsedStatement): string {
  return statement.account.iban ?? statement.account.number?.replace(/\s+/g, '') ?? '';
}

/** Letters and digits only, upper case: line wraps, spacing and punctuation do not make a new entry. */
export function normaliseText(text: string | null): string {
  return (text ?? '')
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toUpperCase();
}

function contentOf(account: string, t: ParsedTransaction): string {
  return [
    'tx',
    account,
    t.bookingDate,
    String(t.amount),
    t.currency,
    t.endToEndId ?? '',
    t.bankReference ?? '',
    t.counterpartyIban ?? normaliseText(t.counterpartyName),
    normaliseText(t.remittanceInformation),
  ].join('\u001f');
}

function hash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u001e')).digest('hex');
}
