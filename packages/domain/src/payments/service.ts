import type { AuditRecordInput } from '../audit/service';
import * as audit from '../audit/service';
import { calendarDate } from '../clock';
import { type Ctx, inTransaction, scoped } from '../context';
import * as documentsRepo from '../documents/repo';
import type { Document } from '../documents/resource';
import { DomainError, FieldErrors, notFound } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import * as organizations from '../organizations/service';
import { type Page, toPage } from '../pagination';
import * as repo from './repo';
import {
  checkPaymentInput,
  checkRefundInput,
  invoiceEvent,
  OPEN_STATUSES,
  oldestFirst,
  openAmount,
  PAYABLE_TYPES,
  spread,
  statusAfter,
} from './rules';
import type {
  ApplyCreditInput,
  BalanceTransaction,
  BalanceTransactionQuery,
  CreditBalance,
  Payment,
  PaymentInput,
  PaymentListQuery,
  RefundInput,
} from './types';

/**
 * Payments (DOMAIN.md §9, docs/payments.md): booking payments onto invoices, the customer credit balance,
 * refunds. Every operation is one transaction. Locks are always taken in one order — invoices (by id), then
 * the contact's balance row, then payment rows — so concurrent payments, refunds and finalizes queue instead
 * of deadlocking, and an invoice can never be allocated more than it owes. Events and audit entries are
 * written in the same transaction, audit last. Later provider integrations (Stripe, Mollie, SEPA, bank
 * statements) book through `record` and `refund`.
 */

/** A new payment's row: the input's own fields, and what booking it decided (status, payer, allocation). */
function paymentRow(
  ctx: Ctx,
  input: PaymentInput,
  booked: {
    status: repo.PaymentRow['status'];
    contactId: string;
    currency: string;
    allocated: number;
    paidAt: Date;
    now: Date;
  },
): repo.PaymentRow {
  return {
    id: newId('payment'),
    organization_id: ctx.organizationId,
    type: 'payment',
    status: booked.status,
    contact_id: booked.contactId,
    currency: booked.currency,
    amount: input.amount,
    amount_allocated: booked.allocated,
    amount_refunded: 0,
    method: input.method,
    provider: input.provider ?? null,
    external_id: input.externalId ?? null,
    reference: input.reference ?? null,
    description: input.description ?? null,
    failure_reason: input.failureReason ?? null,
    refunded_payment_id: null,
    paid_at: booked.paidAt,
    metadata: input.metadata ?? {},
    version: 1,
    created_at: booked.now,
    updated_at: booked.now,
  };
}

// ——— reading ———

async function withAllocations(ctx: Ctx, rows: readonly repo.PaymentRow[]): Promise<Payment[]> {
  const allocations = await repo.allocationsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => repo.toPayment(r, allocations.get(r.id) ?? []));
}

async function load(ctx: Ctx, id: string): Promise<Payment> {
  const row = await repo.findRow(ctx, id);
  if (!row) throw notFound('payment', id);
  return (await withAllocations(ctx, [row]))[0]!;
}

export const get = (ctx: Ctx, id: string): Promise<Payment> => load(ctx, id);

/** The payment a provider reported under its own id (a SEPA end-to-end id, a Stripe session), if booked. */
export async function findByExternalId(
  ctx: Ctx,
  provider: string,
  externalId: string,
): Promise<Payment | undefined> {
  const row = await repo.findByExternalId(ctx, provider, externalId);
  return row && (await withAllocations(ctx, [row]))[0];
}

/** For batched loading (GraphQL): payments in the order of `ids`, undefined where none exists. */
export async function getMany(ctx: Ctx, ids: readonly string[]): Promise<(Payment | undefined)[]> {
  const found = new Map((await withAllocations(ctx, await repo.findRows(ctx, ids))).map((p) => [p.id, p]));
  return ids.map((id) => found.get(id));
}

export async function list(ctx: Ctx, query: PaymentListQuery): Promise<Page<Payment>> {
  const rows: repo.PaymentRow[] = await repo.listQuery(ctx, query);
  const allocations = await repo.allocationsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return toPage(rows, query, (row) => repo.toPayment(row, allocations.get(row.id) ?? []));
}

/** For batched loading (GraphQL `Invoice.payments`): the payments and refunds that moved money on each invoice. */
export async function forInvoices(ctx: Ctx, invoiceIds: readonly string[]): Promise<Payment[][]> {
  if (invoiceIds.length === 0) return [];
  const links: { document_id: string; id: string }[] = await scoped(ctx, 'payment_allocations')
    .whereIn('document_id', [...invoiceIds])
    .distinct('document_id', ctx.db.raw('unnest(array[payment_id, source_payment_id]) AS id'));
  const payments = new Map(
    (await withAllocations(ctx, await repo.findRows(ctx, [...new Set(links.map((l) => l.id))]))).map((p) => [
      p.id,
      p,
    ]),
  );
  return invoiceIds.map((invoiceId) =>
    links
      .filter((l) => l.document_id === invoiceId)
      .map((l) => payments.get(l.id)!)
      .sort((a, b) => b.id.localeCompare(a.id)),
  );
}

async function contactOf(ctx: Ctx, id: string): Promise<{ id: string; currency: string } | undefined> {
  return scoped(ctx, 'contacts').where('id', id).first('id', 'currency');
}

export async function creditBalance(ctx: Ctx, contactId: string): Promise<CreditBalance> {
  if (!(await contactOf(ctx, contactId))) throw notFound('contact', contactId);
  return { contactId, balances: await repo.balancesOf(ctx, contactId) };
}

