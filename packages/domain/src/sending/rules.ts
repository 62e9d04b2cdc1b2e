import type { ContactEmail } from '../contacts/types';
import type { DocumentFamily, DocumentStatus } from '../documents/resource';
import type { DocumentType } from '../documents/types';
import { DomainError, type FieldErrors, withArticle } from '../errors';
import { isEmail } from '../validation/codes';

/** Pure rules of sending: who gets a document, what may be sent, and how an SMTP failure is judged. */

/** A mail goes to at most this many addresses (the API's limit too). */
export const MAX_RECIPIENTS = 10;

/**
 * Attempts of one send before it is given up. graphile-worker waits exp(min(attempt, 10)) seconds after each
 * failure, so 12 attempts span about 22 hours: longer than any greylisting, short enough that a relay that
 * is down for a day shows up as failed sends instead of silently waiting.
 */
export const SEND_MAX_ATTEMPTS = 12;

/** How long a portal link in a mail works. */
export const ACCESS_TOKEN_TTL_DAYS = 180;

/**
 * The contact's addresses a document goes to: every `billing` address, else the first address of any type
 * (a contact's general address is better than no mail at all). Duplicates count once.
 */
export function recipientsOf(emails: readonly ContactEmail[]): string[] {
  const billing = emails.filter((e) => e.type === 'billing').map((e) => e.email);
  const chosen = billing.length > 0 ? billing : emails.slice(0, 1).map((e) => e.email);
  return [...new Set(chosen.map((e) => e.trim()))].slice(0, MAX_RECIPIENTS);
}

/** Reports every address that is not one, and an empty or too long list. */
export function checkRecipients(
  recipients: readonly string[],
  errors: FieldErrors,
  path = 'recipients',
): void {
  if (recipients.length === 0) {
    errors.add(path, 'recipient_missing', 'give at least one e-mail address, or add one to the contact');
  }
  if (recipients.length > MAX_RECIPIENTS) {
    errors.add(path, 'too_many_recipients', `at most ${MAX_RECIPIENTS} addresses`);
  }
  recipients.forEach((address, i) => {
    if (!isEmail(address))
      errors.add(`${path}.${i}`, 'email_invalid', `'${address}' is not an e-mail address`);
  });
}

/** E-invoices (EN 16931) exist for invoices in the tax sense: not for quotes and pro-formas. */
export function takesEInvoice(type: DocumentType): boolean {
  return type !== 'quote' && type !== 'pro_forma';
}

/**
 * Why a document cannot be e-mailed now, or null when it can. Drafts are not issued yet; a cancelled invoice
 * was reversed (send its cancellation document instead); a quote that was declined, expired or converted is
 * no longer an offer.
 */
export function sendRefusal(family: DocumentFamily, status: DocumentStatus): DomainError | null {
  if (status === 'draft') {
    return new DomainError(
      'conflict',
      `${family}_not_finalized`,
      `The ${family.replace('_', ' ')} is a draft; finalize it before sending it.`,
      { details: { state: status } },
    );
  }
  if (
    status === 'cancelled' ||
    (family === 'quote' && ['declined', 'expired', 'converted'].includes(status))
  ) {
    return new DomainError(
      'conflict',
      `${family}_not_sendable`,
      `${withArticle(`${status} ${family.replace('_', ' ')}`)} is not sent${status === 'cancelled' ? '; send its cancellation document instead' : ''}.`,
      { details: { state: status } },
    );
  }
  return null;
}

/** How an attempt ended when it did not succeed. */
export interface SendFailure {
  /** true: retrying the same mail cannot help (a 5xx rejection, a document that cannot be rendered). */
  permanent: boolean;
  code: string;
  message: string;
  smtpCode: number | null;
  smtpResponse: string | null;
}

interface SmtpErrorShape {
  code?: string;
  message?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
}

/**
 * Judges a failed SMTP attempt (nodemailer's error) by RFC 5321: a 5yz reply is permanent (the mail bounced:
 * 550 no such user, 552 too large), a 4yz reply transient (451 try later, greylisting), and so is anything
 * without a reply — the server unreachable, a timeout. 503 (bad sequence) is transient: nodemailer's own
 * `permanent` flag says so. Failed authentication is our configuration, not the mail: retried, so the sends
 * go out once the operator fixes it.
 */
export function classifySmtpError(error: unknown): SendFailure {
  const e = (error ?? {}) as SmtpErrorShape;
  const message = e.message ?? String(error);
  const smtpCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const smtpResponse = typeof e.response === 'string' ? e.response.slice(0, 1000) : null;
  if (e.code === 'EAUTH') {
    return { permanent: false, code: 'smtp_auth_failed', message, smtpCode, smtpResponse };
  }
  if (smtpCode !== null) {
    const permanent = e.permanent ?? (smtpCode >= 500 && smtpCode < 600 && smtpCode !== 503);
    return {
      permanent,
      code: permanent ? 'smtp_rejected' : 'smtp_deferred',
      message,
      smtpCode,
      smtpResponse,
    };
  }
  const network = ['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ECONNREFUSED', 'EPROXY', 'ETLS'];
  return {
    permanent: false,
    code: network.includes(e.code ?? '') ? 'smtp_unreachable' : 'send_error',
    message,
    smtpCode: null,
    smtpResponse: null,
  };
}

/** When graphile-worker runs a job again after its `attempt`-th failure (its back-off: exp(min(n, 10)) s). */
export function nextAttemptAt(failedAt: Date, attempt: number): Date {
  return new Date(failedAt.getTime() + Math.round(Math.exp(Math.min(attempt, 10)) * 1000));
}
