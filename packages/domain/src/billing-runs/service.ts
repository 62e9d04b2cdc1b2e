import type { Db } from '@fakturo/db';
import * as audit from '../audit/service';
import { addDays, compareDates, isDate } from '../billing/dates';
import { type Clock, calendarDate } from '../clock';
import * as contactRepo from '../contacts/repo';
import { type Ctx, inTransaction, systemContext } from '../context';
import * as contractRepo from '../contracts/repo';
import { scheduleOf } from '../contracts/rules';
import { determineTax } from '../documents/tax';
import { computeTotals } from '../documents/totals';
import type { DocumentLanguage, DocumentLine, DocumentTotals } from '../documents/types';
import { DomainError, FieldErrors, notFound } from '../errors';
import type { EventRow } from '../events/service';
import * as events from '../events/service';
import { newId } from '../ids';
import * as jobs from '../jobs';
import * as organizations from '../organizations/service';
import type { Organization, PostalAddress } from '../organizations/types';
import { type Page, toPage } from '../pagination';
import * as payments from '../payments/service';
import { queueAutomatic } from '../sending/queue';
import { scheduleFanOut } from '../webhooks/outbox';
import {
  type BillableContract,
  ComposeCache,
  type ComposedLine,
  type ContractDue,
  composeContract,
  contractError,
  groupInvoices,
  type InvoicePlan,
  servicePeriodOf,
  type TaxOf,
} from './compose';
import { type FinalizedParts, finalizeBatchInvoices } from './finalize';
import * as repo from './repo';
import type {
  BillingRun,
  BillingRunError,
  BillingRunInput,
  BillingRunListQuery,
  BillingRunMode,
  BillingRunPreview,
  PreviewInvoice,
} from './types';
import { BILLING_RUN_MODES } from './types';

/** Contracts per batch job: one transaction each; a contact's contracts are never split (collective invoices). */
export const BATCH_SIZE = 500;
/** Invoices a dry run lists; the totals cover all of them. */
export const PREVIEW_LIMIT = 500;
/** A batch that failed this often is given up: its contracts are reported failed and the run completes. */
export const BATCH_MAX_ATTEMPTS = 5;
const MAX_FILTER_IDS = 1000;

export async function get(ctx: Ctx, id: string): Promise<BillingRun> {
  const row = await repo.findRun(ctx, id);
  if (!row) throw notFound('billing_run', id);
  return repo.toRun(row);
}

export async function list(ctx: Ctx, query: BillingRunListQuery): Promise<Page<BillingRun>> {
  return toPage(await repo.listRuns(ctx, query), query, repo.toRun);
}

/**
 * Starts a billing run (DOMAIN.md §7) for every period due on or before `asOf` (default: the organisation's
 * today). With `dryRun` it answers what the run would bill and writes nothing. Otherwise it writes the run
 * and, in the same transaction, the job that plans it; the worker does the rest and the run's counters show
 * the progress.
 */
export async function start(ctx: Ctx, input: BillingRunInput): Promise<BillingRun | BillingRunPreview> {
  const org = await organizations.get(ctx);
  const today = calendarDate(ctx.clock.now(), org.timezone);
  const errors = new FieldErrors();
  const asOf = input.asOf ?? today;
  if (!isDate(asOf)) errors.add('asOf', 'date_invalid', 'must be a calendar date YYYY-MM-DD');
  else if (compareDates(asOf, today) > 0) {
    errors.add('asOf', 'as_of_in_future', `bills can be run up to today (${today}), not for a later day`);
  }
  const mode: BillingRunMode = input.mode ?? 'draft';
  if (!BILLING_RUN_MODES.includes(mode))
    errors.add('mode', 'mode_invalid', `must be one of ${BILLING_RUN_MODES.join(', ')}`);
  const contactIds = input.contactIds ? [...new Set(input.contactIds)] : null;
  const contractIds = input.contractIds ? [...new Set(input.contractIds)] : null;
  for (const [path, ids, table, code] of [
    ['contactIds', contactIds, 'contacts', 'contact_not_found'],
    ['contractIds', contractIds, 'contracts', 'contract_not_found'],
  ] as const) {
    if (!ids) continue;
    if (ids.length === 0 || ids.length > MAX_FILTER_IDS) {
      errors.add(path, 'filter_invalid', `give 1 to ${MAX_FILTER_IDS} ids, or leave the filter out`);
      continue;
    }
    const found = new Set<string>(
      await ctx.db(table).where('organization_id', ctx.organizationId).whereIn('id', ids).pluck('id'),
    );
    (input[path] ?? []).forEach((id, i) => {
      if (!found.has(id)) errors.add(`${path}.${i}`, code, `no ${table.slice(0, -1)} '${id}'`);
    });
  }
  errors.throwIfAny();
  organizations.requireAddress(
    org,
    'Invoices need the seller’s address (and VAT follows its country): set the organisation’s address first.',
  );
  const filters = { ...(contactIds ? { contactIds } : {}), ...(contractIds ? { contractIds } : {}) };
  if (input.dryRun) return preview(ctx, org, asOf, mode, filters);
  return inTransaction(ctx, async (tx) => {
    const row = await insertRun(tx, { asOf, mode, trigger: 'api', filters });
    return repo.toRun(row!);
  });
}

