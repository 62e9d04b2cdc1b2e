import type { PriceModel } from '../billing/pricing';
import { type Ctx, scoped } from '../context';
import * as contractsRepo from '../contracts/repo';
import type { DocumentType, TaxCategory } from '../documents/types';
import { normaliseLimit } from '../pagination';
import { OPEN_STATUSES } from '../payments/rules';
import type { CashMonthRow, InvoiceMoney, TaxPart } from './collected';
import type { TaxMonthRow } from './documents';
import { MONTHLY_FIELDS, type MonthlyMrrRow, type MrrContract, type MrrEntry, type MrrMovement } from './mrr';

// SQL of the MRR report: the contracts it derives from, its entries and its monthly sums.

/** The contracts of some customers, with what MRR needs of their children. */
export async function mrrContractsOf(ctx: Ctx, contactIds: readonly string[]): Promise<MrrContract[]> {
  if (contactIds.length === 0) return [];
  const rows: {
    id: string;
    contact_id: string;
    currency: string;
    start_date: string;
    end_date: string | null;
    interval_months: number;
    timing: MrrContract['timing'];
    billing_anchor_day: number | null;
  }[] = await scoped(ctx, 'contracts')
    .select(
      'id',
      'contact_id',
      'currency',
      'start_date',
      'end_date',
      'interval_months',
      'timing',
      'billing_anchor_day',
    )
    .whereIn('contact_id', contactIds)
    .orderBy('id');
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const items = await scoped(ctx, 'contract_items')
    .select('contract_id', 'id', 'price_model', 'quantity', 'discount_percent', 'starts_on', 'ends_on')
    .whereIn('contract_id', ids);
  const changes = await contractsRepo.priceChangeRows(ctx, ids);
  const pauses = await contractsRepo.pauseRows(ctx, ids);
  const byContract = <T extends { contract_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of list) {
      const own = map.get(row.contract_id);
      if (own) own.push(row);
      else map.set(row.contract_id, [row]);
    }
    return map;
  };
  const itemsOf = byContract(
    items as {
      contract_id: string;
      id: string;
      price_model: PriceModel;
      quantity: string;
      discount_percent: string | null;
      starts_on: string | null;
      ends_on: string | null;
    }[],
  );
  const changesOf = byContract(changes);
  const pausesOf = byContract(pauses);
  return rows.map((row) => ({
    id: row.id,
    contactId: row.contact_id,
    currency: row.currency,
    startDate: row.start_date,
    endDate: row.end_date,
    intervalMonths: row.interval_months,
    timing: row.timing,
    billingAnchorDay: row.billing_anchor_day,
    items: (itemsOf.get(row.id) ?? []).map((item) => ({
      id: item.id,
      priceModel: item.price_model,
      quantity: item.quantity,
      discountPercent: item.discount_percent,
      startsOn: item.starts_on,
      endsOn: item.ends_on,
    })),
    priceChanges: (changesOf.get(row.id) ?? []).map((change) => ({
      itemId: change.contract_item_id,
      kind: change.kind,
      priceModel: change.price_model,
      percent: change.percent,
      effectiveDate: change.effective_date,
    })),
    pauses: (pausesOf.get(row.id) ?? []).map((pause) => ({
      startsOn: pause.starts_on,
      endsOn: pause.ends_on,
    })),
  }));
}

/** The next `limit` customers (contact ids) that have contracts, after `after`, in id order. */
export async function contactsWithContracts(
  ctx: Ctx,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const q = scoped(ctx, 'contracts').distinct('contact_id').orderBy('contact_id').limit(limit);
  if (after !== null) q.where('contact_id', '>', after);
  return (await q).map((r: { contact_id: string }) => r.contact_id);
}

export interface EntryRow {
  id: string;
  contract_id: string;
  contact_id: string;
  currency: string;
  date: string;
  previous: string;
  change: string;
  actual: string;
  initial: string;
  expansion: string;
  churn: string;
  smooth_change: string;
  movement: MrrMovement | null;
  movement_amount: string;
  customer_mrr: string;
}

