import { createHash } from 'node:crypto';
import type { Db } from '@fakturo/db';
import * as audit from '../audit/service';
import { compareDates, isDate } from '../billing/dates';
import { type Clock, calendarDate } from '../clock';
import * as contactsRepo from '../contacts/repo';
import type { SepaMandate } from '../contacts/types';
import { type Ctx, inTransaction, systemContext } from '../context';
import type { DocumentStatus } from '../documents/resource';
import { DomainError, FieldErrors, notFound } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import * as organizations from '../organizations/service';
import type { Organization } from '../organizations/types';
import { type Page, toPage } from '../pagination';
import { outstandingSql } from '../payments/rules';
import * as testClock from '../test-clock/service';
import { isValidCreditorId, isValidIban } from '../validation/bank';
import { earliestCollectionDate } from './calendar';
import { sepaIdOf, toSepaText } from './charset';
import { buildPain008 } from './pain008';
import * as repo from './repo';
import {
  type InvoiceCandidate,
  type MandateCandidate,
  mandateLapsedOn,
  mandateValidThrough,
  OPEN_STATUSES,
  planCollection,
} from './rules';
import {
  MANDATE_LAPSE_MONTHS,
  MAX_COLLECTION_ITEMS,
  type SepaCollection,
  type SepaCollectionInput,
  type SepaCollectionItem,
  type SepaCollectionListQuery,
  type SepaCreditor,
  type SepaItemForBooking,
} from './types';

/**
 * SEPA direct debit collections (DOMAIN.md §9, docs/sepa.md): build one from the due direct-debit invoices,
 * download its pain.008.001.08 file, mark it submitted once the bank has it (which uses the mandates: last
 * use, FRST → RCUR), or cancel it while pending. Booking the money is the payments module's: see
 * `itemsForBooking`.
 */

const MAX_SKIPPED = 1000;

function todayOf(ctx: Ctx, org: Organization): string {
  return calendarDate(ctx.clock.now(), org.timezone);
}

async function load(ctx: Ctx, id: string, lock = false): Promise<repo.CollectionRow> {
  const row = await repo.findCollection(ctx, id, { lock });
  if (!row) throw notFound('sepa_collection', id);
  return row;
}

async function withItems(ctx: Ctx, row: repo.CollectionRow): Promise<SepaCollection> {
  const items = await repo.itemsOf(ctx, [row.id]);
  return repo.toCollection(row, items.get(row.id)!);
}

export async function get(ctx: Ctx, id: string): Promise<SepaCollection> {
  return withItems(ctx, await load(ctx, id));
}

export async function list(ctx: Ctx, query: SepaCollectionListQuery): Promise<Page<SepaCollection>> {
  const rows: repo.CollectionRow[] = await repo.listQuery(ctx, query);
  const page = toPage(rows, query, (row) => row);
  const items = await repo.itemsOf(
    ctx,
    page.data.map((r) => r.id),
  );
  return { ...page, data: page.data.map((row) => repo.toCollection(row, items.get(row.id)!)) };
}

/**
 * The organisation as creditor: a valid SEPA creditor identifier and an account to collect into are needed
 * before any file can be made (422 `organization_sepa_incomplete` names what is missing).
 */
export function creditorOf(org: Organization): SepaCreditor {
  const errors = new FieldErrors();
  if (!org.sepaCreditorId) {
    errors.add('organization.sepaCreditorId', 'required', 'the organisation has no SEPA creditor identifier');
  } else if (!isValidCreditorId(org.sepaCreditorId)) {
    errors.add(
      'organization.sepaCreditorId',
      'creditor_id_invalid',
      'is not a valid SEPA creditor identifier',
    );
  }
  const account = org.bankAccount;
  if (!account?.iban) {
    errors.add(
      'organization.bankAccount',
      'required',
      'the organisation has no bank account to collect into',
    );
  } else if (!isValidIban(account.iban)) {
    errors.add('organization.bankAccount.iban', 'iban_invalid', 'is not a valid IBAN');
  }
  if (!toSepaText(org.legalName, 70)) {
    errors.add('organization.legalName', 'name_unusable', 'has no letter of the SEPA character set');
  }
  if (!errors.empty) {
    throw new DomainError(
      'unprocessable',
      'organization_sepa_incomplete',
      'Direct debits need the organisation’s SEPA creditor identifier and bank account; see `errors`.',
      { errors: errors.list },
    );
  }
  return {
    name: org.legalName,
    iban: account!.iban,
    bic: account!.bic ?? null,
    creditorId: org.sepaCreditorId!.replace(/\s+/g, '').toUpperCase(),
    address: org.address,
  };
}

