import type { Knex } from 'knex';
import { type Ctx, scoped } from '../context';
import { familyOf } from '../documents/lifecycle';
import type { DocumentType } from '../documents/types';
import { applyCursor } from '../pagination';
import type {
  DocumentSend,
  DocumentSendListQuery,
  DocumentSendStatus,
  DocumentSendTrigger,
  SendEInvoiceFormat,
  SentAttachment,
} from './types';

/** SQL of the send log: one place, explicit columns, every query scoped to the organisation. */

export interface SendRow {
  id: string;
  organization_id: string;
  document_id: string;
  trigger: DocumentSendTrigger;
  status: DocumentSendStatus;
  recipients: string[];
  rejected_recipients: string[];
  einvoice_format: SendEInvoiceFormat | null;
  attachments: SentAttachment[];
  attempts: number;
  last_error_code: string | null;
  last_error: string | null;
  smtp_code: number | null;
  smtp_response: string | null;
  message_id: string | null;
  access_token_id: string | null;
  access_token_encrypted: string | null;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  sent_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A send row with the type and number of its document (for the API shape). */
export type LoadedSendRow = SendRow & { document_type: DocumentType; document_number: string | null };

const COLUMNS = [
  'id',
  'organization_id',
  'document_id',
  'trigger',
  'status',
  'recipients',
  'rejected_recipients',
  'einvoice_format',
  'attachments',
  'attempts',
  'last_error_code',
  'last_error',
  'smtp_code',
  'smtp_response',
  'message_id',
  'access_token_id',
  'access_token_encrypted',
  'next_attempt_at',
  'last_attempt_at',
  'sent_at',
  'failed_at',
  'created_at',
  'updated_at',
].map((c) => `s.${c}`);

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSend(row: LoadedSendRow): DocumentSend {
  return {
    id: row.id,
    documentId: row.document_id,
    documentFamily: familyOf(row.document_type),
    documentNumber: row.document_number,
    status: row.status,
    trigger: row.trigger,
    recipients: row.recipients,
    rejectedRecipients: row.rejected_recipients,
    eInvoiceFormat: row.einvoice_format,
    attachments: row.attachments,
    attempts: row.attempts,
    lastErrorCode: row.last_error_code,
    lastError: row.last_error,
    smtpCode: row.smtp_code,
    smtpResponse: row.smtp_response,
    messageId: row.message_id,
    nextAttemptAt: iso(row.next_attempt_at),
    lastAttemptAt: iso(row.last_attempt_at),
    sentAt: iso(row.sent_at),
    failedAt: iso(row.failed_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function selectSends(ctx: Ctx): Knex.QueryBuilder {
  return scoped(ctx, 'document_sends', 's')
    .join('documents as d', (j) =>
      j.on('d.organization_id', 's.organization_id').andOn('d.id', 's.document_id'),
    )
    .select([...COLUMNS, 'd.type as document_type', 'd.number as document_number']);
}

export async function find(
  ctx: Ctx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<LoadedSendRow | undefined> {
  const q = selectSends(ctx).where('s.id', id);
  if (options.lock) q.forUpdate('s');
  return q.first();
}

export function listForDocument(
  ctx: Ctx,
  documentId: string,
  query: DocumentSendListQuery,
): Promise<LoadedSendRow[]> {
  const q = selectSends(ctx).where('s.document_id', documentId);
  if (query.status) q.where('s.status', query.status);
  return applyCursor(q, query, 's.id');
}

/** A send of the document still on its way (at most one: a unique index). */
export async function inFlight(ctx: Ctx, documentId: string): Promise<{ id: string } | undefined> {
  return scoped(ctx, 'document_sends')
    .where('document_id', documentId)
    .whereIn('status', ['queued', 'sending'])
    .first('id');
}

export type NewSend = Pick<
  SendRow,
  'id' | 'document_id' | 'trigger' | 'status' | 'recipients' | 'einvoice_format'
> &
  Partial<Pick<SendRow, 'last_error_code' | 'last_error' | 'failed_at'>>;

/**
 * Inserts sends in one statement. `skipTaken`: the scheduler's and billing runs' sends, which a document gets
 * once (unique index), so a second sweep racing the first inserts nothing; returns the ids inserted.
 */
export async function insert(
  ctx: Ctx,
  rows: readonly NewSend[],
  now: Date,
  options: { skipTaken?: boolean } = {},
): Promise<string[]> {
  if (rows.length === 0) return [];
  const q = ctx.db('document_sends').insert(
    rows.map((r) => ({
      ...r,
      organization_id: ctx.organizationId,
      created_at: now,
      updated_at: now,
    })),
  );
  if (options.skipTaken) q.onConflict().ignore();
  const inserted: { id: string }[] = await q.returning('id');
  return inserted.map((r) => r.id);
}

export async function update(ctx: Ctx, id: string, changes: Partial<SendRow>): Promise<void> {
  await ctx
    .db('document_sends')
    .where({ organization_id: ctx.organizationId, id })
    .update({
      ...changes,
      ...(changes.attachments ? { attachments: JSON.stringify(changes.attachments) } : {}),
    });
}

/** True when `error` is PostgreSQL refusing a second send in flight for a document. */
export function isInFlightConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'document_sends_in_flight_idx';
}