/** The ledger of a contact's credit balance, newest first. */
export async function balanceTransactions(
  ctx: Ctx,
  contactId: string,
  query: BalanceTransactionQuery,
): Promise<Page<BalanceTransaction>> {
  if (!(await contactOf(ctx, contactId))) throw notFound('contact', contactId);
  const rows = await repo.balanceTransactionsQuery(ctx, contactId, query);
  return toPage(rows, query, repo.toBalanceTransaction);
}

// ——— invoices touched by money ———

/** How one invoice's paid (and credited) amount moves in an operation. */
interface InvoiceMove {
  row: documentsRepo.DocumentRow;
  paid: number;
  credited?: number;
}

interface InvoiceOutcome {
  event: ReturnType<typeof invoiceEvent>;
  document: Document;
  entry: AuditRecordInput;
}

async function today(tx: Ctx): Promise<string> {
  const org = await organizations.get(tx);
  return calendarDate(tx.clock.now(), org.timezone);
}

/** Merges moves of the same invoice (a refund over several payments' allocations, a spread over sources). */
function mergeMoves(moves: readonly InvoiceMove[]): InvoiceMove[] {
  const out = new Map<string, InvoiceMove>();
  for (const m of moves) {
    const seen = out.get(m.row.id);
    if (seen) {
      seen.paid += m.paid;
      seen.credited = (seen.credited ?? 0) + (m.credited ?? 0);
    } else out.set(m.row.id, { ...m });
  }
  return [...out.values()];
}

/**
 * Writes the new paid/credited amounts and the status that follows (rules.statusAfter) on each invoice, and
 * returns the event each announces and its audit entry. `paidAt` marks when an invoice became paid.
 */
async function moveInvoices(tx: Ctx, moves: readonly InvoiceMove[], paidAt: Date): Promise<InvoiceOutcome[]> {
  const merged = mergeMoves(moves).filter((m) => m.paid !== 0 || (m.credited ?? 0) !== 0);
  if (merged.length === 0) return [];
  const day = await today(tx);
  const now = tx.clock.now();
  const lines = await documentsRepo.linesOf(
    tx,
    merged.map((m) => m.row.id),
  );
  const out: InvoiceOutcome[] = [];
  for (const { row, paid, credited = 0 } of merged) {
    const before = documentsRepo.toDocument(row, lines.get(row.id)!);
    const amountPaid = row.amount_paid + paid;
    const amountCredited = row.amount_credited + credited;
    const status = statusAfter(
      {
        amountDue: row.amount_due,
        amountCredited,
        amountPaid,
        sent: row.sent_at !== null,
        dueDate: row.due_date,
      },
      day,
    );
    await repo.updateInvoice(
      tx,
      row,
      {
        amount_paid: amountPaid,
        amount_credited: amountCredited,
        status,
        paid_at: status === 'paid' ? (row.status === 'paid' ? row.paid_at : paidAt) : null,
      },
      now,
    );
    const after = documentsRepo.toDocument(
      (await documentsRepo.findRow(tx, row.id, 'invoice'))!,
      lines.get(row.id)!,
    );
    const event = invoiceEvent(before, after);
    out.push({
      event,
      document: after,
      entry: { action: event, resourceType: 'invoice', resourceId: row.id, before, after },
    });
  }
  return out;
}

async function emitInvoices(tx: Ctx, outcomes: readonly InvoiceOutcome[]): Promise<void> {
  for (const o of outcomes) await events.emit(tx, o.event, { ...o.document });
}

/** What may take a payment: an issued invoice or corrected invoice that is not cancelled. */
function payabilityError(row: documentsRepo.DocumentRow): { code: string; message: string } | null {
  if (!PAYABLE_TYPES.includes(row.type)) {
    return {
      code: 'invoice_not_payable',
      message: `a ${row.type.replace('_', ' ')} takes no payments (book it to the contact's credit balance instead)`,
    };
  }
  if (row.status === 'draft') return { code: 'invoice_not_finalized', message: 'the invoice is a draft' };
  if (row.status === 'cancelled') return { code: 'invoice_cancelled', message: 'the invoice is cancelled' };
  return null;
}

const receivable = (row: documentsRepo.DocumentRow) =>
  openAmount({
    type: row.type,
    status: row.status,
    amountDue: row.amount_due,
    amountCredited: row.amount_credited,
    amountPaid: row.amount_paid,
  });

// ——— recording ———

function externalIdConflict(existing: repo.PaymentRow): DomainError {
  return new DomainError(
    'conflict',
    'external_id_conflict',
    `The provider's id '${existing.external_id}' already books ${existing.type} ${existing.id} of ${existing.amount} ${existing.currency} minor units, which differs from this one.`,
    { details: { paymentId: existing.id } },
  );
}

/**
 * Books a payment (DOMAIN.md §9) and returns it, with `created: false` when the provider and external id
 * were booked before — a repeated callback or re-imported statement books nothing twice, it gets the first
 * payment back (409 `external_id_conflict` when the repeat names another amount or currency). A provider
 * reporting success for an attempt it reported failed before books that payment now.
 *
 * Allocation: `allocations` exactly (each at most the invoice's open amount), or `invoiceId` up to its open
 * amount, or else the contact's open invoices in the currency, oldest due date first. The rest becomes the
 * contact's credit balance. The invoices are locked for the whole transaction, so concurrent payments queue
 * and each sees what the one before left open. Every broken rule is reported at once (422), nothing written.
 * A `failed` payment is kept for the record and books nothing (`payment.failed`).
 */
