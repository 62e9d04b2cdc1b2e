import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource, type UpdateOptions } from './base';

/** Where Fakturo sends signed webhooks, and which event types. */
export type WebhookEndpoint = Schema<'WebhookEndpoint'>;
/** An endpoint with its `whsec_…` signing secret, which the API shows only on creation and rotation. */
export type WebhookEndpointWithSecret = Schema<'WebhookEndpointWithSecret'>;
export type WebhookEndpointCreateParams = RequestBody<'/v1/webhook-endpoints', 'post'>;
export type WebhookEndpointUpdateParams = RequestBody<'/v1/webhook-endpoints/{id}', 'patch'>;
export type WebhookEndpointListParams = QueryParams<'/v1/webhook-endpoints', 'get'>;
export type WebhookEndpointPage = SuccessBody<'/v1/webhook-endpoints', 'get'>;
export type WebhookSecretRotationParams = RequestBody<'/v1/webhook-endpoints/{id}/rotate-secret', 'post'>;
export type WebhookReplayParams = RequestBody<'/v1/webhook-endpoints/{id}/replay', 'post'>;
export type WebhookReplayResult = SuccessBody<'/v1/webhook-endpoints/{id}/replay', 'post'>;
/** One event on its way to one endpoint, with its last attempt (status code, duration, response excerpt). */
export type WebhookDelivery = Schema<'WebhookDelivery'>;
export type WebhookDeliveryListParams = QueryParams<'/v1/webhook-endpoints/{id}/deliveries', 'get'>;
export type WebhookDeliveryPage = SuccessBody<'/v1/webhook-endpoints/{id}/deliveries', 'get'>;

/** `fakturo.webhookEndpoints`: subscriptions to events, delivered signed (see `verifyWebhook`). */
export class WebhookEndpoints extends Resource {
  /**
   * Subscribes a URL to event types (`contact.*`, `invoice.paid`, `*`). Store `secret` now: the API shows
   * it only here and on rotation.
   *
   * @example
   * ```ts
   * const endpoint = await fakturo.webhookEndpoints.create({
   *   url: 'https://shop.example.com/hooks/fakturo',
   *   enabledEvents: ['contact.*', 'invoice.paid'],
   * });
   * saveSomewhereSafe(endpoint.secret); // whsec_…
   * ```
   */
  create(params: WebhookEndpointCreateParams, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    return this.call('post', '/v1/webhook-endpoints', { body: params }, options);
  }

  /**
   * Reads one endpoint (without its secret).
   *
   * @example
   * ```ts
   * const endpoint = await fakturo.webhookEndpoints.get('we_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * if (!endpoint.enabled) console.log('disabled:', endpoint.disabledReason);
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.call('get', '/v1/webhook-endpoints/{id}', { params: { id } }, options);
  }

  /**
   * Changes URL, event types, description or the enabled flag; `ifMatch` guards against concurrent edits.
   *
   * @example
   * ```ts
   * const endpoint = await fakturo.webhookEndpoints.get(id);
   * await fakturo.webhookEndpoints.update(id, { enabled: true }, { ifMatch: endpoint.version });
   * ```
   */
  update(
    id: string,
    params: WebhookEndpointUpdateParams,
    options: UpdateOptions = {},
  ): Promise<WebhookEndpoint> {
    const { ifMatch, ...rest } = options;
    return this.call('patch', '/v1/webhook-endpoints/{id}', { params: { id }, body: params, ifMatch }, rest);
  }

  /**
   * Deletes an endpoint; nothing more is sent to it.
   *
   * @example
   * ```ts
   * await fakturo.webhookEndpoints.del('we_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  async del(id: string, options?: RequestOptions): Promise<void> {
    await this.call('delete', '/v1/webhook-endpoints/{id}', { params: { id } }, options);
  }

  /**
   * One page of endpoints, newest first.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.webhookEndpoints.list();
   * ```
   */
  list(params: WebhookEndpointListParams = {}, options?: RequestOptions): Promise<WebhookEndpointPage> {
    return this.call('get', '/v1/webhook-endpoints', { query: params }, options);
  }

