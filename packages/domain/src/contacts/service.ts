import { canonicalJson } from '../audit/chain';
import * as audit from '../audit/service';
import { calendarDate } from '../clock';
import * as contactGroups from '../contact-groups/service';
import { type Ctx, inTransaction, scoped } from '../context';
import { DomainError, type FieldError, FieldErrors, notFound, versionMismatch } from '../errors';
import * as events from '../events/service';
import { GroupCommit, type Waiting } from '../group-commit';
import { newId } from '../ids';
import { formatNumber, rangeKey } from '../numbering/format';
import * as numbering from '../numbering/service';
import { type Page, toPage } from '../pagination';
import * as csv from './csv';
import * as repo from './repo';
import {
  applyPatch,
  type ContactDraft,
  checkContact,
  draftFromContact,
  EMPTY_DRAFT,
  keepOmittedFields,
  matchChildrenByKey,
} from './rules';
import type { Contact, ContactInput, ContactListQuery } from './types';

/** The list filters without paging: an export covers every matching contact. */
export type ContactExportQuery = Omit<ContactListQuery, 'limit' | 'startingAfter'>;

export async function get(ctx: Ctx, id: string): Promise<Contact> {
  const contact = ctx.db.isTransaction
    ? await repo.findById(ctx, id)
    : await reads.add(ctx.db.client.config as object, ctx.organizationId, { ctx, id });
  if (!contact) throw notFound('contact', id);
  return contact;
}

interface PendingRead {
  ctx: Ctx;
  id: string;
}

/**
 * Concurrent reads of one organisation's contacts by id, coalesced (group-commit.ts) into one statement
 * `WHERE id = ANY(…)`. A read alone runs at once, as it would by itself; reads that come in while one is
 * in flight share the next statement, so under load the round trip, PostgreSQL's statement start-up and
 * the driver's per-statement work are paid once per batch instead of once per read (docs/contacts.md). Two
 * statements in flight at a time, the second started for any read waiting: in one series of benchmark runs
 * four in flight, or a second one only for eight or twenty waiting reads, served fewer reads per second.
 * Each read is one snapshot taken after its request arrived, as before.
 */
const reads = new GroupCommit<PendingRead, Contact | undefined>(readBatch, { maxBatch: 100, maxInFlight: 2 });

async function readBatch(batch: readonly Waiting<PendingRead, Contact | undefined>[]): Promise<void> {
  const { ctx } = batch[0]!.entry;
  const ids = [...new Set(batch.map((waiting) => waiting.entry.id))];
  // One id alone takes the single-row statement. PostgreSQL plans `= ANY` of a short array anew on every run
  // (its generic plan assumes ten ids, so a custom plan looks cheaper): serially, 0.27–0.33 ms of its CPU for
  // a one-id list against 0.07–0.08 ms for the single-row statement. From about ten ids on it keeps the generic plan.
  const contacts = ids.length === 1 ? [await repo.findById(ctx, ids[0]!)] : await repo.findByIdList(ctx, ids);
  const found = new Map(contacts.filter((c) => c !== undefined).map((c) => [c.id, c]));
  for (const waiting of batch) waiting.resolve(found.get(waiting.entry.id));
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
  const { timezone } = await repo.customerSettings(ctx);
  return calendarDate(ctx.clock.now(), timezone);
}

/** One contact to check against the database; `current` is the stored contact when updating. */
interface DatabaseCheck {
  draft: ContactDraft;
  errors: FieldErrors;
  current: Contact | null;
  /** The customer number the caller asked for (none: the next one of the range is taken). */
  customerNumber?: string;
}

/**
 * Checks what needs the database, for one contact or a whole import with one query per rule: groups exist,
 * customer number, mandate references and external ids are free — in the database and, for a batch,
 * among the batch's own entries (a later entry repeating an earlier one is the error) — and child ids given
 * on update belong to this contact. Adds to each entry's `errors` instead of throwing.
 */