export async function record(ctx: Ctx, input: PaymentInput): Promise<{ payment: Payment; created: boolean }> {
  const errors = new FieldErrors();
  checkPaymentInput(input, errors);
  const status = input.status ?? 'succeeded';
  return inTransaction(ctx, async (tx) => {
    let retried: repo.PaymentRow | undefined;
    if (input.provider != null && input.externalId != null) {
      const existing = await repo.findByExternalId(tx, input.provider, input.externalId);
      if (existing && !(existing.status === 'failed' && status === 'succeeded')) {
        // a repeat is answered like the first request: a body that breaks a rule is refused, not replayed
        errors.throwIfAny();
        return replay(tx, existing, input);
      }
      if (existing) {
        await replay(tx, existing, input); // the same money, or 409
        retried = existing;
      }
    }
    const targets: { invoiceId: string; amount?: number; path: string }[] = input.allocations
      ? input.allocations.map((a, i) => ({
          invoiceId: a.invoiceId,
          amount: a.amount,
          path: `allocations.${i}`,
        }))
      : input.invoiceId !== undefined
        ? [{ invoiceId: input.invoiceId, path: '' }]
        : [];
    const locked = new Map(
      (await repo.lockInvoices(tx, [...new Set(targets.map((t) => t.invoiceId))])).map((r) => [r.id, r]),
    );
    const fieldOf = (t: (typeof targets)[number], field: 'invoiceId' | 'amount') =>
      t.path ? `${t.path}.${field}` : field;

    const firstInvoice = targets.map((t) => locked.get(t.invoiceId)).find((r) => r !== undefined);
    const contactId = input.contactId ?? firstInvoice?.contact_id;
    const contact = contactId ? await contactOf(tx, contactId) : undefined;
    if (input.contactId !== undefined && !contact) {
      errors.add('contactId', 'contact_not_found', `no contact '${input.contactId}'`);
    }
    const currency = input.currency ?? firstInvoice?.currency ?? contact?.currency;

    for (const t of targets) {
      const row = locked.get(t.invoiceId);
      const path = fieldOf(t, 'invoiceId');
      if (!row) {
        errors.add(path, 'invoice_not_found', `no invoice '${t.invoiceId}'`);
        continue;
      }
      const refused = payabilityError(row);
      if (refused) {
        errors.add(path, refused.code, refused.message);
        continue;
      }
      if (contactId && row.contact_id !== contactId) {
        errors.add(path, 'contact_mismatch', `the invoice belongs to contact '${row.contact_id}'`);
      }
      if (currency && row.currency !== currency) {
        errors.add(
          path,
          'currency_mismatch',
          `the invoice is in ${row.currency}, the payment in ${currency}`,
        );
      }
      if (t.amount !== undefined && t.amount > receivable(row)) {
        errors.add(
          fieldOf(t, 'amount'),
          'allocation_exceeds_open_amount',
          `the invoice has ${receivable(row)} ${row.currency} minor units open`,
        );
      }
    }
    errors.throwIfAny();
    // a named invoice was found, so its contact exists (foreign key) and gave the currency
    if (!contact || !currency) throw new Error('a payment without contact or currency passed the checks');
    // the failed attempt keeps its payer and currency (they cannot change): its success must book for them, or
    // the money would sit on another customer's invoices or balance under this payment
    if (retried && (retried.contact_id !== contact.id || retried.currency !== currency)) {
      throw externalIdConflict(retried);
    }

    const now = tx.clock.now();
    const paidAt = input.paidAt ? new Date(input.paidAt) : now;
    // ——— the plan: which invoice gets how much; the rest goes to the credit balance ———
    let parts: { row: documentsRepo.DocumentRow; amount: number }[] = [];
    if (status === 'succeeded') {
      if (input.allocations) {
        parts = input.allocations.map((a) => ({ row: locked.get(a.invoiceId)!, amount: a.amount }));
      } else {
        const candidates =
          input.invoiceId !== undefined
            ? [locked.get(input.invoiceId)!]
            : oldestFirst(
                (await repo.lockOpenInvoices(tx, contact.id, currency)).map((row) => ({
                  row,
                  id: row.id,
                  dueDate: row.due_date,
                  issueDate: row.issue_date,
                })),
              ).map((c) => c.row);
        parts = spread(
          input.amount,
          candidates.map((row) => ({ row, available: receivable(row) })),
        ).parts.map((p) => ({ row: p.item.row, amount: p.amount }));
      }
    }
    const allocated = parts.reduce((sum, p) => sum + p.amount, 0);
    const unapplied = status === 'succeeded' ? input.amount - allocated : 0;

    let id: string;
    let before: Payment | undefined;
    if (retried) {
      id = retried.id;
      before = (await withAllocations(tx, [retried]))[0];
      // the row is taken only now (lock order: invoices first); if a concurrent callback booked it meanwhile,
      // that booking stands
      const taken = await scoped(tx, 'payments')
        .where({ id, status: 'failed' })
        .update({
          status,
          failure_reason: null,
          paid_at: paidAt,
          amount_allocated: allocated,
          version: retried.version + 1,
          updated_at: now,
        });
      if (taken === 0) return replay(tx, (await repo.findRow(tx, id))!, input);
    } else {
      const row = paymentRow(tx, input, {
        status,
        contactId: contact.id,
        currency,
        allocated,
        paidAt,
        now,
      });
      if (!(await repo.insert(tx, row))) {
        // a concurrent transaction booked the same provider id first and committed: that payment stands
        return replay(tx, (await repo.findByExternalId(tx, row.provider!, row.external_id!))!, input);
      }
      id = row.id;
    }
    await repo.insertAllocations(
      tx,
      parts.map((p) => ({
        paymentId: id,
        sourcePaymentId: id,
        documentId: p.row.id,
        kind: 'payment' as const,
        amount: p.amount,
      })),
      now,
    );
    if (unapplied > 0) {
      const balance = await repo.lockBalance(tx, contact.id, currency, now);
      await repo.changeBalance(
        tx,
        contact.id,
        currency,
        balance,
        [{ kind: 'overpayment', amount: unapplied, paymentId: id, documentId: null }],
        now,
      );
    }
    const outcomes = await moveInvoices(
      tx,
      parts.map((p) => ({ row: p.row, paid: p.amount })),
      paidAt,
    );
    const payment = await load(tx, id);
    await events.emit(tx, `payment.${status}`, { ...payment });
    await emitInvoices(tx, outcomes);
    await audit.recordMany(tx, [
      { action: `payment.${status}`, resourceType: 'payment', resourceId: id, before, after: payment },
      ...outcomes.map((o) => o.entry),
    ]);
    return { payment, created: !retried };
  });
}

