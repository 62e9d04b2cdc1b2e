import type { Db } from '@fakturo/db';
import type { Clock } from '../clock';
import { calendarDate } from '../clock';
import * as contactsRepo from '../contacts/repo';
import { type Ctx, inTransaction, scoped, systemContext } from '../context';
import { decryptSecret, encryptSecret } from '../crypto/secrets';
import * as documentsRepo from '../documents/repo';
import type { DocumentFamily } from '../documents/resource';
import * as documentService from '../documents/service';
import { DomainError, FieldErrors, notFound } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import * as jobs from '../jobs';
import * as organizations from '../organizations/service';
import { type Page, toPage } from '../pagination';
import { openAmount, PAYABLE_TYPES } from '../payments/rules';
import * as testClock from '../test-clock/service';
import * as accessTokens from './access-tokens';
import type { MailAttachment, SendingDeps } from './mailer';
import { composeMail } from './message';
import { queueAutomatic, sendJob } from './queue';
import * as repo from './repo';
import {
  ACCESS_TOKEN_TTL_DAYS,
  checkRecipients,
  classifySmtpError,
  nextAttemptAt,
  recipientsOf,
  type SendFailure,
  sendRefusal,
  takesEInvoice,
} from './rules';
import type { DocumentSend, DocumentSendListQuery, RetryInput, SendEInvoiceFormat, SendInput } from './types';

/**
 * Sending documents by e-mail (issue 5, item 7). The API queues a send (`send`, `retry`), the scheduler and
 * billing runs queue them too (queue.ts); the worker delivers each (`deliver`): PDF, plus the e-invoice the
 * contact wants, and a portal link, through SMTP. A delivered mail marks the document sent (`invoice.sent`,
 * `quote.sent` …); a bounce or retries used up mark the send failed (`document_send.failed`), kept in the
 * send log with the server's reply.
 */

// ——— reading ———

async function load(ctx: Ctx, id: string, lock = false): Promise<repo.LoadedSendRow> {
  const row = await repo.find(ctx, id, { lock });
  if (!row) throw notFound('document_send', id);
  return row;
}

export async function get(ctx: Ctx, id: string): Promise<DocumentSend> {
  return repo.toSend(await load(ctx, id));
}

/**
 * The send log of one document, newest first. A document of another family (or tenant) is not found; without
 * a family (GraphQL's `documentSends`) any issued or draft document of the organisation is.
 */
export async function listForDocument(
  ctx: Ctx,
  family: DocumentFamily | null,
  documentId: string,
  query: DocumentSendListQuery,
): Promise<Page<DocumentSend>> {
  await assertDocument(ctx, family, documentId);
  return toPage(await repo.listForDocument(ctx, documentId, query), query, repo.toSend);
}

/** A 404 unless the organisation has the document (of `family`; null: of any family, as GraphQL asks). */
export async function assertDocument(
  ctx: Ctx,
  family: DocumentFamily | null,
  documentId: string,
): Promise<void> {
  const exists = family
    ? await documentsRepo.findRow(ctx, documentId, family)
    : await scoped(ctx, 'documents').where('id', documentId).first('id');
  if (!exists) throw notFound(family ?? 'document', documentId);
}

// ——— queueing ———

function inProgress(documentId: string, sendId?: string): DomainError {
  return new DomainError(
    'conflict',
    'document_send_in_progress',
    'A send of this document is already on its way; wait for it (GET …/sends) before sending again.',
    { details: { documentId, ...(sendId ? { sendId } : {}) } },
  );
}

/** Writes the send and its job in the caller's transaction; a concurrent second send is refused (409). */
async function insertQueued(
  tx: Ctx,
  documentId: string,
  fields: { recipients: string[]; einvoice_format: SendEInvoiceFormat | null },
): Promise<string> {
  const pending = await repo.inFlight(tx, documentId);
  if (pending) throw inProgress(documentId, pending.id);
  const id = newId('documentSend');
  try {
    await repo.insert(
      tx,
      [{ id, document_id: documentId, trigger: 'manual', status: 'queued', ...fields }],
      tx.clock.now(),
    );
  } catch (error) {
    if (repo.isInFlightConflict(error)) throw inProgress(documentId);
    throw error;
  }
  const job = sendJob(tx.organizationId, id);
  await jobs.enqueue(tx, job.task, job.payload, job);
  return id;
}

