import { calendarDate } from '../clock';
import { type Ctx, inTransaction, scoped } from '../context';
import { DomainError, type FieldErrors, notFound, versionMismatch } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import { formatNumber, rangeKey } from '../numbering/format';
import * as numbering from '../numbering/service';
import * as organizations from '../organizations/service';
import { type Page, toPage } from '../pagination';
import * as repo from './repo';
import { applyPatch, type ContactDraft, checkContact, draftFromContact, EMPTY_DRAFT } from './rules';
import type { Contact, ContactInput, ContactListQuery } from './types';

export async function get(ctx: Ctx, id: string): Promise<Contact> {
  const contact = await repo.findById(ctx, id);
  if (!contact) throw notFound('contact', id);
  return contact;
}

/** For batched loading (GraphQL): contacts in the order of `ids`, undefined where none exists. */
export async function getMany(ctx: Ctx, ids: readonly string[]): Promise<(Contact | undefined)[]> {
  const found = new Map((await repo.findByIds(ctx, ids)).map((c) => [c.id, c]));
  return ids.map((id) => found.get(id));
}

export async function list(ctx: Ctx, query: ContactListQuery): Promise<Page<Contact>> {
  const rows = await repo.listRows(ctx, query);
  return toPage(rows, query, repo.toContact);
}

async function today(ctx: Ctx): Promise<string> {
  const org = await organizations.get(ctx);
  return calendarDate(ctx.clock.now(), org.timezone);
}

/**
 * Checks what needs the database: groups exist, customer number, mandate references and external ids are
 * free, and child ids given on update belong to this contact. Adds to `errors` instead of throwing.
 */
async function checkAgainstDatabase(
  tx: Ctx,
  draft: ContactDraft,
  errors: FieldErrors,
  current: Contact | null,
  customerNumber?: string,
): Promise<void> {
  const groupIds = [...new Set(draft.groupIds)];
  if (groupIds.length > 0) {
    const found = new Set<string>(await scoped(tx, 'contact_groups').whereIn('id', groupIds).pluck('id'));
    draft.groupIds.forEach((id, i) => {
      if (!found.has(id)) errors.add(`groupIds.${i}`, 'contact_group_not_found', `no contact group '${id}'`);
    });
  }
  if (customerNumber && customerNumber !== current?.customerNumber) {
    const taken = await scoped(tx, 'contacts').where('customer_number', customerNumber).first('id');
    if (taken) errors.add('customerNumber', 'customer_number_taken', `'${customerNumber}' belongs to ${taken.id}`);
  }
  if (draft.externalId && (draft.externalId !== current?.externalId || draft.source !== current?.source)) {
    const taken = await scoped(tx, 'contacts').where({ source: draft.source, external_id: draft.externalId }).first('id');
    if (taken) errors.add('externalId', 'external_id_taken', `this source's id belongs to ${taken.id}`);
  }
  const references = draft.sepaMandates.map((m) => m.reference);
  if (references.length > 0) {
    const rows: { id: string; reference: string }[] = await scoped(tx, 'sepa_mandates')
      .whereIn('reference', references)
      .select('id', 'reference');
    const owner = new Map(rows.map((r) => [r.reference, r.id]));
    draft.sepaMandates.forEach((m, i) => {
      const holder = owner.get(m.reference);
      if (holder && holder !== m.id) {
        errors.add(`sepaMandates.${i}.reference`, 'mandate_reference_taken', 'another mandate has this reference');
      }
    });
  }
  const ownAccounts = new Set(current?.bankAccounts.map((b) => b.id));
  draft.bankAccounts.forEach((b, i) => {
    if (b.id && !ownAccounts.has(b.id)) {
      errors.add(`bankAccounts.${i}.id`, 'bank_account_not_found', `the contact has no bank account '${b.id}'`);
    }
  });
  const ownMandates = new Set(current?.sepaMandates.map((m) => m.id));
  draft.sepaMandates.forEach((m, i) => {
    if (m.id && !ownMandates.has(m.id)) {
      errors.add(`sepaMandates.${i}.id`, 'sepa_mandate_not_found', `the contact has no mandate '${m.id}'`);
    }
  });
}