async function insertRun(
  tx: Ctx,
  run: { asOf: string; mode: BillingRunMode; trigger: 'api' | 'schedule'; filters: object },
): Promise<repo.BillingRunRow | undefined> {
  const now = tx.clock.now();
  const insert = tx.db('billing_runs').insert({
    id: newId('billingRun'),
    organization_id: tx.organizationId,
    as_of: run.asOf,
    mode: run.mode,
    trigger: run.trigger,
    filters: JSON.stringify(run.filters),
    created_at: now,
    updated_at: now,
  });
  // one scheduled run per organisation and day: a second scheduler (or a test clock moving) adds nothing
  if (run.trigger === 'schedule')
    insert.onConflict(tx.db.raw("(organization_id, as_of) WHERE trigger = 'schedule'")).ignore();
  const [row] = (await insert.returning('*')) as repo.BillingRunRow[];
  if (!row) return undefined;
  await jobs.enqueue(
    tx,
    'billing_run_plan',
    { organizationId: tx.organizationId, runId: row.id },
    { jobKey: `billing_run_plan:${row.id}` },
  );
  return row;
}

/**
 * Cancels a run: batches not yet started do nothing, batches in flight finish (each is one transaction,
 * so nothing is half-billed). The run is `cancelling` until the last batch reported, then `cancelled`.
 */
export async function cancel(ctx: Ctx, id: string): Promise<BillingRun> {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.findRun(tx, id, { lock: true });
    if (!row) throw notFound('billing_run', id);
    if (row.status !== 'pending' && row.status !== 'running') {
      throw new DomainError(
        'conflict',
        'billing_run_not_running',
        `The billing run is ${row.status}; only a pending or running run can be cancelled.`,
      );
    }
    const now = tx.clock.now();
    const done = row.status === 'pending'; // not planned yet: nothing runs, so it is cancelled at once
    const [updated] = await tx
      .db('billing_runs')
      .where({ organization_id: tx.organizationId, id })
      .update({
        cancel_requested: true,
        status: done ? 'cancelled' : 'cancelling',
        completed_at: done ? now : null,
        updated_at: now,
      })
      .returning('*');
    const run = repo.toRun(updated);
    if (done) await events.emit(tx, 'billing_run.cancelled', { ...run });
    return run;
  });
}

/** Splits contracts ordered by contact into batches of about `size`, never splitting one contact's contracts. */
export function splitBatches(
  rows: readonly { id: string; contact_id: string }[],
  size = BATCH_SIZE,
): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    current.push(rows[i]!.id);
    const next = rows[i + 1];
    if (current.length >= size && (!next || next.contact_id !== rows[i]!.contact_id)) {
      batches.push(current);
      current = [];
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Worker step 1 (`billing_run_plan`): finds the contracts that may be due, records them as batches and adds
 * one `billing_run_batch` job per batch (job key per run and batch), all in one transaction.
 */
export async function plan(ctx: Ctx, runId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findRun(tx, runId, { lock: true });
    if (row?.status !== 'pending') return; // planned already (a re-run job), or cancelled
    const now = tx.clock.now();
    const org = await organizations.get(tx);
    if (!org.address) {
      const [failed] = await tx
        .db('billing_runs')
        .where({ organization_id: tx.organizationId, id: runId })
        .update({
          status: 'failed',
          failure: JSON.stringify({
            code: 'organization_address_missing',
            message: 'The organisation has no address.',
          }),
          completed_at: now,
          updated_at: now,
        })
        .returning('*');
      await events.emit(tx, 'billing_run.failed', { ...repo.toRun(failed) });
      return;
    }
    const contracts = await repo.candidates(tx, row.as_of, row.filters);
    const batches = splitBatches(contracts);
    await repo.insertRows(
      tx,
      'billing_run_batches',
      ['organization_id', 'billing_run_id', 'batch', 'contract_ids'],
      batches.map((ids, batch) => ({
        organization_id: tx.organizationId,
        billing_run_id: runId,
        batch,
        contract_ids: ids,
      })),
    );
    const empty = batches.length === 0;
    const [started] = await tx
      .db('billing_runs')
      .where({ organization_id: tx.organizationId, id: runId })
      .update({
        status: empty ? 'completed' : 'running',
        total: contracts.length,
        batches_total: batches.length,
        started_at: now,
        completed_at: empty ? now : null,
        updated_at: now,
      })
      .returning('*');
    await events.emit(tx, 'billing_run.started', { ...repo.toRun(started) });
    if (empty) await events.emit(tx, 'billing_run.completed', { ...repo.toRun(started) });
    await jobs.enqueueMany(
      tx,
      batches.map((_, batch) => ({
        task: 'billing_run_batch' as const,
        payload: { organizationId: tx.organizationId, runId, batch },
        jobKey: `billing_run_batch:${runId}:${batch}`,
        maxAttempts: BATCH_MAX_ATTEMPTS,
      })),
    );
  });
}