/**
 * `POST /v1/invoices/{id}/send` (and credit notes, quotes): queues an e-mail of an issued document to the
 * contact's billing addresses (or `recipients`), with the PDF and the e-invoice the contact wants (or
 * `eInvoiceFormat`). Answers the queued send; the worker delivers it. A draft, a cancelled invoice or a
 * closed quote answers 409; one send of a document at a time (409 `document_send_in_progress`).
 */
export async function send(
  ctx: Ctx,
  family: DocumentFamily,
  documentId: string,
  input: SendInput = {},
): Promise<DocumentSend> {
  const errors = new FieldErrors();
  if (input.recipients) checkRecipients(input.recipients, errors);
  return inTransaction(ctx, async (tx) => {
    // row lock: two sends of one document queue one after the other, so the in-flight check holds
    const doc = await documentsRepo.findRow(tx, documentId, family, { lock: true });
    if (!doc) throw notFound(family, documentId);
    const refusal = sendRefusal(family, doc.status);
    if (refusal) throw refusal;
    const contact = await contactsRepo.findById(tx, doc.contact_id);
    const recipients = input.recipients
      ? [...new Set(input.recipients)]
      : recipientsOf(contact?.emails ?? []);
    if (!input.recipients) checkRecipients(recipients, errors);
    let format: SendEInvoiceFormat | null;
    if (input.eInvoiceFormat !== undefined) {
      format = input.eInvoiceFormat;
      if (format && !takesEInvoice(doc.type)) {
        errors.add(
          'eInvoiceFormat',
          'einvoice_not_applicable',
          `a ${doc.type.replace('_', ' ')} is not an invoice in the EN 16931 sense: it is sent as PDF`,
        );
      }
    } else {
      format = takesEInvoice(doc.type) ? (contact?.eInvoiceFormat ?? null) : null;
    }
    errors.throwIfAny();
    const id = await insertQueued(tx, documentId, { recipients, einvoice_format: format });
    return get(tx, id);
  });
}

/**
 * `POST /v1/document-sends/{id}/retry`: queues a failed send again — to corrected `recipients` if given — with
 * a new portal link. Only a failed send (409 `document_send_not_failed`); the document must still be sendable.
 */
export async function retry(ctx: Ctx, id: string, input: RetryInput = {}): Promise<DocumentSend> {
  const errors = new FieldErrors();
  if (input.recipients) checkRecipients(input.recipients, errors);
  errors.throwIfAny();
  return inTransaction(ctx, async (tx) => {
    const row = await load(tx, id, true);
    if (row.status !== 'failed') {
      throw new DomainError(
        'conflict',
        'document_send_not_failed',
        `The send is ${row.status}; only a failed send is retried.`,
        { details: { state: row.status } },
      );
    }
    const family = repo.toSend(row).documentFamily;
    const doc = (await documentsRepo.findRow(tx, row.document_id, family, { lock: true }))!;
    const refusal = sendRefusal(family, doc.status);
    if (refusal) throw refusal;
    const pending = await repo.inFlight(tx, row.document_id);
    if (pending) throw inProgress(row.document_id, pending.id);
    const now = tx.clock.now();
    await repo.update(tx, id, {
      status: 'queued',
      recipients: input.recipients ? [...new Set(input.recipients)] : row.recipients,
      rejected_recipients: [],
      failed_at: null,
      next_attempt_at: null,
      updated_at: now,
    });
    const job = sendJob(tx.organizationId, id);
    await jobs.enqueue(tx, job.task, job.payload, job);
    return get(tx, id);
  });
}

/**
 * The cron sweep: for every organisation, on its own clock and time zone (a sandbox's test clock included),
 * queues the issued documents whose send date has arrived and that were neither sent nor queued yet. Returns
 * how many sends it queued. Safe to run concurrently: a document gets one automatic send (unique index).
 */
