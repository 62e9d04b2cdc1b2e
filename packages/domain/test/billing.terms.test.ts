import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, maxDate, toDayNumber } from '../src/billing/dates';
import { type BillingSchedule, periodOn } from '../src/billing/periods';
import { type PriceModel, prorate } from '../src/billing/pricing';
import {
  adjustPriceByPercent,
  type ContractTerms,
  cancellationDeadline,
  cancellationEndDate,
  changeOutcome,
  checkPriceChange,
  checkTerms,
  installmentPlan,
  minimumTermEnd,
  type NoticePeriod,
  noticeEnd,
  type PriceChange,
  priceForPeriod,
  termEndOn,
} from '../src/billing/terms';
import { FieldErrors } from '../src/errors';

const monthly = (startDate: string, extra: Partial<BillingSchedule> = {}): BillingSchedule => ({
  startDate,
  intervalMonths: 1,
  timing: 'in_advance',
  ...extra,
});

const months = (amount: number): NoticePeriod => ({ amount, unit: 'months' });
const days = (amount: number): NoticePeriod => ({ amount, unit: 'days' });

// DOMAIN.md §6 "3 months to end of term": 12-month minimum term, renewing by 12 months, 3 months' notice.
const TO_END_OF_TERM: ContractTerms = {
  minimumTermMonths: 12,
  noticePeriod: months(3),
  renewalTermMonths: 12,
};

describe('billing terms: notice and term ends', () => {
  it('counts the notice from the day after receipt, months clamped to the month end (§§ 187, 188 BGB)', () => {
    expect(noticeEnd('2026-09-30', months(3))).toBe('2026-12-30');
    expect(noticeEnd('2026-11-30', months(3))).toBe('2027-02-28');
    expect(noticeEnd('2027-11-30', months(3))).toBe('2028-02-29');
    expect(noticeEnd('2026-03-10', days(30))).toBe('2026-04-09');
    expect(noticeEnd('2026-03-10', null)).toBe('2026-03-10');
    expect(noticeEnd('2026-03-10', days(0))).toBe('2026-03-10');
  });

  it('ends the minimum term the day before its anniversary', () => {
    expect(minimumTermEnd('2026-01-01', TO_END_OF_TERM)).toBe('2026-12-31');
    expect(minimumTermEnd('2028-02-29', { ...TO_END_OF_TERM, minimumTermMonths: 12 })).toBe('2029-02-27');
    expect(minimumTermEnd('2026-01-01', { ...TO_END_OF_TERM, minimumTermMonths: 0 })).toBeNull();
  });

  it('finds the term in force on a day under auto-renewal, counted from the start', () => {
    expect(termEndOn('2026-01-01', TO_END_OF_TERM, '2026-06-15')).toBe('2026-12-31');
    expect(termEndOn('2026-01-01', TO_END_OF_TERM, '2026-12-31')).toBe('2026-12-31');
    expect(termEndOn('2026-01-01', TO_END_OF_TERM, '2027-01-01')).toBe('2027-12-31');
    expect(termEndOn('2026-01-01', TO_END_OF_TERM, '2040-05-05')).toBe('2040-12-31');
    // no minimum term: the first term is one renewal term
    expect(
      termEndOn(
        '2026-01-31',
        { ...TO_END_OF_TERM, minimumTermMonths: 0, renewalTermMonths: 1 },
        '2026-02-27',
      ),
    ).toBe('2026-02-27');
    expect(
      termEndOn(
        '2026-01-31',
        { ...TO_END_OF_TERM, minimumTermMonths: 0, renewalTermMonths: 1 },
        '2026-02-28',
      ),
    ).toBe('2026-03-30');
    // without renewal the minimum-term end stays the only term end
    expect(termEndOn('2026-01-01', { ...TO_END_OF_TERM, renewalTermMonths: null }, '2030-01-01')).toBe(
      '2026-12-31',
    );
  });
});

