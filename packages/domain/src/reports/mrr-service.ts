import { compareDates, isDate } from '../billing/dates';
import { type Ctx, inTransaction, scoped } from '../context';
import { FieldErrors, notFound } from '../errors';
import * as jobs from '../jobs';
import { type Page, type PageQuery, toPage } from '../pagination';
import { type Cell, csvLine, toCsv } from './csv';
import {
  customerMrrEntries,
  entryRates,
  figureDeltas,
  MRR_MOVEMENTS,
  type MrrEntry,
  type MrrMovement,
  type MrrReportRow,
  monthlyFigures,
  mrrReport,
  REPORT_INTERVALS,
  type ReportInterval,
  reportPeriods,
} from './mrr';
import { checkCurrency, firstOfMonth, reportContext, resolveRange } from './range';
import * as repo from './repo';

// ---------------------------------------------------------------------------------------------------------
// Keeping the entries in step with the contracts
// ---------------------------------------------------------------------------------------------------------

/**
 * Contract changes of one organisation may run concurrently, and a customer's entries depend on all its
 * contracts: a transaction-scoped lock per customer makes the second change of a customer wait, then read
 * the first one's committed contract (READ COMMITTED: each statement sees what committed before it). Every
 * incremental refresh also holds the organisation's MRR lock shared, which a full rebuild takes exclusively.
 */
async function lockCustomers(tx: Ctx, contactIds: readonly string[]): Promise<void> {
  await tx.db.raw('SELECT pg_advisory_xact_lock_shared(hashtext(?), hashtext(?))', [
    'mrr',
    tx.organizationId,
  ]);
  for (const contactId of [...contactIds].sort()) {
    await tx.db.raw('SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))', [
      `mrr:${tx.organizationId}`,
      contactId,
    ]);
  }
}

/**
 * Recomputes the MRR entries of some customers from their contracts as they now are, and moves the monthly
 * sums by the difference. Runs inside the caller's transaction: the contracts service calls it for every
 * change (contracts/service `changed`), so the entries commit or roll back with the change.
 */
export async function refreshCustomers(ctx: Ctx, contactIds: readonly string[]): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  await inTransaction(ctx, async (tx) => {
    await lockCustomers(tx, ids);
    const before = await repo.deleteEntriesOf(tx, ids);
    const after = await entriesOf(tx, ids);
    await repo.insertEntries(tx, after);
    await repo.addToMonthly(tx, figureDeltas(monthlyFigures(before), monthlyFigures(after)));
  });
}

/** The hook of the contracts service: the customer of the contract, and its former one if it moved. */
export async function contractChanged(
  tx: Ctx,
  before: { contactId: string } | null,
  after: { contactId: string },
): Promise<void> {
  await refreshCustomers(tx, before ? [before.contactId, after.contactId] : [after.contactId]);
}

async function entriesOf(tx: Ctx, contactIds: readonly string[]): Promise<MrrEntry[]> {
  const contracts = await repo.mrrContractsOf(tx, contactIds);
  const byContact = new Map<string, typeof contracts>();
  for (const contract of contracts) {
    const own = byContact.get(contract.contactId);
    if (own) own.push(contract);
    else byContact.set(contract.contactId, [contract]);
  }
  return [...byContact.values()].flatMap((own) => customerMrrEntries(own));
}

const REBUILD_BATCH = 1000;

export interface RebuildResult {
  customers: number;
  entries: number;
}

/**
 * Recomputes every MRR entry of the organisation from its contracts and the monthly sums from the entries
 * (in SQL — a different path from the incremental differences, which is what makes comparing the two a
 * test). One transaction holding the organisation's MRR lock exclusively, so no contract change interleaves.
 * Gives the same rows as the incremental path; run it after a bug fix in the MRR rules or a data repair.
 */