function toCandidate(row: repo.CandidateRow, timezone: string): InvoiceCandidate {
  const m = row.mandate;
  const mandate: MandateCandidate | null = m
    ? { ...contactsRepo.toSepaMandate(m), liveItems: Number(m.live_items) }
    : null;
  return {
    invoiceId: row.id,
    number: row.number,
    type: row.type,
    status: row.status,
    contactId: row.contact_id,
    currency: row.currency,
    language: row.language,
    openAmount: Number(row.open_amount),
    issueDate: row.issue_date,
    dueDate: row.due_date,
    sentOn: row.sent_at ? calendarDate(row.sent_at, timezone) : null,
    paymentMeans: row.payment_means,
    buyer: row.buyer
      ? { name: row.buyer.name, address: row.buyer.address, customerNumber: row.buyer.customerNumber ?? null }
      : null,
    inLiveCollection: row.in_live_collection,
    mandate,
  };
}

function checkInput(input: SepaCollectionInput, today: string): FieldErrors {
  const errors = new FieldErrors();
  if (input.dueBy !== undefined && !isDate(input.dueBy)) {
    errors.add('dueBy', 'date_invalid', 'must be a calendar date YYYY-MM-DD');
  }
  if (input.collectionDate !== undefined) {
    if (!isDate(input.collectionDate)) {
      errors.add('collectionDate', 'date_invalid', 'must be a calendar date YYYY-MM-DD');
    } else if (compareDates(input.collectionDate, today) <= 0) {
      errors.add(
        'collectionDate',
        'collection_date_in_past',
        `must lie after today (${today}); the earliest possible is ${earliestCollectionDate(today)}`,
      );
    }
  }
  const seen = new Map<string, number>();
  input.invoiceIds?.forEach((id, i) => {
    if (seen.has(id)) {
      errors.add(`invoiceIds.${i}`, 'duplicate', `is the same invoice as invoiceIds.${seen.get(id)}`);
    }
    seen.set(id, i);
  });
  return errors;
}

/**
 * Creates a collection (status `pending`) of the direct-debit invoices that are due — by default every open
 * one due up to the earliest possible collection date, or due up to `dueBy`, or exactly `invoiceIds`. Each
 * becomes an item with its collection date (never before the pre-notification period has passed — later if
 * need be, see rules.ts), its mandate's scheme and a sequence type; items are grouped by date, scheme and
 * sequence type into the file's PmtInf blocks. Invoices that cannot be collected are listed in `skipped`;
 * with `invoiceIds` one such invoice refuses the whole request (422 naming each), and nothing is written.
 * The invoices are then "collection pending": no other collection takes them until this one is cancelled.
 */