describe('billing terms: cancellation (DOMAIN.md §6)', () => {
  const schedule = monthly('2026-01-01');

  it('ends at the term end when the notice runs out in time: received Sep 30 → Dec 31', () => {
    expect(cancellationEndDate(schedule, TO_END_OF_TERM, '2026-09-30')).toEqual({
      endDate: '2026-12-31',
      noticeEnd: '2026-12-30',
      termEnd: '2026-12-31',
      renewals: 0,
    });
  });

  it('renews by the renewal term when the notice comes a day too late: received Oct 1 → Dec 31 next year', () => {
    expect(cancellationEndDate(schedule, TO_END_OF_TERM, '2026-10-01')).toEqual({
      endDate: '2027-12-31',
      noticeEnd: '2027-01-01',
      termEnd: '2027-12-31',
      renewals: 1,
    });
    expect(cancellationEndDate(schedule, TO_END_OF_TERM, '2027-10-01')).toMatchObject({
      endDate: '2028-12-31',
      renewals: 2,
    });
  });

  it('without auto-renewal runs on period by period after the minimum term', () => {
    const terms: ContractTerms = { minimumTermMonths: 12, noticePeriod: months(1), renewalTermMonths: null };
    // inside the minimum term: the minimum term binds
    expect(cancellationEndDate(schedule, terms, '2026-03-10').endDate).toBe('2026-12-31');
    // after it: the first period end after the notice runs out (Apr 10 → end of April)
    expect(cancellationEndDate(schedule, terms, '2027-03-10')).toEqual({
      endDate: '2027-04-30',
      noticeEnd: '2027-04-10',
      termEnd: '2026-12-31',
      renewals: 0,
    });
  });

  it('without terms ends at the end of the current period, or of the period the notice reaches', () => {
    const none: ContractTerms = { minimumTermMonths: 0, noticePeriod: null, renewalTermMonths: null };
    expect(cancellationEndDate(schedule, none, '2026-03-10')).toMatchObject({
      endDate: '2026-03-31',
      termEnd: null,
    });
    expect(cancellationEndDate(schedule, none, '2026-03-31').endDate).toBe('2026-03-31');
    expect(cancellationEndDate(schedule, { ...none, noticePeriod: days(30) }, '2026-03-10').endDate).toBe(
      '2026-04-30',
    );
  });

  it('uses the anchored period ends of a Jan 31 contract', () => {
    const terms: ContractTerms = { minimumTermMonths: 0, noticePeriod: days(14), renewalTermMonths: null };
    // notice runs out Mar 6, inside the period Feb 28 – Mar 30
    expect(cancellationEndDate(monthly('2026-01-31'), terms, '2026-02-20').endDate).toBe('2026-03-30');
  });

  it('uses quarterly period ends and the aligned grid', () => {
    const terms: ContractTerms = { minimumTermMonths: 0, noticePeriod: months(1), renewalTermMonths: null };
    const quarterly = { ...monthly('2026-01-15', { billingAnchorDay: 1 }), intervalMonths: 3 };
    // periods: Jan 15–31 (partial), Feb 1 – Apr 30, May 1 – Jul 31; notice to Mar 20 → Apr 30
    expect(cancellationEndDate(quarterly, terms, '2026-02-20').endDate).toBe('2026-04-30');
  });

  it('keeps an end date that comes sooner, and ends no earlier than the first period', () => {
    const fixed = monthly('2026-01-01', { endDate: '2026-06-15' });
    expect(cancellationEndDate(fixed, TO_END_OF_TERM, '2026-03-01').endDate).toBe('2026-06-15');
    const none: ContractTerms = { minimumTermMonths: 0, noticePeriod: null, renewalTermMonths: null };
    expect(cancellationEndDate(monthly('2026-05-01'), none, '2026-04-01').endDate).toBe('2026-05-31');
  });

  it('gives the last day to cancel for a term end', () => {
    expect(cancellationDeadline(TO_END_OF_TERM, '2026-12-31')).toBe('2026-09-30');
    expect(cancellationDeadline({ ...TO_END_OF_TERM, noticePeriod: months(1) }, '2027-02-28')).toBe(
      '2027-01-31',
    );
    expect(cancellationDeadline({ ...TO_END_OF_TERM, noticePeriod: days(30) }, '2026-12-31')).toBe(
      '2026-12-01',
    );
    expect(cancellationDeadline({ ...TO_END_OF_TERM, noticePeriod: null }, '2026-12-31')).toBe('2026-12-31');
  });

  it('makes the deadline the last day whose notice still reaches the term end (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2090-12-31') }),
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom('days', 'months') as fc.Arbitrary<NoticePeriod['unit']>,
        (day, amount, unit) => {
          const termEnd = addDays('1970-01-01', day);
          const terms: ContractTerms = {
            minimumTermMonths: 0,
            noticePeriod: { amount, unit },
            renewalTermMonths: null,
          };
          const deadline = cancellationDeadline(terms, termEnd);
          expect(compareDates(noticeEnd(deadline, terms.noticePeriod), termEnd)).toBeLessThanOrEqual(0);
          expect(compareDates(noticeEnd(addDays(deadline, 1), terms.noticePeriod), termEnd)).toBe(1);
        },
      ),
    );
  });

  it('ends a cancelled contract at a period end ≥ both bounds, the first such (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2030-12-31') }),
        fc.integer({ min: 0, max: 1500 }),
        fc.constantFrom(1, 3, 12),
        fc.integer({ min: 0, max: 24 }),
        fc.option(fc.constantFrom(1, 12), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
        (startDay, receivedOffset, intervalMonths, minimumTermMonths, renewalTermMonths, noticeMonths) => {
          const schedule = { ...monthly(addDays('1970-01-01', startDay)), intervalMonths };
          const terms: ContractTerms = {
            minimumTermMonths,
            noticePeriod: noticeMonths === null ? null : months(noticeMonths),
            renewalTermMonths,
          };
          const result = cancellationEndDate(schedule, terms, addDays(schedule.startDate, receivedOffset));
          expect(compareDates(result.endDate, result.noticeEnd)).toBeGreaterThanOrEqual(0);
          if (result.termEnd) expect(compareDates(result.endDate, result.termEnd)).toBeGreaterThanOrEqual(0);
          // a period end, and the first one ≥ both bounds: its period starts on or before the later bound
          const period = periodOn(schedule, result.endDate)!;
          expect(period.end).toBe(result.endDate);
          const bound = maxDate(
            maxDate(result.noticeEnd, result.termEnd ?? result.noticeEnd),
            schedule.startDate,
          );
          expect(compareDates(period.start, bound)).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});