/** A repeat of a provider's id: the booked payment, unless the repeat names different money. */
async function replay(
  tx: Ctx,
  existing: repo.PaymentRow,
  input: { amount?: number; currency?: string },
  type: repo.PaymentRow['type'] = 'payment',
  refundOf?: string,
): Promise<{ payment: Payment; created: false }> {
  if (
    existing.type !== type ||
    (input.amount !== undefined && existing.amount !== input.amount) ||
    (input.currency !== undefined && existing.currency !== input.currency) ||
    (refundOf !== undefined && existing.refunded_payment_id !== refundOf)
  ) {
    throw externalIdConflict(existing);
  }
  return { payment: await load(tx, existing.id), created: false };
}

// ——— many payments at once ———

/** An error of `record` for the input at `index` of a batch: its field paths prefixed with the index. */
function inBatch(error: unknown, index: number): unknown {
  if (!(error instanceof DomainError) || !error.errors) return error;
  return new DomainError(error.kind, error.code, error.message, {
    errors: error.errors.map((e) => ({ ...e, path: `${index}.${e.path}` })),
    details: error.details,
  });
}

/**
 * `record` for many payments in one transaction — what bank-statement reconciliation books for a chunk of
 * transfers. Every input names its invoices (`allocations`). The result, in input order, is what calling
 * `record` for each input in turn would give: the same payments, allocations, invoice amounts, statuses and
 * `paid_at`, events and audit entries, `created: false` for a provider id booked before.
 *
 * The common case — a new, succeeded payment whose allocations take all of it, on invoices no earlier input
 * of the batch names — is booked with a handful of statements for the whole batch (multi-row INSERTs of the
 * payments and allocations, one UPDATE of the invoices, events by type, one audit INSERT). Every other input
 * (a provider id booked before or twice in the batch, a failed attempt, an over-payment for the credit
 * balance, an invoice an earlier input names) is booked by `record` itself afterwards, in input order. That
 * keeps the outcome of the sequence: such an input touches no invoice of a later set-based one, and only
 * `record` moves credit balances. What differs is only the order of the events within the transaction (grouped
 * by type, not interleaved per payment). Every invoice of the batch is locked first, in id order, as `record`
 * locks its own.
 *
 * Errors: everything judged without the database (and, for the set-based inputs, with it) is reported at once,
 * paths prefixed by the input's index (`3.allocations.0.amount`), nothing written; an input booked by `record`
 * fails as `record` does, with the same prefix.
 */