/** Test seams of a batch: called inside its transaction, so a throw rolls the whole batch back. */
export interface BatchHooks {
  /** After the batch loaded and composed what is due, before it claims the period keys. */
  beforeClaim?: (where: { runId: string; batch: number }) => void | Promise<void>;
  /** After the period keys were claimed: how many periods were due and how many this batch won. */
  claimed?: (outcome: { runId: string; batch: number; due: number; won: number }) => void;
  /** After the invoices, lines, keys and events are written, before the run's counters (a crash mid-batch). */
  afterWrites?: (where: { runId: string; batch: number }) => void | Promise<void>;
}

export type BatchOutcome = 'completed' | 'skipped' | 'already_done';

/**
 * Worker step 2 (`billing_run_batch`): bills one batch in ONE transaction — invoices, lines, the billed
 * period keys, numbers (finalize modes), outbox events, contract bookkeeping and the run's counters. A
 * failure anywhere rolls all of it back and the job is retried; the period keys make the retry (or a
 * concurrent run) bill nothing twice, and the batch row makes a re-run after commit a no-op.
 */
export async function runBatch(
  ctx: Ctx,
  runId: string,
  batch: number,
  hooks: BatchHooks = {},
): Promise<BatchOutcome> {
  return inTransaction(ctx, async (tx) => {
    const contractIds = await repo.claimBatch(tx, runId, batch);
    if (!contractIds) return 'already_done';
    const run = (await repo.findRun(tx, runId))!;
    const now = tx.clock.now();
    if (run.cancel_requested) {
      const row = await repo.addBatchResult(
        tx,
        runId,
        batch,
        'skipped',
        { processed: 0, failed: 0, invoices: 0, errors: [] },
        now,
      );
      await finishIfLast(tx, row);
      return 'skipped';
    }
    const org = await organizations.get(tx);
    let written: Written;
    let prepared: Prepared;
    if (!org.address) {
      const failures = contractIds.map((contractId) => ({
        contractId,
        code: 'organization_address_missing',
        message: 'The organisation has no address.',
      }));
      prepared = {
        billables: new Map(),
        dues: [],
        errors: failures,
        contacts: new Map(),
        versions: new Map(),
        ended: [],
      };
      written = { invoices: 0 };
    } else {
      prepared = await prepare(tx, org, contractIds, run.as_of);
      await hooks.beforeClaim?.({ runId, batch });
      written = await writeInvoices(tx, org, run, prepared, now, (due, won) =>
        hooks.claimed?.({ runId, batch, due, won }),
      );
    }
    const ended = await repo.markEnded(tx, prepared.ended, now);
    if (ended.length > 0) {
      const contracts = await contractRepo.loadMany(tx, ended);
      await events.emitMany(
        tx,
        'contract.ended',
        contracts.map((c) => ({ ...c })),
      );
    }
    await hooks.afterWrites?.({ runId, batch });
    const row = await repo.addBatchResult(
      tx,
      runId,
      batch,
      'completed',
      {
        processed: prepared.dues.length,
        failed: prepared.errors.length,
        invoices: written.invoices,
        errors: prepared.errors,
      },
      now,
    );
    await finishIfLast(tx, row);
    return 'completed';
  });
}

/**
 * A batch that failed on its last attempt: its contracts are reported failed (one error naming the batch),
 * so the run still completes and says what is missing. Nothing of the batch was written.
 */
export async function failBatch(ctx: Ctx, runId: string, batch: number, error: unknown): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const contractIds = await repo.claimBatch(tx, runId, batch);
    if (!contractIds) return;
    const message = error instanceof Error ? error.message : String(error);
    const row = await repo.addBatchResult(
      tx,
      runId,
      batch,
      'failed',
      {
        processed: 0,
        failed: contractIds.length,
        invoices: 0,
        errors: [
          {
            contractId: null,
            code: 'batch_failed',
            message: `batch ${batch} (${contractIds.length} contracts) failed: ${message}`,
          },
        ],
      },
      tx.clock.now(),
    );
    await finishIfLast(tx, row);
  });
}

async function finishIfLast(tx: Ctx, row: repo.BillingRunRow): Promise<void> {
  if (row.batches_done < row.batches_total) return;
  const now = tx.clock.now();
  const status = row.cancel_requested ? 'cancelled' : 'completed';
  const [done] = await tx
    .db('billing_runs')
    .where({ organization_id: tx.organizationId, id: row.id })
    .update({ status, completed_at: now, updated_at: now })
    .returning('*');
  await events.emit(tx, `billing_run.${status}`, { ...repo.toRun(done) });
}

