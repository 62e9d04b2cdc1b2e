import type { RequestOptions } from '../http';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource } from './base';

/**
 * A customer portal link to one issued invoice, credit note or quote: no API key, the token is the access.
 * `url` is set only in the answer of `createShareLink` (only the token's SHA-256 is stored).
 */
export type ShareLink = Schema<'ShareLink'>;
export type ShareLinkPage = SuccessBody<'/v1/invoices/{id}/share-links', 'get'>;
/** Paging of a document's links. */
export type ShareLinkListParams = QueryParams<'/v1/invoices/{id}/share-links', 'get'>;
/** Optional: `expiresInDays` (1–365, default 180). */
export type ShareLinkParams = RequestBody<'/v1/invoices/{id}/share-link', 'post'>;

/**
 * `fakturo.shareLinks`: revoking the portal links made by `invoices.createShareLink`, `creditNotes.createShareLink`
 * and `quotes.createShareLink`, or carried by a sent e-mail (the lists: `listShareLinks` there).
 */
export class ShareLinks extends Resource {
  /**
   * Revokes a link: the portal answers 410 to it from then on. Revoking a revoked link changes nothing.
   *
   * @example
   * ```ts
   * await fakturo.shareLinks.revoke(link.id);
   * ```
   */
  async revoke(id: string, options?: RequestOptions): Promise<void> {
    await this.call('delete', '/v1/share-links/{id}', { params: { id } }, options);
  }
}