export async function create(ctx: Ctx, input: ContactInput): Promise<Contact> {
  const day = await today(ctx);
  const { draft, errors } = checkContact(applyPatch(EMPTY_DRAFT, input), day);
  return inTransaction(ctx, async (tx) => {
    await checkAgainstDatabase(tx, draft, errors, null, input.customerNumber);
    errors.throwIfAny();
    const id = newId('contact');
    const customerNumber = input.customerNumber ?? (await nextCustomerNumbers(tx, day, 1))[0]!;
    const now = tx.clock.now();
    await repo.insertMany(tx, [{ id, customerNumber, draft }], now);
    const contact = (await repo.findById(tx, id))!;
    await events.emit(tx, 'contact.created', { ...contact });
    return contact;
  });
}

/** Takes `count` customer numbers from the organisation's customer range in one locked step. */
export async function nextCustomerNumbers(tx: Ctx, day: string, count: number): Promise<string[]> {
  const org = await organizations.get(tx);
  const format = org.numberFormats.customer;
  const first = await numbering.take(tx, rangeKey('customer', format, day), count);
  return Array.from({ length: count }, (_, i) => formatNumber(format, day, first + i));
}

export async function update(
  ctx: Ctx,
  id: string,
  patch: ContactInput,
  expectedVersion?: number,
): Promise<Contact> {
  const day = await today(ctx);
  return inTransaction(ctx, async (tx) => {
    // row lock: a concurrent patch waits, then sees the new version (no lost update)
    const locked = await scoped(tx, 'contacts').where('id', id).forUpdate().first('version');
    if (!locked) throw notFound('contact', id);
    if (expectedVersion !== undefined && expectedVersion !== locked.version) {
      throw versionMismatch('contact', expectedVersion, locked.version);
    }
    const current = (await repo.findById(tx, id))!;
    const { draft, errors } = checkContact(applyPatch(draftFromContact(current), patch), day);
    await checkAgainstDatabase(tx, draft, errors, current, patch.customerNumber);
    errors.throwIfAny();
    const now = tx.clock.now();
    await scoped(tx, 'contacts')
      .where('id', id)
      .update({
        ...repo.toRowColumns(draft),
        ...(patch.customerNumber ? { customer_number: patch.customerNumber } : {}),
        version: current.version + 1,
        updated_at: now,
      });
    if (patch.bankAccounts || patch.sepaMandates || patch.groupIds) {
      await repo.replaceChildren(tx, id, draft, now);
    }
    const contact = (await repo.findById(tx, id))!;
    await events.emit(tx, 'contact.updated', { ...contact });
    return contact;
  });
}

async function setArchived(ctx: Ctx, id: string, archived: boolean): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const updated = await scoped(tx, 'contacts')
      .where('id', id)
      .update({ archived_at: archived ? now : null, version: tx.db.raw('version + 1'), updated_at: now });
    if (updated === 0) throw notFound('contact', id);
    const contact = (await repo.findById(tx, id))!;
    await events.emit(tx, archived ? 'contact.archived' : 'contact.updated', { ...contact });
    return contact;
  });
}

export const archive = (ctx: Ctx, id: string) => setArchived(ctx, id, true);
export const unarchive = (ctx: Ctx, id: string) => setArchived(ctx, id, false);

/** Deletes a contact that never received a document; one with documents can only be archived (GoBD). */
export async function remove(ctx: Ctx, id: string): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    const contact = await repo.findById(tx, id);
    if (!contact) throw notFound('contact', id);
    await scoped(tx, 'contacts').where('id', id).forUpdate().first('id');
    if (await repo.hasDocuments(tx, id)) {
      throw new DomainError(
        'conflict',
        'contact_has_documents',
        'This contact has documents and must be kept; archive it instead.',
      );
    }
    await scoped(tx, 'contacts').where('id', id).delete();
    await events.emit(tx, 'contact.deleted', { ...contact });
    return contact;
  });
}