/** A batch's contracts, loaded and composed: what is due per contract, and the contracts that failed. */
interface Prepared {
  billables: Map<string, BillableContract>;
  dues: ContractDue[];
  errors: BillingRunError[];
  contacts: Map<string, repo.BillingContactRow>;
  /** The version each contract was read at (the planner's hint is valid for it). */
  versions: Map<string, number>;
  /** Contracts whose end date has passed with nothing left to bill. */
  ended: { id: string; version: number }[];
}

export function documentLanguage(tag: string): DocumentLanguage {
  return tag.slice(0, 2) === 'de' ? 'de' : 'en';
}

/** VAT for one contact (documents/tax.determineTax with seller and buyer fixed), memoised per kind and day. */
function taxFor(org: Organization, contact: repo.BillingContactRow): TaxOf {
  const buyerCountry = contact.billing_address?.country;
  const memo = new Map<string, { category: DocumentLine['taxCategory']; rate: string }>();
  return (rateKind, supplyKind, supplyDate) => {
    if (!buyerCountry) {
      throw new DomainError(
        'unprocessable',
        'contact_address_missing',
        `Contact ${contact.id} has no billing address, so VAT cannot be determined.`,
      );
    }
    const key = `${rateKind}|${supplyKind}|${supplyDate}`;
    let tax = memo.get(key);
    if (!tax) {
      const result = determineTax({
        sellerCountry: org.address!.country,
        sellerSmallBusiness: org.smallBusiness,
        buyerCountry,
        // contacts keep only VAT ids that passed format and check digit (contacts/rules.checkContact)
        buyerVatIdValid: contact.vat_id !== null,
        buyerIsBusiness: contact.kind === 'company' || contact.vat_id !== null,
        supplyKind,
        rateKind,
        supplyDate,
      });
      tax = { category: result.category, rate: result.rate };
      memo.set(key, tax);
    }
    return tax;
  };
}

async function prepare(
  tx: Ctx,
  org: Organization,
  contractIds: readonly string[],
  asOf: string,
  cache = new ComposeCache(),
): Promise<Prepared> {
  const data = await repo.billingData(tx, contractIds);
  // contracts in id (= creation) order, so invoices and their lines come out in a stable order
  data.contracts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const contacts = new Map(data.contacts.map((c) => [c.id, c]));
  const group = <R extends { contract_id: string }>(rows: R[]) => {
    const map = new Map<string, R[]>();
    for (const row of rows) {
      const list = map.get(row.contract_id);
      if (list) list.push(row);
      else map.set(row.contract_id, [row]);
    }
    return map;
  };
  const items = group(data.items);
  const changes = group(data.priceChanges);
  const pauses = group(data.pauses);
  const charges = group(data.charges);
  const lastBilled = new Map(data.last.map((l) => [l.contract_id, l.start]));
  const taxes = new Map<string, TaxOf>();
  const prepared: Prepared = {
    billables: new Map(),
    dues: [],
    errors: [],
    contacts,
    versions: new Map(),
    ended: [],
  };
  for (const row of data.contracts) {
    const contact = contacts.get(row.contact_id)!;
    const open = charges.get(row.id) ?? [];
    const billable: BillableContract = {
      id: row.id,
      contactId: row.contact_id,
      currency: row.currency,
      schedule: scheduleOf(
        {
          startDate: row.start_date,
          endDate: row.end_date,
          intervalMonths: row.interval_months,
          timing: row.timing,
          billingAnchorDay: row.billing_anchor_day,
        },
        (pauses.get(row.id) ?? []).map((p) => ({ startsOn: p.starts_on, endsOn: p.ends_on })),
      ),
      proration: row.proration,
      collective: row.collective || contact.collective_invoicing,
      autoSend: row.auto_send,
      paymentMethod: row.payment_method,
      endDate: row.end_date,
      items: (items.get(row.id) ?? []).map((item) => ({
        id: item.id,
        articleId: item.article_id,
        name: item.name,
        description: item.description,
        quantity: item.quantity,
        unitCode: item.unit_code,
        priceModel: cache.model(item.price_model),
        priceKey: item.price_model,
        discountPercent: item.discount_percent,
        taxRateKind: item.tax_rate_kind,
        supplyKind: item.supply_kind,
        startsOn: item.starts_on,
        endsOn: item.ends_on,
      })),
      priceChanges: (changes.get(row.id) ?? []).map((c) =>
        c.kind === 'new_price'
          ? {
              kind: 'new_price',
              priceModel: c.price_model!,
              effectiveDate: c.effective_date,
              announcedOn: c.announced_on,
              itemId: c.contract_item_id,
            }
          : {
              kind: 'percent',
              percent: c.percent!,
              effectiveDate: c.effective_date,
              announcedOn: c.announced_on,
              itemId: c.contract_item_id,
            },
      ),
      dueCharges: open
        .filter((c) => c.due_on <= asOf) // YYYY-MM-DD text orders like the dates
        .map((c) => ({
          id: c.id,
          kind: c.kind,
          name: c.name,
          amount: c.amount,
          dueDate: c.due_on,
          period: c.period_start && c.period_end ? { start: c.period_start, end: c.period_end } : null,
          taxRateKind: c.tax_rate_kind,
          supplyKind: c.supply_kind,
        })),
      laterChargeDates: open.filter((c) => c.due_on > asOf).map((c) => c.due_on),
      lastBilledStart: lastBilled.get(row.id) ?? null,
    };
    let taxOf = taxes.get(contact.id);
    if (!taxOf) {
      taxOf = taxFor(org, contact);
      taxes.set(contact.id, taxOf);
    }
    try {
      const due = composeContract(billable, asOf, taxOf, documentLanguage(contact.language), cache);
      prepared.billables.set(row.id, billable);
      prepared.dues.push(due);
      prepared.versions.set(row.id, row.version);
      // ended: its end date has passed and no period or charge is left after this run
      if (row.end_date !== null && row.end_date < asOf && due.nextBillingOn === null) {
        prepared.ended.push({ id: row.id, version: row.version });
      }
    } catch (error) {
      prepared.errors.push(contractError(row.id, error));
    }
  }
  // a failed contract of a collective group fails the group: its invoice must not go out incomplete
  const failed = new Set(prepared.errors.map((e) => e.contractId));
  if (failed.size > 0) {
    const failedCollective = new Set(
      [...failed]
        .map((id) => data.contracts.find((c) => c.id === id)!)
        .filter((c) => c.collective || contacts.get(c.contact_id)!.collective_invoicing)
        .map((c) => `${c.contact_id}\u0000${c.currency}`),
    );
    prepared.dues = prepared.dues.filter((due) => {
      const c = prepared.billables.get(due.contractId)!;
      if (!c.collective || !failedCollective.has(`${c.contactId}\u0000${c.currency}`)) return true;
      prepared.errors.push({
        contractId: c.id,
        code: 'collective_invoice_incomplete',
        message: 'another contract on the same collective invoice failed; none of them was billed',
      });
      prepared.billables.delete(c.id);
      prepared.ended = prepared.ended.filter((u) => u.id !== c.id);
      return false;
    });
  }
  return prepared;
}

