import { queryPrepared } from '@fakturo/db';
import type { Knex } from 'knex';
import { type Ctx, scoped } from '../context';
import { newId } from '../ids';
import { applyCursor } from '../pagination';
import { type ContactDraft, displayName } from './rules';
import type { BankAccount, Contact, ContactListQuery, SepaMandate } from './types';

export interface ContactRow {
  id: string;
  organization_id: string;
  kind: Contact['kind'];
  customer_number: string;
  company_name: string | null;
  salutation: string | null;
  first_name: string | null;
  last_name: string | null;
  display_name: string;
  emails: Contact['emails'];
  phones: Contact['phones'];
  billing_address: Contact['billingAddress'];
  addresses: Contact['addresses'];
  vat_id: string | null;
  tax_number: string | null;
  buyer_reference: string | null;
  language: string;
  currency: string;
  payment_terms_days: number | null;
  preferred_payment_method: Contact['preferredPaymentMethod'];
  collective_invoicing: boolean;
  einvoice_format: Contact['eInvoiceFormat'];
  tags: string[];
  notes: string | null;
  metadata: Record<string, string>;
  external_id: string | null;
  source: string | null;
  archived_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface BankAccountJson {
  id: string;
  iban: string;
  bic: string | null;
  account_holder: string | null;
  is_default: boolean;
}

interface MandateJson {
  id: string;
  reference: string;
  signed_on: string;
  scheme: SepaMandate['scheme'];
  sequence_type: SepaMandate['sequenceType'];
  iban: string;
  bic: string | null;
  account_holder: string | null;
  status: SepaMandate['status'];
  last_used_on: string | null;
  pre_notification_days: number | null;
}

type LoadedRow = ContactRow & {
  bank_accounts: BankAccountJson[];
  sepa_mandates: MandateJson[];
  group_ids: string[];
};

const CONTACT_COLUMNS = [
  'id',
  'organization_id',
  'kind',
  'customer_number',
  'company_name',
  'salutation',
  'first_name',
  'last_name',
  'display_name',
  'emails',
  'phones',
  'billing_address',
  'addresses',
  'vat_id',
  'tax_number',
  'buyer_reference',
  'language',
  'currency',
  'payment_terms_days',
  'preferred_payment_method',
  'collective_invoicing',
  'einvoice_format',
  'tags',
  'notes',
  'metadata',
  'external_id',
  'source',
  'archived_at',
  'version',
  'created_at',
  'updated_at',
].map((c) => `c.${c}`);

/**
 * A contact with its bank accounts, mandates and groups in one round trip: the children are aggregated
 * by correlated sub-selects on their (organization_id, contact_id) indexes.
 */
export function selectContacts(ctx: Ctx): Knex.QueryBuilder {
  const db = ctx.db;
  return scoped(ctx, 'contacts', 'c').select([
    ...CONTACT_COLUMNS,
    db.raw(`coalesce((SELECT json_agg(json_build_object('id', b.id, 'iban', b.iban, 'bic', b.bic,
        'account_holder', b.account_holder, 'is_default', b.is_default) ORDER BY b.position)
      FROM contact_bank_accounts b WHERE b.organization_id = c.organization_id AND b.contact_id = c.id), '[]') AS bank_accounts`),
    db.raw(`coalesce((SELECT json_agg(json_build_object('id', m.id, 'reference', m.reference, 'signed_on', m.signed_on,
        'scheme', m.scheme, 'sequence_type', m.sequence_type, 'iban', m.iban, 'bic', m.bic,
        'account_holder', m.account_holder, 'status', m.status, 'last_used_on', m.last_used_on,
        'pre_notification_days', m.pre_notification_days) ORDER BY m.position)
      FROM sepa_mandates m WHERE m.organization_id = c.organization_id AND m.contact_id = c.id), '[]') AS sepa_mandates`),
    db.raw(`coalesce((SELECT array_agg(g.group_id ORDER BY g.group_id) FROM contact_group_members g
      WHERE g.organization_id = c.organization_id AND g.contact_id = c.id), '{}') AS group_ids`),
  ]);
}

export function toContact(row: LoadedRow): Contact {
  return {
    id: row.id,
    kind: row.kind,
    customerNumber: row.customer_number,
    companyName: row.company_name,
    salutation: row.salutation,
    firstName: row.first_name,
    lastName: row.last_name,
    displayName: row.display_name,
    emails: row.emails,
    phones: row.phones,
    billingAddress: row.billing_address,
    addresses: row.addresses,
    vatId: row.vat_id,
    taxNumber: row.tax_number,
    buyerReference: row.buyer_reference,
    language: row.language,
    currency: row.currency,
    paymentTermsDays: row.payment_terms_days,
    preferredPaymentMethod: row.preferred_payment_method,
    collectiveInvoicing: row.collective_invoicing,
    eInvoiceFormat: row.einvoice_format,
    bankAccounts: row.bank_accounts.map(
      (b): BankAccount => ({
        id: b.id,
        iban: b.iban,
        bic: b.bic,
        accountHolder: b.account_holder,
        isDefault: b.is_default,
      }),
    ),
    sepaMandates: row.sepa_mandates.map(
      (m): SepaMandate => ({
        id: m.id,
        reference: m.reference,
        signedDate: m.signed_on,
        scheme: m.scheme,
        sequenceType: m.sequence_type,
        iban: m.iban,
        bic: m.bic,
        accountHolder: m.account_holder,
        status: m.status,
        lastUsedDate: m.last_used_on,
        preNotificationDays: m.pre_notification_days,
      }),
    ),
    groupIds: row.group_ids,
    tags: row.tags,
    notes: row.notes,
    metadata: row.metadata,
    externalId: row.external_id,
    source: row.source,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at?.toISOString() ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

let findByIdSql: string | null = null;

/**
 * The hottest read of the API. Its SQL is built once (by knex, from the same select as every other read)
 * and runs as a named prepared statement, so neither knex nor PostgreSQL re-plan it on every request.
 */
export async function findById(ctx: Ctx, id: string): Promise<Contact | undefined> {
  if (!findByIdSql) {
    const native = selectContacts({ ...ctx, organizationId: '$org' })
      .where('c.id', '$id')
      .limit(1)
      .toSQL()
      .toNative();
    // the placeholders must be (organisation, id) in this order for the values below
    if (native.bindings.join(',') !== '$org,$id,1')
      throw new Error(`unexpected bindings ${native.bindings.join(',')}`);
    findByIdSql = native.sql.replace('$3', '1');
  }
  const [row] = await queryPrepared<LoadedRow>(ctx.db, 'contacts_find_by_id', findByIdSql, [
    ctx.organizationId,
    id,
  ]);
  return row && toContact(row);
}

export async function findByIds(ctx: Ctx, ids: readonly string[]): Promise<Contact[]> {
  const rows: LoadedRow[] = await selectContacts(ctx).whereIn('c.id', ids);
  return rows.map(toContact);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

export function filtered(ctx: Ctx, query: ContactListQuery): Knex.QueryBuilder {
  const q = selectContacts(ctx);
  // Archived contacts leave the default list; `archived: true` lists them alone.
  if (query.archived === true) q.whereNotNull('c.archived_at');
  else q.whereNull('c.archived_at');
  for (const word of (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    q.where('c.search_text', 'like', `%${escapeLike(word)}%`);
  }
  if (query.groupId) {
    q.whereExists((sub) =>
      sub
        .from('contact_group_members as gm')
        .whereRaw('gm.organization_id = c.organization_id AND gm.contact_id = c.id')
        .where('gm.group_id', query.groupId!),
    );
  }
  if (query.tag) q.whereRaw('c.tags @> ARRAY[?]::text[]', [query.tag]);
  if (query.city) q.whereRaw(`lower(c.billing_address->>'city') = lower(?)`, [query.city]);
  if (query.country) q.whereRaw(`c.billing_address->>'country' = ?`, [query.country]);
  if (query.email) q.whereRaw(`c.emails @> ?::jsonb`, [JSON.stringify([{ email: query.email }])]);
  if (query.source) q.where('c.source', query.source);
  if (query.externalId) q.where('c.external_id', query.externalId);
  if (query.customerNumber) q.where('c.customer_number', query.customerNumber);
  if (query.createdGte) q.where('c.created_at', '>=', query.createdGte);
  if (query.createdLte) q.where('c.created_at', '<=', query.createdLte);
  if (query.updatedGte) q.where('c.updated_at', '>=', query.updatedGte);
  if (query.updatedLte) q.where('c.updated_at', '<=', query.updatedLte);
  return q;
}

export async function listRows(ctx: Ctx, query: ContactListQuery): Promise<LoadedRow[]> {
  return applyCursor(filtered(ctx, query), query, 'c.id');
}

/** One export batch: contacts after `after` in ascending id order (keyset paging, no OFFSET). */
export async function exportBatch(
  ctx: Ctx,
  query: Omit<ContactListQuery, 'limit' | 'startingAfter'>,
  after: string | undefined,
  size: number,
): Promise<Contact[]> {
  const q = filtered(ctx, query);
  if (after) q.where('c.id', '>', after);
  const rows: LoadedRow[] = await q.orderBy('c.id', 'asc').limit(size);
  return rows.map(toContact);
}

export function toRowColumns(
  draft: ContactDraft,
): Omit<
  ContactRow,
  'id' | 'organization_id' | 'customer_number' | 'archived_at' | 'version' | 'created_at' | 'updated_at'
> {
  return {
    kind: draft.kind,
    company_name: draft.companyName,
    salutation: draft.salutation,
    first_name: draft.firstName,
    last_name: draft.lastName,
    display_name: displayName(draft),
    emails: json(draft.emails),
    phones: json(draft.phones),
    billing_address: draft.billingAddress === null ? null : json(draft.billingAddress),
    addresses: json(draft.addresses),
    vat_id: draft.vatId,
    tax_number: draft.taxNumber,
    buyer_reference: draft.buyerReference,
    language: draft.language,
    currency: draft.currency,
    payment_terms_days: draft.paymentTermsDays,
    preferred_payment_method: draft.preferredPaymentMethod,
    collective_invoicing: draft.collectiveInvoicing,
    einvoice_format: draft.eInvoiceFormat,
    tags: draft.tags,
    notes: draft.notes,
    metadata: json(draft.metadata),
    external_id: draft.externalId,
    source: draft.source,
  };
}

/** knex turns JS arrays into PostgreSQL arrays; JSON columns get their text instead. */
function json<T>(value: T): T {
  return JSON.stringify(value) as unknown as T;
}

export interface NewContact {
  id: string;
  customerNumber: string;
  draft: ContactDraft;
}

/** Inserts contacts and their children with one multi-row INSERT per table (single create and CSV import). */
export async function insertMany(tx: Ctx, contacts: NewContact[], now: Date): Promise<void> {
  if (contacts.length === 0) return;
  const org = tx.organizationId;
  for (const chunk of chunks(contacts, 500)) {
    await tx.db('contacts').insert(
      chunk.map((c) => ({
        id: c.id,
        organization_id: org,
        customer_number: c.customerNumber,
        ...toRowColumns(c.draft),
        created_at: now,
        updated_at: now,
      })),
    );
  }
  await writeChildren(
    tx,
    contacts.map((c) => ({ contactId: c.id, draft: c.draft })),
    now,
  );
}

/** Replaces a contact's bank accounts, mandates and group memberships; ids given in the input are kept. */
export async function replaceChildren(
  tx: Ctx,
  contactId: string,
  draft: ContactDraft,
  now: Date,
): Promise<void> {
  const org = tx.organizationId;
  await tx.db('contact_bank_accounts').where({ organization_id: org, contact_id: contactId }).delete();
  await tx.db('contact_group_members').where({ organization_id: org, contact_id: contactId }).delete();
  const keep = draft.sepaMandates.map((m) => m.id).filter((id): id is string => Boolean(id));
  // Mandates keep their history (last use, FRST→RCUR switch): update the kept ones in place.
  await tx
    .db('sepa_mandates')
    .where({ organization_id: org, contact_id: contactId })
    .whereNotIn('id', keep)
    .delete();
  await writeChildren(tx, [{ contactId, draft }], now);
}

async function writeChildren(tx: Ctx, items: { contactId: string; draft: ContactDraft }[], now: Date) {
  const org = tx.organizationId;
  const accounts = items.flatMap(({ contactId, draft }) =>
    draft.bankAccounts.map((b, position) => ({
      id: b.id ?? newId('bankAccount'),
      organization_id: org,
      contact_id: contactId,
      iban: b.iban,
      bic: b.bic ?? null,
      account_holder: b.accountHolder ?? null,
      // A single account is the default even when the caller did not say so.
      is_default: b.isDefault ?? draft.bankAccounts.length === 1,
      position,
      created_at: now,
    })),
  );
  const mandates = items.flatMap(({ contactId, draft }) =>
    draft.sepaMandates.map((m, position) => ({
      id: m.id ?? newId('sepaMandate'),
      organization_id: org,
      contact_id: contactId,
      reference: m.reference,
      signed_on: m.signedDate,
      scheme: m.scheme ?? 'CORE',
      sequence_type: m.sequenceType ?? 'FRST',
      iban: m.iban,
      bic: m.bic ?? null,
      account_holder: m.accountHolder ?? null,
      status: m.status ?? 'active',
      pre_notification_days: m.preNotificationDays ?? null,
      position,
      created_at: now,
    })),
  );
  const members = items.flatMap(({ contactId, draft }) =>
    [...new Set(draft.groupIds)].map((groupId) => ({
      organization_id: org,
      group_id: groupId,
      contact_id: contactId,
    })),
  );
  for (const chunk of chunks(accounts, 1000)) await tx.db('contact_bank_accounts').insert(chunk);
  for (const chunk of chunks(mandates, 1000)) {
    await tx
      .db('sepa_mandates')
      .insert(chunk)
      .onConflict('id')
      .merge([
        'reference',
        'signed_on',
        'scheme',
        'sequence_type',
        'iban',
        'bic',
        'account_holder',
        'status',
        'pre_notification_days',
        'position',
      ])
      // ids were checked to belong to this contact; the condition keeps an upsert from ever crossing tenants
      .where('sepa_mandates.organization_id', org);
  }
  for (const chunk of chunks(members, 1000)) await tx.db('contact_group_members').insert(chunk);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function hasDocuments(ctx: Ctx, contactId: string): Promise<boolean> {
  const row = await scoped(ctx, 'documents').where('contact_id', contactId).first('id');
  return row !== undefined;
}