async function checkAgainstDatabase(tx: Ctx, checks: readonly DatabaseCheck[]): Promise<void> {
  const groupIds = [...new Set(checks.flatMap((c) => c.draft.groupIds))];
  if (groupIds.length > 0) {
    // FOR KEY SHARE: a group cannot be deleted between this check and the membership insert
    const found = new Set<string>(
      await scoped(tx, 'contact_groups')
        .whereRaw('id = ANY(?::text[])', [groupIds])
        .forKeyShare()
        .pluck('id'),
    );
    for (const { draft, errors } of checks) {
      draft.groupIds.forEach((id, i) => {
        if (!found.has(id))
          errors.add(`groupIds.${i}`, 'contact_group_not_found', `no contact group '${id}'`);
      });
    }
  }

  const wanted = (c: DatabaseCheck) =>
    c.customerNumber && c.customerNumber !== c.current?.customerNumber ? c.customerNumber : undefined;
  const numbers = [...new Set(checks.map(wanted).filter((n): n is string => n !== undefined))];
  if (numbers.length > 0) {
    const rows: { id: string; customer_number: string }[] = await scoped(tx, 'contacts')
      .whereRaw('customer_number = ANY(?::text[])', [numbers])
      .select('id', 'customer_number');
    const owner = new Map(rows.map((r) => [r.customer_number, r.id]));
    const first = new Map<string, number>();
    checks.forEach((c, index) => {
      const number = wanted(c);
      if (!number) return;
      const taken = owner.get(number);
      if (taken) c.errors.add('customerNumber', 'customer_number_taken', `'${number}' belongs to ${taken}`);
      else if (first.has(number)) {
        c.errors.add(
          'customerNumber',
          'customer_number_taken',
          `'${number}' is also given in row ${first.get(number)! + 1}`,
        );
      } else first.set(number, index);
    });
  }

  // Only a (source, externalId) pair that changed can collide; a null source is already a rule error.
  const external = (c: DatabaseCheck) =>
    c.draft.externalId &&
    c.draft.source &&
    (c.draft.externalId !== c.current?.externalId || c.draft.source !== c.current?.source)
      ? [c.draft.source, c.draft.externalId]
      : undefined;
  const pairs = checks.map(external).filter((p): p is string[] => p !== undefined);
  if (pairs.length > 0) {
    const rows: { id: string; source: string; external_id: string }[] = await scoped(tx, 'contacts')
      // arrays, not a 10,000-tuple IN list (which exhausts PostgreSQL's parser stack)
      .whereRaw('(source, external_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))', [
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
      ])
      .select('id', 'source', 'external_id');
    const owner = new Map(rows.map((r) => [`${r.source}\u0000${r.external_id}`, r.id]));
    const first = new Map<string, number>();
    checks.forEach((c, index) => {
      const pair = external(c);
      if (!pair) return;
      const key = pair.join('\u0000');
      const taken = owner.get(key);
      if (taken && taken !== c.current?.id) {
        c.errors.add('externalId', 'external_id_taken', `this source's id belongs to ${taken}`);
      } else if (first.has(key)) {
        c.errors.add(
          'externalId',
          'external_id_taken',
          `this source's id is also given in row ${first.get(key)! + 1}`,
        );
      } else first.set(key, index);
    });
  }

  const references = [...new Set(checks.flatMap((c) => c.draft.sepaMandates.map((m) => m.reference)))];
  if (references.length > 0) {
    const rows: { id: string; reference: string }[] = await scoped(tx, 'sepa_mandates')
      .whereRaw('reference = ANY(?::text[])', [references])
      .select('id', 'reference');
    const owner = new Map(rows.map((r) => [r.reference, r.id]));
    const first = new Map<string, number>();
    checks.forEach((c, index) => {
      c.draft.sepaMandates.forEach((m, i) => {
        const holder = owner.get(m.reference);
        if (holder && holder !== m.id) {
          c.errors.add(
            `sepaMandates.${i}.reference`,
            'mandate_reference_taken',
            'another mandate has this reference',
          );
        } else if (first.has(m.reference) && first.get(m.reference) !== index) {
          c.errors.add(
            `sepaMandates.${i}.reference`,
            'mandate_reference_taken',
            `row ${first.get(m.reference)! + 1} has a mandate with this reference`,
          );
        } else if (!first.has(m.reference)) first.set(m.reference, index);
      });
    });
  }

  for (const { draft, errors, current } of checks) {
    const ownAccounts = new Set(current?.bankAccounts.map((b) => b.id));
    draft.bankAccounts.forEach((b, i) => {
      if (b.id && !ownAccounts.has(b.id)) {
        errors.add(
          `bankAccounts.${i}.id`,
          'bank_account_not_found',
          `the contact has no bank account '${b.id}'`,
        );
      }
    });
    const ownMandates = new Set(current?.sepaMandates.map((m) => m.id));
    draft.sepaMandates.forEach((m, i) => {
      if (m.id && !ownMandates.has(m.id)) {
        errors.add(`sepaMandates.${i}.id`, 'sepa_mandate_not_found', `the contact has no mandate '${m.id}'`);
      }
    });
  }
}

