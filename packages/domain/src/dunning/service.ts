import { createHash } from 'node:crypto';
import type { Db } from '@fakturo/db';
import * as audit from '../audit/service';
import { compareDates, isDate } from '../billing/dates';
import { type Clock, calendarDate } from '../clock';
import * as contactsRepo from '../contacts/repo';
import type { Contact } from '../contacts/types';
import { type Ctx, inTransaction, scoped, systemContext } from '../context';
import { documentLanguage } from '../documents/labels';
import { buyerSnapshot, sellerSnapshot } from '../documents/snapshot';
import { DomainError, FieldErrors, notFound, versionMismatch } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import * as jobs from '../jobs';
import * as organizations from '../organizations/service';
import type { Organization, PostalAddress } from '../organizations/types';
import { type Page, toPage } from '../pagination';
import { OPEN_STATUSES, outstandingSql, PAYABLE_TYPES } from '../payments/rules';
import type { SendingDeps } from '../sending/mailer';
import { classifySmtpError, recipientsOf, SEND_MAX_ATTEMPTS, type SendFailure } from '../sending/rules';
import { effectiveBaseRates } from './base-rates';
import { composeDunningMail } from './message';
import { type DunningLetterData, letterFilename, renderDunningPdf } from './pdf';
import * as repo from './repo';
import {
  checkSettings,
  customerTypeOf,
  defaultLevels,
  type PlannedNotice,
  payByOf,
  planNotices,
  titleOf,
  withTitles,
} from './rules';
import type {
  BaseRate,
  CustomerType,
  DunningLevel,
  DunningNotice,
  DunningNoticeListQuery,
  DunningRun,
  DunningRunInput,
  DunningRunListQuery,
  DunningRunPreview,
  DunningSettings,
  DunningSettingsInput,
} from './types';

/**
 * Dunning (DOMAIN.md §10, docs/dunning.md). The API reads and saves the levels and starts runs; the worker
 * works a run (`process`: one transaction per contact — letters, their invoices, `dunning.level_reached`
 * events and the e-mail jobs together) and e-mails each letter (`deliver`). Time only from `ctx.clock`.
 */

/** Letters a dry run lists. */
export const PREVIEW_LIMIT = 500;
const MAX_FILTER_IDS = 1000;

// ——— settings ———

interface LoadedSettings {
  levels: DunningLevel[];
  ownBaseRates: BaseRate[];
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
}

async function loadSettings(
  ctx: Ctx,
  currency: string,
  options: { lock?: boolean } = {},
): Promise<LoadedSettings> {
  const stored = await repo.findSettings(ctx, options);
  if (!stored) return defaultsAsStored(currency);
  return {
    levels: withTitles(
      stored.levels.map((l) => ({
        level: l.level,
        name: l.name,
        daysAfterDue: l.days_after_due,
        fee: l.fee,
        interest: l.interest,
      })),
    ),
    ownBaseRates: stored.settings.base_rates,
    version: stored.settings.version,
    isDefault: false,
    updatedAt: stored.settings.updated_at.toISOString(),
  };
}

function toSettings(loaded: LoadedSettings, currency: string): DunningSettings {
  return {
    levels: loaded.levels,
    baseRates: loaded.ownBaseRates,
    currency,
    isDefault: loaded.isDefault,
    version: loaded.version,
    updatedAt: loaded.updatedAt,
  };
}

/** `GET /v1/dunning-levels`: the organisation's levels — the defaults of DOMAIN.md §10 until it saves its own. */
export async function getSettings(ctx: Ctx): Promise<DunningSettings> {
  const org = await organizations.get(ctx);
  return toSettings(await loadSettings(ctx, org.currency), org.currency);
}

/**
 * `PUT /v1/dunning-levels`: replaces the levels (and the organisation's own base rates) as a whole. Every
 * broken rule is reported at once (422) and nothing is written; with `expectedVersion` (If-Match) a change
 * made meanwhile answers 412. Letters already issued keep the level, fee and title they were issued with.
 * Recorded in the audit log (settings, DOMAIN.md §3).
 */