const periodKey = (contractId: string, start: string) => `${contractId}\u0000${start}`;

interface Written {
  invoices: number;
}

/**
 * Claims the periods and charges, then writes the invoices this transaction won: documents, lines (one
 * multi-row statement each), numbers and snapshots when finalizing, `invoice.created` (and
 * `invoice.finalized`) events. Returns how many invoices it wrote.
 */
async function writeInvoices(
  tx: Ctx,
  org: Organization,
  run: repo.BillingRunRow,
  prepared: Prepared,
  now: Date,
  claimed?: (due: number, won: number) => void,
): Promise<Written> {
  const plans = groupInvoices(prepared.dues, prepared.billables);
  // invoice ids first: each billed period and charge records the invoice that bills it
  const ids = plans.map(() => newId('document'));
  const periodDocument = new Map<string, string>();
  const chargeClaims: { id: string; document_id: string }[] = [];
  plans.forEach((plan, i) => {
    for (const p of plan.periods) periodDocument.set(periodKey(p.contractId, p.start), ids[i]!);
    for (const chargeId of plan.chargeIds) chargeClaims.push({ id: chargeId, document_id: ids[i]! });
  });
  const periodClaims = prepared.dues.flatMap((due) => {
    // the planner's hint: nothing is due before this day while the contract stays at this version; a
    // contract with nothing left is looked at once more the day after its end, to be marked ended
    const billable = prepared.billables.get(due.contractId)!;
    const nextDue = due.nextBillingOn ?? addDays(billable.endDate ?? run.as_of, 1);
    return due.periods.map((p) => ({
      contract_id: due.contractId,
      period_start: p.start,
      period_end: p.end,
      document_id: periodDocument.get(periodKey(due.contractId, p.start)) ?? null,
      next_due_on: nextDue,
      contract_version: prepared.versions.get(due.contractId)!,
    }));
  });
  const wonPeriods = await repo.claimPeriods(tx, periodClaims, run.id, now);
  const wonCharges = await repo.claimCharges(tx, chargeClaims, run.id, now);
  claimed?.(periodClaims.length, wonPeriods.size);

  // keep what this transaction won; a period another run holds is that run's to bill
  const invoices = plans
    .map((plan, i) => ({
      id: ids[i]!,
      plan,
      lines: plan.lines.filter((l) =>
        l.chargeId ? wonCharges.has(l.chargeId) : wonPeriods.has(periodKey(l.contractId, l.period!.start)),
      ),
    }))
    .filter((invoice) => invoice.lines.length > 0);
  if (invoices.length === 0) return { invoices: 0 };

  const finalize = run.mode !== 'draft';
  // per invoice: language, due date and the payment method (the contract's, or on a collective invoice of
  // several contracts the contact's preference)
  const facts = invoices.map((invoice) => {
    const contact = prepared.contacts.get(invoice.plan.contactId)!;
    const only =
      invoice.plan.contractIds.length === 1
        ? prepared.billables.get(invoice.plan.contractIds[0]!)
        : undefined;
    return {
      contact,
      language: documentLanguage(contact.language),
      dueDate: addDays(run.as_of, contact.payment_terms_days ?? org.paymentTermsDays),
      method: only?.paymentMethod ?? null,
    };
  });
  let finalized: FinalizedParts[] = [];
  if (finalize) {
    const full = new Map(
      (await contactRepo.findByIds(tx, [...new Set(invoices.map((i) => i.plan.contactId))])).map((c) => [
        c.id,
        c,
      ]),
    );
    finalized = await finalizeBatchInvoices(
      tx,
      org as Organization & { address: PostalAddress },
      run.as_of,
      facts.map((f) => ({
        contact: full.get(f.contact.id)!,
        language: f.language,
        dueDate: f.dueDate,
        method: f.method,
      })),
    );
  }

  const totalsCache = new Map<string, DocumentTotals>();
  const documents: repo.InvoiceTuple[] = [];
  const lines: repo.LineTuple[] = [];
  const eventRows: EventRow[] = [];
  const auditEntries: audit.AuditRecordInput[] = [];
  for (const [i, invoice] of invoices.entries()) {
    const { language, dueDate } = facts[i]!;
    const parts = finalized[i];
    const totals = totalsOf(invoice.lines, org.address!.country, language, totalsCache);
    const period = servicePeriodOf(invoice.lines);
    documents.push([
      invoice.id,
      invoice.plan.contactId,
      parts?.number ?? null,
      dueDate,
      // DOMAIN.md §7: finalized invoices with a send date are e-mailed when it arrives; a finalize_and_send
      // run sends all of its invoices, now
      parts && (invoice.plan.autoSend || run.mode === 'finalize_and_send') ? run.as_of : null,
      invoice.plan.currency,
      language,
      period?.start ?? null,
      period?.end ?? null,
      totals.lineNetTotal,
      totals.taxBasisTotal,
      totals.taxTotal,
      totals.grossTotal,
      totals.amountDue,
      totals.taxBreakdown,
      invoice.plan.collective,
      parts?.seller ?? null,
      parts?.buyer ?? null,
      parts?.paymentTerms ?? null,
      parts?.paymentMeans ?? null,
    ]);
    invoice.lines.forEach((line, position) => {
      lines.push([
        newId('documentLine'),
        invoice.id,
        position + 1,
        line.articleId,
        line.contractId,
        line.contractItemId,
        line.name,
        line.description,
        line.quantity,
        line.unitCode,
        line.unitAmount,
        line.discountPercent,
        line.netAmount,
        line.taxCategory,
        line.taxRate,
        line.period?.start ?? null,
        line.period?.end ?? null,
      ]);
    });
    eventRows.push(eventRow(tx, 'invoice.created', invoice.id, now));
    if (finalize) eventRows.push(eventRow(tx, 'invoice.finalized', invoice.id, now));
    // GoBD audit trail: what the run issued, in brief (the document itself is immutable and readable)
    auditEntries.push({
      action: finalize ? 'invoice.finalized' : 'invoice.created',
      resourceType: 'invoice',
      resourceId: invoice.id,
      after: {
        billingRunId: run.id,
        status: finalize ? 'finalized' : 'draft',
        number: parts?.number ?? null,
        contactId: invoice.plan.contactId,
        currency: invoice.plan.currency,
        grossTotal: totals.grossTotal,
        issueDate: run.as_of,
      },
    });
  }
  await repo.insertInvoices(
    tx,
    { runId: run.id, issueDate: run.as_of, finalizedAt: finalize ? now : null, now },
    documents,
  );
  await repo.insertLines(tx, lines);
  if (finalize) {
    // finalized only now: the GoBD trigger accepts lines of drafts only
    await tx.db.raw(
      `UPDATE documents SET status = 'finalized' WHERE organization_id = ? AND id = ANY(?::text[])`,
      [tx.organizationId, invoices.map((i) => i.id)],
    );
    // as after a single finalize the worker renders and stores each invoice's PDF and e-invoices, here in batch
    // jobs of jobs.RENDER_BATCH_SIZE invoices (one load, one store and one commit per batch; a failing invoice
    // is retried alone)
    await jobs.enqueueMany(
      tx,
      jobs.renderJobs(
        tx.organizationId,
        invoices.map((i) => i.id),
      ),
    );
  }
  await repo.insertInvoiceEvents(
    tx,
    eventRows.map((e) => ({ id: e.id, type: e.type, document_id: e.resource_id })),
    tx.requestId ?? null,
    now,
  );
  // the same transactional outbox as events.emit: the events reach webhooks exactly when the batch commits
  await scheduleFanOut(tx, eventRows);
  // finalize_and_send: each invoice's send and its job commit with the batch (the send renders the PDF
  // itself if the render job has not stored it yet)
  if (run.mode === 'finalize_and_send') {
    await queueAutomatic(
      tx,
      invoices.map((i) => i.id),
      'billing_run',
    );
  }
  if (finalize)
    await spendCreditBalances(
      tx,
      invoices.map((i) => ({ ...i.plan, id: i.id })),
    );
  await audit.recordMany(tx, auditEntries);
  return { invoices: invoices.length };
}

