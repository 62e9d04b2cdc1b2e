import type { Knex } from 'knex';
import { type Ctx, scoped } from '../context';
import * as documentsRepo from '../documents/repo';
import { DomainError } from '../errors';
import { newId } from '../ids';
import { applyCursor } from '../pagination';
import { OPEN_STATUSES, PAYABLE_TYPES } from './rules';
import type {
  BalanceTransaction,
  BalanceTransactionKind,
  BalanceTransactionQuery,
  Payment,
  PaymentAllocation,
  PaymentListQuery,
  PaymentMethod,
  PaymentStatus,
  PaymentType,
} from './types';

/** SQL of payments, allocations and credit balances: one place, explicit columns, every query scoped. */

export interface PaymentRow {
  id: string;
  organization_id: string;
  type: PaymentType;
  status: PaymentStatus;
  contact_id: string;
  currency: string;
  amount: number;
  amount_allocated: number;
  amount_refunded: number;
  method: PaymentMethod;
  provider: string | null;
  external_id: string | null;
  reference: string | null;
  description: string | null;
  failure_reason: string | null;
  refunded_payment_id: string | null;
  paid_at: Date;
  metadata: Record<string, string>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = [
  'id',
  'organization_id',
  'type',
  'status',
  'contact_id',
  'currency',
  'amount',
  'amount_allocated',
  'amount_refunded',
  'method',
  'provider',
  'external_id',
  'reference',
  'description',
  'failure_reason',
  'refunded_payment_id',
  'paid_at',
  'metadata',
  'version',
  'created_at',
  'updated_at',
];

/** The part of a payment in the credit balance: neither on an invoice nor refunded. */
export const unappliedOf = (
  row: Pick<PaymentRow, 'type' | 'amount' | 'amount_allocated' | 'amount_refunded'>,
) => row.amount - row.amount_allocated - row.amount_refunded;

export function toPayment(row: PaymentRow, allocations: PaymentAllocation[]): Payment {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    contactId: row.contact_id,
    currency: row.currency,
    amount: row.amount,
    amountAllocated: row.amount_allocated,
    amountUnapplied: row.status === 'failed' ? 0 : unappliedOf(row),
    amountRefunded: row.amount_refunded,
    method: row.method,
    provider: row.provider,
    externalId: row.external_id,
    reference: row.reference,
    description: row.description,
    failureReason: row.failure_reason,
    refundedPaymentId: row.refunded_payment_id,
    paidAt: row.paid_at.toISOString(),
    allocations,
    metadata: row.metadata,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findRow(
  ctx: Ctx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PaymentRow | undefined> {
  const q = scoped(ctx, 'payments').select(COLUMNS).where('id', id);
  if (options.lock) q.forUpdate();
  return q.first();
}

export async function findRows(ctx: Ctx, ids: readonly string[]): Promise<PaymentRow[]> {
  if (ids.length === 0) return [];
  return scoped(ctx, 'payments')
    .select(COLUMNS)
    .whereIn('id', [...ids]);
}

/** Payments by id, locked in id order (after any invoice and balance locks of the transaction). */
export async function lockRows(ctx: Ctx, ids: readonly string[]): Promise<PaymentRow[]> {
  if (ids.length === 0) return [];
  return scoped(ctx, 'payments')
    .select(COLUMNS)
    .whereIn('id', [...ids])
    .orderBy('id')
    .forUpdate();
}

export async function findByExternalId(
  ctx: Ctx,
  provider: string,
  externalId: string,
): Promise<PaymentRow | undefined> {
  return scoped(ctx, 'payments').select(COLUMNS).where({ provider, external_id: externalId }).first();
}

/**
 * Inserts a payment unless one with the same provider and external id exists (or is being inserted by a
 * concurrent transaction, which PostgreSQL waits for): false when the unique key was taken.
 */
export async function insert(ctx: Ctx, row: PaymentRow): Promise<boolean> {
  const inserted = await ctx
    .db('payments')
    .insert({ ...row, metadata: JSON.stringify(row.metadata) })
    .onConflict(['organization_id', 'provider', 'external_id'])
    .ignore()
    .returning('id');
  return inserted.length === 1;
}

/**
 * `insert` for many payments in one statement (payments.recordMany): the rows as one JSON parameter. A row
 * whose provider and external id are taken (a concurrent transaction booked it first) is skipped; returns the
 * rows inserted, as stored.
 */
export async function insertMany(ctx: Ctx, rows: readonly PaymentRow[]): Promise<PaymentRow[]> {
  if (rows.length === 0) return [];
  const list = COLUMNS.join(', ');
  const { rows: inserted } = await ctx.db.raw<{ rows: PaymentRow[] }>(
    `INSERT INTO payments (${list})
     SELECT ${list} FROM json_populate_recordset(NULL::payments, ?::json)
     ON CONFLICT (organization_id, provider, external_id) DO NOTHING
     RETURNING ${list}`,
    [JSON.stringify(rows)],
  );
  return inserted;
}

/** The payments booked under any of these provider ids (an indexed read per provider for a batch). */
export async function findByExternalIds(
  ctx: Ctx,
  keys: readonly { provider: string; externalId: string }[],
): Promise<PaymentRow[]> {
  const byProvider = new Map<string, string[]>();
  for (const k of keys) {
    const ids = byProvider.get(k.provider);
    if (ids) ids.push(k.externalId);
    else byProvider.set(k.provider, [k.externalId]);
  }
  const out: PaymentRow[] = [];
  for (const [provider, externalIds] of byProvider) {
    out.push(
      ...(await scoped(ctx, 'payments')
        .select(COLUMNS)
        .where('provider', provider)
        .whereRaw('external_id = ANY(?::text[])', [externalIds])),
    );
  }
  return out;
}

export async function update(
  ctx: Ctx,
  row: PaymentRow,
  changes: { amount_allocated?: number; amount_refunded?: number },
  now: Date,
): Promise<void> {
  await scoped(ctx, 'payments')
    .where('id', row.id)
    .update({ ...changes, version: row.version + 1, updated_at: now });
}

/**
 * What each record shows as its allocations: a payment, what of its money is on each invoice now (its own
 * bookings, later credit-balance applications, minus refunds and releases); a refund, what it took back.
 */
export async function allocationsOf(
  ctx: Ctx,
  paymentIds: readonly string[],
): Promise<Map<string, PaymentAllocation[]>> {
  const out = new Map<string, PaymentAllocation[]>(paymentIds.map((id) => [id, []]));
  if (paymentIds.length === 0) return out;
  const { rows } = await ctx.db.raw<{ rows: { id: string; document_id: string; amount: number }[] }>(
    `SELECT source_payment_id AS id, document_id, sum(amount)::bigint AS amount
       FROM payment_allocations
      WHERE organization_id = ? AND source_payment_id = ANY(?::text[])
      GROUP BY 1, 2 HAVING sum(amount) > 0
     UNION ALL
     SELECT payment_id, document_id, (-sum(amount))::bigint
       FROM payment_allocations
      WHERE organization_id = ? AND payment_id = ANY(?::text[]) AND kind = 'refund'
      GROUP BY 1, 2
     ORDER BY 1, 2`,
    [ctx.organizationId, [...paymentIds], ctx.organizationId, [...paymentIds]],
  );
  for (const r of rows) out.get(r.id)?.push({ invoiceId: r.document_id, amount: r.amount });
  return out;
}

/** One payment's money per invoice (net > 0), the most recently allocated first. */
export async function netBySource(
  ctx: Ctx,
  sourcePaymentId: string,
): Promise<{ documentId: string; amount: number }[]> {
  const { rows } = await ctx.db.raw<{ rows: { document_id: string; amount: number }[] }>(
    `SELECT document_id, sum(amount)::bigint AS amount
       FROM payment_allocations
      WHERE organization_id = ? AND source_payment_id = ?
      GROUP BY document_id HAVING sum(amount) > 0
      ORDER BY max(id) DESC`,
    [ctx.organizationId, sourcePaymentId],
  );
  return rows.map((r) => ({ documentId: r.document_id, amount: r.amount }));
}

/** The money on one invoice per payment (net > 0), the most recently allocated first. */
export async function netOnDocument(
  ctx: Ctx,
  documentId: string,
): Promise<{ paymentId: string; amount: number }[]> {
  const { rows } = await ctx.db.raw<{ rows: { source_payment_id: string; amount: number }[] }>(
    `SELECT source_payment_id, sum(amount)::bigint AS amount
       FROM payment_allocations
      WHERE organization_id = ? AND document_id = ?
      GROUP BY source_payment_id HAVING sum(amount) > 0
      ORDER BY max(id) DESC`,
    [ctx.organizationId, documentId],
  );
  return rows.map((r) => ({ paymentId: r.source_payment_id, amount: r.amount }));
}

export interface AllocationRow {
  paymentId: string;
  sourcePaymentId: string;
  documentId: string;
  kind: 'payment' | 'credit_balance' | 'refund' | 'credit_note';
  /** Signed: > 0 onto the invoice, < 0 off it. */
  amount: number;
}

export async function insertAllocations(ctx: Ctx, rows: readonly AllocationRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await ctx.db('payment_allocations').insert(
    rows.map((r) => ({
      id: newId('paymentAllocation'),
      organization_id: ctx.organizationId,
      payment_id: r.paymentId,
      source_payment_id: r.sourcePaymentId,
      document_id: r.documentId,
      kind: r.kind,
      amount: r.amount,
      created_at: now,
    })),
  );
}

/** Payments whose money sits in the contact's credit balance, oldest first, locked (id order). */
export async function lockUnapplied(ctx: Ctx, contactId: string, currency: string): Promise<PaymentRow[]> {
  return scoped(ctx, 'payments')
    .select(COLUMNS)
    .where({ contact_id: contactId, currency, type: 'payment', status: 'succeeded' })
    .whereRaw('amount_allocated + amount_refunded < amount')
    .orderBy('id')
    .forUpdate();
}

// ——— invoices ———

/** Invoices by id, locked in id order (one fixed order: concurrent payments never wait in a cycle). */
export function lockInvoices(ctx: Ctx, ids: readonly string[]): Promise<documentsRepo.DocumentRow[]> {
  return documentsRepo.lockRows(ctx, ids, 'invoice');
}

/**
 * The contact's invoices in the currency that owe something, locked. Locked in id order like lockInvoices —
 * the caller sorts them oldest first — so this never crosses a payment that names some of them.
 */
export async function lockOpenInvoices(
  ctx: Ctx,
  contactId: string,
  currency: string,
): Promise<documentsRepo.DocumentRow[]> {
  const ids: string[] = await scoped(ctx, 'documents')
    .where({ contact_id: contactId, currency })
    .whereIn('type', PAYABLE_TYPES)
    .whereIn('status', OPEN_STATUSES)
    .pluck('id');
  // re-read under the lock: a row another payment just paid drops out here
  const rows = await lockInvoices(ctx, ids);
  return rows.filter((r) => OPEN_STATUSES.includes(r.status));
}

export async function updateInvoice(
  ctx: Ctx,
  row: documentsRepo.DocumentRow,
  changes: { amount_paid?: number; amount_credited?: number; status: string; paid_at: Date | null },
  now: Date,
): Promise<void> {
  await scoped(ctx, 'documents')
    .where('id', row.id)
    .update({ ...changes, version: row.version + 1, updated_at: now });
}

export interface InvoiceChange {
  id: string;
  amount_paid: number;
  amount_credited: number;
  status: string;
  paid_at: Date | null;
  version: number;
  updated_at: Date;
}

/**
 * `updateInvoice` for many invoices in one statement; returns the rows as stored afterwards (every column,
 * in no particular order).
 */
export async function updateInvoices(
  ctx: Ctx,
  changes: readonly InvoiceChange[],
): Promise<documentsRepo.DocumentRow[]> {
  if (changes.length === 0) return [];
  const { rows } = await ctx.db.raw<{ rows: documentsRepo.DocumentRow[] }>(
    `UPDATE documents d
        SET amount_paid = v.amount_paid, amount_credited = v.amount_credited, status = v.status,
            paid_at = v.paid_at, version = v.version, updated_at = v.updated_at
       FROM json_to_recordset(?::json) AS v(id text, amount_paid bigint, amount_credited bigint, status text,
            paid_at timestamptz, version integer, updated_at timestamptz)
      WHERE d.organization_id = ? AND d.id = v.id
     RETURNING d.*`,
    [JSON.stringify(changes), ctx.organizationId],
  );
  return rows;
}

// ——— credit balances ———

/**
 * The contact's balance row in the currency, created at 0 when missing and locked until the transaction
 * ends: every change of one customer's money in one currency queues here.
 */
export async function lockBalance(ctx: Ctx, contactId: string, currency: string, now: Date): Promise<number> {
  const { rows } = await ctx.db.raw<{ rows: { balance: number }[] }>(
    `INSERT INTO customer_balances (organization_id, contact_id, currency, balance, updated_at)
     VALUES (?, ?, ?, 0, ?)
     ON CONFLICT (organization_id, contact_id, currency) DO UPDATE SET balance = customer_balances.balance
     RETURNING balance`,
    [ctx.organizationId, contactId, currency, now],
  );
  return rows[0]!.balance;
}

/** The balance as last committed, without a lock (0 when the contact never had one). */
export async function balanceOf(ctx: Ctx, contactId: string, currency: string): Promise<number> {
  const row: { balance: number } | undefined = await scoped(ctx, 'customer_balances')
    .where({ contact_id: contactId, currency })
    .first('balance');
  return row?.balance ?? 0;
}

export interface BalanceChange {
  kind: BalanceTransactionKind;
  amount: number;
  paymentId: string;
  documentId: string | null;
}

/** Applies changes to a balance locked by lockBalance, one ledger entry each; returns the new balance. */
export async function changeBalance(
  ctx: Ctx,
  contactId: string,
  currency: string,
  balance: number,
  changes: readonly BalanceChange[],
  now: Date,
): Promise<number> {
  const moving = changes.filter((c) => c.amount !== 0);
  if (moving.length === 0) return balance;
  let after = balance;
  const entries = moving.map((c) => {
    after += c.amount;
    // past the exact integers a sum of doubles is rounded silently: refuse it instead
    if (!Number.isSafeInteger(after)) {
      throw new DomainError(
        'unprocessable',
        'balance_out_of_range',
        `the customer's ${currency} balance would leave the exact amounts (±${Number.MAX_SAFE_INTEGER} minor units)`,
      );
    }
    return {
      id: newId('balanceTransaction'),
      organization_id: ctx.organizationId,
      contact_id: contactId,
      currency,
      kind: c.kind,
      amount: c.amount,
      balance_after: after,
      payment_id: c.paymentId,
      document_id: c.documentId,
      created_at: now,
    };
  });
  await ctx.db('customer_balance_transactions').insert(entries);
  await scoped(ctx, 'customer_balances')
    .where({ contact_id: contactId, currency })
    .update({ balance: after, updated_at: now });
  return after;
}

export async function balancesOf(
  ctx: Ctx,
  contactId: string,
): Promise<{ currency: string; amount: number }[]> {
  const rows: { currency: string; balance: number }[] = await scoped(ctx, 'customer_balances')
    .where('contact_id', contactId)
    .where('balance', '>', 0)
    .orderBy('currency')
    .select('currency', 'balance');
  return rows.map((r) => ({ currency: r.currency, amount: r.balance }));
}

interface BalanceTransactionRow {
  id: string;
  contact_id: string;
  currency: string;
  kind: BalanceTransactionKind;
  amount: number;
  balance_after: number;
  payment_id: string;
  document_id: string | null;
  created_at: Date;
}

export function toBalanceTransaction(row: BalanceTransactionRow): BalanceTransaction {
  return {
    id: row.id,
    contactId: row.contact_id,
    currency: row.currency,
    kind: row.kind,
    amount: row.amount,
    balanceAfter: row.balance_after,
    paymentId: row.payment_id,
    documentId: row.document_id,
    createdAt: row.created_at.toISOString(),
  };
}

export function balanceTransactionsQuery(
  ctx: Ctx,
  contactId: string,
  query: BalanceTransactionQuery,
): Knex.QueryBuilder {
  const q = scoped(ctx, 'customer_balance_transactions')
    .select(
      'id',
      'contact_id',
      'currency',
      'kind',
      'amount',
      'balance_after',
      'payment_id',
      'document_id',
      'created_at',
    )
    .where('contact_id', contactId);
  if (query.currency) q.where('currency', query.currency);
  return applyCursor(q, query);
}

// ——— lists ———

/** `GET /v1/payments` with its filters, newest first. */
export function listQuery(ctx: Ctx, query: PaymentListQuery): Knex.QueryBuilder {
  const q = scoped(ctx, 'payments', 'p').select(COLUMNS.map((c) => `p.${c}`));
  if (query.contactId) q.where('p.contact_id', query.contactId);
  if (query.type) q.where('p.type', query.type);
  if (query.status) q.where('p.status', query.status);
  if (query.method) q.where('p.method', query.method);
  if (query.paidAtGte) q.where('p.paid_at', '>=', query.paidAtGte);
  if (query.paidAtLte) q.where('p.paid_at', '<=', query.paidAtLte);
  if (query.createdGte) q.where('p.created_at', '>=', query.createdGte);
  if (query.createdLte) q.where('p.created_at', '<=', query.createdLte);
  if (query.invoiceId) {
    q.whereExists((sub) =>
      sub
        .from('payment_allocations as a')
        .whereRaw('a.organization_id = p.organization_id')
        .where('a.document_id', query.invoiceId!)
        .whereRaw('(a.payment_id = p.id OR a.source_payment_id = p.id)'),
    );
  }
  return applyCursor(q, query, 'p.id');
}
