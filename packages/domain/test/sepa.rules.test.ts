import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from '../src/billing/dates';
import { isBusinessDay } from '../src/sepa/calendar';
import {
  announcedCollectionDate,
  collectionDateFor,
  type InvoiceCandidate,
  type MandateCandidate,
  mandateLapsedOn,
  mandateValidThrough,
  planCollection,
  preNotificationOf,
  remittanceFor,
} from '../src/sepa/rules';

// Monday 2026-03-02: invoices issued today are due (and announced for debit) in 14 days, 2026-03-16 (Monday).
const TODAY = '2026-03-02';

function mandate(overrides: Partial<MandateCandidate> = {}): MandateCandidate {
  return {
    id: 'mdt_A',
    reference: 'MDT-A',
    signedDate: '2026-01-15',
    scheme: 'CORE',
    sequenceType: 'FRST',
    iban: 'DE02120300000000202051',
    bic: null,
    accountHolder: null,
    status: 'active',
    lastUsedDate: null,
    preNotificationDays: null,
    liveItems: 0,
    ...overrides,
  };
}

let n = 0;
function invoice(overrides: Partial<InvoiceCandidate> = {}): InvoiceCandidate {
  n += 1;
  const m = overrides.mandate === undefined ? mandate() : overrides.mandate;
  return {
    invoiceId: `doc_${n}`,
    number: `RE-2026-${String(n).padStart(5, '0')}`,
    type: 'invoice',
    status: 'finalized',
    contactId: 'con_1',
    currency: 'EUR',
    language: 'de',
    openAmount: 11900,
    issueDate: TODAY,
    dueDate: '2026-03-16',
    sentOn: null,
    paymentMeans: {
      kind: 'sepa_debit',
      mandateReference: m?.reference ?? 'MDT-GONE',
      creditorId: 'DE98ZZZ09999999999',
      debtorIban: 'DE02120300000000202051',
      collectionDate: overrides.dueDate ?? '2026-03-16',
    },
    buyer: {
      name: 'Bäckerei Müller KG',
      address: { line1: 'Musterstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      customerNumber: 'K-00001',
    },
    inLiveCollection: false,
    mandate: m,
    ...overrides,
  };
}

describe('sepa rules: the collection date keeps the pre-notification', () => {
  it('an invoice issued today, due in 14 days, is collected on its due date', () => {
    const plan = planCollection([invoice()], { today: TODAY });
    expect(plan.items.map((i) => i.collectionDate)).toEqual(['2026-03-16']);
    expect(plan.items[0]!.preNotification).toEqual({
      method: 'invoice',
      notifiedOn: TODAY,
      days: 14,
      announcedDate: '2026-03-16',
    });
  });

  it('an invoice announced for an earlier day than the 14 days allow is collected 14 days after issue', () => {
    // payment terms of 7 days: the invoice says "on 9 March", but the default notice is 14 days
    const plan = planCollection([invoice({ dueDate: '2026-03-09' })], { today: TODAY });
    expect(plan.items[0]!.collectionDate).toBe('2026-03-16');
  });

  it("the mandate's agreed notice period replaces the 14 days", () => {
    const short = invoice({ dueDate: '2026-03-09', mandate: mandate({ preNotificationDays: 5 }) });
    const plan = planCollection([short], { today: TODAY });
    // notified 2 March + 5 days = 7 March (Saturday), announced 9 March: the 9th
    expect(plan.items[0]!.collectionDate).toBe('2026-03-09');
    expect(plan.items[0]!.preNotification.days).toBe(5);
  });

  it('counts from the day the invoice was sent when it was sent later than issued', () => {
    const plan = planCollection([invoice({ sentOn: '2026-03-05' })], { today: '2026-03-05' });
    // sent 5 March + 14 = 19 March, later than the announced 16th
    expect(plan.items[0]!.collectionDate).toBe('2026-03-19');
    expect(plan.items[0]!.preNotification.notifiedOn).toBe('2026-03-05');
  });

  it('never earlier than the bank allows: an overdue invoice goes on the next possible day', () => {
    const overdue = invoice({ issueDate: '2026-01-02', dueDate: '2026-01-16', status: 'overdue' });
    expect(planCollection([overdue], { today: '2026-03-13' }).items[0]!.collectionDate).toBe('2026-03-16');
  });

  it('moves to the next TARGET2 business day', () => {
    // announced for Good Friday 2026 (3 April): collected on the Tuesday after Easter
    const easter = invoice({ issueDate: '2026-03-20', dueDate: '2026-04-03' });
    expect(planCollection([easter], { today: '2026-03-20' }).items[0]!.collectionDate).toBe('2026-04-07');
  });

  it('a requested collection date applies where the rules allow it, later ones stay later', () => {
    const early = invoice({ issueDate: '2026-02-02', dueDate: '2026-02-16', status: 'overdue' });
    const recent = invoice();
    const plan = planCollection([early, recent], { today: TODAY, collectionDate: '2026-03-10' });
    expect(plan.items.map((i) => [i.invoice.invoiceId, i.collectionDate])).toEqual([
      [early.invoiceId, '2026-03-10'],
      [recent.invoiceId, '2026-03-16'],
    ]);
  });

  it('collectionDateFor is the latest of notice + days, announced day, D-1 and request, on a business day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20_000, max: 21_000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -30, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        fc.option(fc.integer({ min: 1, max: 60 })),
        (notified, days, announcedOffset, todayOffset, requestedOffset) => {
          const notifiedOn = fromDayNumber(notified);
          const today = fromDayNumber(notified + todayOffset);
          const notice = {
            method: 'invoice' as const,
            notifiedOn,
            days,
            announcedDate: addDays(notifiedOn, announcedOffset),
          };
          const requested = requestedOffset === null ? null : addDays(today, requestedOffset);
          const date = collectionDateFor(notice, today, requested);
          expect(isBusinessDay(date)).toBe(true);
          expect(date > today).toBe(true);
          expect(date >= addDays(notifiedOn, days)).toBe(true);
          expect(date >= notice.announcedDate).toBe(true);
          if (requested) expect(date >= requested).toBe(true);
          // and no later than needed: the first business day on or after the latest bound
          const bound = [addDays(notifiedOn, days), notice.announcedDate, requested ?? notifiedOn]
            .sort()
            .at(-1)!;
          expect(
            toDayNumber(date) - Math.max(toDayNumber(bound), toDayNumber(today) + 1),
          ).toBeLessThanOrEqual(6);
        },
      ),
    );
  });
});