export async function recordMany(
  ctx: Ctx,
  inputs: readonly PaymentInput[],
): Promise<{ payment: Payment; created: boolean }[]> {
  const errors = new FieldErrors();
  inputs.forEach((input, i) => {
    const own = new FieldErrors();
    checkPaymentInput(input, own);
    if (!input.allocations?.length) {
      own.add('allocations', 'required', 'a batch books payments onto named invoices (allocations)');
    }
    for (const e of own.list) errors.add(`${i}.${e.path}`, e.code, e.message);
  });
  errors.throwIfAny();
  if (inputs.length === 0) return [];
  return inTransaction(ctx, async (tx) => {
    const locked = new Map(
      (
        await repo.lockInvoices(tx, [
          ...new Set(inputs.flatMap((input) => input.allocations!.map((a) => a.invoiceId))),
        ])
      ).map((r) => [r.id, r]),
    );
    const keyOf = (input: PaymentInput) =>
      input.provider != null && input.externalId != null
        ? `${input.provider}\u0000${input.externalId}`
        : null;
    const booked = new Set(
      (
        await repo.findByExternalIds(
          tx,
          inputs
            .filter((input) => keyOf(input) !== null)
            .map((input) => ({ provider: input.provider!, externalId: input.externalId! })),
        )
      ).map((row) => `${row.provider}\u0000${row.external_id}`),
    );

    // which inputs the set-based path books; the rest go through `record`, in order, afterwards
    const simple: number[] = [];
    const byRecord: number[] = [];
    const named = new Set<string>();
    const keys = new Set<string>();
    inputs.forEach((input, i) => {
      const key = keyOf(input);
      const invoiceIds = input.allocations!.map((a) => a.invoiceId);
      const fits =
        (input.status ?? 'succeeded') === 'succeeded' &&
        input.allocations!.reduce((sum, a) => sum + a.amount, 0) === input.amount &&
        !(key !== null && (booked.has(key) || keys.has(key))) &&
        !invoiceIds.some((id) => named.has(id));
      for (const id of invoiceIds) named.add(id);
      if (key !== null) keys.add(key);
      (fits ? simple : byRecord).push(i);
    });

    // the checks of `record`, for the set-based inputs
    const given = [...new Set(simple.map((i) => inputs[i]!.contactId).filter((id) => id !== undefined))];
    const contacts = new Set<string>(
      given.length ? await scoped(tx, 'contacts').whereIn('id', given).pluck('id') : [],
    );
    const plans: { index: number; contactId: string; currency: string }[] = [];
    for (const i of simple) {
      const input = inputs[i]!;
      const first = input.allocations!.map((a) => locked.get(a.invoiceId)).find((r) => r !== undefined);
      const contactId = input.contactId ?? first?.contact_id;
      if (input.contactId !== undefined && !contacts.has(input.contactId)) {
        errors.add(`${i}.contactId`, 'contact_not_found', `no contact '${input.contactId}'`);
      }
      const currency = input.currency ?? first?.currency;
      input.allocations!.forEach((a, j) => {
        const row = locked.get(a.invoiceId);
        const path = `${i}.allocations.${j}`;
        if (!row) {
          errors.add(`${path}.invoiceId`, 'invoice_not_found', `no invoice '${a.invoiceId}'`);
          return;
        }
        const refused = payabilityError(row);
        if (refused) {
          errors.add(`${path}.invoiceId`, refused.code, refused.message);
          return;
        }
        if (contactId && row.contact_id !== contactId) {
          errors.add(
            `${path}.invoiceId`,
            'contact_mismatch',
            `the invoice belongs to contact '${row.contact_id}'`,
          );
        }
        if (currency && row.currency !== currency) {
          errors.add(
            `${path}.invoiceId`,
            'currency_mismatch',
            `the invoice is in ${row.currency}, the payment in ${currency}`,
          );
        }
        if (a.amount > receivable(row)) {
          errors.add(
            `${path}.amount`,
            'allocation_exceeds_open_amount',
            `the invoice has ${receivable(row)} ${row.currency} minor units open`,
          );
        }
      });
      if (contactId && currency) plans.push({ index: i, contactId, currency });
    }
    errors.throwIfAny();

    const now = tx.clock.now();
    const rows: repo.PaymentRow[] = plans.map(({ index, contactId, currency }) => {
      const input = inputs[index]!;
      return paymentRow(tx, input, {
        status: 'succeeded',
        contactId,
        currency,
        allocated: input.amount,
        paidAt: input.paidAt ? new Date(input.paidAt) : now,
        now,
      });
    });
    const stored = new Map((await repo.insertMany(tx, rows)).map((r) => [r.id, r]));
    const done: { index: number; row: repo.PaymentRow }[] = [];
    rows.forEach((row, k) => {
      const index = plans[k]!.index;
      const inserted = stored.get(row.id);
      // a concurrent transaction booked this provider id since we looked: its payment stands (`record` replays)
      if (inserted) done.push({ index, row: inserted });
      else byRecord.push(index);
    });
    byRecord.sort((a, b) => a - b);

    await repo.insertAllocations(
      tx,
      done.flatMap(({ index, row }) =>
        inputs[index]!.allocations!.map((a) => ({
          paymentId: row.id,
          sourcePaymentId: row.id,
          documentId: a.invoiceId,
          kind: 'payment' as const,
          amount: a.amount,
        })),
      ),
      now,
    );
    // the invoices, as moveInvoices moves them: one move each (no invoice is in two set-based inputs)
    const day = await today(tx);
    const moves = done.flatMap(({ index, row }) =>
      inputs[index]!.allocations!.map((a) => ({
        row: locked.get(a.invoiceId)!,
        paid: a.amount,
        paidAt: row.paid_at,
      })),
    );
    const changes: repo.InvoiceChange[] = moves.map(({ row, paid, paidAt }) => {
      const amountPaid = row.amount_paid + paid;
      const status = statusAfter(
        {
          amountDue: row.amount_due,
          amountCredited: row.amount_credited,
          amountPaid,
          sent: row.sent_at !== null,
          dueDate: row.due_date,
        },
        day,
      );
      return {
        id: row.id,
        amount_paid: amountPaid,
        amount_credited: row.amount_credited,
        status,
        paid_at: status === 'paid' ? (row.status === 'paid' ? row.paid_at : paidAt) : null,
        version: row.version + 1,
        updated_at: now,
      };
    });
    const afterRows = new Map((await repo.updateInvoices(tx, changes)).map((r) => [r.id, r]));
    const lines = await documentsRepo.linesOf(
      tx,
      moves.map((m) => m.row.id),
    );
    const outcomes = new Map<string, InvoiceOutcome>();
    for (const { row } of moves) {
      const before = documentsRepo.toDocument(row, lines.get(row.id)!);
      const after = documentsRepo.toDocument(afterRows.get(row.id)!, lines.get(row.id)!);
      const event = invoiceEvent(before, after);
      outcomes.set(row.id, {
        event,
        document: after,
        entry: { action: event, resourceType: 'invoice', resourceId: row.id, before, after },
      });
    }
    const payments = await withAllocations(
      tx,
      done.map((d) => d.row),
    );
    const results = new Map<number, { payment: Payment; created: boolean }>();
    const entries: AuditRecordInput[] = [];
    const invoiceEvents = new Map<string, Document[]>();
    done.forEach(({ index }, k) => {
      const payment = payments[k]!;
      results.set(index, { payment, created: true });
      entries.push({
        action: 'payment.succeeded',
        resourceType: 'payment',
        resourceId: payment.id,
        after: payment,
      });
      for (const a of inputs[index]!.allocations!) {
        const outcome = outcomes.get(a.invoiceId)!;
        entries.push(outcome.entry);
        const sameType = invoiceEvents.get(outcome.event) ?? [];
        sameType.push(outcome.document);
        invoiceEvents.set(outcome.event, sameType);
      }
    });
    await events.emitMany(
      tx,
      'payment.succeeded',
      payments.map((p) => ({ ...p })),
    );
    for (const [type, documents] of invoiceEvents) {
      await events.emitMany(
        tx,
        type,
        documents.map((d) => ({ ...d })),
      );
    }
    await audit.recordMany(tx, entries);

    for (const index of byRecord) {
      try {
        results.set(index, await record(tx, inputs[index]!));
      } catch (error) {
        throw inBatch(error, index);
      }
    }
    return inputs.map((_, i) => results.get(i)!);
  });
}

