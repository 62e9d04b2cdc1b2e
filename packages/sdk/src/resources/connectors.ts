import type { RequestOptions } from '../http';
import type { RequestBody } from '../types';
import type { Article } from './articles';
import { Resource } from './base';
import type { Contact } from './contacts';

/** The contact as the shop knows it: the fields of a contact update (`kind` too, which a new contact needs). */
export type ConnectorContactParams = RequestBody<'/v1/connectors/{source}/contacts/{externalId}', 'put'>;
/** The article as the shop knows it: the fields of an article update (`name` and `priceModel` for a new one). */
export type ConnectorArticleParams = RequestBody<'/v1/connectors/{source}/articles/{externalId}', 'put'>;

/**
 * `fakturo.connectors`: a webshop's contacts and articles by the shop's own ids. Each call creates the record
 * the first time and updates it after (fields left out keep their values); the same body again changes
 * nothing — no new version, no event — so a connector may push its whole state on every sync.
 */
export class Connectors extends Resource {
  /**
   * Creates or updates the contact the shop `source` knows as `externalId`. Bank accounts and mandates the
   * contact has are recognised by IBAN and reference.
   *
   * @example
   * ```ts
   * const contact = await fakturo.connectors.upsertContact('shopify', customer.id, {
   *   kind: 'company',
   *   companyName: customer.company,
   *   emails: [{ email: customer.email, type: 'billing' }],
   * });
   * ```
   */
  upsertContact(
    source: string,
    externalId: string,
    params: ConnectorContactParams,
    options?: RequestOptions,
  ): Promise<Contact> {
    return this.call(
      'put',
      '/v1/connectors/{source}/contacts/{externalId}',
      { params: { source, externalId }, body: params },
      options,
    );
  }

  /**
   * Creates or updates the article the shop `source` knows as `externalId` (a new price applies to items added
   * from now on).
   *
   * @example
   * ```ts
   * await fakturo.connectors.upsertArticle('shopify', product.sku, {
   *   name: product.title,
   *   priceModel: { kind: 'flat', amount: product.priceCents },
   * });
   * ```
   */
  upsertArticle(
    source: string,
    externalId: string,
    params: ConnectorArticleParams,
    options?: RequestOptions,
  ): Promise<Article> {
    return this.call(
      'put',
      '/v1/connectors/{source}/articles/{externalId}',
      { params: { source, externalId }, body: params },
      options,
    );
  }
}