describe('sepa rules: the date an invoice should announce', () => {
  it('the due date, but not before the notice period from issue, on a business day', () => {
    expect(announcedCollectionDate('2026-03-02', '2026-03-16', null)).toBe('2026-03-16');
    expect(announcedCollectionDate('2026-03-02', '2026-03-09', null)).toBe('2026-03-16');
    expect(announcedCollectionDate('2026-03-02', '2026-03-09', 5)).toBe('2026-03-09');
    expect(announcedCollectionDate('2026-03-20', '2026-04-03', null)).toBe('2026-04-07');
  });

  it('an invoice announcing that date and sent when issued is collected on exactly that date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20_400, max: 20_800 }),
        fc.integer({ min: 0, max: 45 }),
        fc.option(fc.integer({ min: 0, max: 30 })),
        (issued, terms, days) => {
          const issueDate = fromDayNumber(issued);
          const dueDate = addDays(issueDate, terms);
          const announced = announcedCollectionDate(issueDate, dueDate, days);
          const inv = invoice({
            issueDate,
            dueDate,
            mandate: mandate({ id: `mdt_${issued}`, preNotificationDays: days }),
          });
          inv.paymentMeans = { ...(inv.paymentMeans as object), collectionDate: announced } as never;
          const plan = planCollection([inv], { today: issueDate });
          expect(plan.items[0]!.collectionDate).toBe(announced);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('sepa rules: sequence types', () => {
  it('a FRST mandate: its earliest item is FRST, the others RCUR', () => {
    const m = mandate();
    const later = invoice({ mandate: m, dueDate: '2026-03-20' });
    const first = invoice({ mandate: m });
    const plan = planCollection([later, first], { today: TODAY });
    expect(plan.items.map((i) => [i.invoice.invoiceId, i.collectionDate, i.sequenceType])).toEqual([
      [first.invoiceId, '2026-03-16', 'FRST'],
      [later.invoiceId, '2026-03-20', 'RCUR'],
    ]);
  });

  it('a FRST mandate with an item in another live collection continues RCUR; a RCUR mandate is RCUR', () => {
    const plan = planCollection(
      [
        invoice({ mandate: mandate({ id: 'mdt_B', liveItems: 1 }) }),
        invoice({ mandate: mandate({ id: 'mdt_C', sequenceType: 'RCUR', lastUsedDate: '2026-02-01' }) }),
      ],
      { today: TODAY },
    );
    expect(plan.items.map((i) => i.sequenceType)).toEqual(['RCUR', 'RCUR']);
  });

  it('a one-off mandate collects one invoice, once', () => {
    const ooff = mandate({ id: 'mdt_O', sequenceType: 'OOFF' });
    const a = invoice({ mandate: ooff });
    const b = invoice({ mandate: ooff });
    const used = invoice({
      mandate: mandate({ id: 'mdt_U', sequenceType: 'OOFF', lastUsedDate: '2026-02-01' }),
    });
    const plan = planCollection([a, b, used], { today: TODAY });
    expect(plan.items.map((i) => [i.invoice.invoiceId, i.sequenceType])).toEqual([[a.invoiceId, 'OOFF']]);
    expect(plan.rejected.map((r) => [r.invoiceId, r.code])).toEqual([
      [used.invoiceId, 'mandate_one_off_used'],
      [b.invoiceId, 'mandate_one_off_used'],
    ]);
  });

  it('the scheme comes from the mandate', () => {
    const plan = planCollection([invoice({ mandate: mandate({ id: 'mdt_B2B', scheme: 'B2B' }) })], {
      today: TODAY,
    });
    expect(plan.items[0]!.scheme).toBe('B2B');
  });
});

describe('sepa rules: mandates lapse after 36 months unused', () => {
  it('valid through 36 months after the last use, or the signature when never used', () => {
    expect(mandateValidThrough({ signedDate: '2023-03-16', lastUsedDate: null })).toBe('2026-03-16');
    expect(mandateValidThrough({ signedDate: '2020-01-01', lastUsedDate: '2023-08-31' })).toBe('2026-08-31');
    expect(mandateValidThrough({ signedDate: '2021-02-28', lastUsedDate: '2024-02-29' })).toBe('2027-02-28');
    expect(mandateLapsedOn({ signedDate: '2023-03-16', lastUsedDate: null }, '2026-03-16')).toBe(false);
    expect(mandateLapsedOn({ signedDate: '2023-03-16', lastUsedDate: null }, '2026-03-17')).toBe(true);
  });

  it('an invoice whose collection date falls after the lapse is not collected', () => {
    const old = invoice({ mandate: mandate({ id: 'mdt_old', signedDate: '2023-03-13' }) });
    const used = invoice({
      mandate: mandate({
        id: 'mdt_used',
        signedDate: '2020-01-01',
        lastUsedDate: '2025-01-01',
        sequenceType: 'RCUR',
      }),
    });
    const plan = planCollection([old, used], { today: TODAY });
    expect(plan.items.map((i) => i.invoice.invoiceId)).toEqual([used.invoiceId]);
    expect(plan.rejected).toEqual([
      expect.objectContaining({ invoiceId: old.invoiceId, code: 'mandate_expired' }),
    ]);
  });
});

describe('sepa rules: what is not collected, and why', () => {
  it('names the reason for each invoice left out', () => {
    const cases: [string, Partial<InvoiceCandidate>][] = [
      ['invoice_not_open', { status: 'paid', openAmount: 0 }],
      ['invoice_not_open', { status: 'cancelled' }],
      ['invoice_not_open', { type: 'pro_forma' }],
      [
        'invoice_not_direct_debit',
        {
          paymentMeans: {
            kind: 'transfer',
            iban: 'DE89370400440532013000',
            bic: null,
            accountHolder: null,
            bankName: null,
          },
        },
      ],
      ['currency_not_eur', { currency: 'CHF' }],
      ['invoice_in_collection', { inLiveCollection: true }],
      ['mandate_not_found', { mandate: null }],
      ['mandate_not_active', { mandate: mandate({ status: 'revoked' }) }],
      ['mandate_not_active', { mandate: mandate({ status: 'expired' }) }],
      ['debtor_name_unusable', { buyer: { name: '山田太郎', address: null } }],
    ];
    const candidates = cases.map(([, overrides]) => invoice(overrides));
    const plan = planCollection(candidates, { today: TODAY });
    expect(plan.items).toEqual([]);
    expect(plan.rejected.map((r) => r.code)).toEqual(cases.map(([code]) => code));
    expect(plan.rejected[0]!.message).toMatch(/paid/);
  });

  it('collects the open amount of a partly paid invoice', () => {
    const plan = planCollection([invoice({ status: 'partially_paid', openAmount: 4000 })], { today: TODAY });
    expect(plan.items[0]!.amount).toBe(4000);
  });
});

describe('sepa rules: debtor and remittance', () => {
  it("the debtor is the mandate's account holder, else the invoice's buyer, in the SEPA set", () => {
    const plan = planCollection(
      [
        invoice({ mandate: mandate({ id: 'mdt_H', accountHolder: 'Jürgen Groß' }) }),
        invoice({ mandate: mandate({ id: 'mdt_N' }) }),
      ],
      { today: TODAY },
    );
    expect(plan.items.map((i) => i.debtor.name)).toEqual(['Juergen Gross', 'Baeckerei Mueller KG']);
    expect(plan.items[0]!.debtor).toMatchObject({
      iban: 'DE02120300000000202051',
      address: { city: 'Berlin' },
    });
  });

  it('the remittance names invoice number, date and customer number in the invoice language', () => {
    const de = invoice({ number: 'RE-2026-00042' });
    expect(remittanceFor(de)).toBe('Rechnung RE-2026-00042 vom 02.03.2026, Kd.-Nr. K-00001');
    const en = invoice({ number: 'RE-2026-00043', language: 'en' });
    expect(remittanceFor(en)).toBe('Invoice RE-2026-00043 of 2 Mar 2026, customer no. K-00001');
  });

  it('the notice is the invoice: its announced date, else its due date', () => {
    const inv = invoice({ dueDate: '2026-03-20' });
    expect(preNotificationOf(inv, inv.mandate!).announcedDate).toBe('2026-03-20');
  });
});