export async function rebuild(ctx: Ctx): Promise<RebuildResult> {
  return inTransaction(ctx, async (tx) => {
    await tx.db.raw('SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))', ['mrr', tx.organizationId]);
    await repo.deleteAllEntries(tx);
    let after: string | null = null;
    let customers = 0;
    let entries = 0;
    for (;;) {
      const contactIds = await repo.contactsWithContracts(tx, after, REBUILD_BATCH);
      if (contactIds.length === 0) break;
      const batch = await entriesOf(tx, contactIds);
      await repo.insertEntries(tx, batch);
      customers += contactIds.length;
      entries += batch.length;
      after = contactIds[contactIds.length - 1]!;
    }
    await repo.replaceMonthlyFromEntries(tx);
    return { customers, entries };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

export interface MrrReportQuery {
  /** First day covered (its period is the first); default: 11 periods of a month before `to`'s month. */
  from?: string;
  /** Last day covered (its period is the last); default: today on the organisation's clock. */
  to?: string;
  interval?: ReportInterval;
  /** Only this currency; default: every currency, the organisation's first. */
  currency?: string;
}

export interface MrrReport {
  from: string;
  to: string;
  interval: ReportInterval;
  data: MrrReportRow[];
}

/**
 * MRR at each period end with the period's movements, per currency (DOMAIN.md §8). Reads the monthly sums,
 * so its cost does not grow with the number of contracts.
 */
export async function mrr(ctx: Ctx, query: MrrReportQuery = {}): Promise<MrrReport> {
  const { organization, today } = await reportContext(ctx);
  const errors = new FieldErrors();
  const interval = query.interval ?? 'month';
  if (!REPORT_INTERVALS.includes(interval))
    errors.add('query.interval', 'value_not_allowed', `must be one of ${REPORT_INTERVALS.join(', ')}`);
  checkCurrency(query.currency, errors);
  const range = resolveRange(query, today, 12, errors);
  errors.throwIfAny();
  const { from, to } = range!;
  const periods = reportPeriods(from, to, interval);
  const monthly = await repo.monthlyUpTo(ctx, firstOfMonth(periods[periods.length - 1]!.end), query.currency);
  const data = mrrReport(monthly, periods, query.currency ?? organization.currency);
  return { from, to, interval, data };
}

export const MRR_REPORT_COLUMNS = [
  'currency',
  'period',
  'periodStart',
  'periodEnd',
  'startingMrr',
  'mrr',
  'arr',
  'startingCustomers',
  'customers',
  'new',
  'expansion',
  'contraction',
  'churn',
  'reactivation',
  'netChange',
  'newCustomers',
  'reactivatedCustomers',
  'churnedCustomers',
  'growthRate',
  'grossChurnRate',
  'netChurnRate',
  'retentionRate',
] as const satisfies readonly (keyof MrrReportRow)[];

export function mrrCsv(report: MrrReport): string {
  return toCsv(MRR_REPORT_COLUMNS, report.data);
}

export interface MrrMovementsQuery extends PageQuery {
  from?: string;
  to?: string;
  contactId?: string;
  contractId?: string;
  currency?: string;
  /** Only entries that close a group with this movement (e.g. every churn). */
  movement?: MrrMovement;
}

/** A metric entry as the API shows it: the entry and its rates (DOMAIN.md §8). */
export interface MrrMovementEntry extends MrrEntry {
  growthRate: string | null;
  grossChurnRate: string | null;
  netChurnRate: string | null;
  retentionRate: string | null;
}

function withRates(entry: MrrEntry): MrrMovementEntry {
  const rates = entryRates(entry);
  return {
    ...entry,
    growthRate: rates.growth,
    grossChurnRate: rates.grossChurnRate,
    netChurnRate: rates.netChurnRate,
    retentionRate: rates.retention,
  };
}

/** The filters' own checks; a contact or contract of another organisation is not found (404). */
async function checkMovementsQuery(ctx: Ctx, query: MrrMovementsQuery): Promise<void> {
  const errors = new FieldErrors();
  checkCurrency(query.currency, errors);
  if (query.movement !== undefined && !MRR_MOVEMENTS.includes(query.movement))
    errors.add('query.movement', 'value_not_allowed', `must be one of ${MRR_MOVEMENTS.join(', ')}`);
  // both bounds are optional here: the list covers all time unless narrowed
  checkDates(query, errors);
  errors.throwIfAny();
  if (query.contactId && !(await scoped(ctx, 'contacts').where('id', query.contactId).first('id')))
    throw notFound('contact', query.contactId);
  if (query.contractId && !(await scoped(ctx, 'contracts').where('id', query.contractId).first('id')))
    throw notFound('contract', query.contractId);
}

function checkDates(query: { from?: string; to?: string }, errors: FieldErrors): void {
  const fromOk = query.from === undefined || isDate(query.from);
  const toOk = query.to === undefined || isDate(query.to);
  if (!fromOk) errors.add('query.from', 'date_invalid', 'must be a calendar date YYYY-MM-DD');
  if (!toOk) errors.add('query.to', 'date_invalid', 'must be a calendar date YYYY-MM-DD');
  if (fromOk && toOk && query.from && query.to && compareDates(query.from, query.to) > 0)
    errors.add('query.from', 'range_invalid', 'must not be after to');
}

/** The metric entries (GET /v1/reports/mrr/movements): oldest first, filterable, paged by id. */
export async function movements(ctx: Ctx, query: MrrMovementsQuery = {}): Promise<Page<MrrMovementEntry>> {
  await checkMovementsQuery(ctx, query);
  const rows = await repo.listEntries(ctx, query);
  return toPage(rows, query, (row) => withRates(repo.toEntry(row)));
}

export const MRR_MOVEMENT_COLUMNS = [
  'id',
  'date',
  'currency',
  'contactId',
  'contractId',
  'previous',
  'change',
  'actual',
  'initial',
  'expansion',
  'churn',
  'smoothChange',
  'movement',
  'movementAmount',
  'customerMrr',
  'growthRate',
  'grossChurnRate',
  'netChurnRate',
  'retentionRate',
] as const satisfies readonly (keyof MrrMovementEntry)[];

/** Every entry matching the filters as CSV, streamed (no page limit). */
export async function* movementsCsv(
  ctx: Ctx,
  query: Omit<MrrMovementsQuery, 'limit' | 'startingAfter'> = {},
): AsyncGenerator<string> {
  await checkMovementsQuery(ctx, query);
  yield csvLine(MRR_MOVEMENT_COLUMNS);
  for await (const batch of repo.allEntries(ctx, query)) {
    let chunk = '';
    for (const entry of batch) {
      const row = withRates(entry);
      chunk += csvLine(MRR_MOVEMENT_COLUMNS.map((c) => row[c] as Cell));
    }
    yield chunk;
  }
}

/**
 * Queues a rebuild of the organisation's MRR (the `reports_mrr_rebuild` job runs `rebuild`). A request while
 * one is still queued replaces it (job key), so asking twice rebuilds once.
 */
export async function requestRebuild(ctx: Ctx): Promise<{ status: 'queued' }> {
  await jobs.enqueue(
    ctx,
    'reports_mrr_rebuild',
    { organizationId: ctx.organizationId },
    { jobKey: `reports_mrr_rebuild:${ctx.organizationId}` },
  );
  return { status: 'queued' };
}