/**
 * DOMAIN.md §9: a contact's credit balance pays its new invoice, as after a single finalize. One query finds
 * the batch's contacts with a balance (most have none); their invoices are paid from it in order until it is
 * spent.
 */
async function spendCreditBalances(
  tx: Ctx,
  invoices: readonly { id: string; contactId: string; currency: string }[],
): Promise<void> {
  const rows: { contact_id: string; currency: string }[] = await tx
    .db('customer_balances')
    .where('organization_id', tx.organizationId)
    .whereIn('contact_id', [...new Set(invoices.map((i) => i.contactId))])
    .where('balance', '>', 0)
    .select('contact_id', 'currency');
  const funded = new Set(rows.map((r) => `${r.contact_id}:${r.currency}`));
  for (const invoice of invoices) {
    if (!funded.has(`${invoice.contactId}:${invoice.currency}`)) continue;
    try {
      await payments.applyCreditBalance(tx, invoice.id);
    } catch (error) {
      // an earlier invoice of the batch spent the balance, or this one owes nothing (a zero-amount period)
      if (error instanceof DomainError && ['credit_balance_empty', 'invoice_not_open'].includes(error.code)) {
        funded.delete(`${invoice.contactId}:${invoice.currency}`);
        continue;
      }
      throw error;
    }
  }
}