// ——— refunds ———

/**
 * Refunds (part of) a payment: a payment in reverse, booked as a record of its own (`type: refund`). It
 * returns first what of the payment sits in the credit balance, then takes back from the invoices the payment
 * paid, most recent first — or exactly the `allocations` given — which reopens them (`partially_paid`, or
 * `sent`/`overdue` when nothing is paid any more). Emits `payment.refunded` with the refund. A repeated
 * provider refund id returns the booked refund (`created: false`).
 */
export async function refund(
  ctx: Ctx,
  paymentId: string,
  input: RefundInput = {},
): Promise<{ payment: Payment; created: boolean }> {
  const errors = new FieldErrors();
  checkRefundInput(input, errors);
  return inTransaction(ctx, async (tx) => {
    const first = await repo.findRow(tx, paymentId);
    if (!first) throw notFound('payment', paymentId);
    if (first.type === 'refund') {
      throw new DomainError('conflict', 'payment_is_refund', 'A refund cannot be refunded.', {
        details: { refundedPaymentId: first.refunded_payment_id },
      });
    }
    if (first.status !== 'succeeded') {
      throw new DomainError(
        'conflict',
        'payment_not_succeeded',
        `The payment ${first.status}: nothing to refund.`,
        {
          details: { state: first.status },
        },
      );
    }
    if (input.provider != null && input.externalId != null) {
      const existing = await repo.findByExternalId(tx, input.provider, input.externalId);
      if (existing) {
        errors.throwIfAny();
        return replay(tx, existing, { amount: input.amount }, 'refund', paymentId);
      }
    }
    const now = tx.clock.now();
    // lock order: invoices, balance, payment. Every change of this payment's money holds the balance lock,
    // so once we hold it the allocations read below stay as they are.
    const wanted = new Set([
      ...(await repo.netBySource(tx, paymentId)).map((n) => n.documentId),
      ...(input.allocations ?? []).map((a) => a.invoiceId),
    ]);
    const locked = new Map((await repo.lockInvoices(tx, [...wanted])).map((r) => [r.id, r]));
    const balance = await repo.lockBalance(tx, first.contact_id, first.currency, now);
    const payment = (await repo.findRow(tx, paymentId, { lock: true }))!;
    const net = await repo.netBySource(tx, paymentId);
    const late = net.filter((n) => !locked.has(n.documentId)).map((n) => n.documentId);
    for (const r of await repo.lockInvoices(tx, late)) locked.set(r.id, r);

    const refundable = payment.amount - payment.amount_refunded;
    if (refundable === 0) {
      throw new DomainError(
        'conflict',
        'payment_fully_refunded',
        'The payment is refunded in full already.',
        {
          details: { amountRefunded: payment.amount_refunded },
        },
      );
    }
    const amount = input.amount ?? refundable;
    if (input.refundedAt !== undefined && Date.parse(input.refundedAt) < payment.paid_at.getTime()) {
      errors.add(
        'refundedAt',
        'refund_before_payment',
        `the money cannot leave before it arrived: the payment was received at ${payment.paid_at.toISOString()}`,
      );
    }
    if (amount > refundable) {
      errors.add(
        'amount',
        'refund_exceeds_payment',
        `only ${refundable} ${payment.currency} minor units are left to refund`,
      );
    }
    const unapplied = repo.unappliedOf(payment);
    let fromInvoices: { documentId: string; amount: number }[];
    if (input.allocations) {
      const onInvoice = new Map(net.map((n) => [n.documentId, n.amount]));
      input.allocations.forEach((a, i) => {
        const there = onInvoice.get(a.invoiceId);
        if (there === undefined) {
          errors.add(
            `allocations.${i}.invoiceId`,
            'invoice_not_allocated',
            'the payment has nothing on this invoice',
          );
        } else if (a.amount > there) {
          errors.add(
            `allocations.${i}.amount`,
            'refund_exceeds_allocation',
            `the payment has ${there} ${payment.currency} minor units on this invoice`,
          );
        }
      });
      fromInvoices = input.allocations.map((a) => ({ documentId: a.invoiceId, amount: a.amount }));
      const rest = amount - fromInvoices.reduce((s, f) => s + f.amount, 0);
      if (rest > unapplied) {
        errors.add(
          'amount',
          'refund_exceeds_unapplied',
          `${rest} would come from the credit balance, which holds ${unapplied} of this payment; allocate the rest to invoices`,
        );
      }
    } else {
      fromInvoices = spread(
        Math.max(0, amount - unapplied),
        net.map((n) => ({ ...n, available: n.amount })),
      ).parts.map((p) => ({ documentId: p.item.documentId, amount: p.amount }));
    }
    errors.throwIfAny();
    const taken = fromInvoices.reduce((s, f) => s + f.amount, 0);
    const fromBalance = amount - taken;

    const before = (await withAllocations(tx, [payment]))[0]!;
    const refundRow: repo.PaymentRow = {
      id: newId('payment'),
      organization_id: tx.organizationId,
      type: 'refund',
      status: 'succeeded',
      contact_id: payment.contact_id,
      currency: payment.currency,
      amount,
      amount_allocated: taken,
      amount_refunded: 0,
      method: input.method ?? payment.method,
      provider: input.provider ?? null,
      external_id: input.externalId ?? null,
      reference: input.reference ?? null,
      description: input.reason ?? null,
      failure_reason: null,
      refunded_payment_id: payment.id,
      paid_at: input.refundedAt ? new Date(input.refundedAt) : now,
      metadata: input.metadata ?? {},
      version: 1,
      created_at: now,
      updated_at: now,
    };
    if (!(await repo.insert(tx, refundRow))) {
      const existing = (await repo.findByExternalId(tx, refundRow.provider!, refundRow.external_id!))!;
      return replay(tx, existing, { amount: input.amount }, 'refund', paymentId);
    }
    await repo.insertAllocations(
      tx,
      fromInvoices.map((f) => ({
        paymentId: refundRow.id,
        sourcePaymentId: payment.id,
        documentId: f.documentId,
        kind: 'refund' as const,
        amount: -f.amount,
      })),
      now,
    );
    await repo.update(
      tx,
      payment,
      {
        amount_allocated: payment.amount_allocated - taken,
        amount_refunded: payment.amount_refunded + amount,
      },
      now,
    );
    await repo.changeBalance(
      tx,
      payment.contact_id,
      payment.currency,
      balance,
      [{ kind: 'refunded', amount: -fromBalance, paymentId: refundRow.id, documentId: null }],
      now,
    );
    const outcomes = await moveInvoices(
      tx,
      fromInvoices.map((f) => ({ row: locked.get(f.documentId)!, paid: -f.amount })),
      now,
    );
    const refunded = await load(tx, refundRow.id);
    const after = await load(tx, payment.id);
    await events.emit(tx, 'payment.refunded', { ...refunded });
    await emitInvoices(tx, outcomes);
    await audit.recordMany(tx, [
      { action: 'payment.refunded', resourceType: 'payment', resourceId: payment.id, before, after },
      { action: 'payment.succeeded', resourceType: 'payment', resourceId: refunded.id, after: refunded },
      ...outcomes.map((o) => o.entry),
    ]);
    return { payment: refunded, created: true };
  });
}