export async function updateSettings(
  ctx: Ctx,
  input: DunningSettingsInput,
  expectedVersion?: number,
): Promise<DunningSettings> {
  const org = await organizations.get(ctx);
  const errors = new FieldErrors();
  const checked = checkSettings(input, org.currency, errors);
  errors.throwIfAny('The dunning levels break one or more rules.');
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    // the first save creates the row; a concurrent first save waits on it here and then sees version 2
    const created = await tx
      .db('dunning_settings')
      .insert({
        organization_id: tx.organizationId,
        base_rates: '[]',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .onConflict('organization_id')
      .ignore()
      .returning('version');
    const current = created.length > 0 ? null : await loadSettings(tx, org.currency, { lock: true });
    const before = current ?? defaultsAsStored(org.currency);
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw versionMismatch('dunning_settings', expectedVersion, before.version);
    }
    await repo.saveSettings(
      tx,
      { levels: checked.levels, baseRates: checked.baseRates },
      before.version + 1,
      now,
    );
    const after = toSettings(await loadSettings(tx, org.currency), org.currency);
    await audit.record(tx, {
      action: 'dunning_settings.updated',
      resourceType: 'dunning_settings',
      resourceId: tx.organizationId,
      before: toSettings(before, org.currency),
      after,
    });
    return after;
  });
}

function defaultsAsStored(currency: string): LoadedSettings {
  return { levels: defaultLevels(currency), ownBaseRates: [], version: 1, isDefault: true, updatedAt: null };
}

// ——— runs ———

export async function getRun(ctx: Ctx, id: string): Promise<DunningRun> {
  const row = await repo.findRun(ctx, id);
  if (!row) throw notFound('dunning_run', id);
  return repo.toRun(row);
}

export async function listRuns(ctx: Ctx, query: DunningRunListQuery): Promise<Page<DunningRun>> {
  return toPage(await repo.listRuns(ctx, query), query, repo.toRun);
}

/**
 * `POST /v1/dunning-runs`: a run for `asOf` (default the organisation's today; not a later day — letters are
 * not dated ahead). With `dryRun` it answers which letters would be issued and writes nothing; otherwise it
 * writes the run and, in the same transaction, the worker job that works it.
 */
export async function start(ctx: Ctx, input: DunningRunInput): Promise<DunningRun | DunningRunPreview> {
  const org = await organizations.get(ctx);
  const today = calendarDate(ctx.clock.now(), org.timezone);
  const errors = new FieldErrors();
  const asOf = input.asOf ?? today;
  if (!isDate(asOf)) errors.add('asOf', 'date_invalid', 'must be a calendar date YYYY-MM-DD');
  else if (compareDates(asOf, today) > 0) {
    errors.add('asOf', 'as_of_in_future', `letters are dated today (${today}) at the latest`);
  }
  const contactIds = input.contactIds ? [...new Set(input.contactIds)] : null;
  if (contactIds) {
    if (contactIds.length === 0 || contactIds.length > MAX_FILTER_IDS) {
      errors.add('contactIds', 'filter_invalid', `give 1 to ${MAX_FILTER_IDS} ids, or leave the filter out`);
    } else {
      const found = new Set<string>(await scoped(ctx, 'contacts').whereIn('id', contactIds).pluck('id'));
      (input.contactIds ?? []).forEach((id, i) => {
        if (!found.has(id)) errors.add(`contactIds.${i}`, 'contact_not_found', `no contact '${id}'`);
      });
    }
  }
  errors.throwIfAny();
  organizations.requireAddress(
    org,
    'Dunning letters carry the sender’s address: set the organisation’s address first.',
  );
  if (input.dryRun) return preview(ctx, org, asOf, contactIds);
  return inTransaction(ctx, async (tx) => {
    const row = await insertRun(tx, { asOf, trigger: 'api', filters: contactIds ? { contactIds } : {} });
    return repo.toRun(row!);
  });
}

async function insertRun(
  tx: Ctx,
  run: { asOf: string; trigger: 'api' | 'schedule'; filters: object },
): Promise<repo.RunRow | undefined> {
  const row = await repo.insertRun(tx, { id: newId('dunningRun'), ...run }, tx.clock.now());
  if (!row) return undefined;
  await jobs.enqueue(
    tx,
    'dunning_run',
    { organizationId: tx.organizationId, runId: row.id },
    { jobKey: `dunning_run:${row.id}`, maxAttempts: 5 },
  );
  return row;
}

