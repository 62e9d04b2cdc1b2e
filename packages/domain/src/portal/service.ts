import type { Db } from '@fakturo/db';
import type { Clock } from '../clock';
import { type Ctx, systemContext } from '../context';
import { familyOf } from '../documents/lifecycle';
import type { Document, DocumentFamily } from '../documents/resource';
import * as documentService from '../documents/service';
import type { DocumentLanguage, DocumentType } from '../documents/types';
import * as psp from '../psp/service';
import { hashToken, portalUrl } from '../sending/access-tokens';
import { clockOf } from '../test-clock/service';

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

/** The document as it is now: its status, what is paid and open. */
export function document(access: OpenAccess): Promise<Document> {
  return documentService.get(access.ctx, access.family, access.documentId);
}

/** The stored PDF, the same bytes as the mail's attachment. */
export function pdf(access: OpenAccess): Promise<documentService.DocumentFile> {
  return documentService.file(access.ctx, access.family, access.documentId, 'pdf');
}

/**
 * Whether the page offers to pay online: an invoice the customer still owes money on, not collected by direct
 * debit, of an organisation with a payment provider to pay it through (the default one, or its only one).
 */
export async function canPayOnline(access: OpenAccess, doc: Document): Promise<boolean> {
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
    { returnUrl: portalUrl(publicUrl, token) },
    { publicUrl },
  );
  return link.url;
}