describe('billing terms: validating terms', () => {
  it('names every bad field', () => {
    const errors = new FieldErrors();
    checkTerms(
      { minimumTermMonths: -1, noticePeriod: { amount: 1.5, unit: 'weeks' as 'days' }, renewalTermMonths: 0 },
      errors,
      'terms',
    );
    expect(errors.list.map((e) => `${e.path}:${e.code}`)).toEqual([
      'terms.minimumTermMonths:minimum_term_invalid',
      'terms.noticePeriod.unit:notice_unit_invalid',
      'terms.noticePeriod.amount:notice_invalid',
      'terms.renewalTermMonths:renewal_term_invalid',
    ]);
    const ok = new FieldErrors();
    checkTerms(TO_END_OF_TERM, ok);
    expect(ok.list).toEqual([]);
  });
});

describe('billing terms: changing price or quantity', () => {
  const flat = (amount: number): { priceModel: PriceModel; quantity: string } => ({
    priceModel: { kind: 'flat', amount },
    quantity: '1',
  });

  it('next_period: nothing now, the new values apply from the next period', () => {
    const schedule = monthly('2026-01-01');
    expect(changeOutcome(schedule, 'next_period', '2026-03-10', flat(3100), flat(6200))).toEqual({
      effectiveFrom: '2026-04-01',
      lines: [],
    });
    // on a period's first day that period may already be billed: the change waits for the next
    expect(changeOutcome(schedule, 'next_period', '2026-03-01', flat(3100), flat(6200)).effectiveFrom).toBe(
      '2026-04-01',
    );
    // before the start it simply applies from the start
    expect(changeOutcome(schedule, 'next_period', '2025-12-01', flat(3100), flat(6200)).effectiveFrom).toBe(
      '2026-01-01',
    );
  });

  it('immediate_prorated: credits the unused days at the old price and charges them at the new', () => {
    // March has 31 days; from Mar 11 the last 21 are unused: credit 3100 × 21/31, charge 6200 × 21/31.
    const outcome = changeOutcome(
      monthly('2026-01-01'),
      'immediate_prorated',
      '2026-03-11',
      flat(3100),
      flat(6200),
    );
    expect(outcome).toEqual({
      effectiveFrom: '2026-03-11',
      lines: [
        {
          kind: 'credit',
          amount: -2100,
          start: '2026-03-11',
          end: '2026-03-31',
          share: { from: 10, to: 31, of: 31 },
        },
        {
          kind: 'charge',
          amount: 4200,
          start: '2026-03-11',
          end: '2026-03-31',
          share: { from: 10, to: 31, of: 31 },
        },
      ],
    });
  });

  it('credits the unused days so that the used days cost exactly their prorated share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 30 }),
        (amount, offset) => {
          const changeDate = addDays('2026-03-01', offset);
          const outcome = changeOutcome(
            monthly('2026-01-01'),
            'immediate_prorated',
            changeDate,
            flat(amount),
            flat(0),
          );
          const credit = outcome.lines.find((l) => l.kind === 'credit')?.amount ?? 0;
          // March billed in full, plus the credit = what March 1 .. the day before the change costs
          expect(amount + credit).toBe(prorate(String(amount), { from: 0, to: offset, of: 31 }));
          expect(outcome.lines.every((l) => l.kind === 'credit')).toBe(true);
        },
      ),
    );
  });

  it('prorates a per-unit quantity change and leaves out zero lines', () => {
    const seat: PriceModel = { kind: 'per_unit', unitAmount: '1000' };
    const outcome = changeOutcome(
      monthly('2026-04-01'),
      'immediate_prorated',
      '2026-04-16',
      { priceModel: seat, quantity: '0' },
      { priceModel: seat, quantity: '3' },
    );
    expect(outcome.lines).toEqual([
      {
        kind: 'charge',
        amount: 1500,
        start: '2026-04-16',
        end: '2026-04-30',
        share: { from: 15, to: 30, of: 30 },
      },
    ]);
  });

  it('bills nothing for a change inside a paused period', () => {
    const paused = monthly('2026-01-01', { pauses: [{ from: '2026-03-01', until: '2026-03-31' }] });
    expect(changeOutcome(paused, 'immediate_prorated', '2026-03-11', flat(3100), flat(6200))).toEqual({
      effectiveFrom: '2026-03-11',
      lines: [],
    });
  });
});