export async function queueDue(db: Db, clock: Clock, limit = 5000): Promise<number> {
  const due = await db.raw<{ rows: { organization_id: string; id: string }[] }>(
    `SELECT d.organization_id, d.id
       FROM documents d JOIN organizations o ON o.id = d.organization_id
      WHERE d.send_date IS NOT NULL AND d.sent_at IS NULL
        AND d.status IN ('finalized', 'partially_paid', 'paid', 'overdue')
        AND d.send_date <= (coalesce(o.clock_time, ?::timestamptz) AT TIME ZONE o.timezone)::date
        AND NOT EXISTS (SELECT 1 FROM document_sends s
                         WHERE s.organization_id = d.organization_id AND s.document_id = d.id)
      ORDER BY d.organization_id, d.id
      LIMIT ?`,
    [clock.now(), limit],
  );
  const byOrg = new Map<string, string[]>();
  for (const r of due.rows) byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), r.id]);
  let queued = 0;
  for (const [organizationId, ids] of byOrg) {
    const orgClock = await testClock.clockOf(db, organizationId, clock);
    const ctx = systemContext(db, organizationId, orgClock, 'send-scheduler');
    // one transaction per slice: sends and their jobs commit together, and no transaction grows unbounded
    for (let i = 0; i < ids.length; i += 500) {
      queued += await inTransaction(ctx, (tx) => queueAutomatic(tx, ids.slice(i, i + 500), 'schedule'));
    }
  }
  return queued;
}

// ——— delivering (the worker) ———

export type DeliverOutcome = 'sent' | 'failed' | 'skipped';

export interface DeliverAttempt {
  /** The job's attempt, 1, 2, … (graphile-worker's count: its back-off follows it). */
  number: number;
  /** This is the job's last attempt: a transient failure now fails the send instead of retrying. */
  final: boolean;
}

interface Claimed {
  row: repo.LoadedSendRow;
  family: DocumentFamily;
  attempt: number;
  token: string;
  /** What is still owed on an invoice now: the mail asks for this, not for what was issued. */
  amountOpen: number | undefined;
  /** When the buyer accepted the quote, if they did: its mail then says so instead of offering it. */
  acceptedAt: Date | null;
}

const tokenContext = (sendId: string) => `document_send:${sendId}`;

/**
 * Takes the send for this attempt: counts the attempt, and gives it its portal token — a new one on the first
 * attempt (only the hash stored; the plain token kept encrypted on the send until it is final, so every
 * retry mails the same link). Returns null when there is nothing to do (already sent or failed).
 */
async function claim(ctx: Ctx, sendId: string): Promise<Claimed | 'failed' | null> {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.find(tx, sendId, { lock: true });
    if (!row || row.status === 'sent' || row.status === 'failed') return null;
    const family = repo.toSend(row).documentFamily;
    const doc = (await documentsRepo.findRow(tx, row.document_id, family))!;
    const refusal = sendRefusal(family, doc.status);
    if (refusal) {
      // cancelled (or a quote closed) after the send was queued: the customer must not get it now
      await markFailed(tx, row, {
        permanent: true,
        code: refusal.code,
        message: refusal.message,
        smtpCode: null,
        smtpResponse: null,
      });
      return 'failed';
    }
    const now = tx.clock.now();
    let token: string;
    let tokenId = row.access_token_id;
    let encrypted = row.access_token_encrypted;
    if (encrypted && tokenId) {
      token = decryptSecret(encrypted, tokenContext(sendId));
    } else {
      const issued = await accessTokens.issue(
        tx,
        row.document_id,
        new Date(now.getTime() + ACCESS_TOKEN_TTL_DAYS * 86_400_000),
      );
      token = issued.token;
      tokenId = issued.id;
      encrypted = encryptSecret(token, tokenContext(sendId));
    }
    await repo.update(tx, sendId, {
      status: 'sending',
      attempts: row.attempts + 1,
      last_attempt_at: now,
      next_attempt_at: null,
      access_token_id: tokenId,
      access_token_encrypted: encrypted,
      updated_at: now,
    });
    // payments are booked on invoices only; a pro-forma keeps asking for its amount
    const amountOpen = PAYABLE_TYPES.includes(doc.type)
      ? openAmount({
          type: doc.type,
          status: doc.status,
          amountDue: doc.amount_due,
          amountCredited: doc.amount_credited,
          amountPaid: doc.amount_paid,
        })
      : undefined;
    const acceptedAt = doc.status === 'accepted' ? doc.accepted_at : null;
    return { row, family, attempt: row.attempts + 1, token, amountOpen, acceptedAt };
  });
}

