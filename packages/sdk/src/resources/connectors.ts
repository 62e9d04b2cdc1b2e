import type { RequestOptions } from '../http';
import type { RequestBody } from '../types';
import type { Article } from './articles';
import { Resource } from './base';
import type { Contact } from './contacts';
import type { Invoice } from './invoices';

/** The contact as the shop knows it: the fields of a contact update (`kind` too, which a new contact needs). */
export type ConnectorContactParams = RequestBody<'/v1/connectors/{source}/contacts/{externalId}', 'put'>;
/** The article as the shop knows it: the fields of an article update (`name` and `priceModel` for a new one). */
export type ConnectorArticleParams = RequestBody<'/v1/connectors/{source}/articles/{externalId}', 'put'>;
/** A shop order: the `customer` and the products on its `lines` as the shop knows them, and the invoice's fields. */
export type ConnectorOrderParams = RequestBody<'/v1/connectors/{source}/orders/{externalId}', 'put'>;

/**
 * `fakturo.connectors`: a webshop's contacts, articles and orders by the shop's own ids. Each call creates the record
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

  /**
   * Turns the shop order `externalId` into one invoice: its customer and products are created or updated by the
   * shop's ids, the invoice written as a draft (or finalized with `finalize: true`). The same order again gives
   * the same invoice unchanged; a changed order updates the draft, and once it is issued is a `ConflictError`
   * (`order_invoice_issued`).
   *
   * @example
   * ```ts
   * const invoice = await fakturo.connectors.upsertOrder('shopify', order.id, {
   *   customer: { externalId: order.customer.id, kind: 'person', lastName: order.customer.lastName },
   *   lines: order.items.map((item) => ({
   *     article: { externalId: item.sku, name: item.title, priceModel: { kind: 'per_unit', unitAmount: String(item.priceCents) } },
   *     quantity: String(item.quantity),
   *   })),
   *   finalize: true,
   * });
   * ```
   */
  upsertOrder(
    source: string,
    externalId: string,
    params: ConnectorOrderParams,
    options?: RequestOptions,
  ): Promise<Invoice> {
    return this.call(
      'put',
      '/v1/connectors/{source}/orders/{externalId}',
      { params: { source, externalId }, body: params },
      options,
    );
  }
}
