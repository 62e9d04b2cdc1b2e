import type { PriceModel } from '../billing/pricing';
import { type Ctx, scoped } from '../context';
import type * as contractRepo from '../contracts/repo';
import type { PostalAddress } from '../organizations/types';
import { applyCursor } from '../pagination';
import type { BillingRun, BillingRunError, BillingRunListQuery } from './types';

export interface BillingRunRow {
  id: string;
  organization_id: string;
  as_of: string;
  mode: BillingRun['mode'];
  status: BillingRun['status'];
  trigger: BillingRun['trigger'];
  filters: { contactIds?: string[]; contractIds?: string[] };
  total: number;
  processed: number;
  failed: number;
  invoices_created: number;
  batches_total: number;
  batches_done: number;
  errors: BillingRunError[];
  failure: BillingRun['failure'];
  cancel_requested: boolean;
  started_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toRun(row: BillingRunRow): BillingRun {
  return {
    id: row.id,
    asOf: row.as_of,
    mode: row.mode,
    status: row.status,
    trigger: row.trigger,
    filters: { contactIds: row.filters.contactIds ?? null, contractIds: row.filters.contractIds ?? null },
    total: row.total,
    processed: row.processed,
    failed: row.failed,
    invoicesCreated: row.invoices_created,
    batchesTotal: row.batches_total,
    batchesDone: row.batches_done,
    errors: row.errors,
    failure: row.failure,
    cancelRequested: row.cancel_requested,
    startedAt: row.started_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findRun(
  ctx: Ctx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<BillingRunRow | undefined> {
  const q = scoped(ctx, 'billing_runs').where('id', id);
  if (options.lock) q.forUpdate();
  return q.first();
}

export async function listRuns(ctx: Ctx, query: BillingRunListQuery): Promise<BillingRunRow[]> {
  const q = scoped(ctx, 'billing_runs').select('*');
  if (query.status) q.where('status', query.status);
  return applyCursor(q, query);
}

const columnTypes = new Map<string, Map<string, string>>();

/** The SQL types of a table's columns, read once per process from the catalog. */
async function typesOf(tx: Ctx, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    const result = await tx.db.raw<{ rows: { name: string; type: string }[] }>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type
         FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped`,
      [table],
    );
    types = new Map(result.rows.map((r) => [r.name, r.type]));
    columnTypes.set(table, types);
  }
  return types;
}

/**
 * Writes many rows with one statement and one parameter: the rows travel as a JSON array that
 * `json_to_recordset` turns into typed rows. Building one JSON text is far cheaper in Node than binding tens
 * of thousands of parameters, and PostgreSQL converts it in one pass. Columns not listed take their defaults.
 */
export async function insertRows(
  tx: Ctx,
  table: string,
  columns: readonly string[],
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const types = await typesOf(tx, table);
  const list = columns.join(', ');
  const definition = columns
    .map((c) => {
      const type = types.get(c);
      if (!type) throw new Error(`${table} has no column ${c}`);
      return `${c} ${type}`;
    })
    .join(', ');
  await tx.db.raw(
    `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_to_recordset(?::json) AS r(${definition})`,
    [JSON.stringify(rows)],
  );
}

/**
 * The contracts a run looks at: not ended, of a contact that is not archived, and possibly due. The latest
 * billed-period key of a contract carries a hint (`next_due_on`, valid for the contract version it was
 * written at): a contract whose hint says nothing is due before a later day, and which has not changed
 * since, is skipped — daily runs look only at what can be due. Ordered by contact so a contact's contracts
 * land in one batch (collective invoices).
 */
export async function candidates(
  ctx: Ctx,
  asOf: string,
  filters: { contactIds?: string[] | null; contractIds?: string[] | null },
): Promise<{ id: string; contact_id: string }[]> {
  const bindings: (string | string[])[] = [ctx.organizationId, asOf];
  let where = '';
  if (filters.contactIds) {
    where += ' AND c.contact_id = ANY(?::text[])';
    bindings.push(filters.contactIds);
  }
  if (filters.contractIds) {
    where += ' AND c.id = ANY(?::text[])';
    bindings.push(filters.contractIds);
  }
  const result = await ctx.db.raw<{ rows: { id: string; contact_id: string }[] }>(
    `SELECT c.id, c.contact_id
       FROM contracts c
       JOIN contacts k ON k.organization_id = c.organization_id AND k.id = c.contact_id AND k.archived_at IS NULL
       LEFT JOIN LATERAL (
         SELECT bp.next_due_on, bp.contract_version FROM billed_periods bp
          WHERE bp.organization_id = c.organization_id AND bp.contract_id = c.id
          ORDER BY bp.period_start DESC LIMIT 1
       ) hint ON true
      WHERE c.organization_id = ? AND c.status <> 'ended'
        AND (hint.contract_version IS DISTINCT FROM c.version OR hint.next_due_on <= ?::date)${where}
      ORDER BY c.contact_id, c.id`,
    bindings,
  );
  return result.rows;
}

/** Claims a pending batch for this transaction (row lock until commit); null when it is already done. */
export async function claimBatch(tx: Ctx, runId: string, batch: number): Promise<string[] | null> {
  const rows: { contract_ids: string[] }[] = await scoped(tx, 'billing_run_batches')
    .where({ billing_run_id: runId, batch, status: 'pending' })
    .update({ status: 'pending' })
    .returning('contract_ids');
  return rows[0]?.contract_ids ?? null;
}

/** A contract as billing reads it. */
export interface BillingContractRow {
  id: string;
  contact_id: string;
  currency: string;
  interval_months: number;
  timing: contractRepo.ContractRow['timing'];
  start_date: string;
  end_date: string | null;
  billing_anchor_day: number | null;
  proration: contractRepo.ContractRow['proration'];
  payment_method: string | null;
  collective: boolean;
  auto_send: boolean;
  version: number;
}

/** An item as billing reads it; decimals stay text, the price model is its JSON text (see ComposeCache). */
export interface BillingItemRow {
  id: string;
  contract_id: string;
  article_id: string | null;
  name: string;
  description: string | null;
  quantity: string;
  unit_code: string;
  price_model: string;
  discount_percent: string | null;
  tax_rate_kind: contractRepo.ItemRow['tax_rate_kind'];
  supply_kind: contractRepo.ItemRow['supply_kind'];
  starts_on: string | null;
  ends_on: string | null;
}

/** The contact facts billing needs: tax (country, VAT id, kind), grouping, language and payment terms. */
export interface BillingContactRow {
  id: string;
  kind: 'person' | 'company';
  billing_address: PostalAddress | null;
  vat_id: string | null;
  language: string;
  payment_terms_days: number | null;
  collective_invoicing: boolean;
}

export interface BillingData {
  contracts: BillingContractRow[];
  items: BillingItemRow[];
  priceChanges: {
    contract_id: string;
    contract_item_id: string | null;
    kind: 'new_price' | 'percent';
    price_model: PriceModel | null;
    percent: string | null;
    effective_date: string;
    announced_on: string | null;
  }[];
  pauses: { contract_id: string; starts_on: string; ends_on: string | null }[];
  /** Unbilled one-off charges (due or not). */
  charges: {
    id: string;
    contract_id: string;
    kind: contractRepo.ChargeRow['kind'];
    name: string;
    amount: number;
    due_on: string;
    period_start: string | null;
    period_end: string | null;
    tax_rate_kind: contractRepo.ChargeRow['tax_rate_kind'];
    supply_kind: contractRepo.ChargeRow['supply_kind'];
  }[];
  /** Start of the last period billed so far, per contract. */
  last: { contract_id: string; start: string }[];
  contacts: BillingContactRow[];
}

/** `column = ANY(the ids)` with the ids as one array parameter, not one placeholder each. */
const IN_IDS = '= ANY(?::text[])';

/**
 * Everything billing needs of some contracts — contracts, items, price changes, pauses, open charges, the
 * last billed period and the contacts — in ONE round trip, as one JSON text. Node parses one JSON document
 * natively far faster than it decodes thousands of rows value by value, and the batch spends its time
 * where the work is. Decimals travel as text (never as JSON numbers, which would become floats).
 */
export async function billingData(tx: Ctx, contractIds: readonly string[]): Promise<BillingData> {
  const result = await tx.db.raw<{ rows: { data: string }[] }>(
    `WITH c AS (
       SELECT * FROM contracts WHERE organization_id = ? AND id ${IN_IDS} AND status <> 'ended'
     )
     SELECT json_build_object(
       'contracts', (SELECT coalesce(json_agg(json_build_object(
           'id', id, 'contact_id', contact_id, 'currency', currency, 'interval_months', interval_months,
           'timing', timing, 'start_date', start_date, 'end_date', end_date, 'billing_anchor_day', billing_anchor_day,
           'proration', proration, 'payment_method', payment_method, 'collective', collective,
           'auto_send', auto_send, 'version', version)), '[]') FROM c),
       'items', (SELECT coalesce(json_agg(json_build_object(
           'id', i.id, 'contract_id', i.contract_id, 'article_id', i.article_id, 'name', i.name,
           'description', i.description, 'quantity', i.quantity::text, 'unit_code', i.unit_code,
           'price_model', i.price_model::text, 'discount_percent', i.discount_percent::text,
           'tax_rate_kind', i.tax_rate_kind, 'supply_kind', i.supply_kind, 'starts_on', i.starts_on,
           'ends_on', i.ends_on) ORDER BY i.contract_id, i.starts_on NULLS FIRST, i.position), '[]')
           FROM contract_items i WHERE i.organization_id = ? AND i.contract_id IN (SELECT id FROM c)),
       'priceChanges', (SELECT coalesce(json_agg(json_build_object(
           'contract_id', p.contract_id, 'contract_item_id', p.contract_item_id, 'kind', p.kind,
           'price_model', p.price_model, 'percent', p.percent::text, 'effective_date', p.effective_date,
           'announced_on', p.announced_on) ORDER BY p.effective_date, p.id), '[]')
           FROM contract_price_changes p WHERE p.organization_id = ? AND p.contract_id IN (SELECT id FROM c)),
       'pauses', (SELECT coalesce(json_agg(json_build_object(
           'contract_id', p.contract_id, 'starts_on', p.starts_on, 'ends_on', p.ends_on) ORDER BY p.starts_on), '[]')
           FROM contract_pauses p WHERE p.organization_id = ? AND p.contract_id IN (SELECT id FROM c)),
       'charges', (SELECT coalesce(json_agg(json_build_object(
           'id', g.id, 'contract_id', g.contract_id, 'kind', g.kind, 'name', g.name, 'amount', g.amount,
           'due_on', g.due_on, 'period_start', g.period_start, 'period_end', g.period_end,
           'tax_rate_kind', g.tax_rate_kind, 'supply_kind', g.supply_kind) ORDER BY g.due_on, g.id), '[]')
           FROM contract_charges g
          WHERE g.organization_id = ? AND g.contract_id IN (SELECT id FROM c) AND g.billed_at IS NULL),
       'last', (SELECT coalesce(json_agg(json_build_object('contract_id', contract_id, 'start', last)), '[]') FROM (
           SELECT b.contract_id, max(b.period_start) AS last FROM billed_periods b
            WHERE b.organization_id = ? AND b.contract_id IN (SELECT id FROM c) GROUP BY b.contract_id) l),
       'contacts', (SELECT coalesce(json_agg(json_build_object(
           'id', k.id, 'kind', k.kind, 'billing_address', k.billing_address, 'vat_id', k.vat_id,
           'language', k.language, 'payment_terms_days', k.payment_terms_days,
           'collective_invoicing', k.collective_invoicing)), '[]')
           FROM contacts k WHERE k.organization_id = ? AND k.id IN (SELECT contact_id FROM c))
     )::text AS data`,
    [tx.organizationId, [...contractIds], ...Array.from({ length: 6 }, () => tx.organizationId)],
  );
  return JSON.parse(result.rows[0]!.data) as BillingData;
}

/**
 * THE idempotency guard: inserts the periods' keys and returns those this transaction won. A key another
 * transaction holds uncommitted makes this one wait for it, then lose it; keys go in in one global order
 * (contract, period start), so two runs never wait on each other in a cycle.
 */
export async function claimPeriods(
  tx: Ctx,
  rows: {
    contract_id: string;
    period_start: string;
    period_end: string;
    document_id: string | null;
    next_due_on: string;
    contract_version: number;
  }[],
  runId: string,
  now: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const sorted = [...rows].sort((a, b) =>
    a.contract_id < b.contract_id
      ? -1
      : a.contract_id > b.contract_id
        ? 1
        : a.period_start < b.period_start
          ? -1
          : 1,
  );
  const result = await tx.db.raw<{ rows: { contract_id: string; period_start: string }[] }>(
    `INSERT INTO billed_periods (organization_id, contract_id, period_start, period_end, billing_run_id, document_id,
                                 next_due_on, contract_version, created_at)
     SELECT ?, contract_id, period_start, period_end, ?, document_id, next_due_on, contract_version, ?
       FROM json_to_recordset(?::json)
         AS p(contract_id text, period_start date, period_end date, document_id text, next_due_on date, contract_version integer)
     ON CONFLICT DO NOTHING
     RETURNING contract_id, period_start`,
    [tx.organizationId, runId, now, JSON.stringify(sorted)],
  );
  return new Set(result.rows.map((r) => `${r.contract_id}\u0000${r.period_start}`));
}

/** The values every invoice of a batch shares; sent once, not with each row. */
export interface InvoiceHead {
  runId: string;
  issueDate: string;
  /** Set for finalized invoices: issued_at and finalized_at. */
  finalizedAt: Date | null;
  now: Date;
}

/**
 * One invoice as a positional row (see `insertInvoices`): id, contact_id, number, due_date, send_date,
 * currency, language, service_period_start, service_period_end, line_net_total, tax_basis_total, tax_total,
 * gross_total, amount_due, tax_breakdown, collective, seller, buyer, payment_terms, payment_means.
 */
export type InvoiceTuple = [
  string,
  string,
  string | null,
  string,
  string | null,
  string,
  string,
  string | null,
  string | null,
  number,
  number,
  number,
  number,
  number,
  unknown,
  boolean,
  unknown,
  unknown,
  string | null,
  unknown,
];

/**
 * One line as a positional row: id, document_id, position, article_id, contract_id, contract_item_id, name,
 * description, quantity, unit_code, unit_amount, discount_percent, net_amount, tax_category, tax_rate,
 * period_start, period_end.
 */
export type LineTuple = [
  string,
  string,
  number,
  string | null,
  string,
  string | null,
  string,
  string | null,
  string,
  string,
  string,
  string | null,
  number,
  string,
  string,
  string | null,
  string | null,
];

/**
 * Writes a batch's invoices (always as drafts: lines can only be added to a draft, GoBD trigger) with one
 * statement. Rows travel positionally in one JSON array — names would be most of the bytes — and what all
 * rows share goes once as parameters.
 */
export async function insertInvoices(
  tx: Ctx,
  head: InvoiceHead,
  rows: readonly InvoiceTuple[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.db.raw(
    `INSERT INTO documents (id, organization_id, contact_id, type, status, number, created_at, type_code, issue_date,
       issued_at, service_period_start, service_period_end, due_date, send_date, currency, language, seller, buyer,
       payment_terms, payment_means, line_net_total, tax_basis_total, tax_total, gross_total, amount_due,
       tax_breakdown, finalized_at, billing_run_id, collective, updated_at)
     SELECT r->>0, ?, r->>1, 'invoice', 'draft', r->>2, ?, '380', ?::date,
            ?::timestamptz, (r->>7)::date, (r->>8)::date, (r->>3)::date, (r->>4)::date, r->>5, r->>6,
            nullif(r->16, 'null'), nullif(r->17, 'null'),
            r->>18, nullif(r->19, 'null'), (r->>9)::bigint, (r->>10)::bigint, (r->>11)::bigint, (r->>12)::bigint,
            (r->>13)::bigint, r->14, ?::timestamptz, ?, (r->>15)::boolean, ?
       FROM jsonb_array_elements(?::jsonb) AS r`,
    [
      tx.organizationId,
      head.now,
      head.issueDate,
      head.finalizedAt,
      head.finalizedAt,
      head.runId,
      head.now,
      JSON.stringify(rows),
    ],
  );
}

export async function insertLines(tx: Ctx, rows: readonly LineTuple[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.db.raw(
    `INSERT INTO document_lines (id, organization_id, document_id, position, article_id, contract_id, contract_item_id,
       name, description, quantity, unit_code, unit_amount, discount_percent, net_amount, tax_category, tax_rate,
       period_start, period_end)
     SELECT r->>0, ?, r->>1, (r->>2)::integer, r->>3, r->>4, r->>5, r->>6, r->>7, (r->>8)::numeric, r->>9,
            (r->>10)::numeric, (r->>11)::numeric, (r->>12)::bigint, r->>13, (r->>14)::numeric, (r->>15)::date,
            (r->>16)::date
       FROM jsonb_array_elements(?::jsonb) AS r`,
    [tx.organizationId, JSON.stringify(rows)],
  );
}

/** The line of an invoice event object, built from the stored line `x`. */
const EVENT_LINE = `json_build_object('id', x.id, 'position', x.position, 'name', x.name, 'quantity', x.quantity::text,
  'unitCode', x.unit_code, 'unitAmount', x.unit_amount::text, 'discountPercent', x.discount_percent::text,
  'netAmount', x.net_amount, 'taxCategory', x.tax_category, 'taxRate', x.tax_rate::text, 'contractId', x.contract_id,
  'contractItemId', x.contract_item_id,
  'period', CASE WHEN x.period_start IS NULL THEN NULL ELSE json_build_object('start', x.period_start, 'end', x.period_end) END)`;

/**
 * Writes `invoice.*` events whose object is built by PostgreSQL from the invoices and lines just stored —
 * the same object as service.invoiceObject (a test holds the two equal), without sending it over the wire:
 * it would be the largest part of a batch's bytes. `events` are (id, type, document_id).
 */
export async function insertInvoiceEvents(
  tx: Ctx,
  events: readonly { id: string; type: string; document_id: string }[],
  requestId: string | null,
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  await tx.db.raw(
    `INSERT INTO events (id, organization_id, type, resource_type, resource_id, data, request_id, created_at)
     SELECT e.id, d.organization_id, e.type, 'invoice', d.id,
            json_build_object('object', json_build_object(
              'id', d.id, 'object', 'invoice', 'type', d.type, 'status', d.status, 'number', d.number,
              'contactId', d.contact_id, 'billingRunId', d.billing_run_id, 'collective', d.collective,
              'currency', d.currency, 'language', d.language, 'issueDate', d.issue_date, 'dueDate', d.due_date,
              'sendDate', d.send_date,
              'servicePeriod', CASE WHEN d.service_period_start IS NULL THEN NULL
                                    ELSE json_build_object('start', d.service_period_start, 'end', d.service_period_end) END,
              'lineNetTotal', d.line_net_total, 'taxTotal', d.tax_total, 'grossTotal', d.gross_total,
              'amountDue', d.amount_due, 'taxBreakdown', d.tax_breakdown, 'lines', l.lines,
              'createdAt', to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
            ?, ?
       FROM json_to_recordset(?::json) AS e(id text, type text, document_id text)
       JOIN documents d ON d.organization_id = ? AND d.id = e.document_id
       CROSS JOIN LATERAL (
         SELECT json_agg(${EVENT_LINE} ORDER BY x.position) AS lines FROM document_lines x
          WHERE x.organization_id = d.organization_id AND x.document_id = d.id
       ) l`,
    [requestId, now, JSON.stringify(events), tx.organizationId],
  );
}

/** Claims unbilled one-off charges for their invoices; returns the ids this transaction won. */
export async function claimCharges(
  tx: Ctx,
  claims: { id: string; document_id: string }[],
  runId: string,
  now: Date,
): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const sorted = [...claims].sort((a, b) => (a.id < b.id ? -1 : 1));
  const result = await tx.db.raw<{ rows: { id: string }[] }>(
    `UPDATE contract_charges c SET billed_at = ?, billing_run_id = ?, document_id = v.document_id
       FROM json_to_recordset(?::json) AS v(id text, document_id text)
      WHERE c.organization_id = ? AND c.id = v.id AND c.billed_at IS NULL
      RETURNING c.id`,
    [now, runId, JSON.stringify(sorted), tx.organizationId],
  );
  return new Set(result.rows.map((r) => r.id));
}

/**
 * Marks contracts whose end date has passed with nothing left to bill as ended. Guarded by the version read
 * at load: a contract changed meanwhile (its end date moved, say) is left for the next run to judge.
 */
export async function markEnded(
  tx: Ctx,
  rows: { id: string; version: number }[],
  now: Date,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const result = await tx.db.raw<{ rows: { id: string }[] }>(
    `UPDATE contracts c SET status = 'ended', ended_at = ?, version = c.version + 1, updated_at = ?
       FROM json_to_recordset(?::json) AS v(id text, version integer)
      WHERE c.organization_id = ? AND c.id = v.id AND c.version = v.version AND c.status <> 'ended'
      RETURNING c.id`,
    [now, now, JSON.stringify(rows), tx.organizationId],
  );
  return result.rows.map((r) => r.id);
}

/** Adds a batch's counts to its run; the returned row tells whether it was the last batch. */
export async function addBatchResult(
  tx: Ctx,
  runId: string,
  batch: number,
  status: 'completed' | 'skipped' | 'failed',
  counts: { processed: number; failed: number; invoices: number; errors: BillingRunError[] },
  now: Date,
): Promise<BillingRunRow> {
  await scoped(tx, 'billing_run_batches').where({ billing_run_id: runId, batch }).update({
    status,
    processed: counts.processed,
    failed: counts.failed,
    invoices_created: counts.invoices,
    completed_at: now,
  });
  // the run row is locked from here to commit: the last statement of the batch, so batches queue briefly
  const result = await tx.db.raw<{ rows: BillingRunRow[] }>(
    `UPDATE billing_runs
        SET processed = processed + ?, failed = failed + ?, invoices_created = invoices_created + ?,
            batches_done = batches_done + 1, updated_at = ?,
            errors = CASE WHEN jsonb_array_length(errors) >= ? THEN errors
                     ELSE (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM
                            (SELECT e FROM jsonb_array_elements(errors || ?::jsonb) e LIMIT ?) x) END
      WHERE organization_id = ? AND id = ?
      RETURNING *`,
    [
      counts.processed,
      counts.failed,
      counts.invoices,
      now,
      MAX_STORED_ERRORS,
      JSON.stringify(counts.errors),
      MAX_STORED_ERRORS,
      tx.organizationId,
      runId,
    ],
  );
  return result.rows[0]!;
}

export const MAX_STORED_ERRORS = 1000;