const ENTRY_COLUMNS = [
  'id',
  'contract_id',
  'contact_id',
  'currency',
  'date',
  'previous',
  'change',
  'actual',
  'initial',
  'expansion',
  'churn',
  'smooth_change',
  'movement',
  'movement_amount',
  'customer_mrr',
];

export function toEntry(row: EntryRow): MrrEntry {
  return {
    id: row.id,
    contractId: row.contract_id,
    contactId: row.contact_id,
    currency: row.currency,
    date: row.date,
    previous: Number(row.previous),
    change: Number(row.change),
    actual: Number(row.actual),
    initial: Number(row.initial),
    expansion: Number(row.expansion),
    churn: Number(row.churn),
    smoothChange: Number(row.smooth_change),
    movement: row.movement,
    movementAmount: Number(row.movement_amount),
    customerMrr: Number(row.customer_mrr),
  };
}

/** Removes the customers' entries and returns them (what the monthly sums must lose). */
export async function deleteEntriesOf(ctx: Ctx, contactIds: readonly string[]): Promise<MrrEntry[]> {
  if (contactIds.length === 0) return [];
  const rows: EntryRow[] = await scoped(ctx, 'mrr_entries')
    .whereIn('contact_id', contactIds)
    .delete()
    .returning(ENTRY_COLUMNS);
  return rows.map(toEntry);
}

const INSERT_CHUNK = 5000;

/**
 * Inserts entries as one JSON parameter per chunk (INSERT … SELECT FROM json_populate_recordset): a rebuild
 * writes hundreds of thousands of rows, and building a statement with a placeholder per value costs more than
 * PostgreSQL's insert itself.
 */
export async function insertEntries(ctx: Ctx, entries: readonly MrrEntry[]): Promise<void> {
  const columns = ['organization_id', ...ENTRY_COLUMNS].join(', ');
  for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
    const rows = entries.slice(i, i + INSERT_CHUNK).map((e) => ({
      organization_id: ctx.organizationId,
      id: e.id,
      contract_id: e.contractId,
      contact_id: e.contactId,
      currency: e.currency,
      date: e.date,
      previous: e.previous,
      change: e.change,
      actual: e.actual,
      initial: e.initial,
      expansion: e.expansion,
      churn: e.churn,
      smooth_change: e.smoothChange,
      movement: e.movement,
      movement_amount: e.movementAmount,
      customer_mrr: e.customerMrr,
    }));
    await ctx.db.raw(
      `INSERT INTO mrr_entries (${columns})
       SELECT ${columns} FROM json_populate_recordset(NULL::mrr_entries, ?::json)`,
      [JSON.stringify(rows)],
    );
  }
}

const MONTHLY_COLUMNS: Record<(typeof MONTHLY_FIELDS)[number], string> = {
  change: 'change',
  new: 'new',
  expansion: 'expansion',
  contraction: 'contraction',
  churn: 'churn',
  reactivation: 'reactivation',
  newCustomers: 'new_customers',
  reactivatedCustomers: 'reactivated_customers',
  churnedCustomers: 'churned_customers',
};

/**
 * Adds differences to the monthly sums in one statement. The rows come sorted by currency and month, so
 * two transactions touching the same months lock them in the same order (no deadlock).
 */
export async function addToMonthly(ctx: Ctx, deltas: readonly MonthlyMrrRow[]): Promise<void> {
  if (deltas.length === 0) return;
  const columns = Object.values(MONTHLY_COLUMNS);
  await ctx.db.raw(
    `INSERT INTO mrr_monthly (organization_id, currency, month, ${columns.join(', ')})
     VALUES ${deltas.map(() => `(?, ?, ?, ${columns.map(() => '?').join(', ')})`).join(', ')}
     ON CONFLICT (organization_id, currency, month) DO UPDATE SET
       ${columns.map((c) => `${c} = mrr_monthly.${c} + excluded.${c}`).join(', ')}`,
    deltas.flatMap((d) => [
      ctx.organizationId,
      d.currency,
      d.month,
      ...MONTHLY_FIELDS.map((field) => d[field]),
    ]),
  );
}

