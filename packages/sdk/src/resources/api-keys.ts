import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource } from './base';

export type ApiKey = Schema<'ApiKey'>;
/** A new key with its `secret`, which the API shows only this once. */
export type ApiKeyWithSecret = Schema<'ApiKeyWithSecret'>;
export type ApiKeyCreateParams = RequestBody<'/v1/api-keys', 'post'>;
export type ApiKeyListParams = QueryParams<'/v1/api-keys', 'get'>;
export type ApiKeyPage = SuccessBody<'/v1/api-keys', 'get'>;

/** `fakturo.apiKeys`: the secret keys of your organisation. */
export class ApiKeys extends Resource {
  /**
   * Creates a key. Store `secret` now: the API keeps only a hash and never shows it again.
   *
   * @example
   * ```ts
   * const key = await fakturo.apiKeys.create({ name: 'Reporting (read only)', scopes: ['read'] });
   * saveSomewhereSafe(key.secret);
   * ```
   */
  create(params: ApiKeyCreateParams, options?: RequestOptions): Promise<ApiKeyWithSecret> {
    return this.call('post', '/v1/api-keys', { body: params }, options);
  }

  /**
   * One page of active keys (without secrets).
   *
   * @example
   * ```ts
   * const { data } = await fakturo.apiKeys.list({ limit: 100 });
   * for (const key of data) console.log(key.name, key.secretHint, key.lastUsedAt);
   * ```
   */
  list(params: ApiKeyListParams = {}, options?: RequestOptions): Promise<ApiKeyPage> {
    return this.call('get', '/v1/api-keys', { query: params }, options);
  }

  /**
   * Every active key, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const keys = await fakturo.apiKeys.listAutoPaging({}, { maxItems: 200 }).toArray();
   * ```
   */
  listAutoPaging(
    params: ApiKeyListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<ApiKey> {
    return autoPage((query: ApiKeyListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Revokes a key; it stops working at once.
   *
   * @example
   * ```ts
   * await fakturo.apiKeys.revoke('key_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  async revoke(id: string, options?: RequestOptions): Promise<void> {
    await this.call('delete', '/v1/api-keys/{id}', { params: { id } }, options);
  }
}
