import { describe, expect, it } from 'vitest';
import {
  decide,
  type MatchCandidate,
  type MatchTransaction,
  nameSimilarity,
  numberFinder,
} from '../src/reconciliation/match';

describe('numberFinder', () => {
  const find = numberFinder(['RE-{YYYY}-{SEQ:5}']);

  it('finds a number however it was typed, and gives the canonical form', () => {
    expect(find('Rechnung RE-2026-00017 vielen Dank')).toEqual(['RE-2026-00017']);
    expect(find('re 2026 17')).toEqual(['RE-2026-00017']);
    expect(find('RE2026/00017')).toEqual(['RE-2026-00017']);
    expect(find('SVWZ+RE-2026-00017 RE-2026-00018 EREF+NOTPROVIDED')).toEqual([
      'RE-2026-00017',
      'RE-2026-00018',
    ]);
  });

  it('does not find a number inside a longer one or a word', () => {
    expect(find('RE-2026-000170')).toEqual(['RE-2026-00170']); // leading zeros are only padding
    expect(find('RE-2026-0001789')).not.toContain('RE-2026-00017');
    expect(find('PRE-2026-00017')).toEqual([]);
    expect(find('Kundennummer 12345')).toEqual([]);
  });

  it('handles several formats and months', () => {
    const many = numberFinder(['INV{YY}{MM}-{SEQ:4}', 'GS-{SEQ}']);
    expect(many('inv 2603 0042 und GS-7')).toEqual(['INV2603-0042', 'GS-7']);
  });
});

const candidate = (over: Partial<MatchCandidate>): MatchCandidate => ({
  invoiceId: 'doc_1',
  number: 'RE-2026-00017',
  contactId: 'con_1',
  contactName: 'Mustermann GmbH',
  contactIbans: ['DE89370400440532013000'],
  currency: 'EUR',
  openAmount: 11900,
  dueDate: '2026-03-01',
  ...over,
});

const credit = (over: Partial<MatchTransaction>): MatchTransaction => ({
  amount: 11900,
  currency: 'EUR',
  remittance: 'RE-2026-00017',
  counterpartyName: 'Mustermann GmbH',
  counterpartyIban: 'DE89 3704 0044 0532 0130 00',
  ...over,
});

describe('decide: the ladder of DOMAIN.md §9', () => {
  it('rule 2: number and exact open amount → applied with confidence 1', () => {
    expect(decide(credit({}), [candidate({})], [])).toMatchObject({
      rule: 'number_exact',
      action: 'apply',
      confidence: 1,
      allocations: [{ invoiceId: 'doc_1', amount: 11900 }],
    });
  });

  it('rule 2: one transfer paying two invoices named in the text', () => {
    const two = [candidate({}), candidate({ invoiceId: 'doc_2', number: 'RE-2026-00018', openAmount: 5000 })];
    expect(decide(credit({ amount: 16900 }), two, [])).toMatchObject({
      action: 'apply',
      allocations: [
        { invoiceId: 'doc_1', amount: 11900 },
        { invoiceId: 'doc_2', amount: 5000 },
      ],
    });
  });

  it('numbers of two customers’ invoices are never applied: suggested against the first-named customer', () => {
    const mixed = [
      candidate({}),
      candidate({
        invoiceId: 'doc_9',
        number: 'RE-2026-00090',
        contactId: 'con_2',
        contactName: 'Beispiel AG',
      }),
    ];
    // the amounts add up exactly, yet one payment pays one customer
    const exact = decide(credit({ amount: 23800 }), mixed, []);
    expect(exact).toMatchObject({
      rule: 'number_amount_differs',
      action: 'suggest',
      confidence: 0.6,
      allocations: [{ invoiceId: 'doc_1', amount: 11900 }],
    });
    expect(exact?.reason).toContain('2 customers');
    expect(exact?.reason).toContain('RE-2026-00090 of Beispiel AG');
    expect(decide(credit({ amount: 5000 }), mixed, [])).toMatchObject({
      action: 'suggest',
      confidence: 0.5,
      allocations: [{ invoiceId: 'doc_1', amount: 5000 }],
    });
  });
  it('rule 3: number with a different amount → suggested partial or over-payment', () => {
    expect(decide(credit({ amount: 5000 }), [candidate({})], [])).toMatchObject({
      rule: 'number_amount_differs',
      action: 'suggest',
      confidence: 0.8,
      allocations: [{ invoiceId: 'doc_1', amount: 5000 }],
    });
    const over = decide(credit({ amount: 12000 }), [candidate({})], []);
    expect(over?.reason).toContain('over-payment');
    expect(over?.allocations).toEqual([{ invoiceId: 'doc_1', amount: 11900 }]);
  });

  it('rule 4: the payer IBAN of a contact with exactly one open invoice of that amount → suggested', () => {
    const others = [candidate({}), candidate({ invoiceId: 'doc_2', openAmount: 5000 })];
    expect(decide(credit({ remittance: 'Danke' }), [], others)).toMatchObject({
      rule: 'iban_amount',
      action: 'suggest',
      confidence: 0.7,
      allocations: [{ invoiceId: 'doc_1', amount: 11900 }],
    });
    // two open invoices of that amount: no way to tell which
    const ambiguous = [candidate({}), candidate({ invoiceId: 'doc_2' })];
    expect(decide(credit({ remittance: 'Danke', counterpartyName: null }), [], ambiguous)).toBeNull();
  });

  it('rule 5: amount and a similar payer name → a low suggestion; a different name → nothing', () => {
    const others = [candidate({ contactIbans: [] })];
    const low = decide(credit({ remittance: 'Danke', counterpartyName: 'MUSTERMANN' }), [], others);
    expect(low).toMatchObject({ rule: 'name_amount', action: 'suggest' });
    expect(low!.confidence).toBeLessThanOrEqual(0.5);
    expect(decide(credit({ remittance: 'Danke', counterpartyName: 'Beispiel AG' }), [], others)).toBeNull();
  });

  it('never matches debits, other currencies or invoices with nothing open', () => {
    expect(decide(credit({ amount: -11900 }), [candidate({})], [])).toBeNull();
    expect(decide(credit({}), [candidate({ openAmount: 0 })], [])).toBeNull();
    // an invoice named in another currency is never booked: suggested with confidence 0, saying why
    const foreign = decide(credit({ currency: 'CHF' }), [candidate({})], [candidate({})]);
    expect(foreign).toMatchObject({ rule: 'number_amount_differs', action: 'suggest', confidence: 0 });
    expect(foreign!.reason).toContain('(EUR), but the transfer is in CHF');
  });
});

describe('nameSimilarity', () => {
  it('ignores case, accents, legal forms and word order', () => {
    expect(nameSimilarity('Mustermann GmbH', 'MUSTERMANN')).toBe(1);
    expect(nameSimilarity('Müller & Söhne KG', 'Soehne Mueller')).toBeGreaterThan(0.3);
    expect(nameSimilarity('Erika Mustermann', 'Mustermann, Erika')).toBe(1);
    expect(nameSimilarity('Acme', 'Globex')).toBeLessThan(0.2);
  });
});
