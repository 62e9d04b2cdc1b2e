import type { Knex } from 'knex';
import type { MandateJson } from '../contacts/repo';
import { type Ctx, scoped } from '../context';
import type { DocumentStatus } from '../documents/resource';
import type { BuyerSnapshot, DocumentLanguage, DocumentType, PaymentMeans } from '../documents/types';
import { applyCursor } from '../pagination';
import { outstandingSql } from '../payments/rules';
import { paymentBatches } from './pain008';
import {
  LIVE_ITEM_STATUSES,
  type MandateScheme,
  type PreNotification,
  type SepaCollection,
  type SepaCollectionItem,
  type SepaCollectionListQuery,
  type SepaCollectionStatus,
  type SepaCreditor,
  type SepaDebtor,
  type SepaItemStatus,
  type SequenceType,
  type SkippedInvoice,
} from './types';

// SQL of SEPA collections, in one place. Every query is scoped to the context's organisation.

export interface CollectionRow {
  id: string;
  organization_id: string;
  status: SepaCollectionStatus;
  message_id: string;
  currency: string;
  item_count: number;
  control_sum: number;
  creditor: SepaCreditor;
  filters: SepaCollection['filters'];
  skipped: SkippedInvoice[];
  truncated: boolean;
  submitted_at: Date | null;
  cancelled_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ItemRow {
  id: string;
  organization_id: string;
  collection_id: string;
  position: number;
  document_id: string;
  contact_id: string;
  mandate_id: string;
  mandate_reference: string;
  mandate_signed_on: string;
  scheme: MandateScheme;
  sequence_type: SequenceType;
  amount: number;
  currency: string;
  collection_date: string;
  end_to_end_id: string;
  debtor: SepaDebtor;
  remittance: string;
  pre_notification: PreNotification;
  status: SepaItemStatus;
  return_reason: string | null;
  returned_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** Joined from the document. */
  invoice_number?: string | null;
}

export function toItem(row: ItemRow): SepaCollectionItem {
  return {
    id: row.id,
    invoiceId: row.document_id,
    invoiceNumber: row.invoice_number ?? '',
    contactId: row.contact_id,
    mandateId: row.mandate_id,
    mandateReference: row.mandate_reference,
    mandateSignedDate: row.mandate_signed_on,
    scheme: row.scheme,
    sequenceType: row.sequence_type,
    amount: row.amount,
    currency: row.currency,
    collectionDate: row.collection_date,
    endToEndId: row.end_to_end_id,
    debtor: row.debtor,
    remittanceInformation: row.remittance,
    preNotification: row.pre_notification,
    status: row.status,
    returnReason: row.return_reason,
  };
}

export function toCollection(row: CollectionRow, items: readonly ItemRow[]): SepaCollection {
  const mapped = items.map(toItem);
  const batches = paymentBatches(row.message_id, mapped).map((b) => ({
    paymentInformationId: b.paymentInformationId,
    collectionDate: b.collectionDate,
    scheme: b.scheme,
    sequenceType: b.sequenceType,
    itemCount: b.transactions.length,
    controlSum: b.controlSum,
  }));
  return {
    id: row.id,
    status: row.status,
    messageId: row.message_id,
    currency: row.currency,
    itemCount: row.item_count,
    controlSum: row.control_sum,
    creditor: row.creditor,
    filters: row.filters,
    batches,
    items: mapped,
    skipped: row.skipped,
    truncated: row.truncated,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findCollection(
  ctx: Ctx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CollectionRow | undefined> {
  const q = scoped(ctx, 'sepa_collections').where('id', id);
  if (options.lock) q.forUpdate();
  return q.first();
}

/** The items of collections, in file order, with their invoice numbers. */
export async function itemsOf(ctx: Ctx, collectionIds: readonly string[]): Promise<Map<string, ItemRow[]>> {
  const byCollection = new Map<string, ItemRow[]>(collectionIds.map((id) => [id, []]));
  if (collectionIds.length === 0) return byCollection;
  const rows: ItemRow[] = await scoped(ctx, 'sepa_collection_items', 'i')
    .join('documents as d', function () {
      this.on('d.organization_id', 'i.organization_id').andOn('d.id', 'i.document_id');
    })
    .whereIn('i.collection_id', collectionIds)
    .orderBy([{ column: 'i.collection_id' }, { column: 'i.position' }])
    .select('i.*', 'd.number as invoice_number');
  for (const row of rows) byCollection.get(row.collection_id)!.push(row);
  return byCollection;
}

export function listQuery(ctx: Ctx, query: SepaCollectionListQuery): Knex.QueryBuilder {
  const q = scoped(ctx, 'sepa_collections', 'c').select('c.*');
  if (query.status) q.where('c.status', query.status);
  if (query.createdGte) q.where('c.created_at', '>=', query.createdGte);
  if (query.createdLte) q.where('c.created_at', '<=', query.createdLte);
  for (const [column, value] of [
    ['document_id', query.invoiceId],
    ['contact_id', query.contactId],
  ] as const) {
    if (!value) continue;
    q.whereExists((sub) =>
      sub
        .from('sepa_collection_items as i')
        .whereRaw('i.organization_id = c.organization_id AND i.collection_id = c.id')
        .where(`i.${column}`, value),
    );
  }
  return applyCursor(q, query, 'c.id');
}

/** An invoice as a collection judges it, with the mandate its payment means name. */
export interface CandidateRow {
  id: string;
  number: string | null;
  type: DocumentType;
  status: DocumentStatus;
  contact_id: string;
  currency: string;
  language: DocumentLanguage;
  open_amount: number;
  issue_date: string | null;
  due_date: string | null;
  sent_at: Date | null;
  payment_means: PaymentMeans | null;
  buyer: BuyerSnapshot | null;
  in_live_collection: boolean;
  mandate: (MandateJson & { live_items: number }) | null;
}

const LIVE = LIVE_ITEM_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Invoices with their mandate (the contact's mandate with the reference the invoice printed) and how many
 * live items that mandate has already. `where` narrows the documents (alias `d`).
 */
function candidateQuery(ctx: Ctx): Knex.QueryBuilder {
  const db = ctx.db;
  return scoped(ctx, 'documents', 'd').select(
    'd.id',
    'd.number',
    'd.type',
    'd.status',
    'd.contact_id',
    'd.currency',
    'd.language',
    // what is still owed: credit notes reduce it like payments do (payments/rules.openAmount)
    db.raw(`GREATEST(0, ${outstandingSql('d')})::bigint AS open_amount`),
    'd.issue_date',
    'd.due_date',
    'd.sent_at',
    'd.payment_means',
    'd.buyer',
    db.raw(`EXISTS (SELECT 1 FROM sepa_collection_items li
        WHERE li.organization_id = d.organization_id AND li.document_id = d.id AND li.status IN (${LIVE}))
        AS in_live_collection`),
    db.raw(`(SELECT json_build_object('id', m.id, 'reference', m.reference, 'signed_on', m.signed_on,
        'scheme', m.scheme, 'sequence_type', m.sequence_type, 'iban', m.iban, 'bic', m.bic,
        'account_holder', m.account_holder, 'status', m.status, 'last_used_on', m.last_used_on,
        'pre_notification_days', m.pre_notification_days,
        'live_items', (SELECT count(*) FROM sepa_collection_items mi
          WHERE mi.organization_id = m.organization_id AND mi.mandate_id = m.id AND mi.status IN (${LIVE})))
      FROM sepa_mandates m
      WHERE m.organization_id = d.organization_id AND m.contact_id = d.contact_id
        AND m.reference = d.payment_means->>'mandateReference') AS mandate`),
  );
}

/** Named invoices (any state: the rules say why one is not collectable). */
export async function candidatesByIds(ctx: Ctx, ids: readonly string[]): Promise<CandidateRow[]> {
  return candidateQuery(ctx)
    .whereIn('d.id', ids)
    .whereIn('d.type', ['invoice', 'pro_forma', 'corrected_invoice', 'cancellation']);
}

/**
 * Open direct-debit invoices due on or before `dueBy` that no live collection holds, oldest due first;
 * at most `limit`.
 */
export async function dueCandidates(ctx: Ctx, dueBy: string, limit: number): Promise<CandidateRow[]> {
  return candidateQuery(ctx)
    .whereIn('d.type', ['invoice', 'corrected_invoice'])
    .whereIn('d.status', ['finalized', 'sent', 'partially_paid', 'overdue'])
    .where('d.due_date', '<=', dueBy)
    .whereRaw("d.payment_means->>'kind' = 'sepa_debit'")
    .whereRaw(`${outstandingSql('d')} > 0`)
    .whereNotExists((sub) =>
      sub
        .from('sepa_collection_items as li')
        .whereRaw('li.organization_id = d.organization_id AND li.document_id = d.id')
        .whereIn('li.status', LIVE_ITEM_STATUSES as SepaItemStatus[]),
    )
    .orderBy([{ column: 'd.due_date' }, { column: 'd.id' }])
    .limit(limit);
}

/**
 * Serialises collection building within one organisation (a transaction-scoped advisory lock): two
 * collections created at once would otherwise both pick the same invoices, and the second would fail on the
 * unique index instead of leaving them out.
 */
export async function lockCollecting(ctx: Ctx): Promise<void> {
  await ctx.db.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`sepa_collect:${ctx.organizationId}`]);
}

export async function findItemByEndToEndId(ctx: Ctx, endToEndId: string): Promise<ItemRow | undefined> {
  return scoped(ctx, 'sepa_collection_items', 'i')
    .join('documents as d', function () {
      this.on('d.organization_id', 'i.organization_id').andOn('d.id', 'i.document_id');
    })
    .where('i.end_to_end_id', endToEndId)
    .first('i.*', 'd.number as invoice_number');
}