/** A new contact that passed every check, ready to be written. */
interface CheckedContact {
  draft: ContactDraft;
  customerNumber?: string;
}

/** Contacts per write statement: a 10,000-row import is 20 statements, each well under a few MB of JSON. */
const WRITE_CHUNK = 500;

/**
 * Writes new contacts — the one write path of single create and CSV import: each contact with its children,
 * its `contact.created` event (queued for webhooks) and its audit entry (GoBD, DOMAIN.md §3) in one set-based
 * statement per chunk (repo.insertContacts), in the caller's transaction or — a single create — as its own.
 */
async function writeCreated(
  tx: Ctx,
  contacts: readonly Contact[],
  requestedBy?: readonly Pick<Ctx, 'actor' | 'requestId'>[],
): Promise<void> {
  for (let i = 0; i < contacts.length; i += WRITE_CHUNK) {
    const chunk = contacts.slice(i, i + WRITE_CHUNK);
    const by = requestedBy?.slice(i, i + WRITE_CHUNK);
    await repo.insertContacts(tx, chunk, by);
  }
}

/**
 * Writes checked contacts in the caller's transaction (CSV import; a create that needed the transaction):
 * customer numbers for those without one taken as one block (one locked counter update, numbers already used
 * skipped). Returns the contacts in input order, as written.
 */
async function insertChecked(
  tx: Ctx,
  day: string,
  checked: readonly CheckedContact[],
  taken?: readonly string[],
  format?: string,
): Promise<Contact[]> {
  if (checked.length === 0) return [];
  const explicit = new Set(checked.flatMap((c) => (c.customerNumber ? [c.customerNumber] : [])));
  const wanted = checked.filter((c) => !c.customerNumber).length;
  const numbers =
    taken && taken.length === wanted
      ? taken
      : await nextCustomerNumbers(tx, day, wanted, explicit, numbering.take, format);
  let next = 0;
  const now = tx.clock.now();
  const contacts = checked.map((c) =>
    repo.newContact(newId('contact'), c.customerNumber ?? numbers[next++]!, c.draft, now),
  );
  await writeCreated(tx, contacts);
  return contacts;
}

/** The unique (organisation, customer number) index refused a row: the number was taken meanwhile. */
function isCustomerNumberConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'contacts_organization_id_customer_number_key';
}

/**
 * A unique index refused what the checks had found free: another create took it in between (a race). Reported
 * as the same 422 the check gives; the statement wrote nothing. Other errors are rethrown.
 */
function throwIfRaceLost(error: unknown, draft: ContactDraft, customerNumber?: string): void {
  const e = error as { code?: string; constraint?: string; detail?: string };
  if (e?.code !== '23505') return;
  const errors = new FieldErrors();
  if (e.constraint === 'contacts_organization_id_customer_number_key' && customerNumber) {
    errors.add('customerNumber', 'customer_number_taken', `'${customerNumber}' belongs to another contact`);
  } else if (e.constraint === 'contacts_external_idx') {
    errors.add('externalId', 'external_id_taken', "this source's id belongs to another contact");
  } else if (e.constraint === 'sepa_mandates_organization_id_reference_key') {
    const i = draft.sepaMandates.findIndex((m) => e.detail?.includes(`, ${m.reference})`));
    errors.add(
      i < 0 ? 'sepaMandates' : `sepaMandates.${i}.reference`,
      'mandate_reference_taken',
      'another mandate has this reference',
    );
  }
  errors.throwIfAny();
}

/** Attempts of a create whose range number keeps hitting numbers given explicitly to other contacts. */
const NUMBER_ATTEMPTS = 50;