// ——— the credit balance ———

/**
 * Spends the contact's credit balance on a locked invoice: at most its open amount, the balance and `limit`,
 * drawn from the payments holding it oldest first (each such payment gets a `credit_balance` allocation, so
 * every cent on an invoice still names the payment it came from and a refund can find it). Returns how much
 * was applied and the invoice's outcome.
 */
async function spendBalance(
  tx: Ctx,
  invoice: documentsRepo.DocumentRow,
  limit?: number,
): Promise<{ applied: number; available: number; outcomes: InvoiceOutcome[] }> {
  const open = receivable(invoice);
  if (open === 0) return { applied: 0, available: 0, outcomes: [] };
  // every finalize asks: most contacts have no balance, and they should cost one read, not a locked write
  if ((await repo.balanceOf(tx, invoice.contact_id, invoice.currency)) === 0) {
    return { applied: 0, available: 0, outcomes: [] };
  }
  const now = tx.clock.now();
  const balance = await repo.lockBalance(tx, invoice.contact_id, invoice.currency, now);
  const available = Math.min(open, balance);
  const want = Math.min(available, limit ?? Number.MAX_SAFE_INTEGER);
  if (want <= 0) return { applied: 0, available, outcomes: [] };
  const sources = await repo.lockUnapplied(tx, invoice.contact_id, invoice.currency);
  const { parts } = spread(
    want,
    sources.map((row) => ({ row, available: repo.unappliedOf(row) })),
  );
  const applied = parts.reduce((s, p) => s + p.amount, 0);
  await repo.insertAllocations(
    tx,
    parts.map((p) => ({
      paymentId: p.item.row.id,
      sourcePaymentId: p.item.row.id,
      documentId: invoice.id,
      kind: 'credit_balance' as const,
      amount: p.amount,
    })),
    now,
  );
  for (const p of parts) {
    await repo.update(tx, p.item.row, { amount_allocated: p.item.row.amount_allocated + p.amount }, now);
  }
  await repo.changeBalance(
    tx,
    invoice.contact_id,
    invoice.currency,
    balance,
    parts.map((p) => ({
      kind: 'applied' as const,
      amount: -p.amount,
      paymentId: p.item.row.id,
      documentId: invoice.id,
    })),
    now,
  );
  const outcomes = await moveInvoices(tx, [{ row: invoice, paid: applied }], now);
  return { applied, available, outcomes };
}

/**
 * Pays an issued invoice from the contact's credit balance in its currency — as much as the balance and the
 * open amount allow, or `amount`. 409 when the invoice owes nothing or the balance is empty.
 */
