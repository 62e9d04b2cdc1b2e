import type { Knex } from 'knex';
import { addDays } from '../billing/dates';
import { type Ctx, scoped } from '../context';
import type { DocumentStatus } from '../documents/resource';
import type { BuyerSnapshot, DocumentLanguage, DocumentType } from '../documents/types';
import { applyCursor } from '../pagination';
import { OPEN_STATUSES, outstandingSql, PAYABLE_TYPES } from '../payments/rules';
import type { DunningLetterData } from './pdf';
import type { DunnableInvoice } from './rules';
import type {
  BaseRate,
  CustomerType,
  DunningEmailStatus,
  DunningLevelInput,
  DunningNotice,
  DunningNoticeInvoice,
  DunningNoticeListQuery,
  DunningNoticeStatus,
  DunningRun,
  DunningRunError,
  DunningRunListQuery,
  DunningRunStatus,
} from './types';

/** SQL of dunning: one place, explicit columns, every query scoped to the organisation. */

// ——— settings ———

export interface SettingsRow {
  organization_id: string;
  base_rates: BaseRate[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface LevelRow {
  organization_id: string;
  level: number;
  name: string | null;
  days_after_due: number;
  fee: number;
  interest: boolean;
}

export async function findSettings(
  ctx: Ctx,
  options: { lock?: boolean } = {},
): Promise<{ settings: SettingsRow; levels: LevelRow[] } | undefined> {
  const q = scoped(ctx, 'dunning_settings').select(
    'organization_id',
    'base_rates',
    'version',
    'created_at',
    'updated_at',
  );
  if (options.lock) q.forUpdate();
  const settings: SettingsRow | undefined = await q.first();
  if (!settings) return undefined;
  const levels: LevelRow[] = await scoped(ctx, 'dunning_levels')
    .select('organization_id', 'level', 'name', 'days_after_due', 'fee', 'interest')
    .orderBy('level');
  return { settings, levels };
}

/** Replaces the organisation's levels and own base rates, in the caller's transaction. */
export async function saveSettings(
  tx: Ctx,
  input: { levels: readonly (DunningLevelInput & { name: string | null })[]; baseRates: readonly BaseRate[] },
  version: number,
  now: Date,
): Promise<void> {
  await tx
    .db('dunning_settings')
    .insert({
      organization_id: tx.organizationId,
      base_rates: JSON.stringify(input.baseRates),
      version,
      created_at: now,
      updated_at: now,
    })
    .onConflict('organization_id')
    .merge(['base_rates', 'version', 'updated_at']);
  await scoped(tx, 'dunning_levels').delete();
  if (input.levels.length > 0) {
    await tx.db('dunning_levels').insert(
      input.levels.map((l) => ({
        organization_id: tx.organizationId,
        level: l.level,
        name: l.name,
        days_after_due: l.daysAfterDue,
        fee: l.fee,
        interest: l.interest,
      })),
    );
  }
}

// ——— runs ———

export interface RunRow {
  id: string;
  organization_id: string;
  as_of: string;
  trigger: 'api' | 'schedule';
  status: DunningRunStatus;
  filters: { contactIds?: string[] };
  contacts_total: number;
  contacts_processed: number;
  contacts_failed: number;
  notices_created: number;
  invoices_dunned: number;
  errors: DunningRunError[];
  failure: { code: string; message: string } | null;
  started_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const RUN_COLUMNS = [
  'id',
  'organization_id',
  'as_of',
  'trigger',
  'status',
  'filters',
  'contacts_total',
  'contacts_processed',
  'contacts_failed',
  'notices_created',
  'invoices_dunned',
  'errors',
  'failure',
  'started_at',
  'completed_at',
  'created_at',
  'updated_at',
];

export function toRun(row: RunRow): DunningRun {
  return {
    id: row.id,
    asOf: row.as_of,
    status: row.status,
    trigger: row.trigger,
    filters: { contactIds: row.filters.contactIds ?? null },
    contactsTotal: row.contacts_total,
    contactsProcessed: row.contacts_processed,
    contactsFailed: row.contacts_failed,
    noticesCreated: row.notices_created,
    invoicesDunned: row.invoices_dunned,
    errors: row.errors,
    failure: row.failure,
    startedAt: row.started_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Inserts a run; a second daily run of the same day is ignored (undefined). */
export async function insertRun(
  tx: Ctx,
  run: { id: string; asOf: string; trigger: 'api' | 'schedule'; filters: object },
  now: Date,
): Promise<RunRow | undefined> {
  const insert = tx.db('dunning_runs').insert({
    id: run.id,
    organization_id: tx.organizationId,
    as_of: run.asOf,
    trigger: run.trigger,
    filters: JSON.stringify(run.filters),
    created_at: now,
    updated_at: now,
  });
  if (run.trigger === 'schedule') {
    insert.onConflict(tx.db.raw("(organization_id, as_of) WHERE trigger = 'schedule'")).ignore();
  }
  const [row] = (await insert.returning(RUN_COLUMNS)) as RunRow[];
  return row;
}

export async function findRun(
  ctx: Ctx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RunRow | undefined> {
  const q = scoped(ctx, 'dunning_runs').select(RUN_COLUMNS).where('id', id);
  if (options.lock) q.forUpdate();
  return q.first();
}

export async function listRuns(ctx: Ctx, query: DunningRunListQuery): Promise<RunRow[]> {
  const q = scoped(ctx, 'dunning_runs').select(RUN_COLUMNS);
  if (query.status) q.where('status', query.status);
  return applyCursor(q, query);
}

export async function updateRun(ctx: Ctx, id: string, changes: Record<string, unknown>): Promise<RunRow> {
  const [row] = (await scoped(ctx, 'dunning_runs')
    .where('id', id)
    .update(changes)
    .returning(RUN_COLUMNS)) as RunRow[];
  return row!;
}

/** Adds one contact's outcome to the run's counters in one statement (concurrent-safe increments). */
export async function countContact(
  tx: Ctx,
  runId: string,
  outcome: { notices: number; invoices: number; error?: DunningRunError },
  now: Date,
): Promise<void> {
  await scoped(tx, 'dunning_runs')
    .where('id', runId)
    .update({
      contacts_processed: tx.db.raw('contacts_processed + 1'),
      contacts_failed: tx.db.raw('contacts_failed + ?', [outcome.error ? 1 : 0]),
      notices_created: tx.db.raw('notices_created + ?', [outcome.notices]),
      invoices_dunned: tx.db.raw('invoices_dunned + ?', [outcome.invoices]),
      // the first 1,000 errors are kept; the counter counts all
      errors: outcome.error
        ? tx.db.raw('CASE WHEN jsonb_array_length(errors) < 1000 THEN errors || ?::jsonb ELSE errors END', [
            JSON.stringify([outcome.error]),
          ])
        : tx.db.raw('errors'),
      updated_at: now,
    });
}

// ——— overdue invoices ———

export interface InvoiceRow {
  id: string;
  contact_id: string;
  type: DocumentType;
  status: DocumentStatus;
  number: string;
  issue_date: string;
  due_date: string | null;
  currency: string;
  amount_due: number;
  amount_credited: number;
  amount_paid: number;
  buyer: BuyerSnapshot;
  language: DocumentLanguage;
}

const INVOICE_COLUMNS = [
  'id',
  'contact_id',
  'type',
  'status',
  'number',
  'issue_date',
  'due_date',
  'currency',
  'amount_due',
  'amount_credited',
  'amount_paid',
  'buyer',
  'language',
];

export function toDunnable(row: InvoiceRow): DunnableInvoice {
  return {
    id: row.id,
    contactId: row.contact_id,
    type: row.type,
    status: row.status,
    number: row.number,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    currency: row.currency,
    amountDue: row.amount_due,
    amountCredited: row.amount_credited,
    amountPaid: row.amount_paid,
  };
}

/**
 * Issued invoices that owe something and are at least `minDays` past their due date on `asOf` — the ones a
 * level can have reached. The open amount and statuses are the ones payments/rules.openAmount judges by.
 */
function overdue(ctx: Ctx, asOf: string, minDays: number): Knex.QueryBuilder {
  return scoped(ctx, 'documents')
    .whereIn('type', [...PAYABLE_TYPES])
    .whereIn('status', [...OPEN_STATUSES])
    .whereNotNull('due_date')
    .where('due_date', '<=', addDays(asOf, -minDays))
    .whereRaw(`${outstandingSql('documents')} > 0`);
}

/** The contacts with overdue invoices, in id order (the run works through them one transaction each). */
export async function overdueContacts(
  ctx: Ctx,
  asOf: string,
  minDays: number,
  contactIds: readonly string[] | null,
): Promise<string[]> {
  const q = overdue(ctx, asOf, minDays).distinct('contact_id').orderBy('contact_id');
  if (contactIds) q.whereIn('contact_id', [...contactIds]);
  return q.pluck('contact_id');
}

/** Every overdue invoice (a dry run: nothing is locked). */
export async function overdueInvoices(
  ctx: Ctx,
  asOf: string,
  minDays: number,
  contactIds: readonly string[] | null,
): Promise<InvoiceRow[]> {
  const q = overdue(ctx, asOf, minDays).select(INVOICE_COLUMNS).orderBy('id');
  if (contactIds) q.whereIn('contact_id', [...contactIds]);
  return q;
}

/**
 * One contact's overdue invoices, locked in id order (the order payments lock invoices in, so the two never
 * wait in a cycle): a payment booked meanwhile either committed before — and is seen here — or waits until
 * the letter committed. Two runs dunning the same contact queue here, and the second sees the first's levels.
 */
export async function lockOverdueOf(
  tx: Ctx,
  contactId: string,
  asOf: string,
  minDays: number,
): Promise<InvoiceRow[]> {
  return overdue(tx, asOf, minDays)
    .where('contact_id', contactId)
    .select(INVOICE_COLUMNS)
    .orderBy('id')
    .forUpdate();
}

/** The highest level each invoice was dunned at so far. */
export async function dunnedLevels(ctx: Ctx, invoiceIds: readonly string[]): Promise<Map<string, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows: { document_id: string; level: number }[] = await scoped(ctx, 'dunning_notice_items')
    .whereRaw('document_id = ANY(?::text[])', [[...invoiceIds]])
    .groupBy('document_id')
    .select('document_id', ctx.db.raw('max(level)::int AS level'));
  return new Map(rows.map((r) => [r.document_id, r.level]));
}

// ——— notices ———

export interface NoticeRow {
  id: string;
  organization_id: string;
  run_id: string;
  contact_id: string;
  level: number;
  title: string;
  status: DunningNoticeStatus;
  closed_at: Date | null;
  currency: string;
  language: DocumentLanguage;
  customer_type: CustomerType;
  issue_date: string;
  pay_by: string;
  fee: number;
  interest_total: number;
  open_total: number;
  total: number;
  /** `data.invoices`: the letter's data otherwise (seller, buyer, branding with its logo) is read only to mail it. */
  invoices: DunningNoticeInvoice[];
  pdf_sha256: string;
  email_status: DunningEmailStatus;
  recipients: string[];
  email_attempts: number;
  email_error_code: string | null;
  email_error: string | null;
  smtp_response: string | null;
  message_id: string | null;
  emailed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * Every column but the PDF's bytes and the letter's full data (which only the file endpoint and the mail
 * read): a list of a hundred letters must not drag a hundred logos along.
 */
const NOTICE_COLUMNS = [
  'id',
  'organization_id',
  'run_id',
  'contact_id',
  'level',
  'title',
  'status',
  'closed_at',
  'currency',
  'language',
  'customer_type',
  'issue_date',
  'pay_by',
  'fee',
  'interest_total',
  'open_total',
  'total',
  'pdf_sha256',
  'email_status',
  'recipients',
  'email_attempts',
  'email_error_code',
  'email_error',
  'smtp_response',
  'message_id',
  'emailed_at',
  'created_at',
  'updated_at',
];

export function toNotice(row: NoticeRow): DunningNotice {
  return {
    id: row.id,
    runId: row.run_id,
    contactId: row.contact_id,
    level: row.level,
    title: row.title,
    status: row.status,
    closedAt: row.closed_at?.toISOString() ?? null,
    currency: row.currency,
    language: row.language,
    customerType: row.customer_type,
    issueDate: row.issue_date,
    payBy: row.pay_by,
    invoices: row.invoices,
    fee: row.fee,
    interestTotal: row.interest_total,
    openTotal: row.open_total,
    total: row.total,
    pdfSha256: row.pdf_sha256,
    email: {
      status: row.email_status,
      recipients: row.recipients,
      attempts: row.email_attempts,
      lastErrorCode: row.email_error_code,
      lastError: row.email_error,
      smtpResponse: row.smtp_response,
      messageId: row.message_id,
      sentAt: row.emailed_at?.toISOString() ?? null,
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface NewNotice {
  id: string;
  run_id: string;
  contact_id: string;
  level: number;
  title: string;
  currency: string;
  language: DocumentLanguage;
  customer_type: CustomerType;
  issue_date: string;
  pay_by: string;
  fee: number;
  interest_total: number;
  open_total: number;
  total: number;
  data: DunningLetterData;
  pdf: Buffer;
  pdf_sha256: string;
  email_status: DunningEmailStatus;
  recipients: string[];
  email_error_code: string | null;
  email_error: string | null;
}

/** Writes a notice and the invoices it covers; the unique key refuses a level an invoice already had. */
export async function insertNotice(tx: Ctx, notice: NewNotice, now: Date): Promise<void> {
  await tx.db('dunning_notices').insert({
    ...notice,
    organization_id: tx.organizationId,
    data: JSON.stringify(notice.data),
    created_at: now,
    updated_at: now,
  });
  await tx.db('dunning_notice_items').insert(
    notice.data.invoices.map((invoice, i) => ({
      organization_id: tx.organizationId,
      notice_id: notice.id,
      document_id: invoice.invoiceId,
      level: notice.level,
      position: i + 1,
      open_amount: invoice.openAmount,
      days_overdue: invoice.daysOverdue,
      interest: invoice.interest,
    })),
  );
}

function selectNotices(ctx: Ctx): Knex.QueryBuilder {
  return scoped(ctx, 'dunning_notices').select([
    ...NOTICE_COLUMNS,
    ctx.db.raw("data->'invoices' AS invoices"),
  ]);
}

export async function findNotice(
  ctx: Ctx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<NoticeRow | undefined> {
  const q = selectNotices(ctx).where('id', id);
  if (options.lock) q.forUpdate();
  return q.first();
}

export async function findNotices(ctx: Ctx, ids: readonly string[]): Promise<NoticeRow[]> {
  if (ids.length === 0) return [];
  return selectNotices(ctx)
    .whereIn('id', [...ids])
    .orderBy('id');
}

/** The letter's frozen data and PDF: what its e-mail is composed from. */
export async function noticeLetter(
  ctx: Ctx,
  id: string,
): Promise<{ data: DunningLetterData; pdf: Buffer } | undefined> {
  return scoped(ctx, 'dunning_notices').where('id', id).first('data', 'pdf');
}

export async function noticePdf(ctx: Ctx, id: string): Promise<Buffer | undefined> {
  const row: { pdf: Buffer } | undefined = await scoped(ctx, 'dunning_notices').where('id', id).first('pdf');
  return row?.pdf;
}

export async function listNotices(ctx: Ctx, query: DunningNoticeListQuery): Promise<NoticeRow[]> {
  const q = selectNotices(ctx);
  if (query.contactId) q.where('contact_id', query.contactId);
  if (query.level !== undefined) q.where('level', query.level);
  if (query.runId) q.where('run_id', query.runId);
  if (query.status) q.where('status', query.status);
  if (query.invoiceId) {
    q.whereExists((sub) =>
      sub
        .from('dunning_notice_items as i')
        .whereRaw('i.organization_id = dunning_notices.organization_id')
        .whereRaw('i.notice_id = dunning_notices.id')
        .where('i.document_id', query.invoiceId!),
    );
  }
  return applyCursor(q, query);
}

export async function updateNotice(ctx: Ctx, id: string, changes: Record<string, unknown>): Promise<void> {
  await scoped(ctx, 'dunning_notices').where('id', id).update(changes);
}

/**
 * Whether something a notice claims is still owed: any of its invoices still open (owes more than 0 and is
 * neither paid nor cancelled). The rule is payments/rules.openAmount's, in SQL.
 */
function stillOwed(alias: string): string {
  return `EXISTS (
    SELECT 1 FROM dunning_notice_items i JOIN documents d
        ON d.organization_id = i.organization_id AND d.id = i.document_id
     WHERE i.organization_id = ${alias}.organization_id AND i.notice_id = ${alias}.id
       AND d.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})
       AND ${outstandingSql('d')} > 0)`;
}

/** Closes the open notices whose invoices are all paid or cancelled: their dunning ended. Returns how many. */
export async function closeSettled(tx: Ctx, now: Date, noticeIds?: readonly string[]): Promise<number> {
  const q = scoped(tx, 'dunning_notices', 'n')
    .where('n.status', 'open')
    .whereRaw(`NOT ${stillOwed('n')}`);
  if (noticeIds) q.whereIn('n.id', [...noticeIds]);
  return q.update({ status: 'closed', closed_at: now, updated_at: now });
}