/** Contact kinds and languages for a batch of contacts (a dry run does not need the whole contact). */
async function contactFacts(
  ctx: Ctx,
  ids: readonly string[],
): Promise<Map<string, { type: CustomerType; language: string }>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; kind: Contact['kind']; language: string }[] = await scoped(ctx, 'contacts')
    .whereIn('id', [...ids])
    .select('id', 'kind', 'language');
  return new Map(rows.map((r) => [r.id, { type: customerTypeOf(r.kind), language: r.language }]));
}

async function preview(
  ctx: Ctx,
  org: Organization,
  asOf: string,
  contactIds: readonly string[] | null,
): Promise<DunningRunPreview> {
  const settings = await loadSettings(ctx, org.currency);
  if (settings.levels.length === 0)
    return { dryRun: true, asOf, noticeCount: 0, notices: [], truncated: false };
  const rows = await repo.overdueInvoices(ctx, asOf, settings.levels[0]!.daysAfterDue, contactIds);
  const facts = await contactFacts(ctx, [...new Set(rows.map((r) => r.contact_id))]);
  const planned = planNotices({
    invoices: rows.map(repo.toDunnable),
    levels: settings.levels,
    dunned: await repo.dunnedLevels(
      ctx,
      rows.map((r) => r.id),
    ),
    customerTypes: new Map([...facts].map(([id, f]) => [id, f.type])),
    asOf,
    feeCurrency: org.currency,
    baseRates: effectiveBaseRates(settings.ownBaseRates),
  });
  return {
    dryRun: true,
    asOf,
    noticeCount: planned.length,
    notices: planned.slice(0, PREVIEW_LIMIT).map((n) => ({
      contactId: n.contactId,
      level: n.level.level,
      title: titleOf(n.level, documentLanguage(facts.get(n.contactId)?.language)),
      currency: n.currency,
      customerType: n.customerType,
      invoices: n.invoices,
      fee: n.fee,
      interestTotal: n.interestTotal,
      openTotal: n.openTotal,
      total: n.total,
    })),
    truncated: planned.length > PREVIEW_LIMIT,
  };
}

/**
 * The worker's `dunning_run`: closes the notices whose invoices were settled meanwhile, then works through
 * the contacts with overdue invoices, one transaction each (`dunContact`). A contact that fails is reported
 * in the run's `errors` and tried again by the next run; the others go on. Safe to run again after a crash:
 * what was issued stays issued, and no invoice is dunned at a level twice.
 */
export async function process(ctx: Ctx, runId: string): Promise<void> {
  const row = await repo.findRun(ctx, runId);
  if (!row || row.status === 'completed' || row.status === 'failed') return;
  const org = await organizations.get(ctx);
  if (!org.address) {
    await repo.updateRun(ctx, runId, {
      status: 'failed',
      failure: JSON.stringify({
        code: 'organization_address_missing',
        message: 'the organisation has no address',
      }),
      completed_at: ctx.clock.now(),
      updated_at: ctx.clock.now(),
    });
    return;
  }
  const settings = await loadSettings(ctx, org.currency);
  const contacts =
    settings.levels.length === 0
      ? []
      : await repo.overdueContacts(
          ctx,
          row.as_of,
          settings.levels[0]!.daysAfterDue,
          row.filters.contactIds ?? null,
        );
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    await repo.closeSettled(tx, now);
    // a retry starts the contact counters afresh; what earlier attempts issued is counted from the notices
    const issued = await tx.db.raw<{ rows: { notices: number; invoices: number }[] }>(
      `SELECT count(DISTINCT n.id)::int AS notices, count(i.document_id)::int AS invoices
         FROM dunning_notices n JOIN dunning_notice_items i ON i.notice_id = n.id
        WHERE n.organization_id = ? AND n.run_id = ?`,
      [tx.organizationId, runId],
    );
    await repo.updateRun(tx, runId, {
      status: 'running',
      contacts_total: contacts.length,
      contacts_processed: 0,
      contacts_failed: 0,
      notices_created: issued.rows[0]?.notices ?? 0,
      invoices_dunned: issued.rows[0]?.invoices ?? 0,
      errors: '[]',
      started_at: row.started_at ?? now,
      updated_at: now,
    });
  });
  const run = { id: runId, asOf: row.as_of };
  const baseRates = effectiveBaseRates(settings.ownBaseRates);
  for (const contactId of contacts) {
    try {
      await dunContact(ctx, run, { ...org, address: org.address }, settings.levels, baseRates, contactId);
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'dunning_failed';
      const message = error instanceof Error ? error.message : String(error);
      await inTransaction(ctx, (tx) =>
        repo.countContact(
          tx,
          runId,
          { notices: 0, invoices: 0, error: { contactId, code, message } },
          tx.clock.now(),
        ),
      );
    }
  }
  const now = ctx.clock.now();
  await repo.updateRun(ctx, runId, { status: 'completed', completed_at: now, updated_at: now });
}

