import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BillableContract,
  ComposeCache,
  composeContract,
  groupInvoices,
  presentLine,
  type TaxOf,
} from '../src/billing-runs/compose';
import { splitBatches } from '../src/billing-runs/service';
import { billing, money } from '../src/index';

const tax: TaxOf = () => ({ category: 'S', rate: '19' });

function contract(overrides: Partial<BillableContract> = {}): BillableContract {
  return {
    id: 'ctr_1',
    contactId: 'con_1',
    currency: 'EUR',
    schedule: {
      startDate: '2026-01-15',
      endDate: null,
      intervalMonths: 1,
      timing: 'in_advance',
      billingAnchorDay: 1,
      pauses: [],
    },
    proration: 'daily',
    collective: false,
    autoSend: false,
    paymentMethod: null,
    endDate: null,
    items: [],
    priceChanges: [],
    dueCharges: [],
    laterChargeDates: [],
    lastBilledStart: null,
    ...overrides,
  };
}

const item = (
  id: string,
  model: billing.PriceModel,
  quantity: string,
  discountPercent: string | null = null,
) => ({
  id,
  articleId: null,
  name: id,
  description: null,
  quantity,
  unitCode: 'C62',
  priceModel: model,
  priceKey: JSON.stringify(model),
  discountPercent,
  taxRateKind: 'standard' as const,
  supplyKind: 'services' as const,
  startsOn: null,
  endsOn: null,
});

const models: fc.Arbitrary<billing.PriceModel> = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map((amount) => ({ kind: 'flat' as const, amount })),
  fc
    .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 99 }))
    .map(([a, b]) => ({ kind: 'per_unit' as const, unitAmount: `${a}.${b}` })),
  fc
    .tuple(
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 1, max: 5000 }),
      fc.integer({ min: 0, max: 900 }),
      fc.integer({ min: 0, max: 500 }),
    )
    .chain(([upTo, first, second, flat]) =>
      fc.constantFrom('graduated' as const, 'volume' as const).map((kind) => ({
        kind,
        tiers: [
          { upTo, unitAmount: String(first) },
          { upTo: null, unitAmount: `${second}.5`, flatAmount: flat },
        ],
      })),
    ),
);