/** Ends a send as failed: the reason and the server's reply kept, its portal link revoked, an event emitted. */
async function markFailed(tx: Ctx, row: repo.SendRow, failure: SendFailure): Promise<void> {
  const now = tx.clock.now();
  // the token as stored now: the attempt that failed may have issued it after `row` was read
  const tokenId = (await repo.find(tx, row.id, { lock: true }))?.access_token_id ?? null;
  await repo.update(tx, row.id, {
    status: 'failed',
    last_error_code: failure.code,
    last_error: failure.message.slice(0, 2000),
    smtp_code: failure.smtpCode,
    smtp_response: failure.smtpResponse,
    access_token_encrypted: null,
    next_attempt_at: null,
    failed_at: now,
    updated_at: now,
  });
  if (tokenId) await accessTokens.revoke(tx, tokenId);
  await events.emit(tx, 'document_send.failed', { ...repo.toSend((await repo.find(tx, row.id))!) });
}

/** The files of the mail: the PDF, and the e-invoice the send asks for (Factur-X replaces the plain PDF). */
async function attachmentsOf(
  ctx: Ctx,
  family: DocumentFamily,
  documentId: string,
  format: SendEInvoiceFormat | null,
): Promise<(MailAttachment & { sha256: string })[]> {
  // stored files, or rendered and stored now if the render job has not run yet: the mail carries the bytes
  // the API serves and the document's SHA-256 names
  const kinds: documentService.FileKind[] =
    format === 'zugferd' ? ['zugferd'] : format ? ['pdf', format] : ['pdf'];
  const files = [];
  for (const kind of kinds) {
    const file = await documentService.file(ctx, family, documentId, kind);
    files.push({
      filename: file.filename,
      content: file.content,
      contentType: file.mimeType,
      sha256: file.sha256,
    });
  }
  return files;
}

/** The domain part of the From address, for Message-IDs that are ours. */
function messageDomain(address: string): string {
  return address.split('@')[1] || 'fakturo.localhost';
}

/**
 * The `documents_send` task: delivers one queued send. The mail is composed from the issued document's
 * frozen data in its language, with its stored PDF (rendered now if the render job has not run) and the
 * e-invoice asked for, and the portal link. Outcomes:
 * - the server accepted it: the send is `sent` (message id and reply kept) and the document marked sent;
 * - a permanent failure (a 5xx reply — the mail bounced — or a document that cannot be rendered as the
 *   e-invoice asked for): `failed`, with the reason and the server's reply;
 * - a transient failure (4xx, the server unreachable): the error is kept, the send goes back to `queued`
 *   and the error is thrown, so graphile-worker retries with back-off — on the job's final attempt the send
 *   fails instead.
 */