/**
 * Creates a contact. The usual create — no groups, not inside a caller's transaction — is written by a group
 * commit (`creates`, below): alone when no other create of the organisation is being written, else together
 * with the creates that arrived meanwhile, in the same three statements a single create needs — the
 * organisation's settings (a prepared read), the customer numbers (numbering.takeDetached, its own short
 * transaction) and ONE statement writing the contacts, their children, events and audit entries, which is its
 * own transaction. Each create keeps its own checks, errors, event and audit entry (with its own actor and
 * request id). The range number is not checked against explicitly given numbers beforehand: the unique index
 * refuses a taken one, that statement writes nothing, and the next number is taken.
 * Groups need a transaction (they are locked FOR KEY SHARE between the check and the membership insert), as
 * does a caller's transaction; those creates check and write inside it.
 */
export async function create(ctx: Ctx, input: ContactInput): Promise<Contact> {
  if (!ctx.db.isTransaction && !input.groupIds?.length) {
    return creates.add(ctx.db.client.config as object, ctx.organizationId, { ctx, input });
  }
  const settings = await repo.customerSettings(ctx);
  const day = calendarDate(ctx.clock.now(), settings.timezone);
  const { draft, errors } = checkContact(applyPatch(EMPTY_DRAFT, input), day);
  const check: DatabaseCheck = { draft, errors, current: null, customerNumber: input.customerNumber };
  // the customer number before the transaction, so creates do not queue on the counter
  // (numbering.takeDetached); none is taken for input that already broke a rule
  const taken =
    input.customerNumber || ctx.db.isTransaction || errors.list.length > 0
      ? undefined
      : await nextCustomerNumbers(ctx, day, 1, new Set(), numbering.takeDetached, settings.customerFormat);
  return inTransaction(ctx, async (tx) => {
    await checkAgainstDatabase(tx, [check]);
    errors.throwIfAny();
    const [contact] = await insertChecked(
      tx,
      day,
      [{ draft, customerNumber: input.customerNumber }],
      taken,
      settings.customerFormat,
    );
    return contact!;
  });
}

interface PendingCreate {
  ctx: Ctx;
  input: ContactInput;
}

/**
 * Concurrent creates of one organisation, written together (group-commit.ts). Measured with the API
 * benchmark (BENCHMARKS.md): under 50 concurrent POSTs a batch carries about twenty creates, and the server's
 * and PostgreSQL's CPU per create fall to about a third (330 → 850–990 creates/s); one create at a time is
 * written alone, as before. Two batches in flight did best: one overlaps the other's round trips, more only
 * queue on the CPU (four: 755/s, one: 814/s in the same series). A second batch starts next to the one in
 * flight only with twenty creates: started for whatever single create came first, more than half of all
 * batches carried one create (1,014 of 1,800 in one run) at a whole write's cost each.
 */
const creates = new GroupCommit<PendingCreate, Contact>(createBatch, {
  maxBatch: 100,
  maxInFlight: 2,
  minToOverlap: 20,
});

async function createBatch(batch: readonly Waiting<PendingCreate, Contact>[]): Promise<void> {
  const { ctx } = batch[0]!.entry;
  const settings = await repo.customerSettings(ctx);
  const day = calendarDate(ctx.clock.now(), settings.timezone);
  // each create's rules and database checks on their own, so its errors are its own
  const checked = await Promise.all(
    batch.map(async (waiting) => {
      const { input } = waiting.entry;
      const { draft, errors } = checkContact(applyPatch(EMPTY_DRAFT, input), day);
      try {
        await checkAgainstDatabase(waiting.entry.ctx, [
          { draft, errors, current: null, customerNumber: input.customerNumber },
        ]);
        errors.throwIfAny();
        return { waiting, draft };
      } catch (error) {
        waiting.reject(error);
        return null;
      }
    }),
  );
  const valid = checked.filter((c) => c !== null);
  if (valid.length === 0) return;
  const key = rangeKey('customer', settings.customerFormat, day);
  const numbered = valid.filter((c) => !c.waiting.entry.input.customerNumber).length;
  let sequence = numbered > 0 ? await numbering.takeDetached(ctx, key, numbered) : 0;
  const now = ctx.clock.now();
  const written = valid.map(({ waiting, draft }) => ({
    waiting,
    draft,
    contact: repo.newContact(
      newId('contact'),
      waiting.entry.input.customerNumber ?? formatNumber(settings.customerFormat, day, sequence++),
      draft,
      now,
    ),
  }));
  if (written.length > 1) {
    try {
      await writeCreated(
        ctx,
        written.map((w) => w.contact),
        written.map(({ waiting: { entry } }) => ({ actor: entry.ctx.actor, requestId: entry.ctx.requestId })),
      );
      for (const { waiting, contact } of written) waiting.resolve(contact);
      return;
    } catch {
      // One statement writes all or nothing: one create broke a unique index (a number given explicitly to
      // another contact, an external id or mandate reference written meanwhile) or the write failed. Each is
      // written on its own now, keeping its number, so each gets its own outcome.
    }
  }
  const alone = (w: (typeof written)[number]) =>
    writeAlone(
      w.waiting.entry.ctx,
      w.contact,
      w.draft,
      w.waiting.entry.input.customerNumber,
      key,
      settings.customerFormat,
      day,
    );
  await Promise.all(written.map((w) => alone(w).then(w.waiting.resolve, w.waiting.reject)));
}