/**
 * Document totals (documents/totals.computeTotals) of an invoice's lines; invoices with the same nets,
 * categories and rates have the same totals, so a batch computes each distinct set once.
 */
function totalsOf(
  lines: readonly ComposedLine[],
  sellerCountry: string,
  language: DocumentLanguage,
  cache: Map<string, DocumentTotals>,
): DocumentTotals {
  let key = `${sellerCountry}|${language}`;
  for (const l of lines) key += `|${l.netAmount}:${l.taxCategory}:${l.taxRate}`;
  let totals = cache.get(key);
  if (!totals) {
    totals = computeTotals(lines.map(toDocumentLine), [], { sellerCountry, language });
    cache.set(key, totals);
  }
  return totals;
}

function toDocumentLine(line: ComposedLine, index: number): DocumentLine {
  const position = index + 1;
  return {
    position,
    name: line.name,
    description: line.description,
    quantity: line.quantity,
    unitCode: line.unitCode,
    unitAmount: line.unitAmount,
    discountPercent: line.discountPercent,
    netAmount: line.netAmount,
    taxCategory: line.taxCategory,
    taxRate: line.taxRate,
    period: line.period,
  };
}

/** The outbox row of an invoice event; its `data` is built in SQL from the stored invoice (repo.insertInvoiceEvents). */
function eventRow(tx: Ctx, type: string, documentId: string, now: Date): EventRow {
  return {
    id: newId('event'),
    organization_id: tx.organizationId,
    type,
    resource_type: 'invoice',
    resource_id: documentId,
    data: { object: null },
    request_id: tx.requestId ?? null,
    created_at: now,
  };
}

/**
 * The invoice in `invoice.created` events. A compact form of the document (head, totals, lines with their
 * contract and period); the documents API owns the full invoice resource and may replace this builder.
 */
export function invoiceObject(
  doc: Record<string, unknown>,
  lines: Record<string, unknown>[],
  status: 'draft' | 'finalized',
): { id: string } & Record<string, unknown> {
  return {
    id: doc.id as string,
    object: 'invoice',
    type: 'invoice',
    status,
    number: doc.number,
    contactId: doc.contact_id,
    billingRunId: doc.billing_run_id,
    collective: doc.collective,
    currency: doc.currency,
    language: doc.language,
    issueDate: doc.issue_date,
    dueDate: doc.due_date,
    sendDate: doc.send_date,
    servicePeriod: doc.service_period_start
      ? { start: doc.service_period_start, end: doc.service_period_end }
      : null,
    lineNetTotal: doc.line_net_total,
    taxTotal: doc.tax_total,
    grossTotal: doc.gross_total,
    amountDue: doc.amount_due,
    taxBreakdown: doc.tax_breakdown,
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      name: l.name,
      quantity: l.quantity,
      unitCode: l.unit_code,
      unitAmount: l.unit_amount,
      discountPercent: l.discount_percent,
      netAmount: l.net_amount,
      taxCategory: l.tax_category,
      taxRate: l.tax_rate,
      contractId: l.contract_id,
      contractItemId: l.contract_item_id,
      period: l.period_start ? { start: l.period_start, end: l.period_end } : null,
    })),
    createdAt: (doc.created_at as Date).toISOString(),
  };
}

