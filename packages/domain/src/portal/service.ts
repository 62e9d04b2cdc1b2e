import type { Db } from '@fakturo/db';
import { type Clock, calendarDate } from '../clock';
import { type Ctx, systemContext } from '../context';
import { familyOf, OPEN_QUOTE } from '../documents/lifecycle';
import type { Document, DocumentFamily } from '../documents/resource';
import * as documentService from '../documents/service';
import type { DocumentLanguage, DocumentType } from '../documents/types';
import { FieldErrors } from '../errors';
import * as organizations from '../organizations/service';
import * as psp from '../psp/service';
import { hashToken, portalUrl } from '../sending/access-tokens';
import { clockOf } from '../test-clock/service';
import { parseSignature } from './signature';

/**
 * The customer portal's access (DOMAIN.md §12): the link in a sent mail opens that one document without an API
 * key. The token is looked up by its SHA-256 (the plain token is never stored), and works until it expires or
 * is revoked — on the organisation's clock, so a sandbox's test clock lets links expire in tests.
 */

/** `fkp_` and 32 random bytes in base64url (sending/access-tokens.ts); anything else is not looked up. */
const TOKEN = /^fkp_[A-Za-z0-9_-]{43}$/;

export type PortalAccess =
  | { status: 'open'; ctx: Ctx; documentId: string; family: DocumentFamily }
  /** Expired, or revoked (its mail never went out): the page says so in the document's language. */
  | { status: 'expired'; language: DocumentLanguage }
  | { status: 'unknown' };

/** `clockFor`: the clock an organisation runs on when it has no test clock (system time). */
export async function open(
  db: Db,
  token: string,
  clockFor: (organizationId: string) => Clock,
): Promise<PortalAccess> {
  if (!TOKEN.test(token)) return { status: 'unknown' };
  const row:
    | {
        id: string;
        organization_id: string;
        document_id: string;
        expires_at: Date;
        revoked_at: Date | null;
        type: DocumentType;
        language: DocumentLanguage;
      }
    | undefined = await db('document_access_tokens as t')
    .join('documents as d', function () {
      this.on('d.organization_id', 't.organization_id').andOn('d.id', 't.document_id');
    })
    .where('t.token_hash', hashToken(token))
    .first(
      't.id',
      't.organization_id',
      't.document_id',
      't.expires_at',
      't.revoked_at',
      'd.type',
      'd.language',
    );
  if (!row) return { status: 'unknown' };
  const clock = await clockOf(db, row.organization_id, clockFor(row.organization_id));
  if (row.revoked_at || row.expires_at.getTime() <= clock.now().getTime())
    return { status: 'expired', language: row.language };
  return {
    status: 'open',
    ctx: systemContext(db, row.organization_id, clock, `portal:${row.id}`),
    documentId: row.document_id,
    family: familyOf(row.type),
  };
}

type OpenAccess = Extract<PortalAccess, { status: 'open' }>;

/** The customer opened the page: the document's first view is recorded (`viewedAt`, `<family>.viewed`). */
export function markViewed(access: OpenAccess): Promise<boolean> {
  return documentService.markViewed(access.ctx, access.family, access.documentId);
}

/** The document as it is now: its status, what is paid and open. */
export function document(access: OpenAccess): Promise<Document> {
  return documentService.get(access.ctx, access.family, access.documentId);
}

/** The invoice the document refers to (a credit note's, a cancellation's, a corrected invoice's): its number and date. */
async function precedingOf(
  access: OpenAccess,
  doc: Document,
): Promise<{ number: string; issueDate: string } | null> {
  if (!doc.precedingDocumentId) return null;
  const preceding = await documentService.get(access.ctx, 'invoice', doc.precedingDocumentId);
  return preceding.number && preceding.issueDate
    ? { number: preceding.number, issueDate: preceding.issueDate }
    : null;
}

/** What the document's page shows and offers, decided here once for the route that renders it. */
export interface PortalView {
  doc: Document;
  /** The invoice a credit note, cancellation or corrected invoice refers to. */
  preceding: { number: string; issueDate: string } | null;
  eInvoices: PortalEInvoiceKind[];
  payOnline: boolean;
  /** Quotes: the organisation's today (a quote valid until before it is shown as expired). */
  today: string | undefined;
  /** An open quote: the page offers to accept or decline it. */
  openQuote: boolean;
}

export async function view(access: OpenAccess): Promise<PortalView> {
  const doc = await document(access);
  const day = doc.type === 'quote' ? await today(access) : undefined;
  return {
    doc,
    preceding: await precedingOf(access, doc),
    eInvoices: await storedEInvoices(access),
    payOnline: await canPayOnline(access, doc),
    today: day,
    openQuote: day !== undefined && isOpenQuote(doc, day),
  };
}

/** The stored PDF, the same bytes as the mail's attachment. */
export function pdf(access: OpenAccess): Promise<documentService.DocumentFile> {
  return documentService.file(access.ctx, access.family, access.documentId, 'pdf');
}

/** The e-invoices the page offers: XRechnung files already stored for the document (the worker renders them). */
export const E_INVOICE_KINDS = ['xrechnung-cii', 'xrechnung-ubl'] as const;
export type PortalEInvoiceKind = (typeof E_INVOICE_KINDS)[number];

async function storedEInvoices(access: OpenAccess): Promise<PortalEInvoiceKind[]> {
  const rows: { kind: PortalEInvoiceKind }[] = await access.ctx
    .db('document_files')
    .where({ organization_id: access.ctx.organizationId, document_id: access.documentId })
    .whereIn('kind', E_INVOICE_KINDS)
    .orderBy('kind')
    .select('kind');
  return rows.map((r) => r.kind);
}