/**
 * Writes one checked contact as its own statement. A range number given explicitly to another contact
 * meanwhile makes it take the next number; a lost race on anything else unique is the caller's 409/422.
 */
async function writeAlone(
  ctx: Ctx,
  contact: Contact,
  draft: ContactDraft,
  customerNumber: string | undefined,
  key: string,
  format: string,
  day: string,
): Promise<Contact> {
  for (let attempt = 1; ; attempt++) {
    try {
      await writeCreated(ctx, [contact]);
      return contact;
    } catch (error) {
      if (isCustomerNumberConflict(error) && !customerNumber && attempt < NUMBER_ATTEMPTS) {
        const sequence = await numbering.takeDetached(ctx, key, 1);
        contact = { ...contact, customerNumber: formatNumber(format, day, sequence) };
        continue;
      }
      throwIfRaceLost(error, draft, customerNumber);
      throw error;
    }
  }
}

export interface ContactImportOptions {
  /** true: one bad row rejects the whole file (422) and nothing is written; false: the valid rows are written. */
  atomic?: boolean;
  /** Detected from the header line when absent. */
  delimiter?: csv.CsvDelimiter;
  /**
   * The transport's wire-schema check of a contact input (the REST body schema: lengths, patterns), so a row
   * passes exactly what `POST /contacts` accepts. Errors use contact field paths.
   */
  checkShape?: (input: ContactInput) => FieldError[];
}

export interface ContactImportRowError {
  /** 1-based data row (the header is not counted). */
  row: number;
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  /** Paths name the CSV column (`iban`, `billingCountry`). */
  errors: FieldError[];
}

export interface ContactImportReport {
  imported: number;
  failed: number;
  /** Ids of the created contacts, in file order. */
  contactIds: string[];
  errors: ContactImportRowError[];
}

/** The name rules that depend on the kind (`checkContact`: a company's name, a person's first or last name). */
const NAME_REQUIRED = new Set(['companyName required', 'lastName required']);

/**
 * Imports contacts from CSV (format in csv.ts). Every row passes the same checks as a single create — the
 * wire schema (`checkShape`), `checkContact` and the database checks — plus duplicates inside the file
 * (customer number, source + externalId, mandate reference). The valid rows are written in ONE transaction
 * through the same write path as `create`; with `atomic`, any bad row means nothing is written (422).
 * A malformed file (bad CSV, unknown column, too many rows) is refused as a whole (400).
 */