/**
 * After the worker's last attempt at a run failed (the database gone for the whole back-off, a bug): the run
 * is marked failed with the reason, so it does not look as if it were still running. What it issued stays.
 */
export async function fail(ctx: Ctx, runId: string, error: unknown): Promise<void> {
  const now = ctx.clock.now();
  const failure = {
    code: error instanceof DomainError ? error.code : 'dunning_run_failed',
    message: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
  };
  await scoped(ctx, 'dunning_runs')
    .where('id', runId)
    .whereIn('status', ['pending', 'running'])
    .update({ status: 'failed', failure: JSON.stringify(failure), completed_at: now, updated_at: now });
}

/**
 * One contact, one transaction: locks its overdue invoices, decides the letters (rules.planNotices), renders
 * and stores each with its SHA-256, records the invoices it covers (the unique key keeps "never the same
 * level twice"), emits `dunning.level_reached` per invoice and queues the e-mail.
 */
async function dunContact(
  ctx: Ctx,
  run: { id: string; asOf: string },
  org: Organization & { address: PostalAddress },
  levels: readonly DunningLevel[],
  baseRates: readonly BaseRate[],
  contactId: string,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const rows = await repo.lockOverdueOf(tx, contactId, run.asOf, levels[0]!.daysAfterDue);
    const contact = rows.length > 0 ? await contactsRepo.findById(tx, contactId) : undefined;
    if (!contact) {
      await repo.countContact(tx, run.id, { notices: 0, invoices: 0 }, tx.clock.now());
      return;
    }
    const planned = planNotices({
      invoices: rows.map(repo.toDunnable),
      levels,
      dunned: await repo.dunnedLevels(
        tx,
        rows.map((r) => r.id),
      ),
      customerTypes: new Map([[contactId, customerTypeOf(contact.kind)]]),
      asOf: run.asOf,
      feeCurrency: org.currency,
      baseRates,
    });
    const now = tx.clock.now();
    const language = documentLanguage(contact.language);
    const seller = sellerSnapshot(org);
    // a contact without a billing address is written to where its newest overdue invoice went
    const buyer = contact.billingAddress
      ? buyerSnapshot(contact as Contact & { billingAddress: PostalAddress }, language)
      : { ...rows[rows.length - 1]!.buyer, customerNumber: contact.customerNumber };
    const recipients = recipientsOf(contact.emails);
    const objects: ({ id: string } & Record<string, unknown>)[] = [];
    for (const notice of planned) {
      const id = newId('dunningNotice');
      const data = letterData(id, notice, {
        language,
        seller,
        buyer,
        branding: org.branding,
        asOf: run.asOf,
        now,
      });
      const pdf = await renderDunningPdf(data);
      const row: repo.NewNotice = {
        id,
        run_id: run.id,
        contact_id: contactId,
        level: notice.level.level,
        title: data.title,
        currency: notice.currency,
        language,
        customer_type: notice.customerType,
        issue_date: data.issueDate,
        pay_by: data.payBy,
        fee: notice.fee,
        interest_total: notice.interestTotal,
        open_total: notice.openTotal,
        total: notice.total,
        data,
        pdf,
        pdf_sha256: createHash('sha256').update(pdf).digest('hex'),
        email_status: recipients.length > 0 ? 'queued' : 'failed',
        recipients,
        email_error_code: recipients.length > 0 ? null : 'recipient_missing',
        email_error:
          recipients.length > 0 ? null : 'The contact has no e-mail address; the letter is to be posted.',
      };
      await repo.insertNotice(tx, row, now);
      const resource = repo.toNotice({
        ...row,
        invoices: data.invoices,
        organization_id: tx.organizationId,
        status: 'open',
        closed_at: null,
        email_attempts: 0,
        smtp_response: null,
        message_id: null,
        emailed_at: null,
        created_at: now,
        updated_at: now,
      });
      for (const invoice of notice.invoices) objects.push({ ...resource, invoiceId: invoice.invoiceId });
      if (recipients.length > 0) {
        await jobs.enqueue(
          tx,
          'dunning_notice_send',
          { organizationId: tx.organizationId, noticeId: id },
          { jobKey: `dunning_notice_send:${id}`, maxAttempts: SEND_MAX_ATTEMPTS },
        );
      }
    }
    // DOMAIN.md §10: one event per invoice and level reached, with the letter that says so
    await events.emitMany(tx, 'dunning.level_reached', objects);
    await repo.countContact(tx, run.id, { notices: planned.length, invoices: objects.length }, now);
  });
}

