import { DomainError, withArticle } from '../errors';
import type { DocumentFamily, DocumentStatus } from './resource';
import { FAMILY_TYPES } from './resource';
import type { DocumentType } from './types';

/**
 * Life cycles (issue 5, item 1) as data: which statuses an action starts from. A document's content is fixed
 * once it leaves `draft` (GoBD, DOMAIN.md §3); what follows only moves its status. An action from any other
 * status is a 409 whose code names the state (`invoice_not_draft`, `quote_not_accepted`, API.md).
 *
 *   invoice, pro-forma, corrected invoice:  draft → finalized → sent → partially_paid → paid
 *                                                              ↘ overdue ↗
 *                                           finalized | sent | overdue → cancelled (by a cancellation document)
 *   credit note:                            draft → finalized → sent
 *   cancellation (Storno):                  created finalized → sent
 *   quote:                                  draft → finalized → sent → accepted → converted
 *                                                               ↘ declined, expired
 *
 * `sent`, `partially_paid`, `paid` and `overdue` are set by sending, payments and dunning; they accept
 * `markSent` here so those services plug in without a new state. Payments (payments/rules.statusAfter) move an
 * invoice to `partially_paid` or `paid` — credit notes count towards `paid` — and a refund moves it back
 * (`partially_paid`, or `overdue`/`sent`/`finalized` when nothing is paid any more).
 */

export function familyOf(type: DocumentType): DocumentFamily {
  if (type === 'credit_note') return 'credit_note';
  if (type === 'quote') return 'quote';
  return 'invoice';
}

export function inFamily(family: DocumentFamily, type: DocumentType): boolean {
  return FAMILY_TYPES[family].includes(type);
}

/** Statuses an issued invoice can still be cancelled from: nothing has been paid on it. */
export const CANCELLABLE: readonly DocumentStatus[] = ['finalized', 'sent', 'overdue'];
/** Statuses in which a quote is open: the buyer may still accept or decline it. */
export const OPEN_QUOTE: readonly DocumentStatus[] = ['finalized', 'sent'];
/** Statuses of an invoice that count against the credit notes referring to it. */
export const CREDITABLE: readonly DocumentStatus[] = [
  'finalized',
  'sent',
  'partially_paid',
  'paid',
  'overdue',
];

export function notDraft(family: DocumentFamily, status: DocumentStatus): DomainError {
  return new DomainError(
    'conflict',
    `${family}_not_draft`,
    `The ${family.replace('_', ' ')} is ${status.replace('_', ' ')}, not a draft; issued documents are corrected by a new document.`,
    { details: { state: status } },
  );
}

export function notFinalized(family: DocumentFamily): DomainError {
  return new DomainError(
    'conflict',
    `${family}_not_finalized`,
    `The ${family.replace('_', ' ')} is a draft; finalize it first.`,
    { details: { state: 'draft' } },
  );
}

/** GoBD (DOMAIN.md §3): the content of an issued document never changes. */
export function immutable(family: DocumentFamily, number: string | null, fields: string[]): DomainError {
  return new DomainError(
    'conflict',
    'document_immutable',
    `${family.replace('_', ' ')} ${number ?? ''} is issued and its content cannot change (GoBD); correct it with a credit note or cancel it.`.replace(
      /^./,
      (c) => c.toUpperCase(),
    ),
    {
      errors: fields.map((path) => ({
        path,
        code: 'document_immutable',
        message: 'cannot change after finalize',
      })),
    },
  );
}

/** A quote action from a status that does not allow it: the code names the quote's state. */
export function quoteState(status: DocumentStatus, action: string): DomainError {
  const code =
    status === 'draft'
      ? 'quote_not_finalized'
      : status === 'accepted'
        ? 'quote_already_accepted'
        : status === 'converted'
          ? 'quote_already_converted'
          : `quote_${status}`;
  return new DomainError('conflict', code, `${withArticle(`${status} quote`)} cannot be ${action}.`, {
    details: { state: status },
  });
}
