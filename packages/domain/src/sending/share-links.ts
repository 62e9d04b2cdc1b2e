import * as audit from '../audit/service';
import { type Ctx, inTransaction, scoped } from '../context';
import { notFinalized } from '../documents/lifecycle';
import * as documentsRepo from '../documents/repo';
import type { DocumentFamily } from '../documents/resource';
import { FieldErrors, notFound } from '../errors';
import { applyCursor, type Page, type PageQuery, toPage } from '../pagination';
import * as accessTokens from './access-tokens';
import { ACCESS_TOKEN_TTL_DAYS } from './rules';
import { assertDocument } from './service';

/**
 * Share links (API.md: `POST /v1/invoices/{id}/share-link`, likewise credit notes and quotes): the customer
 * portal's link to one issued document, handed to the caller instead of mailed — for a shop's order page, a
 * chat message, a letter's QR code. The same tokens as the links in sent mails (access-tokens.ts: 256 random
 * bits, only the SHA-256 stored, expiring, revocable), so a document's list shows both, and revoking either
 * closes it: the portal then answers 410.
 */

export interface ShareLink {
  id: string;
  documentId: string;
  /** The send whose mail carries this link; null for a link made with `…/share-link`. */
  sendId: string | null;
  /** The portal URL with its token: in the answer of the create only; it is not stored and cannot be read again. */
  url?: string;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
}

export interface ShareLinkInput {
  /** Days until the link expires, on the organisation's clock (default: as a mailed link, 180). */
  expiresInDays?: number;
}

export const MAX_SHARE_LINK_DAYS = 365;

interface TokenRow {
  id: string;
  document_id: string;
  send_id: string | null;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Date;
}

function toShareLink(row: TokenRow): ShareLink {
  return {
    id: row.id,
    documentId: row.document_id,
    sendId: row.send_id,
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

function selectLinks(ctx: Ctx) {
  return scoped(ctx, 'document_access_tokens', 't')
    .leftJoin('document_sends as s', function sendOfToken() {
      this.on('s.organization_id', 't.organization_id').andOn('s.access_token_id', 't.id');
    })
    .select('t.id', 't.document_id', 's.id as send_id', 't.expires_at', 't.revoked_at', 't.created_at');
}

/**
 * Makes a portal link to an issued document (any status but draft: the page says paid, cancelled or how a quote
 * was answered). Answers the link with its URL, once; an audit entry records who made it, never the token.
 */
export async function create(
  ctx: Ctx,
  family: DocumentFamily,
  documentId: string,
  input: ShareLinkInput,
  publicUrl: string,
): Promise<ShareLink> {
  const errors = new FieldErrors();
  const days = input.expiresInDays ?? ACCESS_TOKEN_TTL_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_SHARE_LINK_DAYS)
    errors.add(
      'expiresInDays',
      'out_of_range',
      `must be a whole number of days from 1 to ${MAX_SHARE_LINK_DAYS}`,
    );
  errors.throwIfAny();
  return inTransaction(ctx, async (tx) => {
    const doc = await documentsRepo.findRow(tx, documentId, family);
    if (!doc) throw notFound(family, documentId);
    if (doc.status === 'draft') throw notFinalized(family);
    const expiresAt = new Date(tx.clock.now().getTime() + days * 86_400_000);
    const { id, token, createdAt } = await accessTokens.issue(tx, documentId, expiresAt);
    const link = toShareLink({
      id,
      document_id: documentId,
      send_id: null,
      expires_at: expiresAt,
      revoked_at: null,
      created_at: createdAt,
    });
    await audit.record(tx, {
      action: 'share_link.created',
      resourceType: 'share_link',
      resourceId: id,
      after: link,
    });
    return { ...link, url: accessTokens.portalUrl(publicUrl, token) };
  });
}

/**
 * The document's links, newest first: those made with `…/share-link` and those of its mails. `family` null:
 * a document of any family (GraphQL's `shareLinks(documentId)`).
 */
export async function listForDocument(
  ctx: Ctx,
  family: DocumentFamily | null,
  documentId: string,
  query: PageQuery,
): Promise<Page<ShareLink>> {
  await assertDocument(ctx, family, documentId);
  const rows: TokenRow[] = await applyCursor(
    selectLinks(ctx).where('t.document_id', documentId),
    query,
    't.id',
  );
  return toPage(rows, query, toShareLink);
}

/**
 * Revokes a link: the portal answers 410 to it from now on. Revoking a revoked link changes nothing. A mailed
 * link can be revoked too (the mail stays sent; its link no longer opens the document).
 */
export async function revoke(ctx: Ctx, id: string): Promise<ShareLink> {
  return inTransaction(ctx, async (tx) => {
    const before = (await selectLinks(tx).where('t.id', id).forUpdate('t').first()) as TokenRow | undefined;
    if (!before) throw notFound('share_link', id);
    if (before.revoked_at) return toShareLink(before);
    const after = toShareLink({ ...before, revoked_at: await accessTokens.revoke(tx, id) });
    await audit.record(tx, {
      action: 'share_link.revoked',
      resourceType: 'share_link',
      resourceId: id,
      before: toShareLink(before),
      after,
    });
    return after;
  });
}