/** Rebuild: the monthly sums recomputed from the entries, in SQL (not the incremental path's arithmetic). */
export async function replaceMonthlyFromEntries(ctx: Ctx): Promise<void> {
  await scoped(ctx, 'mrr_monthly').delete();
  await ctx.db.raw(
    `INSERT INTO mrr_monthly (organization_id, currency, month, change, new, expansion, contraction, churn,
                              reactivation, new_customers, reactivated_customers, churned_customers)
     SELECT organization_id, currency, date_trunc('month', date)::date, sum(change),
            coalesce(sum(movement_amount) FILTER (WHERE movement = 'new'), 0),
            coalesce(sum(movement_amount) FILTER (WHERE movement = 'expansion'), 0),
            coalesce(sum(movement_amount) FILTER (WHERE movement = 'contraction'), 0),
            coalesce(sum(movement_amount) FILTER (WHERE movement = 'churn'), 0),
            coalesce(sum(movement_amount) FILTER (WHERE movement = 'reactivation'), 0),
            count(*) FILTER (WHERE movement = 'new'),
            count(*) FILTER (WHERE movement = 'reactivation'),
            count(*) FILTER (WHERE movement = 'churn')
       FROM mrr_entries
      WHERE organization_id = ?
      GROUP BY organization_id, currency, date_trunc('month', date)`,
    [ctx.organizationId],
  );
}

export async function deleteAllEntries(ctx: Ctx): Promise<void> {
  await scoped(ctx, 'mrr_entries').delete();
}

/** The monthly sums of every month up to `lastMonth` (first day), all currencies. */
export async function monthlyUpTo(ctx: Ctx, lastMonth: string, currency?: string): Promise<MonthlyMrrRow[]> {
  const q = scoped(ctx, 'mrr_monthly')
    .select('currency', 'month', ...Object.entries(MONTHLY_COLUMNS).map(([k, c]) => `${c} as ${k}`))
    .where('month', '<=', lastMonth)
    .orderBy(['currency', 'month']);
  if (currency) q.where('currency', currency);
  const rows: Record<string, string | number>[] = await q;
  return rows.map((row) => {
    const out = { currency: String(row.currency), month: String(row.month) } as MonthlyMrrRow;
    for (const field of MONTHLY_FIELDS) out[field] = Number(row[field]);
    return out;
  });
}

export interface EntryFilter {
  contactId?: string;
  contractId?: string;
  currency?: string;
  from?: string;
  to?: string;
  /** Only the entries that close a smoothing group with this movement. */
  movement?: MrrMovement;
  limit?: number;
  startingAfter?: string;
}

function entryQuery(ctx: Ctx, filter: EntryFilter) {
  const q = scoped(ctx, 'mrr_entries').select(ENTRY_COLUMNS);
  if (filter.contactId) q.where('contact_id', filter.contactId);
  if (filter.contractId) q.where('contract_id', filter.contractId);
  if (filter.currency) q.where('currency', filter.currency);
  if (filter.from) q.where('date', '>=', filter.from);
  if (filter.to) q.where('date', '<=', filter.to);
  if (filter.movement) q.where('movement', filter.movement);
  if (filter.startingAfter) q.where('id', '>', filter.startingAfter);
  return q.orderBy('id', 'asc');
}

/** Entries in date order (ids sort by date, then contract), `limit + 1` rows for the page. */
export async function listEntries(ctx: Ctx, filter: EntryFilter): Promise<EntryRow[]> {
  return entryQuery(ctx, filter).limit(normaliseLimit(filter.limit) + 1);
}

const EXPORT_BATCH = 5000;