export async function create(ctx: Ctx, input: SepaCollectionInput): Promise<SepaCollection> {
  const org = await organizations.get(ctx);
  const today = todayOf(ctx, org);
  checkInput(input, today).throwIfAny();
  const creditor = creditorOf(org);
  const requested = input.collectionDate ?? null;
  const ids = input.invoiceIds ?? null;
  // named invoices are due-filtered only when asked; otherwise everything that can be collected now
  const dueBy = ids ? (input.dueBy ?? null) : (input.dueBy ?? earliestCollectionDate(today));

  return inTransaction(ctx, async (tx) => {
    await repo.lockCollecting(tx);
    let rows: repo.CandidateRow[];
    let truncated = false;
    if (ids) {
      const found = new Map((await repo.candidatesByIds(tx, ids)).map((r) => [r.id, r]));
      const errors = new FieldErrors();
      ids.forEach((id, i) => {
        const row = found.get(id);
        if (!row) errors.add(`invoiceIds.${i}`, 'invoice_not_found', `no invoice '${id}'`);
        else if (dueBy && (!row.due_date || row.due_date > dueBy)) {
          errors.add(`invoiceIds.${i}`, 'invoice_not_due', `is due on ${row.due_date}, after dueBy`);
        }
      });
      errors.throwIfAny('Some invoices cannot be collected; see `errors`.');
      rows = ids.map((id) => found.get(id)!);
    } else {
      rows = await repo.dueCandidates(tx, dueBy!, MAX_COLLECTION_ITEMS + 1);
      truncated = rows.length > MAX_COLLECTION_ITEMS;
      rows = rows.slice(0, MAX_COLLECTION_ITEMS);
    }

    const plan = planCollection(
      rows.map((r) => toCandidate(r, org.timezone)),
      { today, collectionDate: requested },
    );
    if (ids && plan.rejected.length > 0) {
      const errors = new FieldErrors();
      for (const r of plan.rejected) {
        errors.add(
          `invoiceIds.${ids.indexOf(r.invoiceId)}`,
          r.code,
          `invoice ${r.invoiceNumber ?? r.invoiceId} ${r.message}`,
        );
      }
      errors.list.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
      errors.throwIfAny('Some invoices cannot be collected; see `errors`.');
    }
    if (plan.items.length === 0) {
      throw new DomainError(
        'unprocessable',
        'sepa_nothing_to_collect',
        'No invoice is due for collection by direct debit; `skipped` says why the due ones were left out.',
        { details: { skipped: plan.rejected.slice(0, MAX_SKIPPED) } },
      );
    }

    const now = tx.clock.now();
    const id = newId('sepaCollection');
    const controlSum = plan.items.reduce((sum, item) => sum + item.amount, 0);
    const collection: repo.CollectionRow = {
      id,
      organization_id: tx.organizationId,
      status: 'pending',
      message_id: sepaIdOf(id),
      currency: 'EUR',
      item_count: plan.items.length,
      control_sum: controlSum,
      creditor,
      filters: { dueBy, invoiceIds: ids, collectionDate: requested },
      skipped: plan.rejected.slice(0, MAX_SKIPPED),
      truncated,
      submitted_at: null,
      cancelled_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.db('sepa_collections').insert({
      ...collection,
      creditor: JSON.stringify(creditor),
      filters: JSON.stringify(collection.filters),
      skipped: JSON.stringify(collection.skipped),
    });
    const itemRows = plan.items.map((item, position) => {
      const itemId = newId('sepaCollectionItem');
      return {
        id: itemId,
        organization_id: tx.organizationId,
        collection_id: id,
        position,
        document_id: item.invoice.invoiceId,
        contact_id: item.invoice.contactId,
        mandate_id: item.mandate.id,
        mandate_reference: item.mandate.reference,
        mandate_signed_on: item.mandate.signedDate,
        scheme: item.scheme,
        sequence_type: item.sequenceType,
        amount: item.amount,
        currency: item.invoice.currency,
        collection_date: item.collectionDate,
        end_to_end_id: sepaIdOf(itemId),
        debtor: JSON.stringify(item.debtor),
        remittance: item.remittance,
        pre_notification: JSON.stringify(item.preNotification),
        status: 'pending',
        created_at: now,
        updated_at: now,
      };
    });
    for (let i = 0; i < itemRows.length; i += 500) {
      await tx.db('sepa_collection_items').insert(itemRows.slice(i, i + 500));
    }
    const created = await withItems(tx, collection);
    await events.emit(tx, 'sepa_collection.created', { ...created });
    await audit.record(tx, {
      action: 'sepa_collection.created',
      resourceType: 'sepa_collection',
      resourceId: id,
      after: created,
    });
    return created;
  });
}

function notPending(row: repo.CollectionRow, action: string): DomainError {
  return new DomainError(
    'conflict',
    'sepa_collection_not_pending',
    `The collection is ${row.status}; only a pending collection can be ${action}.`,
    { details: { state: row.status } },
  );
}

/**
 * Re-checks a pending collection before it goes to the bank: every invoice still open with the amount the item
 * collects, every mandate still active and not lapsed, every collection date still reachable (D-1). A change
 * since the collection was made answers 409 `sepa_collection_stale` naming the items: cancel it and create a
 * new one, which takes the invoices as they are now.
 */
async function checkStillValid(tx: Ctx, org: Organization, items: readonly repo.ItemRow[]): Promise<void> {
  const earliest = earliestCollectionDate(todayOf(tx, org));
  const docs = new Map<string, { status: string; open: number }>(
    (
      await tx
        .db('documents')
        .where('organization_id', tx.organizationId)
        .whereIn(
          'id',
          items.map((i) => i.document_id),
        )
        .select('id', 'status', tx.db.raw(`GREATEST(0, ${outstandingSql('documents')})::bigint AS open`))
    ).map((d: { id: string; status: string; open: number }) => [
      d.id,
      { status: d.status, open: Number(d.open) },
    ]),
  );
  const mandates = new Map<string, { status: string; signed_on: string; last_used_on: string | null }>(
    (
      await tx
        .db('sepa_mandates')
        .where('organization_id', tx.organizationId)
        .whereIn(
          'id',
          items.map((i) => i.mandate_id),
        )
        .select('id', 'status', 'signed_on', 'last_used_on')
    ).map((m: { id: string; status: string; signed_on: string; last_used_on: string | null }) => [m.id, m]),
  );
  const errors = new FieldErrors();
  items.forEach((item, i) => {
    const doc = docs.get(item.document_id);
    const mandate = mandates.get(item.mandate_id);
    if (!doc || !OPEN_STATUSES.includes(doc.status as DocumentStatus) || doc.open !== item.amount) {
      errors.add(
        `items.${i}`,
        'invoice_changed',
        `invoice ${item.document_id} is ${doc?.status ?? 'gone'} with ${doc?.open ?? 0} open, not the ${item.amount} collected`,
      );
    }
    if (mandate?.status !== 'active') {
      errors.add(
        `items.${i}`,
        'mandate_not_active',
        `mandate '${item.mandate_reference}' is ${mandate?.status ?? 'gone'}`,
      );
    } else if (
      mandateLapsedOn(
        { signedDate: mandate.signed_on, lastUsedDate: mandate.last_used_on },
        item.collection_date,
      )
    ) {
      errors.add(`items.${i}`, 'mandate_expired', `mandate '${item.mandate_reference}' lapsed`);
    }
    if (compareDates(item.collection_date, earliest) < 0) {
      errors.add(
        `items.${i}`,
        'collection_date_passed',
        `collection date ${item.collection_date} can no longer be reached; the earliest is ${earliest}`,
      );
    }
  });
  if (!errors.empty) {
    throw new DomainError(
      'conflict',
      'sepa_collection_stale',
      'The collection no longer matches its invoices or mandates; cancel it and create a new one. See `errors`.',
      { errors: errors.list, details: { state: 'pending' } },
    );
  }
}

/**
 * The organisation handed the file to its bank: the collection and its items become `submitted`, and each
 * mandate used is updated — its last use is the latest collection date it was used for (the 36-month lapse
 * counts from there), and a FRST mandate continues as RCUR. The contacts whose mandates changed get a new
 * version and a `contact.updated` event.
 */
export async function submit(ctx: Ctx, id: string): Promise<SepaCollection> {
  return inTransaction(ctx, async (tx) => {
    const row = await load(tx, id, true);
    if (row.status !== 'pending') throw notPending(row, 'submitted');
    const org = await organizations.get(tx);
    const before = await withItems(tx, row);
    const items = (await repo.itemsOf(tx, [id])).get(id)!;
    await checkStillValid(tx, org, items);
    const now = tx.clock.now();
    await tx
      .db('sepa_collections')
      .where({ organization_id: tx.organizationId, id })
      .update({ status: 'submitted', submitted_at: now, version: row.version + 1, updated_at: now });
    await tx
      .db('sepa_collection_items')
      .where({ organization_id: tx.organizationId, collection_id: id })
      .update({ status: 'submitted', updated_at: now });

    const lastUse = new Map<string, string>();
    for (const item of items) {
      const seen = lastUse.get(item.mandate_id);
      if (!seen || item.collection_date > seen) lastUse.set(item.mandate_id, item.collection_date);
    }
    const mandateAudit = await useMandates(tx, lastUse, now);

    const submitted = await withItems(tx, (await load(tx, id))!);
    await events.emit(tx, 'sepa_collection.submitted', { ...submitted });
    await audit.recordMany(tx, [
      {
        action: 'sepa_collection.submitted',
        resourceType: 'sepa_collection',
        resourceId: id,
        before,
        after: submitted,
      },
      ...mandateAudit,
    ]);
    return submitted;
  });
}

/**
 * Locks the contacts of these mandates, in id order: a contact update locks its contact row before it
 * rewrites the mandates, so taking the same locks in the same order first cannot deadlock with it.
 */
async function lockContactsOf(tx: Ctx, mandateIds: readonly string[]): Promise<void> {
  const rows: { contact_id: string }[] = await tx
    .db('sepa_mandates')
    .where('organization_id', tx.organizationId)
    .whereIn('id', mandateIds)
    .distinct('contact_id');
  const contactIds = rows.map((r) => r.contact_id);
  await tx
    .db('contacts')
    .where('organization_id', tx.organizationId)
    .whereIn('id', contactIds)
    .orderBy('id')
    .forUpdate()
    .select('id');
}

/** Records the use of mandates (last use, FRST → RCUR) and announces the changed contacts. */
async function useMandates(
  tx: Ctx,
  lastUse: Map<string, string>,
  now: Date,
): Promise<audit.AuditRecordInput[]> {
  const ids = [...lastUse.keys()];
  await lockContactsOf(tx, ids);
  const mandates: { id: string; contact_id: string; sequence_type: string; last_used_on: string | null }[] =
    await tx
      .db('sepa_mandates')
      .where('organization_id', tx.organizationId)
      .whereIn('id', ids)
      .select('id', 'contact_id', 'sequence_type', 'last_used_on');
  const entries: audit.AuditRecordInput[] = [];
  for (const m of mandates) {
    const used = lastUse.get(m.id)!;
    const lastUsedDate = m.last_used_on && m.last_used_on > used ? m.last_used_on : used;
    // the first collection of a recurrent mandate was presented: the series continues as RCUR
    const sequenceType = m.sequence_type === 'FRST' ? 'RCUR' : m.sequence_type;
    await tx
      .db('sepa_mandates')
      .where({ organization_id: tx.organizationId, id: m.id })
      .update({ last_used_on: lastUsedDate, sequence_type: sequenceType });
    entries.push({
      action: 'contact.sepa_mandate_used',
      resourceType: 'contact',
      resourceId: m.contact_id,
      before: { mandateId: m.id, sequenceType: m.sequence_type, lastUsedDate: m.last_used_on },
      after: { mandateId: m.id, sequenceType, lastUsedDate },
    });
  }
  await touchContacts(tx, [...new Set(mandates.map((m) => m.contact_id))], now);
  return entries;
}

/** A mandate is part of its contact: a changed mandate is a new version of the contact, with its event. */
async function touchContacts(tx: Ctx, contactIds: string[], now: Date): Promise<void> {
  if (contactIds.length === 0) return;
  await tx
    .db('contacts')
    .where('organization_id', tx.organizationId)
    .whereIn('id', contactIds)
    .update({ version: tx.db.raw('version + 1'), updated_at: now });
  for (const contact of await contactsRepo.findByIds(tx, contactIds)) {
    await events.emit(tx, 'contact.updated', { ...contact });
  }
}

/** Cancels a pending collection: its invoices are free for the next one. A submitted file is with the bank. */
export async function cancel(ctx: Ctx, id: string): Promise<SepaCollection> {
  return inTransaction(ctx, async (tx) => {
    const row = await load(tx, id, true);
    if (row.status !== 'pending') throw notPending(row, 'cancelled');
    const before = await withItems(tx, row);
    const now = tx.clock.now();
    await tx
      .db('sepa_collections')
      .where({ organization_id: tx.organizationId, id })
      .update({ status: 'cancelled', cancelled_at: now, version: row.version + 1, updated_at: now });
    await tx
      .db('sepa_collection_items')
      .where({ organization_id: tx.organizationId, collection_id: id })
      .update({ status: 'cancelled', updated_at: now });
    const cancelled = await withItems(tx, (await load(tx, id))!);
    await events.emit(tx, 'sepa_collection.cancelled', { ...cancelled });
    await audit.record(tx, {
      action: 'sepa_collection.cancelled',
      resourceType: 'sepa_collection',
      resourceId: id,
      before,
      after: cancelled,
    });
    return cancelled;
  });
}

export interface SepaFile {
  content: Buffer;
  filename: string;
  mimeType: 'application/xml';
  sha256: string;
}

/**
 * The pain.008.001.08 file of a pending or submitted collection, built from what the collection stored (the
 * creditor as it was, the items as they were): the same bytes on every download.
 */
export async function xml(ctx: Ctx, id: string): Promise<SepaFile> {
  const collection = await get(ctx, id);
  if (collection.status === 'cancelled') {
    throw new DomainError(
      'conflict',
      'sepa_collection_cancelled',
      'The collection was cancelled; it has no file to hand to a bank.',
      { details: { state: collection.status } },
    );
  }
  const text = pain008Of(collection);
  const content = Buffer.from(text, 'utf8');
  return {
    content,
    filename: `${collection.messageId}.xml`,
    mimeType: 'application/xml',
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/** The collection as pain.008 XML text (pure). */
export function pain008Of(collection: SepaCollection): string {
  return buildPain008({
    messageId: collection.messageId,
    createdAt: new Date(collection.createdAt),
    creditor: collection.creditor,
    transactions: collection.items.map((item) => ({
      endToEndId: item.endToEndId,
      amount: item.amount,
      currency: item.currency,
      collectionDate: item.collectionDate,
      scheme: item.scheme,
      sequenceType: item.sequenceType,
      mandateId: item.mandateReference,
      mandateSignedDate: item.mandateSignedDate,
      debtor: item.debtor,
      remittance: item.remittanceInformation,
    })),
  });
}

/**
 * What booking a submitted collection's money needs, one entry per item still submitted (returned ones are
 * left out): book each as a `sepa_debit` payment of `amount` on `invoiceId`, with `endToEndId` as the
 * provider's id so a repeat books nothing twice.
 */
export async function itemsForBooking(ctx: Ctx, id: string): Promise<SepaItemForBooking[]> {
  const row = await load(ctx, id);
  if (row.status !== 'submitted') {
    throw new DomainError(
      'conflict',
      'sepa_collection_not_submitted',
      `The collection is ${row.status}; only a submitted collection brings money.`,
      { details: { state: row.status } },
    );
  }
  const items = (await repo.itemsOf(ctx, [id])).get(id)!;
  return items
    .filter((item) => item.status === 'submitted')
    .map((item) => ({
      itemId: item.id,
      collectionId: item.collection_id,
      invoiceId: item.document_id,
      contactId: item.contact_id,
      amount: item.amount,
      currency: item.currency,
      collectionDate: item.collection_date,
      endToEndId: item.end_to_end_id,
      mandateId: item.mandate_id,
      mandateReference: item.mandate_reference,
    }));
}

/** The item a bank statement names by its end-to-end id (with its collection's id), or undefined. */
export async function findItemByEndToEndId(
  ctx: Ctx,
  endToEndId: string,
): Promise<(SepaCollectionItem & { collectionId: string }) | undefined> {
  const row = await repo.findItemByEndToEndId(ctx, endToEndId);
  return row && { ...repo.toItem(row), collectionId: row.collection_id };
}

/**
 * A submitted debit came back (SEPA return, reason such as AC04, MD06, AM04): the item becomes `returned`, so
 * the invoice — once the payments side reopened it — can be collected again. Emits
 * `sepa_collection.item_returned` with the collection.
 */
export async function returnItem(
  ctx: Ctx,
  input: { endToEndId: string; reason: string | null },
): Promise<SepaCollectionItem> {
  return inTransaction(ctx, async (tx) => {
    const item = await findItemByEndToEndId(tx, input.endToEndId);
    if (!item) throw notFound('sepa_collection_item', input.endToEndId);
    if (item.status !== 'submitted') {
      throw new DomainError(
        'conflict',
        'sepa_collection_item_not_submitted',
        `The item is ${item.status}; only a submitted debit can come back.`,
        { details: { state: item.status } },
      );
    }
    const now = tx.clock.now();
    await tx
      .db('sepa_collection_items')
      .where({ organization_id: tx.organizationId, id: item.id })
      .update({ status: 'returned', return_reason: input.reason, returned_at: now, updated_at: now });
    const { collectionId, ...before } = item;
    const collection = await get(tx, collectionId);
    await events.emit(tx, 'sepa_collection.item_returned', { ...collection });
    await audit.record(tx, {
      action: 'sepa_collection.item_returned',
      resourceType: 'sepa_collection',
      resourceId: collectionId,
      before,
      after: { ...before, status: 'returned', returnReason: input.reason },
    });
    return collection.items.find((i) => i.id === item.id)!;
  });
}

/**
 * The daily sweep (worker `sepa_mandates_expire`): active mandates unused for 36 months — since their last
 * collection, or their signature when never used — become `expired`, for every organisation on its own clock
 * and time zone. Collections never take a lapsed mandate even before the sweep ran (rules.ts checks the date);
 * the sweep makes the state visible on the contact. Returns how many mandates expired.
 */
export async function expireMandates(db: Db, clock: Clock): Promise<number> {
  // a generous pre-filter in SQL (one day of slack for month ends); the exact rule is checked per mandate
  const due = await db.raw<{ rows: { organization_id: string; id: string }[] }>(
    `SELECT m.organization_id, m.id
       FROM sepa_mandates m JOIN organizations o ON o.id = m.organization_id
      WHERE m.status = 'active'
        AND coalesce(m.last_used_on, m.signed_on) <
            ((coalesce(o.clock_time, ?::timestamptz) AT TIME ZONE o.timezone)::date
              - make_interval(months => ?))::date + 1
      ORDER BY m.organization_id, m.id`,
    [clock.now(), MANDATE_LAPSE_MONTHS],
  );
  const byOrg = new Map<string, string[]>();
  for (const r of due.rows) byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), r.id]);
  let expired = 0;
  for (const [organizationId, ids] of byOrg) {
    const ctx = systemContext(
      db,
      organizationId,
      await testClock.clockOf(db, organizationId, clock),
      'sepa-mandate-expiry',
    );
    expired += await expireIn(ctx, ids);
  }
  return expired;
}