export async function importCsv(
  ctx: Ctx,
  text: string,
  options: ContactImportOptions = {},
): Promise<ContactImportReport> {
  const rows = await csv.parseContactsCsv(text, { delimiter: options.delimiter });
  const day = await today(ctx);
  // The per-row work without the database happens before the transaction opens, so the transaction (and
  // the customer-range lock it takes) lasts only for the database checks and the writes.
  const mapped = rows.map((row) => csv.rowToInput(row.cells));
  const groupIds = await contactGroups.idsByName(
    ctx,
    mapped.flatMap((m) => m.groupNames),
  );
  const checks: (DatabaseCheck & { early: FieldError[]; shape: FieldError[] })[] = [];
  for (const { input, groupNames, errors: early } of mapped) {
    // a turn of the event loop now and then: 10,000 rows of IBAN and VAT checks must not stall other requests
    if (checks.length % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    for (const name of groupNames) {
      if (!groupIds.has(name)) {
        early.push({
          path: 'groups',
          code: 'contact_group_not_found',
          message: `no contact group named '${name}'`,
        });
      }
    }
    if (groupNames.length > 0)
      input.groupIds = groupNames.filter((n) => groupIds.has(n)).map((n) => groupIds.get(n)!);
    const shape = options.checkShape?.(input) ?? [];
    const { draft, errors } = checkContact(applyPatch(EMPTY_DRAFT, input), day);
    checks.push({ draft, errors, current: null, customerNumber: input.customerNumber, early, shape });
  }

  return inTransaction(ctx, async (tx) => {
    await checkAgainstDatabase(tx, checks);

    const report: ContactImportRowError[] = [];
    const valid: CheckedContact[] = [];
    checks.forEach((check, i) => {
      // A row without a valid kind was checked as the draft's default kind (company): the name that kind
      // needs is no error of the row, the kind is.
      const kindless = check.early.some((e) => e.path === 'kind');
      const rules = check.errors.list.filter((e) => !(kindless && NAME_REQUIRED.has(`${e.path} ${e.code}`)));
      const ruled = csv.rowErrors([...check.early, ...rules]);
      // a schema error only where no rule already named the column (`iban_invalid` beats `min_length_invalid`)
      const shaped = csv.rowErrors(check.shape).filter((s) => !ruled.some((r) => r.path === s.path));
      const errors = [...ruled, ...shaped];
      if (errors.length > 0) report.push({ row: rows[i]!.row, line: rows[i]!.line, errors });
      else valid.push({ draft: check.draft, customerNumber: check.customerNumber });
    });
    if (options.atomic && report.length > 0) {
      throw new DomainError(
        'unprocessable',
        'contact_import_rejected',
        `${report.length} of ${rows.length} rows break rules; nothing was imported (atomic import). See \`rows\`.`,
        {
          errors: report.flatMap((r) => r.errors.map((e) => ({ ...e, path: `rows.${r.row}.${e.path}` }))),
          details: { failed: report.length, rows: report },
        },
      );
    }
    const contacts = await insertChecked(tx, day, valid);
    return {
      imported: contacts.length,
      failed: report.length,
      contactIds: contacts.map((c) => c.id),
      errors: report,
    };
  });
}

/** Contacts read per query while exporting: memory stays flat however many contacts there are. */
export const EXPORT_BATCH = 1000;

/**
 * Exports the contacts matching the list filters as CSV (format in csv.ts), oldest first so a re-import
 * keeps the order. Yields the header, then one chunk per batch of EXPORT_BATCH contacts, read with a keyset
 * on the id; the next batch is only read when the consumer asks for more (stream back-pressure).
 */
export async function* exportCsv(
  ctx: Ctx,
  query: ContactExportQuery,
  options: { delimiter?: csv.CsvDelimiter } = {},
): AsyncGenerator<string> {
  yield csv.stringifyRows([], { header: true, delimiter: options.delimiter });
  let after: string | undefined;
  for (;;) {
    const batch = await repo.exportBatch(ctx, query, after, EXPORT_BATCH);
    if (batch.length === 0) return;
    const names = await contactGroups.namesById(
      ctx,
      batch.flatMap((c) => c.groupIds),
    );
    yield csv.stringifyRows(
      batch.map((c) => csv.contactToRow(c, names)),
      { header: false, delimiter: options.delimiter },
    );
    if (batch.length < EXPORT_BATCH) return;
    after = batch[batch.length - 1]!.id;
  }
}

/**
 * Takes `count` customer numbers from the organisation's customer range in one locked step. Numbers a caller
 * gave explicitly (e.g. an import of another system's customers) may lie inside the range; those are skipped,
 * so the range never hands out a number that is already used. Customer numbers need to be unique, not
 * gap-free (unlike document numbers), so skipping is allowed here.
 */
export async function nextCustomerNumbers(
  tx: Ctx,
  day: string,
  count: number,
  reserved: ReadonlySet<string> = new Set(),
  take: (ctx: Ctx, key: string, count: number) => Promise<number> = numbering.take,
  /** The organisation's customer number format, when the caller has read it already. */
  customerFormat?: string,
): Promise<string[]> {
  if (count === 0) return [];
  const format = customerFormat ?? (await repo.customerSettings(tx)).customerFormat;
  const key = rangeKey('customer', format, day);
  const out: string[] = [];
  while (out.length < count) {
    const wanted = count - out.length;
    const first = await take(tx, key, wanted);
    const candidates = Array.from({ length: wanted }, (_, i) => formatNumber(format, day, first + i));
    const used = new Set<string>(
      await scoped(tx, 'contacts')
        .whereRaw('customer_number = ANY(?::text[])', [candidates])
        .pluck('customer_number'),
    );
    out.push(...candidates.filter((n) => !used.has(n) && !reserved.has(n)));
  }
  return out;
}

/** What a contact reads as, without what every write moves (version, times) or only use changes. */
function comparable(contact: Contact): unknown {
  const { version: _v, createdAt: _c, updatedAt: _u, archived: _a, archivedAt: _at, ...rest } = contact;
  return { ...rest, sepaMandates: rest.sepaMandates.map(({ lastUsedDate: _l, ...m }) => m) };
}

/**
 * Whether an update would change what the contact reads as. A patch that changes nothing (an ERP pushing
 * its unchanged state, a GET sent back as PATCH) writes nothing: the version and ETag stay and no
 * `contact.updated` event or audit entry is written, so such syncs cannot ping-pong through webhooks.
 * Bank accounts and mandates given without an `id` are new items (new ids), so that is a change.
 */
function changes(current: Contact, draft: ContactDraft, customerNumber: string | undefined): boolean {
  const next = repo.newContact(
    current.id,
    customerNumber ?? current.customerNumber,
    draft,
    new Date(current.updatedAt),
  );
  // canonical JSON: jsonb hands keys back in its own order, a caller in theirs
  return canonicalJson(comparable(next)) !== canonicalJson(comparable(current));
}

export async function update(
  ctx: Ctx,
  id: string,
  input: ContactInput,
  expectedVersion?: number,
  options: { matchChildrenByKey?: boolean } = {},
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
    const patch = options.matchChildrenByKey ? matchChildrenByKey(input, current) : input;
    const { draft, errors } = checkContact(
      applyPatch(draftFromContact(current), keepOmittedFields(patch, current)),
      day,
    );
    await checkAgainstDatabase(tx, [{ draft, errors, current, customerNumber: patch.customerNumber }]);
    errors.throwIfAny();
    if (!changes(current, draft, patch.customerNumber)) return current;
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
    await audit.record(tx, {
      action: 'contact.updated',
      resourceType: 'contact',
      resourceId: id,
      before: current,
      after: contact,
    });
    return contact;
  });
}