function letterData(
  id: string,
  notice: PlannedNotice,
  parts: Pick<DunningLetterData, 'language' | 'seller' | 'buyer' | 'branding'> & { asOf: string; now: Date },
): DunningLetterData {
  return {
    noticeId: id,
    level: notice.level.level,
    title: titleOf(notice.level, parts.language),
    issueDate: parts.asOf,
    issuedAt: parts.now.toISOString(),
    payBy: payByOf(parts.asOf),
    currency: notice.currency,
    language: parts.language,
    customerType: notice.customerType,
    seller: parts.seller,
    buyer: parts.buyer,
    branding: parts.branding,
    invoices: notice.invoices,
    fee: notice.fee,
    interestTotal: notice.interestTotal,
    openTotal: notice.openTotal,
    total: notice.total,
  };
}

/**
 * The daily cron: for every organisation with an address, dunning switched on (the defaults, or at least one
 * level) and an open invoice past its due date on its own clock, starts the run of its today — once per day
 * (a unique index), whenever the cron fires. Returns the runs started.
 */
export async function startScheduled(
  db: Db | Ctx['db'],
  clock: Clock,
  options: { organizationId?: string; at?: Date } = {},
): Promise<string[]> {
  const work = async (trx: Ctx['db']): Promise<string[]> => {
    const statuses = OPEN_STATUSES.map(() => '?').join(', ');
    const types = PAYABLE_TYPES.map(() => '?').join(', ');
    const result = await trx.raw<{ rows: { id: string; timezone: string; clock_time: Date | null }[] }>(
      `SELECT o.id, o.timezone, o.clock_time FROM organizations o
        WHERE o.address IS NOT NULL ${options.organizationId ? 'AND o.id = ?' : ''}
          AND NOT EXISTS (SELECT 1 FROM dunning_settings s WHERE s.organization_id = o.id
                             AND NOT EXISTS (SELECT 1 FROM dunning_levels l WHERE l.organization_id = o.id))
          AND EXISTS (SELECT 1 FROM documents d
                       WHERE d.organization_id = o.id AND d.type IN (${types}) AND d.status IN (${statuses})
                         AND d.due_date < (coalesce(?::timestamptz, o.clock_time, ?::timestamptz) AT TIME ZONE o.timezone)::date
                         AND ${outstandingSql('d')} > 0)
        ORDER BY o.id`,
      [
        ...(options.organizationId ? [options.organizationId] : []),
        ...PAYABLE_TYPES,
        ...OPEN_STATUSES,
        options.at ?? null,
        clock.now(),
      ],
    );
    const started: string[] = [];
    for (const org of result.rows) {
      const at = options.at ?? org.clock_time ?? clock.now();
      const ctx = systemContext(trx as Db, org.id, { now: () => new Date(at) }, 'scheduler');
      const row = await insertRun(ctx, {
        asOf: calendarDate(at, org.timezone),
        trigger: 'schedule',
        filters: {},
      });
      if (row) started.push(row.id);
    }
    return started;
  };
  return db.isTransaction ? work(db) : (db as Db).transaction((trx) => work(trx));
}

// ——— notices ———

export async function getNotice(ctx: Ctx, id: string): Promise<DunningNotice> {
  const row = await repo.findNotice(ctx, id);
  if (!row) throw notFound('dunning_notice', id);
  return repo.toNotice(row);
}

/** For batched loading (GraphQL): notices in the order of `ids`, undefined where none exists. */
export async function getNotices(ctx: Ctx, ids: readonly string[]): Promise<(DunningNotice | undefined)[]> {
  const found = new Map((await repo.findNotices(ctx, ids)).map((r) => [r.id, repo.toNotice(r)]));
  return ids.map((id) => found.get(id));
}