describe('billing terms: scheduled price changes', () => {
  const base: PriceModel = { kind: 'per_unit', unitAmount: '1000' };
  const percent = (effectiveDate: string, value: string): PriceChange => ({
    kind: 'percent',
    percent: value,
    effectiveDate,
    announcedOn: '2026-01-15',
  });

  it('applies from the first period starting on or after the effective date — on a boundary, to that period', () => {
    const onBoundary = [percent('2026-03-01', '10')];
    expect(priceForPeriod(base, onBoundary, '2026-02-01')).toEqual(base);
    expect(priceForPeriod(base, onBoundary, '2026-03-01')).toEqual({ kind: 'per_unit', unitAmount: '1100' });
    const dayAfter = [percent('2026-03-02', '10')];
    expect(priceForPeriod(base, dayAfter, '2026-03-01')).toEqual(base);
    expect(priceForPeriod(base, dayAfter, '2026-04-01')).toEqual({ kind: 'per_unit', unitAmount: '1100' });
  });

  it('compounds percentages in effective-date order and lets a new price replace the old', () => {
    const changes: PriceChange[] = [
      percent('2027-01-01', '5'),
      percent('2026-01-01', '5'),
      { kind: 'new_price', priceModel: { kind: 'flat', amount: 5000 }, effectiveDate: '2028-01-01' },
      percent('2028-01-01', '-10'),
    ];
    expect(priceForPeriod(base, changes, '2026-06-01')).toEqual({ kind: 'per_unit', unitAmount: '1050' });
    expect(priceForPeriod(base, changes, '2027-06-01')).toEqual({ kind: 'per_unit', unitAmount: '1103' }); // 1102.5
    // same effective date: in the order given
    expect(priceForPeriod(base, changes, '2028-01-01')).toEqual({ kind: 'flat', amount: 4500 });
  });

  it('rounds a percentage once at the price precision', () => {
    expect(adjustPriceByPercent({ kind: 'flat', amount: 1999 }, '3')).toEqual({ kind: 'flat', amount: 2059 });
    expect(adjustPriceByPercent({ kind: 'per_unit', unitAmount: '0.35' }, '10')).toEqual({
      kind: 'per_unit',
      unitAmount: '0.39',
    });
    expect(adjustPriceByPercent({ kind: 'per_unit', unitAmount: '0.350' }, '10')).toEqual({
      kind: 'per_unit',
      unitAmount: '0.385',
    });
    expect(
      adjustPriceByPercent(
        {
          kind: 'graduated',
          tiers: [
            { upTo: 5, unitAmount: '700', flatAmount: 999 },
            { upTo: null, unitAmount: '650' },
          ],
        },
        '2.5',
      ),
    ).toEqual({
      kind: 'graduated',
      tiers: [
        { upTo: 5, unitAmount: '718', flatAmount: 1024 }, // 717.5 → 718, 1023.975 → 1024
        { upTo: null, unitAmount: '666' }, // 666.25
      ],
    });
    expect(() => adjustPriceByPercent(base, '-100')).toThrow(RangeError);
  });

  it('validates a price change, naming every bad field', () => {
    const errors = new FieldErrors();
    checkPriceChange(
      { kind: 'percent', percent: '-100', effectiveDate: '2026-02-01', announcedOn: '2026-03-01' },
      errors,
    );
    checkPriceChange(
      { kind: 'new_price', priceModel: { kind: 'flat', amount: -5 }, effectiveDate: '2026-02-30' },
      errors,
      'changes.1',
    );
    expect(errors.list.map((e) => `${e.path}:${e.code}`)).toEqual([
      'announcedOn:announced_after_effective',
      'percent:percent_invalid',
      'changes.1.effectiveDate:date_invalid',
      'changes.1.priceModel.amount:amount_invalid',
    ]);
  });
});