export async function applyCreditBalance(
  ctx: Ctx,
  invoiceId: string,
  input: ApplyCreditInput = {},
): Promise<Document> {
  const errors = new FieldErrors();
  if (input.amount !== undefined && (!Number.isSafeInteger(input.amount) || input.amount <= 0)) {
    errors.add('amount', 'amount_invalid', 'must be a positive integer of minor units');
  }
  errors.throwIfAny();
  return inTransaction(ctx, async (tx) => {
    const [invoice] = await repo.lockInvoices(tx, [invoiceId]);
    if (!invoice) throw notFound('invoice', invoiceId);
    if (payabilityError(invoice) || !OPEN_STATUSES.includes(invoice.status) || receivable(invoice) === 0) {
      throw new DomainError(
        'conflict',
        'invoice_not_open',
        `The invoice is ${invoice.status.replace('_', ' ')} and owes nothing a credit balance could pay.`,
        { details: { state: invoice.status } },
      );
    }
    const spent = await spendBalance(tx, invoice, input.amount);
    if (spent.available === 0) {
      throw new DomainError(
        'conflict',
        'credit_balance_empty',
        `The contact has no credit balance in ${invoice.currency}.`,
        { details: { contactId: invoice.contact_id, currency: invoice.currency } },
      );
    }
    if (input.amount !== undefined && input.amount > spent.available) {
      throw new DomainError('unprocessable', 'validation_failed', 'The amount is more than can be applied.', {
        errors: [
          {
            path: 'amount',
            code: 'credit_exceeds_available',
            message: `at most ${spent.available} ${invoice.currency} minor units (balance and open amount)`,
          },
        ],
      });
    }
    await emitInvoices(tx, spent.outcomes);
    await audit.recordMany(
      tx,
      spent.outcomes.map((o) => o.entry),
    );
    return spent.outcomes[0]!.document;
  });
}

// ——— hooks of the document life cycle ———

/**
 * A credit note was issued for an invoice (DOMAIN.md §9, docs/payments.md): it reduces what the invoice owes.
 * When payments now exceed that, the excess goes back to the payments it came from, most recent first, and
 * so into the contact's credit balance (`released`), where it pays the next invoice or is refunded.
 */
async function creditInvoice(tx: Ctx, creditNote: Document): Promise<InvoiceOutcome[]> {
  const [invoice] = await repo.lockInvoices(tx, [creditNote.precedingDocumentId!]);
  if (!invoice || !PAYABLE_TYPES.includes(invoice.type)) return [];
  const credit = -creditNote.grossTotal;
  const owed = Math.max(0, invoice.amount_due - invoice.amount_credited - credit);
  const excess = Math.max(0, invoice.amount_paid - owed);
  const now = tx.clock.now();
  if (excess > 0) {
    const balance = await repo.lockBalance(tx, invoice.contact_id, invoice.currency, now);
    const onInvoice = await repo.netOnDocument(tx, invoice.id);
    const holders = new Map(
      (
        await repo.lockRows(
          tx,
          onInvoice.map((o) => o.paymentId),
        )
      ).map((r) => [r.id, r]),
    );
    const { parts } = spread(
      excess,
      onInvoice.map((o) => ({ ...o, available: o.amount })),
    );
    await repo.insertAllocations(
      tx,
      parts.map((p) => ({
        paymentId: p.item.paymentId,
        sourcePaymentId: p.item.paymentId,
        documentId: invoice.id,
        kind: 'credit_note' as const,
        amount: -p.amount,
      })),
      now,
    );
    for (const p of parts) {
      const held = holders.get(p.item.paymentId)!;
      await repo.update(tx, held, { amount_allocated: held.amount_allocated - p.amount }, now);
    }
    await repo.changeBalance(
      tx,
      invoice.contact_id,
      invoice.currency,
      balance,
      parts.map((p) => ({
        kind: 'released' as const,
        amount: p.amount,
        paymentId: p.item.paymentId,
        documentId: creditNote.id,
      })),
      now,
    );
  }
  return moveInvoices(tx, [{ row: invoice, paid: -excess, credited: credit }], now);
}

/**
 * Called by documents/service.finalize in the finalizing transaction, after `<family>.finalized` is emitted:
 * a new invoice is paid at once from the contact's credit balance in its currency (DOMAIN.md §9: an
 * over-payment is applied to the next invoice); a credit note reduces what its invoice owes. Emits the
 * invoice events and returns the audit entries for the caller's last write, and the invoice as it is now
 * when it changed.
 */
export async function afterFinalize(
  tx: Ctx,
  document: Document,
): Promise<{ document: Document | null; audit: AuditRecordInput[] }> {
  let outcomes: InvoiceOutcome[] = [];
  if (document.type === 'credit_note' && document.precedingDocumentId) {
    outcomes = await creditInvoice(tx, document);
  } else if (
    PAYABLE_TYPES.includes(document.type) &&
    // one read for the common case of no balance: finalize holds its number range's lock until commit
    (await repo.balanceOf(tx, document.contactId, document.currency)) > 0
  ) {
    const [invoice] = await repo.lockInvoices(tx, [document.id]);
    if (invoice) outcomes = (await spendBalance(tx, invoice)).outcomes;
  }
  await emitInvoices(tx, outcomes);
  const own = outcomes.find((o) => o.document.id === document.id);
  return { document: own?.document ?? null, audit: outcomes.map((o) => o.entry) };
}
