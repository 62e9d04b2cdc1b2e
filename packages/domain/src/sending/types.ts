import type { CONTACT_EINVOICE_FORMATS } from '../contacts/types';
import type { DocumentFamily } from '../documents/resource';

/**
 * Sending documents by e-mail (issue 5, item 7): the send log as the API shows and takes it.
 *
 *   queued → sending → sent
 *      ↑        ↓
 *      └─ (4xx, network: retried with back-off) ─┘     sending → failed (5xx, or the retries used up)
 *   failed → queued (POST /v1/document-sends/{id}/retry)
 */
export const DOCUMENT_SEND_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type DocumentSendStatus = (typeof DOCUMENT_SEND_STATUSES)[number];

/** Who asked: a person or program (`manual`), the send date arriving (`schedule`), a `finalize_and_send` run. */
export const DOCUMENT_SEND_TRIGGERS = ['manual', 'schedule', 'billing_run'] as const;
export type DocumentSendTrigger = (typeof DOCUMENT_SEND_TRIGGERS)[number];

export type SendEInvoiceFormat = (typeof CONTACT_EINVOICE_FORMATS)[number];

export interface SentAttachment {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** One e-mail of a document, with every attempt's outcome. */
export interface DocumentSend {
  id: string;
  documentId: string;
  /** The resource the document lives under: invoice, credit_note or quote. */
  documentFamily: DocumentFamily;
  documentNumber: string | null;
  status: DocumentSendStatus;
  trigger: DocumentSendTrigger;
  recipients: string[];
  /** Addresses the server refused while it took the others: the mail went to the rest. */
  rejectedRecipients: string[];
  /** The e-invoice that goes with the PDF (the contact's preference unless the send chose); null: PDF only. */
  eInvoiceFormat: SendEInvoiceFormat | null;
  /** What the mail carried; filled once it was composed. */
  attachments: SentAttachment[];
  attempts: number;
  /** Stable code of the last failure: `smtp_rejected`, `smtp_deferred`, `smtp_unreachable`, … */
  lastErrorCode: string | null;
  lastError: string | null;
  /** The SMTP server's reply code and text to the last attempt (a bounce's reason, e.g. 550 …). */
  smtpCode: number | null;
  smtpResponse: string | null;
  messageId: string | null;
  /** When the worker tries again after a transient failure (an estimate of its back-off). */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  sentAt: string | null;
  failedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `POST /v1/invoices/{id}/send` (and credit notes, quotes). */
export interface SendInput {
  /** Instead of the contact's billing e-mail addresses. */
  recipients?: string[];
  /** Instead of the contact's preference; null sends the PDF alone. Not for quotes and pro-formas. */
  eInvoiceFormat?: SendEInvoiceFormat | null;
}

/** `POST /v1/document-sends/{id}/retry`: optionally to corrected addresses. */
export interface RetryInput {
  recipients?: string[];
}

export interface DocumentSendListQuery {
  limit?: number;
  startingAfter?: string;
  status?: DocumentSendStatus;
}