describe('billing terms: installment plans', () => {
  it('splits a one-time amount into monthly parts that sum exactly to it, dated from the first', () => {
    expect(installmentPlan(10_000, 3, '2026-01-31')).toEqual([
      { number: 1, dueDate: '2026-01-31', amount: 3334 },
      { number: 2, dueDate: '2026-02-28', amount: 3333 },
      { number: 3, dueDate: '2026-03-31', amount: 3333 },
    ]);
    expect(installmentPlan(1000, 3, '2026-01-01', 3).map((i) => [i.dueDate, i.amount])).toEqual([
      ['2026-01-01', 334],
      ['2026-04-01', 333],
      ['2026-07-01', 333],
    ]);
    expect(installmentPlan(2, 4, '2026-01-01').map((i) => i.amount)).toEqual([1, 1, 0, 0]);
  });

  it('rejects a plan of no installments', () => {
    expect(() => installmentPlan(1000, 0, '2026-01-01')).toThrow(RangeError);
    expect(() => installmentPlan(1000, 2, '2026-01-01', 0)).toThrow(RangeError);
  });

  it('always sums to the whole, with parts at most one minor unit apart (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        (total, count) => {
          const plan = installmentPlan(total, count, '2026-01-31');
          expect(plan).toHaveLength(count);
          expect(plan.reduce((s, i) => s + i.amount, 0)).toBe(total);
          const amounts = plan.map((i) => i.amount);
          expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