/** A stored XRechnung of the document; a kind not stored is a 404 (nothing is rendered on a customer's request). */
export async function eInvoice(
  access: OpenAccess,
  kind: string,
): Promise<documentService.DocumentFile | null> {
  if (!(E_INVOICE_KINDS as readonly string[]).includes(kind)) return null;
  const stored = await access.ctx
    .db('document_files')
    .where({ organization_id: access.ctx.organizationId, document_id: access.documentId, kind })
    .first('kind');
  if (!stored) return null;
  return documentService.file(access.ctx, access.family, access.documentId, kind as PortalEInvoiceKind);
}

/**
 * Whether the page offers to pay online: an invoice the customer still owes money on, not collected by direct
 * debit, of an organisation with a payment provider to pay it through (the default one, or its only one).
 */
async function canPayOnline(access: OpenAccess, doc: Document): Promise<boolean> {
  return (
    isPayable(doc) &&
    doc.paymentMeans?.kind !== 'sepa_debit' &&
    (await psp.defaultProvider(access.ctx)) !== null
  );
}

export function isPayable(doc: Document): boolean {
  return (
    (doc.type === 'invoice' || doc.type === 'corrected_invoice') &&
    doc.status !== 'cancelled' &&
    doc.amountOpen > 0
  );
}

/**
 * `POST /portal/{token}/pay`: the provider's checkout for what is open now (psp.createPaymentLink — an open
 * link for the same amount is reused, so pressing twice gives one checkout), returning to the portal page.
 */
export async function payOnline(access: OpenAccess, token: string, publicUrl: string): Promise<string> {
  const { link } = await psp.createPaymentLink(
    access.ctx,
    access.documentId,
    // back to the page, which then says the payment is being confirmed until the provider's callback books it
    { returnUrl: `${portalUrl(publicUrl, token)}?from=checkout` },
    { publicUrl },
  );
  return link.url;
}

/** The organisation's calendar day: a quote is open through its `validUntil` day. */
async function today(access: OpenAccess): Promise<string> {
  const org = await organizations.get(access.ctx);
  return calendarDate(access.ctx.clock.now(), org.timezone);
}

/** Whether the page offers to accept the quote: finalized or sent, and valid today. */
function isOpenQuote(doc: Document, day: string): boolean {
  return (
    doc.type === 'quote' &&
    OPEN_QUOTE.includes(doc.status) &&
    (doc.validUntil === null || doc.validUntil >= day)
  );
}

/**
 * A name or reason typed into a portal form: trimmed and within its length. (Control characters never get here:
 * the API's text-input check refuses them in every body, the portal's forms too.)
 */
function typedText(
  errors: FieldErrors,
  path: string,
  value: string | undefined,
  max: number,
  required = false,
): string | null {
  const text = value?.trim() || null;
  if (!text) {
    if (required) errors.add(path, 'required', 'who answers: the signer’s name');
    return null;
  }
  if (text.length > max)
    errors.add(path, 'too_long', `must be at most ${max.toLocaleString('en')} characters`);
  return text;
}

/** The browser's evidence of an answer, as the portal stores it (a user agent of at most 500 characters). */
function evidenceOf(
  input: { ip: string; userAgent?: string },
  signature: Buffer | null,
): documentService.PortalEvidence {
  return { ip: input.ip, userAgent: input.userAgent?.slice(0, 500) || null, signature };
}

export interface PortalAcceptance {
  signerName?: string;
  /** The drawn signature as the page's canvas sends it: `data:image/png;base64,…`; empty when none was drawn. */
  signature?: string;
  ip: string;
  userAgent?: string;
}

/**
 * `POST /portal/{token}/accept`: the customer accepts the quote (DOMAIN.md §12) — recorded with the time, the
 * signer's name, the browser's address and user agent, the SHA-256 of the quote PDF shown and, when drawn, the
 * signature (quotes.accept). A missing name or a bad signature answers 422 naming the field; a quote that is
 * no longer open, 409 as through the API.
 */
export async function acceptQuote(access: OpenAccess, input: PortalAcceptance): Promise<Document> {
  const errors = new FieldErrors();
  if (access.family !== 'quote') errors.add('quote', 'not_a_quote', 'only a quote can be accepted');
  const signerName = typedText(errors, 'signerName', input.signerName, 200, true);
  const signature = parseSignature(input.signature);
  if (signature instanceof Error) errors.add('signature', 'signature_invalid', signature.message);
  errors.throwIfAny();
  return documentService.accept(
    access.ctx,
    access.documentId,
    { signerName },
    evidenceOf(input, signature instanceof Error ? null : signature),
  );
}

export interface PortalDecline {
  signerName?: string;
  reason?: string;
  ip: string;
  userAgent?: string;
}

/**
 * `POST /portal/{token}/decline`: the customer declines the quote, with a name and a reason if they give them,
 * recorded with the browser's address and user agent (quotes.decline). Too long a name or reason answers 422.
 */
export async function declineQuote(access: OpenAccess, input: PortalDecline): Promise<Document> {
  const errors = new FieldErrors();
  if (access.family !== 'quote') errors.add('quote', 'not_a_quote', 'only a quote can be declined');
  const signerName = typedText(errors, 'signerName', input.signerName, 200);
  const reason = typedText(errors, 'reason', input.reason, 2000);
  errors.throwIfAny();
  return documentService.decline(
    access.ctx,
    access.documentId,
    { signerName, reason },
    evidenceOf(input, null),
  );
}