export async function listNotices(ctx: Ctx, query: DunningNoticeListQuery): Promise<Page<DunningNotice>> {
  return toPage(await repo.listNotices(ctx, query), query, repo.toNotice);
}

export interface NoticeFile {
  filename: string;
  mimeType: 'application/pdf';
  content: Buffer;
  sha256: string;
}

/** The stored PDF letter: the bytes that were e-mailed, their SHA-256 as on the notice. */
export async function pdf(ctx: Ctx, id: string): Promise<NoticeFile> {
  const row = await repo.findNotice(ctx, id);
  const content = row ? await repo.noticePdf(ctx, id) : undefined;
  if (!row || !content) throw notFound('dunning_notice', id);
  return {
    filename: letterFilename({ title: row.title, issueDate: row.issue_date }),
    mimeType: 'application/pdf',
    content,
    sha256: row.pdf_sha256,
  };
}

// ——— e-mail (the worker) ———

export type DeliverOutcome = 'sent' | 'failed' | 'cancelled' | 'skipped';

export interface DeliverAttempt {
  number: number;
  /** The job's last attempt: a transient failure now fails the mail instead of retrying. */
  final: boolean;
}

/**
 * The worker's `dunning_notice_send`: e-mails one letter (the stored PDF attached) through the mailer of
 * sending/ (nodemailer). Before it sends, it looks at the invoices again: when every one was paid or
 * cancelled meanwhile, the letter is closed and not mailed (`cancelled`) — payment stops dunning. A 5xx reply
 * fails the mail for good; a 4xx or an unreachable server keeps the error and throws, so graphile-worker
 * retries with back-off, until the last attempt fails it.
 */
export async function deliver(
  ctx: Ctx,
  noticeId: string,
  deps: SendingDeps,
  attempt: DeliverAttempt,
): Promise<DeliverOutcome> {
  const claimed = await inTransaction(ctx, async (tx) => {
    const row = await repo.findNotice(tx, noticeId, { lock: true });
    if (!row || (row.email_status !== 'queued' && row.email_status !== 'sending')) return null;
    const now = tx.clock.now();
    if ((await repo.closeSettled(tx, now, [noticeId])) > 0) {
      await repo.updateNotice(tx, noticeId, {
        email_status: 'cancelled',
        email_error_code: 'invoices_settled',
        email_error: 'Every invoice of the letter was paid or cancelled before it was mailed.',
        updated_at: now,
      });
      return 'cancelled' as const;
    }
    await repo.updateNotice(tx, noticeId, {
      email_status: 'sending',
      email_attempts: row.email_attempts + 1,
      updated_at: now,
    });
    return row;
  });
  if (claimed === null) return 'skipped';
  if (claimed === 'cancelled') return 'cancelled';
  const row = claimed;

  const fail = async (failure: SendFailure, status: 'failed' | 'queued') => {
    await repo.updateNotice(ctx, noticeId, {
      email_status: status,
      email_error_code: failure.code,
      email_error: failure.message.slice(0, 2000),
      smtp_response: failure.smtpResponse,
      updated_at: ctx.clock.now(),
    });
  };
  try {
    const { data, pdf: content } = (await repo.noticeLetter(ctx, noticeId))!;
    const org = await organizations.get(ctx);
    const text = composeDunningMail(data);
    const domain = deps.fromAddress.split('@')[1] || 'fakturo.localhost';
    const receipt = await deps.mailer.send({
      from: { name: data.seller.legalName, address: deps.fromAddress },
      replyTo: org.email ?? data.seller.contact.email,
      to: row.recipients,
      ...text,
      attachments: [{ filename: letterFilename(data), content, contentType: 'application/pdf' }],
      messageId: `${row.id}@${domain}`,
      headers: { 'X-Fakturo-Dunning-Notice-Id': row.id },
    });
    const now = ctx.clock.now();
    await repo.updateNotice(ctx, noticeId, {
      email_status: 'sent',
      message_id: receipt.messageId,
      smtp_response: receipt.response.slice(0, 1000),
      email_error_code: null,
      email_error: null,
      emailed_at: now,
      updated_at: now,
    });
    return 'sent';
  } catch (error) {
    const failure = classifySmtpError(error);
    if (failure.permanent || attempt.final) {
      await fail(failure, 'failed');
      return 'failed';
    }
    await fail(failure, 'queued');
    throw error;
  }
}