describe('presentLine: what an invoice line shows adds up to what was billed', () => {
  it('quantity × unit price − discount, rounded once, is the billed net (DOMAIN.md §1), for every model, share and discount', () => {
    fc.assert(
      fc.property(
        models,
        fc.integer({ min: 0, max: 500 }).map(String),
        fc.constantFrom(null, '10', '12.5', '33.333'),
        fc.integer({ min: 1, max: 31 }),
        (model, quantity, discount, days) => {
          const period: billing.BillingPeriod = {
            index: 0,
            start: '2026-01-01',
            end: `2026-01-${String(days).padStart(2, '0')}`,
            fullStart: '2026-01-01',
            fullEnd: '2026-01-31',
            partial: days < 31,
            share: { from: 0, to: days, of: 31 },
            dueDate: '2026-01-01',
          };
          const [charge] = billing.periodCharges(
            [{ itemId: 'x', priceModel: model, quantity, discountPercent: discount ?? undefined }],
            period,
            'daily',
          );
          if (!charge) return; // zero: no line
          const shown = presentLine(model, charge, discount);
          expect(money.lineNet(shown.quantity, shown.unitAmount, shown.discountPercent ?? '0')).toBe(
            charge.amount,
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a per-unit price shows as written; a flat price as one unit; tiers as their average unit price', () => {
    const period = billing.periodsDue(
      { startDate: '2026-01-01', intervalMonths: 1, timing: 'in_advance' },
      '2026-01-01',
    )[0]!;
    const show = (model: billing.PriceModel, quantity: string) => {
      const [charge] = billing.periodCharges([{ itemId: 'x', priceModel: model, quantity }], period, 'none');
      return presentLine(model, charge!, null);
    };
    expect(show({ kind: 'per_unit', unitAmount: '0.35' }, '1000')).toEqual({
      quantity: '1000',
      unitAmount: '0.35',
      discountPercent: null,
    });
    expect(show({ kind: 'flat', amount: 4900 }, '3')).toEqual({
      quantity: '1',
      unitAmount: '4900',
      discountPercent: null,
    });
    const tiers = [
      { upTo: 5, unitAmount: '700' },
      { upTo: 10, unitAmount: '650' },
      { upTo: null, unitAmount: '600' },
    ];
    // Stripe's graduated example: 6 fonts = 41.50 USD, shown as 6 × 6.91666…
    expect(show({ kind: 'graduated', tiers }, '6')).toEqual({
      quantity: '6',
      unitAmount: '691.666666666667',
      discountPercent: null,
    });
  });
});

describe('composeContract', () => {
  it('prorates the partial first period of aligned billing and prices each item by the price in force', () => {
    const c = contract({
      items: [
        item('a', { kind: 'per_unit', unitAmount: '1000' }, '3'),
        item('b', { kind: 'flat', amount: 3100 }, '1'),
      ],
      priceChanges: [
        {
          kind: 'percent',
          percent: '10',
          effectiveDate: '2026-03-01',
          announcedOn: '2026-01-20',
          itemId: 'a',
        },
      ],
    });
    const due = composeContract(c, '2026-03-01', tax, 'de');
    expect(due.periods.map((p) => [p.start, p.end, ...p.lines.map((l) => l.netAmount)])).toEqual([
      ['2026-01-15', '2026-01-31', 1645, 1700], // 17 of 31 days
      ['2026-02-01', '2026-02-28', 3000, 3100],
      ['2026-03-01', '2026-03-31', 3300, 3100], // +10 % on item a from March
    ]);
    expect(due.nextBillingOn).toBe('2026-04-01');
  });

  it('gives the same result with a cache shared across contracts as with none (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 1, max: 28 }).map((d) => `2026-01-${String(d).padStart(2, '0')}`),
            interval: fc.constantFrom(1, 3),
            timing: fc.constantFrom('in_advance' as const, 'in_arrears' as const),
            proration: fc.constantFrom('none' as const, 'daily' as const),
            anchor: fc.constantFrom(null, 1, 31),
            model: models,
            quantity: fc.integer({ min: 0, max: 40 }).map(String),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (specs) => {
          const shared = new ComposeCache();
          specs.forEach((s, i) => {
            const c = contract({
              id: `ctr_${i}`,
              schedule: {
                startDate: s.start,
                endDate: null,
                intervalMonths: s.interval,
                timing: s.timing,
                billingAnchorDay: s.anchor,
                pauses: [],
              },
              proration: s.proration,
              items: [item(`i${i}`, s.model, s.quantity)],
            });
            expect(composeContract(c, '2026-12-31', tax, 'de', shared)).toEqual(
              composeContract(c, '2026-12-31', tax, 'de', new ComposeCache()),
            );
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('starts after the last billed period; one-off charges due by the run date become lines', () => {
    const c = contract({
      schedule: {
        startDate: '2026-01-01',
        endDate: null,
        intervalMonths: 1,
        timing: 'in_advance',
        billingAnchorDay: null,
        pauses: [],
      },
      items: [item('a', { kind: 'flat', amount: 500 }, '1')],
      lastBilledStart: '2026-02-01',
      dueCharges: [
        {
          id: 'chg_1',
          kind: 'installment',
          name: 'Setup (1/2)',
          amount: 5000,
          dueDate: '2026-03-01',
          period: null,
          taxRateKind: 'standard',
          supplyKind: 'services',
        },
      ],
      laterChargeDates: ['2026-03-20'],
    });
    const due = composeContract(c, '2026-03-05', tax, 'en');
    expect(due.periods.map((p) => p.start)).toEqual(['2026-03-01']);
    expect(due.charges.map((ch) => [ch.chargeId, ch.line.netAmount, ch.line.quantity])).toEqual([
      ['chg_1', 5000, '1'],
    ]);
    // the later installment is due before April's period
    expect(due.nextBillingOn).toBe('2026-03-20');
  });
});

describe('groupInvoices', () => {
  it('a collective contact gets one invoice per currency; other contracts one per period, charges on the first', () => {
    const plain = contract({
      id: 'ctr_a',
      contactId: 'con_a',
      schedule: {
        startDate: '2026-01-01',
        endDate: null,
        intervalMonths: 1,
        timing: 'in_advance',
        billingAnchorDay: null,
        pauses: [],
      },
      items: [item('a', { kind: 'flat', amount: 100 }, '1')],
      dueCharges: [
        {
          id: 'chg',
          kind: 'installment',
          name: 'x',
          amount: 7,
          dueDate: '2026-01-01',
          period: null,
          taxRateKind: 'standard',
          supplyKind: 'services',
        },
      ],
    });
    const collectiveEur = contract({
      ...plain,
      id: 'ctr_b',
      contactId: 'con_b',
      collective: true,
      dueCharges: [],
    });
    const collectiveEur2 = { ...collectiveEur, id: 'ctr_c' };
    const collectiveUsd = { ...collectiveEur, id: 'ctr_d', currency: 'USD' };
    const all = [plain, collectiveEur, collectiveEur2, collectiveUsd];
    const dues = all.map((c) => composeContract(c, '2026-02-01', tax, 'de'));
    const plans = groupInvoices(dues, new Map(all.map((c) => [c.id, c])));
    expect(
      plans.map((p) => [p.contactId, p.currency, p.collective, p.contractIds, p.lines.length, p.chargeIds]),
    ).toEqual([
      ['con_a', 'EUR', false, ['ctr_a'], 2, ['chg']], // January plus the charge
      ['con_a', 'EUR', false, ['ctr_a'], 1, []], // February
      ['con_b', 'EUR', true, ['ctr_b', 'ctr_c'], 4, []],
      ['con_b', 'USD', true, ['ctr_d'], 2, []],
    ]);
  });
});

describe('splitBatches', () => {
  it('cuts about every `size` contracts, never between two contracts of one contact', () => {
    const rows = ['a', 'a', 'b', 'c', 'c', 'c', 'd'].map((contact, i) => ({
      id: `ctr_${i}`,
      contact_id: contact,
    }));
    expect(splitBatches(rows, 2)).toEqual([
      ['ctr_0', 'ctr_1'],
      ['ctr_2', 'ctr_3', 'ctr_4', 'ctr_5'],
      ['ctr_6'],
    ]);
    expect(splitBatches([], 2)).toEqual([]);
  });
});