  /**
   * Every endpoint, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const endpoints = await fakturo.webhookEndpoints.listAutoPaging({}, { maxItems: 100 }).toArray();
   * ```
   */
  listAutoPaging(
    params: WebhookEndpointListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<WebhookEndpoint> {
    return autoPage((query: WebhookEndpointListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Issues a new secret. Until `expiresIn` seconds have passed (default 24 h) deliveries carry a signature
   * with the old secret too, so receivers can switch without missing a delivery.
   *
   * @example
   * ```ts
   * const { secret } = await fakturo.webhookEndpoints.rotateSecret(id, { expiresIn: 3600 });
   * // deploy `secret` to the receiver within the hour; verifyWebhook accepts either meanwhile
   * ```
   */
  rotateSecret(
    id: string,
    params: WebhookSecretRotationParams = {},
    options?: RequestOptions,
  ): Promise<WebhookEndpointWithSecret> {
    return this.call(
      'post',
      '/v1/webhook-endpoints/{id}/rotate-secret',
      { params: { id }, body: params },
      options,
    );
  }

  /**
   * Sends a test event to the endpoint now; resolves to its delivery, to follow in `listDeliveries`.
   *
   * @example
   * ```ts
   * const delivery = await fakturo.webhookEndpoints.test(id);
   * ```
   */
  test(id: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.call('post', '/v1/webhook-endpoints/{id}/test', { params: { id } }, options);
  }

  /**
   * The endpoint's delivery log, newest first: status, attempts, status code, duration, response excerpt.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.webhookEndpoints.listDeliveries(id, { status: 'failed' });
   * ```
   */
  listDeliveries(
    id: string,
    params: WebhookDeliveryListParams = {},
    options?: RequestOptions,
  ): Promise<WebhookDeliveryPage> {
    return this.call(
      'get',
      '/v1/webhook-endpoints/{id}/deliveries',
      { params: { id }, query: params },
      options,
    );
  }

  /**
   * The whole delivery log, newest first, page by page, up to `maxItems` (required); the same filters as
   * `listDeliveries`.
   *
   * @example
   * ```ts
   * for await (const delivery of fakturo.webhookEndpoints.listDeliveriesAutoPaging(
   *   id,
   *   { status: 'failed' },
   *   { maxItems: 1000 },
   * )) {
   *   await fakturo.webhookDeliveries.retry(delivery.id);
   * }
   * ```
   */
  listDeliveriesAutoPaging(
    id: string,
    params: WebhookDeliveryListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<WebhookDelivery> {
    return autoPage(
      (query: WebhookDeliveryListParams) => this.listDeliveries(id, query, options),
      params ?? {},
      bound,
    );
  }

  /**
   * Sends events again: by id, or every subscribed event in a time range.
   *
   * @example
   * ```ts
   * const { enqueued } = await fakturo.webhookEndpoints.replay(id, { from: '2026-11-26T00:00:00Z' });
   * ```
   */
  replay(id: string, params: WebhookReplayParams, options?: RequestOptions): Promise<WebhookReplayResult> {
    return this.call('post', '/v1/webhook-endpoints/{id}/replay', { params: { id }, body: params }, options);
  }
}

/** `fakturo.webhookDeliveries`: single deliveries, e.g. to retry one by hand. */
export class WebhookDeliveries extends Resource {
  /**
   * Reads one delivery.
   *
   * @example
   * ```ts
   * const delivery = await fakturo.webhookDeliveries.get('whd_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.call('get', '/v1/webhook-deliveries/{id}', { params: { id } }, options);
  }

  /**
   * Sends a delivery again now, e.g. after fixing the receiver.
   *
   * @example
   * ```ts
   * await fakturo.webhookDeliveries.retry('whd_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  retry(id: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.call('post', '/v1/webhook-deliveries/{id}/retry', { params: { id } }, options);
  }
}
