import { describe, expect, it } from 'vitest';
import { effectiveBaseRates } from '../src/dunning/base-rates';
import {
  checkSettings,
  type DunnableInvoice,
  defaultLevels,
  levelReached,
  planNotices,
  standardTitle,
} from '../src/dunning/rules';
import { FieldErrors } from '../src/errors';

const levels = defaultLevels('EUR');
const baseRates = effectiveBaseRates();

function invoice(overrides: Partial<DunnableInvoice>): DunnableInvoice {
  return {
    id: 'doc_A',
    contactId: 'con_1',
    type: 'invoice',
    status: 'sent',
    number: 'RE-2026-00001',
    issueDate: '2026-01-01',
    dueDate: '2026-01-15',
    currency: 'EUR',
    amountDue: 100000,
    amountCredited: 0,
    amountPaid: 0,
    ...overrides,
  };
}

const plan = (invoices: DunnableInvoice[], asOf: string, dunned = new Map<string, number>()) =>
  planNotices({
    invoices,
    levels,
    dunned,
    customerTypes: new Map([
      ['con_1', 'business'],
      ['con_2', 'consumer'],
    ]),
    asOf,
    feeCurrency: 'EUR',
    baseRates,
  });

describe('dunning levels: defaults and titles (DOMAIN.md §10)', () => {
  it('reminder at +7 free, 1st dunning +14 for 5.00, 2nd +28 for 10.00 with interest; in whole units of the currency', () => {
    expect(levels.map((l) => [l.level, l.daysAfterDue, l.fee, l.interest])).toEqual([
      [1, 7, 0, false],
      [2, 14, 500, false],
      [3, 28, 1000, true],
    ]);
    expect(defaultLevels('JPY').map((l) => l.fee)).toEqual([0, 5, 10]);
    expect(levels.map((l) => l.titles)).toEqual([
      { de: 'Zahlungserinnerung', en: 'Payment reminder' },
      { de: '1. Mahnung', en: 'First dunning notice' },
      { de: '2. Mahnung', en: 'Second dunning notice' },
    ]);
    expect(standardTitle(10, 'en')).toBe('Ninth dunning notice');
  });

  it('the level reached is the highest whose days have passed', () => {
    expect(levelReached(levels, 6)).toBeNull();
    expect(levelReached(levels, 7)?.level).toBe(1);
    expect(levelReached(levels, 27)?.level).toBe(2);
    expect(levelReached(levels, 400)?.level).toBe(3);
  });
});

describe('dunning settings: every broken rule named at once', () => {
  it('reports order, rising days, fees, names and base rates together', () => {
    const errors = new FieldErrors();
    checkSettings(
      {
        levels: [
          { level: 1, daysAfterDue: 10, fee: 0, interest: false },
          { level: 3, daysAfterDue: 10, fee: -5, interest: false, name: '  ' },
          { level: 3, daysAfterDue: 0, fee: 1.5, interest: true },
        ],
        baseRates: [
          { validFrom: '2026-03-01', rate: '1.27' },
          { validFrom: '2026-07-01', rate: '1,27' },
          { validFrom: '2026-07-01', rate: '25' },
        ],
      },
      'EUR',
      errors,
    );
    expect(errors.list.map((e) => [e.path, e.code])).toEqual([
      ['levels.1.level', 'level_sequence_invalid'],
      ['levels.1.name', 'name_invalid'],
      ['levels.1.daysAfterDue', 'days_after_due_not_increasing'],
      ['levels.1.fee', 'fee_invalid'],
      ['levels.2.daysAfterDue', 'days_after_due_invalid'],
      ['levels.2.fee', 'fee_invalid'],
      ['baseRates.0.validFrom', 'base_rate_date_invalid'],
      ['baseRates.1.rate', 'base_rate_invalid'],
      ['baseRates.2.validFrom', 'duplicate'],
      ['baseRates.2.rate', 'base_rate_invalid'],
    ]);
  });

  it('accepts a valid set, an empty one (dunning off), and normalises rates to two decimals', () => {
    const errors = new FieldErrors();
    const out = checkSettings(
      {
        levels: [
          { level: 1, daysAfterDue: 3, fee: 0, interest: false, name: 'Kleine Erinnerung' },
          { level: 2, daysAfterDue: 20, fee: 250, interest: true },
        ],
        baseRates: [{ validFrom: '2026-07-01', rate: '-0.5' }],
      },
      'EUR',
      errors,
    );
    expect(errors.list).toEqual([]);
    expect(out.levels.map((l) => l.titles.en)).toEqual(['Kleine Erinnerung', 'First dunning notice']);
    expect(out.baseRates).toEqual([{ validFrom: '2026-07-01', rate: '-0.50' }]);
    const none = new FieldErrors();
    expect(checkSettings({ levels: [] }, 'EUR', none).levels).toEqual([]);
    expect(none.list).toEqual([]);
  });
});