/** Every entry matching the filter, in date order, in batches (the CSV export: streamed, so unbounded). */
export async function* allEntries(
  ctx: Ctx,
  filter: Omit<EntryFilter, 'limit' | 'startingAfter'>,
): AsyncGenerator<MrrEntry[]> {
  let after: string | undefined;
  for (;;) {
    const rows: EntryRow[] = await entryQuery(ctx, { ...filter, startingAfter: after }).limit(EXPORT_BATCH);
    if (rows.length > 0) yield rows.map(toEntry);
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Issued documents: VAT, revenue, receivables
// ---------------------------------------------------------------------------------------------------------

/** Issued documents that carry turnover: invoices and corrected invoices, and what reverses them (negative). */
export const TURNOVER_TYPES = ['invoice', 'corrected_invoice', 'credit_note', 'cancellation'] as const;

/**
 * Which day puts a document into a period: its issue date, or its date of supply (the service date, else the
 * service period's last day, else the issue date). Credit notes and cancellations count on their issue date
 * either way: UStG §17(1) corrects the tax in the period in which the change happens.
 */
export type DateBasis = 'issue_date' | 'supply_date';

const BASIS_SQL: Record<DateBasis, string> = {
  issue_date: 'd.issue_date',
  supply_date: `CASE WHEN d.type IN ('credit_note', 'cancellation') THEN d.issue_date
                     ELSE coalesce(d.service_date, d.service_period_end, d.issue_date) END`,
};

/** Net and VAT of issued documents per currency, month, VAT category and rate (from their VAT breakdown). */
export async function taxMonths(
  ctx: Ctx,
  range: { from: string; to: string; basis: DateBasis; currency?: string },
): Promise<TaxMonthRow[]> {
  const day = BASIS_SQL[range.basis];
  const rows: {
    currency: string;
    month: string;
    category: TaxCategory;
    rate: string;
    net: string;
    tax: string;
    documents: string;
  }[] = (
    await ctx.db.raw(
      `SELECT d.currency, to_char(date_trunc('month', ${day}), 'YYYY-MM-DD') AS month,
              tb->>'category' AS category, tb->>'rate' AS rate,
              sum((tb->>'basis')::bigint) AS net, sum((tb->>'tax')::bigint) AS tax, count(*) AS documents
         FROM documents d CROSS JOIN LATERAL jsonb_array_elements(d.tax_breakdown) tb
        WHERE d.organization_id = ? AND d.status <> 'draft' AND d.type = ANY(?)
          AND ${day} BETWEEN ?::date AND ?::date ${range.currency ? 'AND d.currency = ?' : ''}
        GROUP BY 1, 2, 3, 4`,
      [
        ctx.organizationId,
        [...TURNOVER_TYPES],
        range.from,
        range.to,
        ...(range.currency ? [range.currency] : []),
      ],
    )
  ).rows;
  return rows.map((r) => ({
    currency: r.currency,
    month: r.month,
    category: r.category,
    rate: r.rate,
    net: Number(r.net),
    tax: Number(r.tax),
    documents: Number(r.documents),
  }));
}

/** The gross invoiced (less credit notes and cancellations) per currency with an issue date in the range. */
export async function invoicedGross(ctx: Ctx, from: string, to: string): Promise<Map<string, number>> {
  const rows: { currency: string; gross: string }[] = await scoped(ctx, 'documents')
    .select('currency')
    .sum({ gross: 'gross_total' })
    .whereNot('status', 'draft')
    .whereIn('type', [...TURNOVER_TYPES])
    .whereBetween('issue_date', [from, to])
    .groupBy('currency');
  return new Map(rows.map((r) => [r.currency, Number(r.gross)]));
}

// ---------------------------------------------------------------------------------------------------------
// Money: collected revenue and receivables as of a day
// ---------------------------------------------------------------------------------------------------------

/**
 * When money moved on an invoice (`a` a payment_allocations row, `p` the payment or refund it belongs to):
 * a payment's and a refund's own allocations when the money moved (`paid_at`: a transfer's value date, a card
 * capture — possibly before it was booked); a credit balance applied to an invoice, or released from one by a
 * credit note, when that was done (`created_at`, on the organisation's clock), since the money itself had
 * arrived earlier and was counted then.
 */
const MOVED_AT = `CASE WHEN a.kind IN ('payment', 'refund') THEN p.paid_at ELSE a.created_at END`;

/** The first instant after the calendar day `?` in time zone `?` (local midnight of the next day). */
const AFTER_DAY = `((?::date + 1)::timestamp AT TIME ZONE ?)`;
/** The first instant of the calendar day `?` in time zone `?`. */
const START_OF_DAY = `(?::date::timestamp AT TIME ZONE ?)`;

/**
 * The payments' money per currency and month of the organisation's calendar: succeeded payments less
 * refunds (a refund is a payment in reverse, always succeeded), by when the money moved. Failed attempts
 * brought nothing.
 */
export async function collectedMonths(
  ctx: Ctx,
  range: { from: string; to: string; timeZone: string; currency?: string },
): Promise<CashMonthRow[]> {
  const tz = range.timeZone;
  const rows: { currency: string; month: string; amount: string }[] = (
    await ctx.db.raw(
      `SELECT p.currency, to_char(date_trunc('month', p.paid_at AT TIME ZONE ?), 'YYYY-MM-DD') AS month,
              sum(CASE WHEN p.type = 'refund' THEN -p.amount ELSE p.amount END) AS amount
         FROM payments p
        WHERE p.organization_id = ? AND p.status = 'succeeded'
          AND p.paid_at >= ${START_OF_DAY} AND p.paid_at < ${AFTER_DAY}
          ${range.currency ? 'AND p.currency = ?' : ''}
        GROUP BY 1, 2`,
      [tz, ctx.organizationId, range.from, tz, range.to, tz, ...(range.currency ? [range.currency] : [])],
    )
  ).rows;
  return rows.map((r) => ({ currency: r.currency, month: r.month, amount: Number(r.amount) }));
}

const toParts = (
  breakdown: { category: TaxCategory; rate: string; basis: number; tax: number }[],
): TaxPart[] =>
  breakdown.map((b) => ({ category: b.category, rate: b.rate, net: Number(b.basis), tax: Number(b.tax) }));

/**
 * The invoices whose collected money by rate can change in `from` … `to`: money moved on them in the range,
 * or a credit note referring to them was issued in it while money was on them. For each: its VAT breakdown,
 * its credit notes issued up to `to`, and the money moved on it up to `to` per day (organisation's calendar).
 */
export async function invoiceMoney(
  ctx: Ctx,
  range: { from: string; to: string; timeZone: string; currency?: string },
): Promise<InvoiceMoney[]> {
  const tz = range.timeZone;
  const rows: {
    id: string;
    currency: string;
    tax_breakdown: { category: TaxCategory; rate: string; basis: number; tax: number }[];
    moves: { date: string; amount: number }[];
    credits: { date: string; parts: { category: TaxCategory; rate: string; basis: number; tax: number }[] }[];
  }[] = (
    await ctx.db.raw(
      `WITH moves AS (
         SELECT a.document_id, (${MOVED_AT} AT TIME ZONE ?)::date AS day, a.amount
           FROM payment_allocations a
           JOIN payments p ON p.organization_id = a.organization_id AND p.id = a.payment_id
          WHERE a.organization_id = ?),
       touched AS (
         SELECT document_id FROM moves WHERE day BETWEEN ?::date AND ?::date
         UNION
         SELECT preceding_document_id FROM documents
          WHERE organization_id = ? AND type = 'credit_note' AND status <> 'draft'
            AND preceding_document_id IS NOT NULL AND issue_date BETWEEN ?::date AND ?::date),
       money AS (
         SELECT document_id,
                json_agg(json_build_object('date', to_char(day, 'YYYY-MM-DD'), 'amount', amount) ORDER BY day) AS moves
           FROM (SELECT m.document_id, m.day, sum(m.amount) AS amount
                   FROM moves m JOIN touched t ON t.document_id = m.document_id
                  WHERE m.day <= ?::date
                  GROUP BY 1, 2) per_day
          GROUP BY document_id),
       credits AS (
         SELECT c.preceding_document_id AS document_id,
                json_agg(json_build_object('date', to_char(c.issue_date, 'YYYY-MM-DD'), 'parts', c.tax_breakdown)
                         ORDER BY c.issue_date, c.id) AS credits
           FROM documents c JOIN money m ON m.document_id = c.preceding_document_id
          WHERE c.organization_id = ? AND c.type = 'credit_note' AND c.status <> 'draft' AND c.issue_date <= ?::date
          GROUP BY 1)
       SELECT d.id, d.currency, d.tax_breakdown, m.moves, coalesce(c.credits, '[]'::json) AS credits
         FROM money m
         JOIN documents d ON d.organization_id = ? AND d.id = m.document_id
         LEFT JOIN credits c ON c.document_id = d.id
        ${range.currency ? 'WHERE d.currency = ?' : ''}
        ORDER BY d.id`,
      [
        tz,
        ctx.organizationId,
        range.from,
        range.to,
        ctx.organizationId,
        range.from,
        range.to,
        range.to,
        ctx.organizationId,
        range.to,
        ctx.organizationId,
        ...(range.currency ? [range.currency] : []),
      ],
    )
  ).rows;
  return rows.map((r) => ({
    id: r.id,
    currency: r.currency,
    issued: toParts(r.tax_breakdown),
    credits: r.credits.map((c) => ({ date: c.date, parts: toParts(c.parts) })),
    moves: r.moves.map((m) => ({ date: m.date, amount: Number(m.amount) })),
  }));
}

export interface ReceivableRow {
  contact_id: string;
  contact_name: string | null;
  currency: string;
  type: DocumentType;
  due_date: string | null;
  amount_due: string;
  /** As the invoice stands now. */
  amount_credited: string;
  amount_paid: string;
  /** Credited by credit notes issued after asOf (positive), and money moved on it after asOf (signed). */
  credited_after: string;
  paid_after: string;
}

/**
 * Invoices and corrected invoices as they stood at the end of `asOf` (organisation's calendar): issued by then
 * and not cancelled by then, with what was credited and paid on them since — so the caller takes the open
 * amount then as the one now with those undone. Only invoices that may have been open then are read: open
 * now, or touched since (money, a credit note, their cancellation).
 */
export async function receivablesAsOf(
  ctx: Ctx,
  asOf: string,
  timeZone: string,
  currency?: string,
): Promise<ReceivableRow[]> {
  return (
    await ctx.db.raw(
      `WITH paid_after AS (
         SELECT a.document_id, sum(a.amount) AS amount
           FROM payment_allocations a
           JOIN payments p ON p.organization_id = a.organization_id AND p.id = a.payment_id
          WHERE a.organization_id = ? AND ${MOVED_AT} >= ${AFTER_DAY}
          GROUP BY 1),
       credited_after AS (
         SELECT preceding_document_id AS document_id, -sum(gross_total) AS amount
           FROM documents
          WHERE organization_id = ? AND type = 'credit_note' AND status <> 'draft'
            AND preceding_document_id IS NOT NULL AND issue_date > ?::date
          GROUP BY 1)
       SELECT d.contact_id, d.buyer->>'name' AS contact_name, d.currency, d.type, d.due_date,
              d.amount_due, d.amount_credited, d.amount_paid,
              coalesce(ca.amount, 0) AS credited_after, coalesce(pa.amount, 0) AS paid_after
         FROM documents d
         LEFT JOIN paid_after pa ON pa.document_id = d.id
         LEFT JOIN credited_after ca ON ca.document_id = d.id
         LEFT JOIN documents x ON x.organization_id = d.organization_id AND x.id = d.cancelled_by_document_id
        WHERE d.organization_id = ? AND d.type IN ('invoice', 'corrected_invoice') AND d.status <> 'draft'
          AND d.issue_date <= ?::date
          -- cancelled by then: the cancellation document (Storno) was issued on or before asOf
          AND NOT (d.status = 'cancelled' AND (x.id IS NULL OR x.issue_date <= ?::date))
          AND (d.status = ANY(?) OR pa.document_id IS NOT NULL OR ca.document_id IS NOT NULL OR x.id IS NOT NULL)
          ${currency ? 'AND d.currency = ?' : ''}`,
      [
        ctx.organizationId,
        asOf,
        timeZone,
        ctx.organizationId,
        asOf,
        ctx.organizationId,
        asOf,
        asOf,
        [...OPEN_STATUSES],
        ...(currency ? [currency] : []),
      ],
    )
  ).rows;
}