async function expireIn(ctx: Ctx, ids: string[]): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const org = await organizations.get(tx);
    const today = todayOf(tx, org);
    await lockContactsOf(tx, ids);
    const rows: {
      id: string;
      contact_id: string;
      signed_on: string;
      last_used_on: string | null;
      status: SepaMandate['status'];
    }[] = await tx
      .db('sepa_mandates')
      .where('organization_id', tx.organizationId)
      .whereIn('id', ids)
      .where('status', 'active')
      .forUpdate()
      .select('id', 'contact_id', 'signed_on', 'last_used_on', 'status');
    const lapsed = rows.filter((m) =>
      mandateLapsedOn({ signedDate: m.signed_on, lastUsedDate: m.last_used_on }, today),
    );
    if (lapsed.length === 0) return 0;
    await tx
      .db('sepa_mandates')
      .where('organization_id', tx.organizationId)
      .whereIn(
        'id',
        lapsed.map((m) => m.id),
      )
      .update({ status: 'expired' });
    await touchContacts(tx, [...new Set(lapsed.map((m) => m.contact_id))], tx.clock.now());
    await audit.recordMany(
      tx,
      lapsed.map((m) => ({
        action: 'contact.sepa_mandate_expired',
        resourceType: 'contact',
        resourceId: m.contact_id,
        before: { mandateId: m.id, status: 'active' },
        after: {
          mandateId: m.id,
          status: 'expired',
          validThrough: mandateValidThrough({ signedDate: m.signed_on, lastUsedDate: m.last_used_on }),
        },
      })),
    );
    return lapsed.length;
  });
}