export async function deliver(
  ctx: Ctx,
  sendId: string,
  deps: SendingDeps,
  attempt: DeliverAttempt,
): Promise<DeliverOutcome> {
  const claimed = await claim(ctx, sendId);
  if (claimed === null) return 'skipped';
  if (claimed === 'failed') return 'failed';
  const { row, family, token, amountOpen, acceptedAt } = claimed;

  const giveUp = async (failure: SendFailure) => {
    await inTransaction(ctx, (tx) => markFailed(tx, row, failure));
    return 'failed' as const;
  };
  const deferred = async (failure: SendFailure, error: unknown): Promise<never> => {
    const now = ctx.clock.now();
    await repo.update(ctx, row.id, {
      status: 'queued',
      last_error_code: failure.code,
      last_error: failure.message.slice(0, 2000),
      smtp_code: failure.smtpCode,
      smtp_response: failure.smtpResponse,
      next_attempt_at: nextAttemptAt(now, attempt.number),
      updated_at: now,
    });
    throw error;
  };

  let mail: Parameters<SendingDeps['mailer']['send']>[0];
  let attachments: Awaited<ReturnType<typeof attachmentsOf>>;
  try {
    const data = await documentService.issuedData(ctx, row.document_id);
    attachments = await attachmentsOf(ctx, family, row.document_id, row.einvoice_format);
    const org = await organizations.get(ctx);
    const text = composeMail({
      document: data,
      portalUrl: accessTokens.portalUrl(deps.publicUrl, token),
      eInvoice: row.einvoice_format === 'zugferd' ? 'zugferd' : row.einvoice_format ? 'xrechnung' : null,
      amountOpen,
      today: calendarDate(ctx.clock.now(), org.timezone),
      acceptedOn: acceptedAt ? calendarDate(acceptedAt, org.timezone) : null,
    });
    mail = {
      from: { name: data.seller.legalName, address: deps.fromAddress },
      replyTo: org.email ?? data.seller.contact.email,
      to: row.recipients,
      ...text,
      attachments,
      messageId: `${row.id}@${messageDomain(deps.fromAddress)}`,
      headers: { 'X-Fakturo-Document-Id': row.document_id, 'X-Fakturo-Send-Id': row.id },
    };
  } catch (error) {
    // a document that breaks a rule of the e-invoice asked for (e.g. XRechnung without a buyer reference)
    // renders the same way every time: no retry helps
    if (error instanceof DomainError && error.kind === 'unprocessable') {
      return giveUp({
        permanent: true,
        code: error.code,
        message: `${error.message}${error.errors?.length ? ` (${error.errors.map((e) => e.code).join(', ')})` : ''}`,
        smtpCode: null,
        smtpResponse: null,
      });
    }
    const failure: SendFailure = {
      permanent: false,
      code: 'send_error',
      message: error instanceof Error ? error.message : String(error),
      smtpCode: null,
      smtpResponse: null,
    };
    if (attempt.final) return giveUp(failure);
    return deferred(failure, error);
  }

  let receipt: Awaited<ReturnType<SendingDeps['mailer']['send']>>;
  try {
    receipt = await deps.mailer.send(mail);
  } catch (error) {
    const failure = classifySmtpError(error);
    if (failure.permanent) return giveUp(failure);
    if (attempt.final) {
      return giveUp({ ...failure, message: `gave up after ${claimed.attempt} attempts: ${failure.message}` });
    }
    return deferred(failure, error);
  }

  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const code = Number(/^\d{3}/.exec(receipt.response)?.[0] ?? Number.NaN);
    await repo.update(tx, row.id, {
      status: 'sent',
      message_id: receipt.messageId,
      smtp_code: Number.isNaN(code) ? null : code,
      smtp_response: receipt.response.slice(0, 1000),
      rejected_recipients: receipt.rejected,
      attachments: attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        size: a.content.length,
        sha256: a.sha256,
      })),
      access_token_encrypted: null,
      sent_at: now,
      updated_at: now,
    });
    // `invoice.sent` / `credit_note.sent` / `quote.sent`, and the audit entry (last write of the transaction)
    await documentService.markSent(tx, family, row.document_id);
  });
  return 'sent';
}

/**
 * The job's last attempt died outside the SMTP exchange (the database, a crash while recording): the send
 * must not stay in flight for ever — that would block every later send of the document — so it fails,
 * visibly. If the server had accepted the mail before, the customer has it; the log says what happened.
 */
export async function abandon(ctx: Ctx, sendId: string, error: unknown): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await repo.find(tx, sendId, { lock: true });
    if (!row || row.status === 'sent' || row.status === 'failed') return;
    await markFailed(tx, row, {
      permanent: true,
      code: 'send_error',
      message: `gave up after ${row.attempts} attempts: ${error instanceof Error ? error.message : String(error)}`,
      smtpCode: row.smtp_code,
      smtpResponse: row.smtp_response,
    });
  });
}
