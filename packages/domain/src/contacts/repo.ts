import { queryPrepared } from '@fakturo/db';
import type { Knex } from 'knex';
import * as audit from '../audit/service';
import { type Ctx, scoped } from '../context';
import { notFound } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import { DEFAULT_NUMBER_FORMATS } from '../organizations/types';
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

/** A mandate as its row reads (columns by name); `toSepaMandate` gives the API shape. */
export interface MandateJson {
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

export function toSepaMandate(m: MandateJson): SepaMandate {
  return {
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
  };
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
    sepaMandates: row.sepa_mandates.map(toSepaMandate),
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

/** The SQL of the prepared reads, built once per process by `readPrepared`. */
const preparedSqls = new Map<string, string>();

/**
 * Contacts read by the select every read uses, narrowed by `narrow`, as the named prepared statement `name`:
 * its SQL is built once (by knex, from `selectContacts`), and neither knex nor PostgreSQL re-plan it per request.
 * `values` fill the placeholders `narrow` names, in the order `placeholders` gives them (checked once).
 */
async function readPrepared(
  ctx: Ctx,
  name: string,
  narrow: (select: Knex.QueryBuilder) => Knex.QueryBuilder,
  placeholders: string[],
  values: unknown[],
): Promise<Contact[]> {
  let sql = preparedSqls.get(name);
  if (!sql) {
    const native = narrow(selectContacts({ ...ctx, organizationId: '$org' }))
      .toSQL()
      .toNative();
    if (native.bindings.join(',') !== ['$org', ...placeholders].join(','))
      throw new Error(`unexpected bindings ${native.bindings.join(',')}`);
    sql = native.sql;
    preparedSqls.set(name, sql);
  }
  const rows = await queryPrepared<LoadedRow>(ctx.db, name, sql, [ctx.organizationId, ...values]);
  return rows.map(toContact);
}

/** The hottest read of the API. */
export async function findById(ctx: Ctx, id: string): Promise<Contact | undefined> {
  const [contact] = await readPrepared(
    ctx,
    'contacts_find_by_id',
    (q) => q.where('c.id', '$id'),
    ['$id'],
    [id],
  );
  return contact;
}

/**
 * Several contacts of one organisation by id in one round trip (the concurrent reads of `contacts.get` share
 * it). Ids not found are missing from the result.
 */
export function findByIdList(ctx: Ctx, ids: readonly string[]): Promise<Contact[]> {
  return readPrepared(
    ctx,
    'contacts_find_by_id_list',
    (q) => q.whereRaw('c.id = ANY(?::text[])', ['$ids']),
    ['$ids'],
    [ids],
  );
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
  if (query.email) {
    // e-mail addresses compare case-insensitively (`Max@Example.com` is `max@example.com`); the search_text
    // condition (which holds the lower-cased addresses) lets the trigram index narrow the rows first
    // (an address with a quote or a backslash is written escaped there, so it skips that step)
    const email = query.email.trim().toLowerCase();
    if (!/["\\]/.test(email)) q.where('c.search_text', 'like', `%${escapeLike(email)}%`);
    q.whereRaw(`EXISTS (SELECT 1 FROM jsonb_array_elements(c.emails) AS e WHERE lower(e->>'email') = ?)`, [
      email,
    ]);
  }
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

/**
 * The contact as the API returns it, built from the checked draft instead of read back after the insert
 * (the write returns nothing to re-read: every value is known here). Children get their ids and defaults
 * exactly as the insert writes them; JSON fields are copied as JSON, as the jsonb round trip would give them;
 * group ids are de-duplicated and sorted like the read's `array_agg(… ORDER BY group_id)`.
 */
export function newContact(id: string, customerNumber: string, draft: ContactDraft, now: Date): Contact {
  const at = now.toISOString();
  return {
    id,
    kind: draft.kind,
    customerNumber,
    companyName: draft.companyName,
    salutation: draft.salutation,
    firstName: draft.firstName,
    lastName: draft.lastName,
    displayName: displayName(draft),
    emails: asJson(draft.emails),
    phones: asJson(draft.phones),
    billingAddress: draft.billingAddress === null ? null : asJson(draft.billingAddress),
    addresses: asJson(draft.addresses),
    vatId: draft.vatId,
    taxNumber: draft.taxNumber,
    buyerReference: draft.buyerReference,
    language: draft.language,
    currency: draft.currency,
    paymentTermsDays: draft.paymentTermsDays,
    preferredPaymentMethod: draft.preferredPaymentMethod,
    collectiveInvoicing: draft.collectiveInvoicing,
    eInvoiceFormat: draft.eInvoiceFormat,
    bankAccounts: draft.bankAccounts.map(
      (b): BankAccount => ({
        id: b.id ?? newId('bankAccount'),
        iban: b.iban,
        bic: b.bic ?? null,
        accountHolder: b.accountHolder ?? null,
        // A single account is the default even when the caller did not say so (as writeChildren).
        isDefault: b.isDefault ?? draft.bankAccounts.length === 1,
      }),
    ),
    sepaMandates: draft.sepaMandates.map(
      (m): SepaMandate => ({
        id: m.id ?? newId('sepaMandate'),
        reference: m.reference,
        signedDate: m.signedDate,
        scheme: m.scheme ?? 'CORE',
        sequenceType: m.sequenceType ?? 'FRST',
        iban: m.iban,
        bic: m.bic ?? null,
        accountHolder: m.accountHolder ?? null,
        status: m.status ?? 'active',
        lastUsedDate: null,
        preNotificationDays: m.preNotificationDays ?? null,
      }),
    ),
    groupIds: [...new Set(draft.groupIds)].sort(),
    tags: [...draft.tags],
    notes: draft.notes,
    metadata: asJson(draft.metadata),
    externalId: draft.externalId,
    source: draft.source,
    archived: false,
    archivedAt: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Writes new contacts with everything that belongs to their creation as ONE SQL statement: the contact rows,
 * bank accounts, mandates, group memberships, the `contact.created` events with their webhook-outbox
 * queueing (events.emitManyStatement) and the audit entries (audit.recordManyStatement). Outside a
 * transaction the statement is its own transaction — all of it commits or none of it does — so a create
 * costs one round trip, no BEGIN/COMMIT; inside one it joins the caller's. The statement text depends only
 * on whether the fan-out job is still to be added in this transaction, so it runs as a named prepared
 * statement (parsed and planned once per connection).
 *
 * The contacts travel once, as the API shows them (one jsonb array): the contact rows are read from it, and
 * each event's object and each audit entry's `after` is its element — not two more copies to serialise, send
 * and parse. Bank accounts, mandates and group memberships travel as one jsonb array each. `by` names who
 * asked for each contact when one statement writes the creates of several requests (contacts.create's group
 * commit); the context's actor and request id otherwise.
 *
 * A unique violation aborts the whole statement: nothing of it is written (the caller retries a customer
 * number taken meanwhile, see contacts.create).
 */
export async function insertContacts(
  tx: Ctx,
  contacts: readonly Contact[],
  by?: readonly Pick<Ctx, 'actor' | 'requestId'>[],
): Promise<void> {
  if (contacts.length === 0) return;
  const now = contacts[0]!.createdAt;
  const own = [
    tx.organizationId,
    now,
    JSON.stringify(contacts),
    JSON.stringify(
      contacts.flatMap((c) =>
        c.bankAccounts.map((b, position) => ({
          id: b.id,
          contact_id: c.id,
          iban: b.iban,
          bic: b.bic,
          account_holder: b.accountHolder,
          is_default: b.isDefault,
          position,
        })),
      ),
    ),
    JSON.stringify(
      contacts.flatMap((c) =>
        c.sepaMandates.map((m, position) => ({
          id: m.id,
          contact_id: c.id,
          reference: m.reference,
          signed_on: m.signedDate,
          scheme: m.scheme,
          sequence_type: m.sequenceType,
          iban: m.iban,
          bic: m.bic,
          account_holder: m.accountHolder,
          status: m.status,
          pre_notification_days: m.preNotificationDays,
          position,
        })),
      ),
    ),
    JSON.stringify(
      contacts.flatMap((c) => c.groupIds.map((groupId) => ({ group_id: groupId, contact_id: c.id }))),
    ),
  ];
  const created = contacts.flatMap((c, i) =>
    events
      .eventRows(by ? { ...tx, ...by[i]! } : tx, 'contact.created', [{ ...c }])
      .map((row) => ({ ...row, data: null, object_at: i })),
  );
  const emitted = events.emitManyStatement(tx, created, own.length, '$3::jsonb');
  const audited = audit.recordManyStatement(
    tx,
    contacts.map((c, i) => ({
      action: 'contact.created',
      resourceType: 'contact',
      resourceId: c.id,
      after: c,
      afterAt: i,
      by: by?.[i],
    })),
    own.length + emitted.values.length,
    '$3::jsonb',
  );
  const text = `WITH ${INSERT_CONTACT_CTES}, ${emitted.ctes}, ${audited.cte}
    SELECT ${emitted.select} AS fan_out_job`;
  const rows = await runStatement<{ fan_out_job: unknown }>(tx, text, [
    ...own,
    ...emitted.values,
    ...audited.values,
  ]);
  emitted.afterStatement(rows[0]?.fan_out_job);
  audited.afterStatement();
}

// $1 organisation, $2 now, $3 contacts (as the API shows them), $4 bank accounts, $5 mandates, $6 group memberships (jsonb arrays).
// Sibling CTEs run on one snapshot; the children's foreign keys are checked at the end of the statement, when
// their contact rows exist.
const INSERT_CONTACT_CTES = `contact_rows AS (
      INSERT INTO contacts (id, organization_id, customer_number, kind, company_name, salutation, first_name,
        last_name, display_name, emails, phones, billing_address, addresses, vat_id, tax_number, buyer_reference,
        language, currency, payment_terms_days, preferred_payment_method, collective_invoicing, einvoice_format,
        tags, notes, metadata, external_id, source, created_at, updated_at)
      SELECT c.id, $1::text, c."customerNumber", c.kind, c."companyName", c.salutation, c."firstName",
        c."lastName", c."displayName", c.emails, c.phones, c."billingAddress", c.addresses, c."vatId", c."taxNumber",
        c."buyerReference", c.language, c.currency, c."paymentTermsDays", c."preferredPaymentMethod",
        c."collectiveInvoicing", c."eInvoiceFormat", c.tags, c.notes, c.metadata, c."externalId", c.source,
        $2::timestamptz, $2::timestamptz
        FROM jsonb_to_recordset($3::jsonb) AS c(id text, "customerNumber" text, kind text, "companyName" text,
          salutation text, "firstName" text, "lastName" text, "displayName" text, emails jsonb, phones jsonb,
          "billingAddress" jsonb, addresses jsonb, "vatId" text, "taxNumber" text, "buyerReference" text,
          language text, currency text, "paymentTermsDays" integer, "preferredPaymentMethod" text,
          "collectiveInvoicing" boolean, "eInvoiceFormat" text, tags text[], notes text, metadata jsonb,
          "externalId" text, source text)
    ), bank_account_rows AS (
      INSERT INTO contact_bank_accounts (id, organization_id, contact_id, iban, bic, account_holder, is_default,
        position, created_at)
      SELECT b.id, $1::text, b.contact_id, b.iban, b.bic, b.account_holder, b.is_default, b.position,
        $2::timestamptz
        FROM jsonb_populate_recordset(NULL::contact_bank_accounts, $4::jsonb) AS b
    ), mandate_rows AS (
      INSERT INTO sepa_mandates (id, organization_id, contact_id, reference, signed_on, scheme, sequence_type, iban,
        bic, account_holder, status, pre_notification_days, position, created_at)
      SELECT m.id, $1::text, m.contact_id, m.reference, m.signed_on, m.scheme, m.sequence_type, m.iban, m.bic,
        m.account_holder, m.status, m.pre_notification_days, m.position, $2::timestamptz
        FROM jsonb_populate_recordset(NULL::sepa_mandates, $5::jsonb) AS m
    ), member_rows AS (
      INSERT INTO contact_group_members (organization_id, group_id, contact_id)
      SELECT $1::text, g.group_id, g.contact_id
        FROM jsonb_populate_recordset(NULL::contact_group_members, $6::jsonb) AS g
    )`;

const statementNames = new Map<string, string>();

/**
 * Runs `text` as a named prepared statement on the handle's connection — the pool's, or the open transaction's
 * (knex hands a transaction's client its one connection). The name is derived from the text, so each variant
 * is prepared once per connection.
 */
async function runStatement<T>(ctx: Ctx, text: string, values: unknown[]): Promise<T[]> {
  let name = statementNames.get(text);
  if (!name) {
    name = `contacts_write_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return queryPrepared<T>(ctx.db, name, text, values);
}

/** The organisation's settings a contact create needs: its time zone (today's date) and customer number format. */
export async function customerSettings(ctx: Ctx): Promise<{ timezone: string; customerFormat: string }> {
  const [row] = await queryPrepared<{ timezone: string; customer_format: string | null }>(
    ctx.db,
    'contacts_customer_settings',
    `SELECT timezone, number_formats->>'customer' AS customer_format FROM organizations WHERE id = $1`,
    [ctx.organizationId],
  );
  if (!row) throw notFound('organization', ctx.organizationId);
  return { timezone: row.timezone, customerFormat: row.customer_format ?? DEFAULT_NUMBER_FORMATS.customer };
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