describe('dunning runs: which letters are issued', () => {
  it('nothing before +7; the reminder at +7; each level once as the days pass', () => {
    const inv = invoice({});
    expect(plan([inv], '2026-01-21')).toEqual([]);
    const reminder = plan([inv], '2026-01-22');
    expect(reminder).toHaveLength(1);
    expect(reminder[0]).toMatchObject({
      level: { level: 1 },
      fee: 0,
      interestTotal: 0,
      openTotal: 100000,
      total: 100000,
    });
    // the same day again, after level 1 was issued: nothing (never the same level twice)
    expect(plan([inv], '2026-01-22', new Map([['doc_A', 1]]))).toEqual([]);
    expect(plan([inv], '2026-01-28', new Map([['doc_A', 1]]))).toEqual([]);
    const first = plan([inv], '2026-01-29', new Map([['doc_A', 1]]));
    expect(first[0]).toMatchObject({ level: { level: 2 }, fee: 500, interestTotal: 0, total: 100500 });
    // +28 (2026-02-12): 2nd dunning with 10.00 and 10.27 % for 28 days: 100000 × 0.1027 × 28 / 365 → 788
    const second = plan([inv], '2026-02-12', new Map([['doc_A', 2]]));
    expect(second[0]).toMatchObject({ level: { level: 3 }, fee: 1000, interestTotal: 788, total: 101788 });
    expect(plan([inv], '2026-06-01', new Map([['doc_A', 3]]))).toEqual([]);
  });

  it('jumps to the highest level reached; a skipped level is not made up', () => {
    const planned = plan([invoice({})], '2026-02-20');
    expect(planned.map((n) => n.level.level)).toEqual([3]);
  });

  it('a paid, cancelled or fully credited invoice is never dunned; a partly paid one for what is open', () => {
    const asOf = '2026-01-29';
    expect(plan([invoice({ status: 'paid', amountPaid: 100000 })], asOf)).toEqual([]);
    expect(plan([invoice({ status: 'cancelled' })], asOf)).toEqual([]);
    expect(plan([invoice({ amountCredited: 100000 })], asOf)).toEqual([]);
    expect(plan([invoice({ type: 'pro_forma' })], asOf)).toEqual([]);
    const partly = plan(
      [invoice({ status: 'partially_paid', amountPaid: 40000, amountCredited: 10000 })],
      asOf,
    );
    expect(partly[0]!.invoices[0]!.openAmount).toBe(50000);
  });

  it('one letter per contact, level and currency; fees only in the fee currency; invoices by due date', () => {
    const planned = plan(
      [
        invoice({ id: 'doc_B', number: 'RE-2', dueDate: '2026-01-10' }),
        invoice({ id: 'doc_A', number: 'RE-1', dueDate: '2026-01-12' }),
        invoice({ id: 'doc_C', number: 'RE-3', dueDate: '2026-01-20', amountDue: 5000 }),
        invoice({ id: 'doc_D', number: 'RE-4', contactId: 'con_2', dueDate: '2026-01-10' }),
        invoice({ id: 'doc_E', number: 'RE-5', dueDate: '2026-01-10', currency: 'CHF' }),
      ],
      '2026-01-27',
    );
    expect(
      planned.map((n) => [
        n.contactId,
        n.level.level,
        n.currency,
        n.fee,
        n.invoices.map((i) => i.number),
        n.total,
      ]),
    ).toEqual([
      ['con_1', 1, 'EUR', 0, ['RE-3'], 5000],
      ['con_1', 2, 'CHF', 0, ['RE-5'], 100000],
      ['con_1', 2, 'EUR', 500, ['RE-2', 'RE-1'], 200500],
      ['con_2', 2, 'EUR', 500, ['RE-4'], 100500],
    ]);
  });

  it('interest at + 9 points for a business, + 5 for a consumer', () => {
    const asOf = '2026-02-12';
    const [business] = plan([invoice({})], asOf);
    const [consumer] = plan([invoice({ contactId: 'con_2' })], asOf);
    // 100000 × 10.27 % × 28 / 365 → 788; 100000 × 6.27 % × 28 / 365 = 480.98… → 481
    expect([business!.interestTotal, consumer!.interestTotal]).toEqual([788, 481]);
    expect([business!.customerType, consumer!.customerType]).toEqual(['business', 'consumer']);
  });
});