/**
 * Archives or restores a contact. Asking for the state the contact is already in changes nothing — the
 * original `archivedAt`, the version and the ETag stay, and no event is written — so a retried or repeated
 * archive cannot move the archive date or send `contact.archived` twice.
 */
async function setArchived(ctx: Ctx, id: string, archived: boolean): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    // row lock: a concurrent archive waits and then finds the contact archived already
    const locked = await scoped(tx, 'contacts').where('id', id).forUpdate().first('id');
    if (!locked) throw notFound('contact', id);
    const before = (await repo.findById(tx, id))!;
    if (before.archived === archived) return before;
    const now = tx.clock.now();
    await scoped(tx, 'contacts')
      .where('id', id)
      .update({ archived_at: archived ? now : null, version: tx.db.raw('version + 1'), updated_at: now });
    const contact = (await repo.findById(tx, id))!;
    const action = archived ? 'contact.archived' : 'contact.updated';
    await events.emit(tx, action, { ...contact });
    await audit.record(tx, { action, resourceType: 'contact', resourceId: id, before, after: contact });
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
    // payments (and the credit balance they leave) are books too: kept with their contact
    if (await scoped(tx, 'payments').where('contact_id', id).first('id')) {
      throw new DomainError(
        'conflict',
        'contact_has_payments',
        'This contact has payments and must be kept; archive it instead.',
      );
    }
    await scoped(tx, 'contacts').where('id', id).delete();
    await events.emit(tx, 'contact.deleted', { ...contact });
    await audit.record(tx, {
      action: 'contact.deleted',
      resourceType: 'contact',
      resourceId: id,
      before: contact,
    });
    return contact;
  });
}
