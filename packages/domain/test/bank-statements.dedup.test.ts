import { describe, expect, it } from 'vitest';
import { dedupKeys } from '../src/bank-statements/dedup';
import type { ParsedStatement, ParsedTransaction } from '../src/bank-statements/parse/model';
import { parseMt940 } from '../src/bank-statements/parse/mt940';

function tx(overrides: Partial<ParsedTransaction> = {}): ParsedTransaction {
  return {
    bookingDate: '2025-03-03',
    valueDate: '2025-03-03',
    amount: 11900,
    currency: 'EUR',
    creditDebit: 'credit',
    reversal: false,
    isReturn: false,
    returnReasonCode: null,
    counterpartyName: 'Nordlicht GmbH',
    counterpartyIban: 'DE89370400440532013000',
    counterpartyBic: null,
    counterpartyAccount: null,
    remittanceInformation: 'Rechnung RE-2025-0042',
    structuredReference: null,
    endToEndId: null,
    mandateReference: null,
    creditorId: null,
    bankReference: null,
    customerReference: null,
    transactionCode: null,
    proprietaryCode: null,
    bookingText: null,
    originalAmount: null,
    chargesAmount: null,
    entryReference: null,
    ...overrides,
  };
}

function statement(transactions: ParsedTransaction[], iban = 'DE02120300000000202051'): ParsedStatement {
  return {
    format: 'camt.053',
    formatVersion: '001.08',
    messageId: null,
    reference: null,
    sequenceNumber: null,
    account: { iban, number: null, bic: null, currency: 'EUR', owner: null },
    createdAt: null,
    fromDate: null,
    toDate: null,
    openingBalance: null,
    closingBalance: null,
    transactions,
  };
}

describe('de-duplication keys', () => {
  it('are stable: the same content gives the same keys, however the text was wrapped', async () => {
    const a = dedupKeys([statement([tx()])]);
    const b = dedupKeys([statement([tx({ remittanceInformation: 'Rechnung  RE-2025-\n0042' })])]);
    expect(a).toEqual(b);
    expect(a[0]![0]).toMatch(/^h:[0-9a-f]{64}$/);
  });

  it('tell identical transfers of one statement apart by their occurrence, and repeat that on re-import', async () => {
    const [keys] = dedupKeys([statement([tx(), tx(), tx({ amount: 100 })])]);
    expect(new Set(keys).size).toBe(3);
    const [overlap] = dedupKeys([statement([tx({ bookingDate: '2025-03-02' }), tx(), tx()])]);
    expect(overlap!.slice(1)).toEqual(keys!.slice(0, 2));
  });

  it('differ by account, amount, date, counterparty, text and references', async () => {
    const base = dedupKeys([statement([tx()])])[0]![0];
    const variants = [
      dedupKeys([statement([tx()], 'DE89370400440532013000')]),
      dedupKeys([statement([tx({ amount: 11901 })])]),
      dedupKeys([statement([tx({ bookingDate: '2025-03-04' })])]),
      dedupKeys([statement([tx({ counterpartyIban: 'DE02120300000000202051' })])]),
      dedupKeys([statement([tx({ remittanceInformation: 'Rechnung RE-2025-0043' })])]),
      dedupKeys([statement([tx({ endToEndId: 'E2E' })])]),
      dedupKeys([statement([tx({ bankReference: 'B-1' })])]),
    ].map((k) => k[0]![0]);
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('use the bank’s entry reference when it is unique, and fall back to the content when it is not', async () => {
    const [unique] = dedupKeys([
      statement([tx({ entryReference: 'REF-1' }), tx({ entryReference: 'REF-2' })]),
    ]);
    expect(unique!.every((k) => k.startsWith('r:'))).toBe(true);
    // the text is not part of a reference key: camt.054 and camt.053 of one booking collide on purpose
    const [again] = dedupKeys([statement([tx({ entryReference: 'REF-1', remittanceInformation: 'other' })])]);
    expect(again![0]).toBe(unique![0]);
    // a bank that repeats a reference for different entries: those entries are keyed by content
    const [reused] = dedupKeys([
      statement([tx({ entryReference: 'SAME' }), tx({ entryReference: 'SAME', amount: 5 })]),
    ]);
    expect(reused!.every((k) => k.startsWith('h:'))).toBe(true);
    expect(new Set(reused).size).toBe(2);
  });

  it('match an MT940 statement repeated in one file under another :20: reference', async () => {
    const body =
      ':25:37040044/0532013000\n:28C:1\n:60F:C250301EUR0,00\n:61:2503030303C1,00NTRFNONREF//55555\n:86:166?20SVWZ+Miete\n:61:2503030303C1,00NTRFNONREF//55555\n:86:166?20SVWZ+Miete\n:62F:C250303EUR2,00\n-\n';
    const file = await parseMt940(`:20:FIRST\n${body}:20:SECOND\n${body}`);
    const [first, second] = dedupKeys(file.statements);
    expect(new Set(first).size).toBe(2);
    expect(second).toEqual(first);
  });
});
