// Issue 4, item 6: every named edge case of recurring billing, walked through the pure rules the billing
// run combines — the schedule gives the due periods, the price in force per period, the lines per period.
import { describe, expect, it } from 'vitest';
import { billing, money } from '../src/index';

type Schedule = Parameters<typeof billing.periodsDue>[0];

const flat = (amount: number): billing.PriceModel => ({ kind: 'flat', amount });

/** What a billing run on `asOf` would invoice: per due period, its start and line amounts. */
function bill(
  schedule: Schedule,
  asOf: string,
  items: billing.ChargeItem[],
  proration: billing.ProrationMode = 'daily',
  changes: billing.PriceChange[] = [],
) {
  return billing.periodsDue(schedule, asOf).map((period) => {
    const priced = items.map((item) => ({
      ...item,
      priceModel: billing.priceForPeriod(item.priceModel, changes, period.start),
    }));
    return [
      period.start,
      period.end,
      ...billing.periodCharges(priced, period, proration).map((c) => c.amount),
    ];
  });
}

describe('billing edge cases (issue 4 item 6)', () => {
  it('month-end anchor: a contract from Jan 31 bills Feb 28, Mar 31, Apr 30 — the day comes back', () => {
    const schedule: Schedule = { startDate: '2026-01-31', intervalMonths: 1, timing: 'in_advance' };
    const starts = billing.periodsDue(schedule, '2026-12-31').map((p) => p.start);
    expect(starts).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-31',
    ]);
  });

  it('leap years: Feb 29 in 2028 but Feb 28 in 2027; a Feb 29 yearly anchor returns in 2032', () => {
    const from = (startDate: string, intervalMonths: number, asOf: string) =>
      billing.periodsDue({ startDate, intervalMonths, timing: 'in_advance' }, asOf).map((p) => p.start);
    expect(from('2027-01-31', 1, '2027-03-01')).toEqual(['2027-01-31', '2027-02-28']);
    expect(from('2028-01-31', 1, '2028-03-01')).toEqual(['2028-01-31', '2028-02-29']);
    expect(from('2028-02-29', 12, '2032-02-29')).toEqual([
      '2028-02-29',
      '2029-02-28',
      '2030-02-28',
      '2031-02-28',
      '2032-02-29',
    ]);
    // daily proration knows February's length: half of February is 14/28 in 2027 but 14/29 in 2028
    const feb = (year: number) =>
      bill(
        { startDate: `${year}-02-01`, endDate: `${year}-02-14`, intervalMonths: 1, timing: 'in_advance' },
        `${year}-02-01`,
        [{ itemId: 'x', priceModel: flat(2900), quantity: '1' }],
      );
    expect(feb(2027)).toEqual([[`2027-02-01`, `2027-02-14`, 1450]]);
    expect(feb(2028)).toEqual([[`2028-02-01`, `2028-02-14`, 1400]]);
  });

  it('proration of the first and last period: aligned start Jan 15, end Apr 10, billed on the 1st', () => {
    const schedule: Schedule = {
      startDate: '2026-01-15',
      endDate: '2026-04-10',
      billingAnchorDay: 1,
      intervalMonths: 1,
      timing: 'in_advance',
    };
    const items = [{ itemId: 'x', priceModel: flat(3100), quantity: '1' }];
    expect(bill(schedule, '2026-12-31', items, 'daily')).toEqual([
      ['2026-01-15', '2026-01-31', 1700], // 17 of 31 days
      ['2026-02-01', '2026-02-28', 3100],
      ['2026-03-01', '2026-03-31', 3100],
      ['2026-04-01', '2026-04-10', 1033], // 10 of 30 days: 1033.33
    ]);
    expect(bill(schedule, '2026-12-31', items, 'none').map((row) => row[2])).toEqual([
      3100, 3100, 3100, 3100,
    ]);
  });

  it('price change exactly on a period boundary applies to that period, a day later to the next', () => {
    const schedule: Schedule = { startDate: '2026-01-01', intervalMonths: 1, timing: 'in_advance' };
    const items = [
      { itemId: 'x', priceModel: { kind: 'per_unit', unitAmount: '1000' } as const, quantity: '2' },
    ];
    const raise = (effectiveDate: string): billing.PriceChange[] => [
      { kind: 'percent', percent: '10', effectiveDate, announcedOn: '2026-01-20' },
    ];
    expect(bill(schedule, '2026-04-01', items, 'daily', raise('2026-03-01')).map((row) => row[2])).toEqual([
      2000, 2000, 2200, 2200,
    ]);
    expect(bill(schedule, '2026-04-01', items, 'daily', raise('2026-03-02')).map((row) => row[2])).toEqual([
      2000, 2000, 2000, 2200,
    ]);
  });

  it('cancellation with notice to end of term: the end date cuts billing at the term end', () => {
    const terms: billing.ContractTerms = {
      minimumTermMonths: 12,
      noticePeriod: { amount: 3, unit: 'months' },
      renewalTermMonths: 12,
    };
    const schedule: Schedule = { startDate: '2026-01-01', intervalMonths: 3, timing: 'in_advance' };
    const inTime = billing.cancellationEndDate(schedule, terms, '2026-09-30');
    const late = billing.cancellationEndDate(schedule, terms, '2026-10-01');
    expect([inTime.endDate, late.endDate]).toEqual(['2026-12-31', '2027-12-31']);
    const billed = (endDate: string) =>
      billing.periodsDue({ ...schedule, endDate }, '2030-01-01').map((p) => `${p.start}..${p.end}`);
    expect(billed(inTime.endDate)).toEqual([
      '2026-01-01..2026-03-31',
      '2026-04-01..2026-06-30',
      '2026-07-01..2026-09-30',
      '2026-10-01..2026-12-31',
    ]);
    expect(billed(late.endDate)).toHaveLength(8);
  });

  it('pause across a period boundary: the period starting inside the pause is skipped, billing resumes after', () => {
    const schedule: Schedule = {
      startDate: '2026-01-01',
      intervalMonths: 1,
      timing: 'in_advance',
      pauses: [{ from: '2026-02-20', until: '2026-04-05' }],
    };
    expect(bill(schedule, '2026-05-31', [{ itemId: 'x', priceModel: flat(3100), quantity: '1' }])).toEqual([
      ['2026-01-01', '2026-01-31', 3100],
      ['2026-02-01', '2026-02-28', 3100], // started before the pause
      ['2026-05-01', '2026-05-31', 3100], // March and April started inside it
    ]);
  });

  it('in-arrears final period: ends Mar 15, due Mar 16, prorated 15/31', () => {
    const schedule: Schedule = {
      startDate: '2026-01-01',
      endDate: '2026-03-15',
      intervalMonths: 1,
      timing: 'in_arrears',
    };
    const items = [{ itemId: 'x', priceModel: flat(3100), quantity: '1' }];
    expect(bill(schedule, '2026-03-15', items)).toEqual([
      ['2026-01-01', '2026-01-31', 3100],
      ['2026-02-01', '2026-02-28', 3100],
    ]);
    expect(bill(schedule, '2026-03-16', items).at(-1)).toEqual(['2026-03-01', '2026-03-15', 1500]);
    expect(billing.periodsDue(schedule, '2026-03-16').at(-1)!.dueDate).toBe('2026-03-16');
    expect(bill(schedule, '2027-01-01', items)).toHaveLength(3);
  });

  it('a currency other than EUR: JPY has exponent 0, so proration rounds to whole yen', () => {
    expect(money.currencyExponent('JPY')).toBe(0);
    // 1001 JPY a month; the contract starts Apr 16 aligned to the 1st, and another ends Apr 15
    const items = [{ itemId: 'x', priceModel: flat(1001), quantity: '1' }];
    const stub = bill(
      { startDate: '2026-04-16', billingAnchorDay: 1, intervalMonths: 1, timing: 'in_advance' },
      '2026-04-16',
      items,
    );
    const tail = bill(
      { startDate: '2026-04-01', endDate: '2026-04-15', intervalMonths: 1, timing: 'in_arrears' },
      '2026-04-16',
      items,
    );
    expect(tail).toEqual([['2026-04-01', '2026-04-15', 501]]); // 500.5 yen rounds half-up
    expect(stub).toEqual([['2026-04-16', '2026-04-30', 500]]); // the rest of April: together exactly 1001
    expect(money.toMajorString(501, 'JPY')).toBe('501');
    // the same minor-unit amounts in EUR are cents: 5.01 EUR
    expect(money.toMajorString(501, 'EUR')).toBe('5.01');
  });

  it('zero-amount periods produce no line and so no invoice (documented choice)', () => {
    const schedule: Schedule = { startDate: '2026-01-01', intervalMonths: 1, timing: 'in_advance' };
    const free = [
      { itemId: 'included-support', priceModel: flat(0), quantity: '1' },
      { itemId: 'seats', priceModel: { kind: 'per_unit', unitAmount: '1500' } as const, quantity: '0' },
      { itemId: 'discounted', priceModel: flat(9900), quantity: '1', discountPercent: '100' },
    ];
    expect(bill(schedule, '2026-02-01', free)).toEqual([
      ['2026-01-01', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
    ]);
    const oneYen = [{ itemId: 'x', priceModel: flat(1), quantity: '1' }];
    const tiny = bill({ ...schedule, endDate: '2026-01-05' }, '2026-01-01', oneYen); // 1 × 5/31 → 0
    expect(tiny).toEqual([['2026-01-01', '2026-01-05']]);
  });
});
