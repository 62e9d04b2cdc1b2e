import type { Db } from '@fakturo/db';
import { addDays, addMonths, daysBetween } from '../billing/dates';
import * as billingRuns from '../billing-runs/service';
import { type Clock, calendarDate, fixedClock } from '../clock';
import { type Ctx, inTransaction } from '../context';
import * as dunning from '../dunning/service';
import { DomainError, FieldErrors } from '../errors';
import * as jobs from '../jobs';

/**
 * Test clocks (issue 4, item 5): a sandbox organisation can freeze its time and move it forward, and
 * everything that asks `ctx.clock` follows — the API (the auth plugin gives a sandbox its clock), billing
 * runs, their due and issue dates, and the daily cron. So a user can simulate a year of billing in seconds.
 */
export interface TestClock {
  /** The organisation's current instant. */
  now: string;
  /** Its calendar date in the organisation's time zone: what billing runs use as `asOf`. */
  today: string;
  timezone: string;
  /** False until the clock is first moved: the sandbox follows real time. */
  frozen: boolean;
}

export interface AdvanceInput {
  /** Move to this instant (RFC 3339). */
  to?: string;
  days?: number;
  months?: number;
}

export interface AdvanceResult extends TestClock {
  /** The daily billing run started for the new date (none when the day had one or nothing is billable). */
  billingRunIds: string[];
  /** The daily dunning run started for the new date (none when the day had one or nothing is past due). */
  dunningRunIds: string[];
}

/**
 * The sweeps the worker's crons run hourly or daily over every organisation on its own clock. An advance queues
 * each once, right away, so the sandbox sees their effect now instead of within the hour: invoices past their
 * due date turn overdue, quotes past their validity expire, documents whose send date came go out, unused SEPA
 * mandates lapse. (The billing and dunning runs are started in the advance itself, as their ids are answered.)
 */
const SWEEPS_ON_ADVANCE = [
  'invoices_mark_overdue',
  'quotes_expire',
  'documents_send_due',
  'sepa_mandates_expire',
] as const;

const MAX_DAYS = 3660;
const MAX_MONTHS = 120;

/** The clock an organisation runs on: its frozen test clock, or `fallback` (system time). */
export function clockFrom(clockTime: Date | null, fallback: Clock): Clock {
  return clockTime ? fixedClock(clockTime) : fallback;
}

/** For the worker, which has no authenticated request: one read of the organisation's clock. */
export async function clockOf(db: Db, organizationId: string, fallback: Clock): Promise<Clock> {
  const row: { clock_time: Date | null } | undefined = await db('organizations')
    .where('id', organizationId)
    .first('clock_time');
  return clockFrom(row?.clock_time ?? null, fallback);
}

async function sandbox(ctx: Ctx): Promise<{ timezone: string; clock_time: Date | null }> {
  const row = await ctx
    .db('organizations')
    .where('id', ctx.organizationId)
    .first('is_sandbox', 'timezone', 'clock_time');
  if (!row?.is_sandbox) {
    throw new DomainError(
      'conflict',
      'test_clock_not_sandbox',
      'Only a sandbox organisation has a test clock.',
    );
  }
  return row;
}

function describe(at: Date, timezone: string, frozen: boolean): TestClock {
  return { now: at.toISOString(), today: calendarDate(at, timezone), timezone, frozen };
}

export async function get(ctx: Ctx): Promise<TestClock> {
  const org = await sandbox(ctx);
  return describe(ctx.clock.now(), org.timezone, org.clock_time !== null);
}

/**
 * Moves the sandbox's clock forward — to an instant, or by days or calendar months (month ends clamp like
 * billing periods: Jan 31 + 1 month = Feb 28/29) — and starts the daily billing run for the new date, as
 * the cron would, in the same transaction. Time never moves back: what was billed stays billed.
 */
export async function advance(ctx: Ctx, input: AdvanceInput): Promise<AdvanceResult> {
  const errors = new FieldErrors();
  const given = (['to', 'days', 'months'] as const).filter((key) => input[key] !== undefined);
  if (given.length !== 1) errors.add('body', 'advance_invalid', 'give exactly one of to, days or months');
  if (
    input.days !== undefined &&
    (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_DAYS)
  ) {
    errors.add('days', 'days_invalid', `must be a whole number from 1 to ${MAX_DAYS}`);
  }
  if (
    input.months !== undefined &&
    (!Number.isInteger(input.months) || input.months < 1 || input.months > MAX_MONTHS)
  ) {
    errors.add('months', 'months_invalid', `must be a whole number from 1 to ${MAX_MONTHS}`);
  }
  const target = input.to !== undefined ? new Date(input.to) : null;
  if (target && Number.isNaN(target.getTime()))
    errors.add('to', 'date_invalid', 'must be an RFC 3339 instant');
  errors.throwIfAny();
  return inTransaction(ctx, async (tx) => {
    // row lock: two advances in a row move the clock twice, never from the same starting point
    await tx.db('organizations').where('id', tx.organizationId).forUpdate().first('id');
    const org = await sandbox(tx);
    const now = org.clock_time ?? tx.clock.now();
    let next: Date;
    if (target) next = target;
    else {
      const today = calendarDate(now, org.timezone);
      const day = input.days !== undefined ? addDays(today, input.days) : addMonths(today, input.months!);
      next = new Date(now.getTime() + daysBetween(today, day) * 86_400_000);
    }
    if (next.getTime() <= now.getTime()) {
      throw new DomainError('unprocessable', 'test_clock_backwards', 'A test clock only moves forward.', {
        errors: [{ path: 'to', code: 'test_clock_backwards', message: `must be after ${now.toISOString()}` }],
      });
    }
    await tx.db('organizations').where('id', tx.organizationId).update({ clock_time: next });
    const at = { organizationId: tx.organizationId, at: next };
    const billingRunIds = await billingRuns.startScheduled(tx.db, fixedClock(next), at);
    const dunningRunIds = await dunning.startScheduled(tx.db, fixedClock(next), at);
    await jobs.enqueueMany(
      tx,
      SWEEPS_ON_ADVANCE.map((task) => ({ task, payload: {}, jobKey: `${task}:test_clock_advance` })),
    );
    return { ...describe(next, org.timezone, true), billingRunIds, dunningRunIds };
  });
}