/** A dry run: the same loading and composing as a batch, for all candidates, without any write. */
async function preview(
  ctx: Ctx,
  org: Organization,
  asOf: string,
  mode: BillingRunMode,
  filters: { contactIds?: string[]; contractIds?: string[] },
): Promise<BillingRunPreview> {
  const contracts = await repo.candidates(ctx, asOf, filters);
  const result: BillingRunPreview = {
    dryRun: true,
    asOf,
    mode,
    contracts: contracts.length,
    invoiceCount: 0,
    invoices: [],
    truncated: false,
    totals: [],
    errors: [],
  };
  const totals = new Map<string, BillingRunPreview['totals'][number]>();
  const composeCache = new ComposeCache();
  const totalsCache = new Map<string, DocumentTotals>();
  for (const ids of splitBatches(contracts)) {
    const prepared = await prepare(ctx, org, ids, asOf, composeCache);
    result.errors.push(...prepared.errors);
    for (const plan of groupInvoices(prepared.dues, prepared.billables)) {
      const invoice = previewInvoice(org, plan, prepared, totalsCache);
      result.invoiceCount += 1;
      const sum = totals.get(plan.currency) ?? {
        currency: plan.currency,
        invoices: 0,
        lineNetTotal: 0,
        taxTotal: 0,
        grossTotal: 0,
      };
      sum.invoices += 1;
      sum.lineNetTotal += invoice.lineNetTotal;
      sum.taxTotal += invoice.taxTotal;
      sum.grossTotal += invoice.grossTotal;
      totals.set(plan.currency, sum);
      if (result.invoices.length < PREVIEW_LIMIT) result.invoices.push(invoice);
      else result.truncated = true;
    }
  }
  result.totals = [...totals.values()];
  return result;
}

function previewInvoice(
  org: Organization,
  plan: InvoicePlan,
  prepared: Prepared,
  cache: Map<string, DocumentTotals>,
): PreviewInvoice {
  const contact = prepared.contacts.get(plan.contactId)!;
  const totals = totalsOf(plan.lines, org.address!.country, documentLanguage(contact.language), cache);
  return {
    contactId: plan.contactId,
    currency: plan.currency,
    collective: plan.collective,
    contractIds: plan.contractIds,
    periods: plan.periods,
    servicePeriod: servicePeriodOf(plan.lines),
    lines: plan.lines.map((l) => ({
      contractId: l.contractId,
      contractItemId: l.contractItemId,
      name: l.name,
      quantity: l.quantity,
      unitCode: l.unitCode,
      unitAmount: l.unitAmount,
      discountPercent: l.discountPercent,
      netAmount: l.netAmount,
      taxCategory: l.taxCategory,
      taxRate: l.taxRate,
      period: l.period,
    })),
    lineNetTotal: totals.lineNetTotal,
    taxTotal: totals.taxTotal,
    grossTotal: totals.grossTotal,
    taxBreakdown: totals.taxBreakdown,
  };
}

/**
 * Starts the scheduled daily run of every organisation (or one) that has contracts, for the date of its
 * own clock — a sandbox's test clock included — unless that day's run exists (one per organisation and
 * day, by a unique index). The runs and their plan jobs are written in one transaction.
 */
export async function startScheduled(
  db: Db | Ctx['db'],
  clock: Clock,
  options: { organizationId?: string; at?: Date } = {},
): Promise<string[]> {
  const work = async (trx: Ctx['db']): Promise<string[]> => {
    const q = trx('organizations as o')
      .select('o.id', 'o.timezone', 'o.clock_time')
      .whereNotNull('o.address')
      .whereExists((sub) =>
        sub.from('contracts as c').whereRaw('c.organization_id = o.id').whereNot('c.status', 'ended'),
      );
    if (options.organizationId) q.where('o.id', options.organizationId);
    const orgs: { id: string; timezone: string; clock_time: Date | null }[] = await q;
    const started: string[] = [];
    for (const org of orgs) {
      const at = options.at ?? org.clock_time ?? clock.now();
      const asOf = calendarDate(at, org.timezone);
      const ctx = systemContext(trx as Db, org.id, { now: () => new Date(at) }, 'scheduler');
      const row = await insertRun(ctx, { asOf, mode: 'draft', trigger: 'schedule', filters: {} });
      if (row) started.push(row.id);
    }
    return started;
  };
  return db.isTransaction ? work(db) : (db as Db).transaction((trx) => work(trx));
}
