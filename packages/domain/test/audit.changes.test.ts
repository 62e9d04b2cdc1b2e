import { describe, expect, it } from 'vitest';
import { changes } from '../src/audit/service';

describe('audit.changes: what an update changed', () => {
  const invoice = {
    id: 'doc_1',
    status: 'finalized',
    amountPaid: 0,
    amountOpen: 11900,
    paidAt: null,
    lines: [{ description: 'Beratung', quantity: '1' }],
    buyer: { name: 'Nordlicht GmbH', address: { city: 'Kiel' } },
    version: 2,
  };

  it('keeps only the top-level fields whose values differ, each side with its own value', () => {
    const paid = {
      ...invoice,
      status: 'paid',
      amountPaid: 11900,
      amountOpen: 0,
      paidAt: '2026-03-02',
      version: 3,
    };
    expect(changes(invoice, paid)).toEqual({
      before: { status: 'finalized', amountPaid: 0, amountOpen: 11900, paidAt: null, version: 2 },
      after: { status: 'paid', amountPaid: 11900, amountOpen: 0, paidAt: '2026-03-02', version: 3 },
    });
  });

  it('compares nested values by content, whatever the key order; dates as the JSON they are stored as', () => {
    const same = { ...invoice, buyer: { address: { city: 'Kiel' }, name: 'Nordlicht GmbH' } };
    expect(changes(invoice, same)).toEqual({ before: {}, after: {} });
    const moved = { ...invoice, buyer: { name: 'Nordlicht GmbH', address: { city: 'Lübeck' } } };
    expect(changes(invoice, moved)).toEqual({
      before: { buyer: invoice.buyer },
      after: { buyer: moved.buyer },
    });
    const at = new Date('2026-03-02T09:00:00Z');
    expect(changes({ paidAt: null }, { paidAt: at })).toEqual({
      before: { paidAt: null },
      after: { paidAt: '2026-03-02T09:00:00.000Z' },
    });
  });

  it('a field that appears or disappears is null on the other side', () => {
    expect(changes({ a: 1 }, { b: 2 })).toEqual({ before: { a: 1, b: null }, after: { a: null, b: 2 } });
  });

  it('a creation or a deletion keeps the whole object', () => {
    expect(changes(undefined, invoice)).toEqual({ before: null, after: invoice });
    expect(changes(invoice, null)).toEqual({ before: invoice, after: null });
  });
});
